"""A proposal is conversation state, folded from the log: asked in one reply, answered by
the next message or by none."""

from __future__ import annotations

from datetime import UTC, datetime

from events.schema import (
    PROPOSED_BOOKING,
    ActionProposed,
    AppointmentBooked,
    HandoffStarted,
    MessageReceived,
)
from services.domain.conversation import Conversation, Proposal, Stage, evolve, replay

START = datetime(2026, 11, 25, 18, tzinfo=UTC)
PROPOSED = ActionProposed(action=PROPOSED_BOOKING, start=START)
REGISTERED = Conversation(stage=Stage.REGISTERED, chat_id="c")


def said(text: str, n: int = 1) -> MessageReceived:
    return MessageReceived(message_id=f"m{n}", chat_id="c", sender="c", text=text, sent_at=START)


def test_the_next_message_answers_the_proposal() -> None:
    state = evolve(evolve(REGISTERED, PROPOSED), said("sim"))
    assert state.answering == Proposal(action=PROPOSED_BOOKING, start=START)
    assert state.proposal is None


def test_a_proposal_is_answered_by_the_next_message_only() -> None:
    state = evolve(evolve(evolve(REGISTERED, PROPOSED), said("endereço?", 1)), said("sim", 2))
    assert state.answering is None


def test_booking_it_leaves_nothing_to_answer() -> None:
    booked = AppointmentBooked(appointment_id="a1", calendar_entry_id="a1", start=START,
                               end=START)  # fmt: skip
    state = evolve(evolve(evolve(REGISTERED, PROPOSED), said("sim")), booked)
    assert state.answering is None and state.proposal is None


def test_a_handoff_drops_the_proposal() -> None:
    state = evolve(evolve(REGISTERED, PROPOSED), HandoffStarted(quiet_s=60))
    assert state.proposal is None


def test_a_replay_keeps_the_proposal() -> None:
    assert replay([PROPOSED]).proposal == Proposal(action=PROPOSED_BOOKING, start=START)
