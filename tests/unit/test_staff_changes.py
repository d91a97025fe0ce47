"""What the conductor takes in of a booking or cancellation made by hand: each once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events import Record, new_envelope
from events.schema import AppointmentBooked, AppointmentCancelled
from services.conductor import staff_changes
from services.domain.conversation import Conversation, Stage, evolve

START = datetime(2026, 11, 25, 15, tzinfo=UTC)
BOOKED = AppointmentBooked(appointment_id="a1", calendar_entry_id="a1", start=START,
                           end=START + timedelta(minutes=30))  # fmt: skip
CANCELLED = AppointmentCancelled(appointment_id="a1", calendar_entry_id="a1", start=START)


def test_a_booking_already_in_the_conversation_is_not_taken_in_again() -> None:
    held = evolve(Conversation(stage=Stage.REGISTERED), BOOKED)
    assert staff_changes.to_take_in(Conversation(stage=Stage.REGISTERED), BOOKED)
    assert not staff_changes.to_take_in(held, BOOKED)


def test_a_cancellation_of_an_appointment_no_longer_held_is_not_taken_in_again() -> None:
    held = evolve(Conversation(stage=Stage.REGISTERED), BOOKED)
    assert staff_changes.to_take_in(held, CANCELLED)
    assert not staff_changes.to_take_in(evolve(held, CANCELLED), CANCELLED)


def test_the_conductors_own_booking_is_not_taken_for_one_by_hand() -> None:
    cause = new_envelope(BOOKED, chat="c1", session="default")
    own = new_envelope(BOOKED, chat="c1", session="default", causation=cause)
    by_hand = new_envelope(BOOKED, chat="c1", session="default")
    assert staff_changes.made_by_staff(Record("1-0", 0, own)) is None
    assert staff_changes.made_by_staff(Record("1-0", 0, by_hand)) == BOOKED
