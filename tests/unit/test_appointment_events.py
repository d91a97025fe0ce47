"""Appointment events name their professional and service, and the read model keeps
them; an entry written before they did reads with the clinic's one professional."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import msgspec

from events import new_envelope
from events.codec import decode_entry, encode_entry
from events.schema import AppointmentBooked, AppointmentCancelled
from services.projector.views import project_appointment

START = datetime(2026, 11, 25, 12, tzinfo=UTC)
BOOKED = AppointmentBooked(appointment_id="a1", calendar_entry_id="a1", start=START,
                           end=START + timedelta(hours=1), professional="bruno",
                           service="primeira-consulta")  # fmt: skip


def test_a_booking_names_its_professional_and_service_in_the_read_model() -> None:
    view = project_appointment(None, new_envelope(BOOKED, chat="s1", session="default"))
    assert view is not None
    assert (view.professional, view.service) == ("bruno", "primeira-consulta")


def test_a_cancellation_keeps_whom_the_appointment_was_with() -> None:
    booked = project_appointment(None, new_envelope(BOOKED, chat="s1", session="default"))
    cancelled = AppointmentCancelled(appointment_id="a1", calendar_entry_id="a1", start=START,
                                     professional="bruno", service="primeira-consulta")  # fmt: skip
    view = project_appointment(booked, new_envelope(cancelled, chat="s1", session="default"))
    assert view is not None and view.status == "cancelled" and view.professional == "bruno"


def test_a_booking_written_before_professionals_reads_as_with_the_clinics_one() -> None:
    fields = encode_entry(new_envelope(BOOKED, chat="s1", session="default"))
    # The entry as the earlier schema wrote it: the same, without the two fields.
    data = msgspec.msgpack.decode(fields["d"])
    del data["professional"], data["service"]
    fields["d"] = msgspec.msgpack.encode(data)
    event = decode_entry("1-0", 0, {k.encode(): v for k, v in fields.items()}).envelope.event
    assert isinstance(event, AppointmentBooked)
    assert (event.professional, event.service) == ("", "")
    assert event.start == START
