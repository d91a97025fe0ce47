"""The burst rule: which message defers to the next, how long to wait for one, how a
burst reads as one message, and how it reads before consent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from events.schema import MediaInfo, MessageReceived
from services.conductor.burst import before_consent, defers_to, joined, left_to_wait
from services.conductor.settings import ConductorSettings
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env

T0 = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
WINDOW = timedelta(seconds=3)


def said(text: str, seconds: float = 0, n: int = 0, **more: object) -> MessageReceived:
    return MessageReceived(
        message_id=f"m{n}", chat_id="5511999990000@c.us", sender="5511999990000@c.us",
        text=text, sent_at=T0 + timedelta(seconds=seconds), **more,  # type: ignore[arg-type]
    )  # fmt: skip


def test_a_message_followed_within_the_window_defers_to_its_follower() -> None:
    assert defers_to(said("oi"), said("quero marcar", 2.9), WINDOW)


def test_a_message_followed_after_the_window_takes_its_own_turn() -> None:
    assert not defers_to(said("oi"), said("quero marcar", 3.1), WINDOW)


def test_a_window_of_zero_folds_nothing() -> None:
    assert not defers_to(said("oi"), said("quero marcar"), timedelta(0))


def test_a_voice_note_neither_defers_nor_is_deferred_to() -> None:
    audio = said("", 1, media=MediaInfo(mimetype="audio/ogg"))
    assert not defers_to(said("oi"), audio, WINDOW)
    assert not defers_to(audio, said("oi", 2), WINDOW)


def test_a_burst_reads_as_its_texts_in_order_under_its_last_message() -> None:
    burst = [said("oi", 0, 1), said(" quero marcar ", 1, 2), said("amanhã às 15h", 2, 3)]
    one = joined(burst)
    assert one.text == "oi\nquero marcar\namanhã às 15h"
    assert (one.message_id, one.sent_at) == ("m3", burst[-1].sent_at)


def test_the_wait_for_a_follower_ends_with_the_window() -> None:
    assert left_to_wait(said("oi"), WINDOW, T0 + timedelta(seconds=1)) == 2


def test_an_old_message_waits_for_nothing() -> None:
    assert left_to_wait(said("oi"), WINDOW, T0 + timedelta(hours=1)) == 0


def test_a_phone_clock_ahead_never_makes_the_wait_longer_than_the_window() -> None:
    assert left_to_wait(said("oi", 600), WINDOW, T0) == 3


def test_before_consent_a_no_and_a_yes_together_are_no_answer() -> None:
    assert before_consent([said("não", 0, 1), said("sim", 1, 2)]).text == "não\nsim"


def test_before_consent_a_yes_is_taken_as_the_very_message_that_says_it() -> None:
    yes = said("sim", 1, 2)
    assert before_consent([said("oi", 0, 1), yes]) == yes


def test_before_consent_a_yes_no_single_message_says_is_read_as_the_last_alone() -> None:
    # "de acordo" split over two messages: neither alone is a yes.
    assert before_consent([said("de", 0, 1), said("acordo", 1, 2)]).text == "acordo"


def test_the_window_is_three_seconds_unless_set() -> None:
    assert ConductorSettings.from_env(kek_env()).burst_window_s == 3
    assert (
        ConductorSettings.from_env({"BURST_WINDOW_SECONDS": "0", **kek_env()}).burst_window_s == 0
    )


@pytest.mark.parametrize("value", ["-1", "31", "três"])
def test_a_bad_window_is_refused_naming_its_setting(value: str) -> None:
    with pytest.raises(SettingsError, match="BURST_WINDOW_SECONDS"):
        ConductorSettings.from_env({"BURST_WINDOW_SECONDS": value, **kek_env()})
