"""Evolving a conversation gets through any event the log may hold."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from events.schema import HandoffStarted, MessageReceived
from services.domain.conversation import MAX_QUIET_S, Conversation, evolve

SAID_AT = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def after_a_message() -> Conversation:
    said = MessageReceived(message_id="m1", chat_id="5511999990000@c.us",
                           sender="5511999990000@c.us", text="oi", sent_at=SAID_AT)  # fmt: skip
    return evolve(Conversation(), said)


@pytest.mark.parametrize("quiet_s", [-63_082_281_601, -1, 10**15])
def test_a_handoff_with_an_absurd_quiet_period_still_evolves(quiet_s: int) -> None:
    state = evolve(after_a_message(), HandoffStarted(quiet_s=quiet_s))
    assert state.handoff_until is not None
    assert SAID_AT <= state.handoff_until <= SAID_AT + timedelta(seconds=MAX_QUIET_S)


def test_a_message_late_in_time_during_a_handoff_still_evolves() -> None:
    state = evolve(after_a_message(), HandoffStarted(quiet_s=3600))
    late = MessageReceived(message_id="m2", chat_id="5511999990000@c.us",
                           sender="5511999990000@c.us", text="oi",
                           sent_at=datetime.max.replace(tzinfo=UTC))  # fmt: skip
    assert evolve(state, late).handoff_until == datetime.max.replace(tzinfo=UTC)
