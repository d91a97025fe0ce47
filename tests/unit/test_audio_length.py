"""A recording's length, read from its bytes before it goes anywhere."""

from __future__ import annotations

import pytest

from services.conductor.audio_length import audio_seconds
from tests.support.voice_notes import opus_recording, wav_recording


def test_a_wav_lasts_its_frames_over_its_rate() -> None:
    assert audio_seconds(wav_recording(1.5)) == pytest.approx(1.5)


def test_an_ogg_opus_voice_note_lasts_its_last_granule_less_the_pre_skip() -> None:
    assert audio_seconds(opus_recording(42.0)) == pytest.approx(42.0)


def test_a_cut_ogg_file_has_no_length() -> None:
    whole = opus_recording(3.0)
    assert audio_seconds(whole[: len(whole) - 10]) is None


@pytest.mark.parametrize("data", [b"", b"ID3\x04mp3 frames", b"RIFF\x00\x00\x00\x00WAVEjunk"])
def test_a_format_not_read_here_has_no_length(data: bytes) -> None:
    assert audio_seconds(data) is None
