"""The waiting list's pure rules: who a freed time fits, what an arriving offer decides,
the acceptance marked after the booking that takes it, and the conversation's memory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events.schema import (
    ActionProposed,
    AppointmentBooked,
    AppointmentCancelled,
)
from events.waitlist_schema import WaitlistJoined, WaitlistOffered, WaitlistOfferEnded
from services.conductor.waitlist import WaitEntry, accepted, fits, offer_decisions
from services.domain.conversation import Conversation, Stage, evolve, replay

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
MINE = NOW + timedelta(days=5)
FREED = NOW + timedelta(days=1)
TEXTS = {"before": "x", "when": "y", "until": "z", "who": ""}


def freed(start: datetime = FREED, professional: str = "ana") -> AppointmentCancelled:
    return AppointmentCancelled(appointment_id="s1", calendar_entry_id="s1", start=start,
                                professional=professional, service="retorno")  # fmt: skip


def entry() -> WaitEntry:
    return WaitEntry(chat="c1", session="default", appointment_id="a1", before=MINE,
                     professional="ana", service="retorno")  # fmt: skip


def offer(expires_at: datetime = NOW + timedelta(minutes=30)) -> WaitlistOffered:
    return WaitlistOffered(slot="s1", start=FREED, expires_at=expires_at,
                           professional="ana", service="retorno", offered=("c0",))  # fmt: skip


def waiting_patient() -> Conversation:
    joined = WaitlistJoined(appointment_id="a1", before=MINE, professional="ana",
                            service="retorno")  # fmt: skip
    return Conversation(stage=Stage.REGISTERED, chat_id="5511@c.us", waiting=joined)


def test_a_freed_time_fits_someone_waiting_for_that_professional_and_service_earlier() -> None:
    assert fits(entry(), freed(), NOW)


def test_a_freed_time_after_their_own_appointment_does_not_fit() -> None:
    assert not fits(entry(), freed(start=MINE + timedelta(hours=1)), NOW)


def test_a_freed_time_with_another_professional_does_not_fit() -> None:
    assert not fits(entry(), freed(professional="bruno"), NOW)


def test_an_offer_that_fits_proposes_the_move_with_a_timer() -> None:
    decided = offer_decisions(waiting_patient(), offer(), "r1", TEXTS, NOW)
    [proposed] = [e for e in decided if isinstance(e, ActionProposed)]
    assert (proposed.action, proposed.appointment_id, proposed.start) == ("reschedule", "a1", FREED)


def test_an_offer_already_lapsed_when_it_arrives_is_passed_on() -> None:
    decided = offer_decisions(waiting_patient(), offer(expires_at=NOW), "r1", TEXTS, NOW)
    assert decided == [WaitlistOfferEnded(slot="s1", outcome="skipped")]


def test_an_offer_to_someone_no_longer_waiting_is_passed_on() -> None:
    decided = offer_decisions(Conversation(), offer(), "r1", TEXTS, NOW)
    assert decided == [WaitlistOfferEnded(slot="s1", outcome="skipped")]


def test_the_booking_of_the_offered_time_marks_the_offer_accepted() -> None:
    state = replay([offer()])
    booked = AppointmentBooked(appointment_id="n1", calendar_entry_id="n1", start=FREED,
                               end=FREED + timedelta(minutes=20), professional="ana",
                               service="retorno")  # fmt: skip
    assert accepted(state, [booked])[-1] == WaitlistOfferEnded(slot="s1", outcome="accepted")


def test_an_expired_offer_takes_its_question_with_it() -> None:
    proposal = ActionProposed(action="reschedule", start=FREED, appointment_id="a1")
    state = replay([offer(), proposal, WaitlistOfferEnded(slot="s1", outcome="expired")])
    assert (state.offer, state.proposal) == (None, None)


def test_cancelling_the_appointment_to_bring_forward_leaves_the_list() -> None:
    cancelled = AppointmentCancelled(appointment_id="a1", calendar_entry_id="a1", start=MINE)
    assert evolve(waiting_patient(), cancelled).waiting is None
