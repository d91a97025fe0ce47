"""The pacing rules: how long the bot types before a reply, and when the next message to a
chat or a session may go (WAHA's "how to avoid blocking" guidance)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.conductor.pacing import (
    TYPING_JITTER,
    WINDOW_MS,
    PacingRules,
    SendPlan,
    plan,
    send_at_ms,
    typing_ms,
)
from services.conductor.settings import ConductorSettings
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env

RULES = PacingRules(typing_chars_per_second=20, typing_min_ms=1000, typing_max_ms=5000,
                    chat_gap_ms=3000, session_per_minute=3)  # fmt: skip
MIDDLE = 0.5  # the chance that varies a typing time by nothing
NOW = 1_765_000_000_000


def test_typing_lasts_in_proportion_to_the_reply() -> None:
    assert typing_ms("x" * 40, RULES, MIDDLE) == 2000
    assert typing_ms("x" * 80, RULES, MIDDLE) == 4000


def test_a_short_reply_is_still_typed_for_the_minimum() -> None:
    assert typing_ms("ok", RULES, MIDDLE) == 1000


def test_a_long_reply_is_typed_for_no_more_than_the_maximum() -> None:
    assert typing_ms("x" * 5000, RULES, MIDDLE) == 5000


@given(st.floats(min_value=0, max_value=1, exclude_max=True))
def test_typing_varies_at_random_within_its_jitter(chance: float) -> None:
    typed = typing_ms("x" * 60, RULES, chance)
    assert 3000 * (1 - TYPING_JITTER) - 1 <= typed <= 3000 * (1 + TYPING_JITTER) + 1


def test_a_reply_goes_once_typed_when_nothing_holds_it() -> None:
    at = send_at_ms(now_ms=NOW, lead_ms=1500, chat_last_ms=None, session_sends_ms=[],
                    rules=RULES)  # fmt: skip
    assert at == NOW + 1500


def test_a_second_message_to_a_chat_waits_for_the_gap_after_the_first() -> None:
    at = send_at_ms(now_ms=NOW, lead_ms=1000, chat_last_ms=NOW - 500, session_sends_ms=[NOW],
                    rules=RULES)  # fmt: skip
    assert at == NOW - 500 + RULES.chat_gap_ms


def test_a_chat_waiting_for_its_gap_does_not_hold_another_chat() -> None:
    first = send_at_ms(now_ms=NOW, lead_ms=0, chat_last_ms=NOW, session_sends_ms=[NOW],
                       rules=RULES)  # fmt: skip
    other = send_at_ms(now_ms=NOW, lead_ms=0, chat_last_ms=None,
                       session_sends_ms=[NOW, first], rules=RULES)  # fmt: skip
    assert (first, other) == (NOW + RULES.chat_gap_ms, NOW)


def test_the_session_sends_up_to_its_bound_in_a_minute_without_waiting() -> None:
    at = send_at_ms(now_ms=NOW, lead_ms=0, chat_last_ms=None,
                    session_sends_ms=[NOW - 2000, NOW - 1000], rules=RULES)  # fmt: skip
    assert at == NOW


def test_past_its_bound_the_session_waits_until_a_minute_after_the_oldest_counted() -> None:
    sends = [NOW - 2000, NOW - 1000, NOW]
    at = send_at_ms(now_ms=NOW, lead_ms=0, chat_last_ms=None, session_sends_ms=sends,
                    rules=RULES)  # fmt: skip
    assert at == NOW - 2000 + WINDOW_MS


def test_sends_older_than_a_minute_no_longer_count() -> None:
    sends = [NOW - WINDOW_MS, NOW - WINDOW_MS - 1, NOW - 1000, NOW]
    at = send_at_ms(now_ms=NOW, lead_ms=0, chat_last_ms=None, session_sends_ms=sends,
                    rules=RULES)  # fmt: skip
    assert at == NOW


@given(st.lists(st.tuples(st.integers(0, 200_000), st.integers(0, 5000)), max_size=30))
def test_no_minute_ever_holds_more_sends_than_the_bound(
    requests: list[tuple[int, int]],
) -> None:
    """Whatever the order and the leads of the requests, the booked times keep the bound."""
    booked: list[int] = []
    now = NOW
    for step, lead in requests:
        now += step // 100  # time only moves forward
        booked.append(send_at_ms(now_ms=now, lead_ms=lead, chat_last_ms=None,
                                 session_sends_ms=booked, rules=RULES))  # fmt: skip
    for start in booked:
        inside = [t for t in booked if start <= t < start + WINDOW_MS]
        assert len(inside) <= RULES.session_per_minute


def test_typing_fills_the_end_of_the_wait_for_a_turn() -> None:
    assert plan(delay_ms=7000, typing=2000) == SendPlan(wait_ms=5000, typing_ms=2000)


def test_typing_never_outlasts_the_booked_time() -> None:
    assert plan(delay_ms=500, typing=2000) == SendPlan(wait_ms=0, typing_ms=500)


def test_pacing_is_on_by_default_with_the_shipped_rules() -> None:
    assert ConductorSettings.from_env(kek_env()).pacing == PacingRules()


def test_pacing_off_sends_at_once() -> None:
    assert ConductorSettings.from_env({"PACING": "off", **kek_env()}).pacing is None


def test_each_pacing_rule_is_read_from_its_setting() -> None:
    env = {"PACING_TYPING_CHARS_PER_SECOND": "10", "PACING_TYPING_MIN_MS": "200",
           "PACING_TYPING_MAX_MS": "800", "PACING_CHAT_GAP_MS": "0",
           "PACING_SESSION_PER_MINUTE": "12", **kek_env()}  # fmt: skip
    assert ConductorSettings.from_env(env).pacing == PacingRules(
        typing_chars_per_second=10, typing_min_ms=200, typing_max_ms=800, chat_gap_ms=0,
        session_per_minute=12)  # fmt: skip


@pytest.mark.parametrize(
    ("name", "value"),
    [("PACING", "sometimes"), ("PACING_SESSION_PER_MINUTE", "0"),
     ("PACING_TYPING_MAX_MS", "a while"), ("PACING_CHAT_GAP_MS", "-1"),
     ("PACING_TYPING_CHARS_PER_SECOND", "0")],
)  # fmt: skip
def test_a_bad_pacing_setting_is_refused_by_name(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        ConductorSettings.from_env({name: value, **kek_env()})


def test_a_minimum_typing_time_above_the_maximum_is_refused() -> None:
    env = {"PACING_TYPING_MIN_MS": "3000", "PACING_TYPING_MAX_MS": "2000", **kek_env()}
    with pytest.raises(SettingsError, match="PACING_TYPING_MIN_MS"):
        ConductorSettings.from_env(env)
