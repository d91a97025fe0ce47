"""The bounds on voice notes and on a turn's model time, as the conductor reads them."""

from __future__ import annotations

import pytest

from services.conductor.settings import ConductorSettings
from services.conductor.transcription import VoiceNoteRules
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env


def settings(**env: str) -> ConductorSettings:
    return ConductorSettings.from_env({**env, **kek_env()})


def test_without_settings_the_defaults_hold() -> None:
    read = settings()
    assert read.voice_notes == VoiceNoteRules()
    assert read.groq_turn_seconds == 25


def test_the_bounds_and_the_model_are_read() -> None:
    read = settings(
        VOICE_NOTE_MAX_BYTES="500000",
        VOICE_NOTE_MAX_SECONDS="60",
        GROQ_TRANSCRIPTION_MODEL="whisper-large-v3",
        GROQ_TURN_TIMEOUT_SECONDS="40",
    )
    assert read.voice_notes == VoiceNoteRules(500_000, 60, "whisper-large-v3")
    assert read.groq_turn_seconds == 40


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("VOICE_NOTE_MAX_BYTES", "lots"),
        ("VOICE_NOTE_MAX_BYTES", "0"),
        ("VOICE_NOTE_MAX_BYTES", "26000000"),  # past Groq's upload limit
        ("VOICE_NOTE_MAX_SECONDS", "-5"),
        ("GROQ_TURN_TIMEOUT_SECONDS", "0"),
        ("GROQ_TURN_TIMEOUT_SECONDS", "3600"),
    ],
)
def test_a_bad_value_is_refused_naming_the_setting(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        settings(**{name: value})
