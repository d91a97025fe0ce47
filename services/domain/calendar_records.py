"""How the embedded calendar keeps its bookings in Redis: the keys and the record of one
booking. The calendars (services/domain/embedded_calendar.py, shared so that not only the
conductor can book) write them; the export reads a subject's back.

The Google calendar claims its slots through the same records, so they are the product's
own account of every booking it made, whichever calendar the clinic uses.

Every key carries the ``{cal}`` hash tag, so each script touches one Redis Cluster slot.
Each professional has their own booked starts, ends and slot holders; the clinic of
today's settings has one professional, ``""``, whose keys are those every booking had
before professionals existed, so its bookings stay where they were.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from events import Keyspace

BOOKED = "booked"
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CalendarKeys:
    keyspace: Keyspace

    def appointment(self, appointment_id: str) -> str:
        """Hash: the booking's subject, start and end (epoch s) and status."""
        return self.keyspace.in_slot("cal", "appointment", appointment_id)

    def slot(self, start: datetime, professional: str = "") -> str:
        """String: the appointment holding the professional's slot that starts at
        ``start``."""
        epoch = str(int(start.timestamp()))
        if not professional:
            return self.keyspace.in_slot("cal", "slot", epoch)
        return self.keyspace.in_slot("cal", "slot", professional, epoch)

    @property
    def booked(self) -> str:
        """Sorted set: live appointments by start (epoch s), of the one professional of a
        clinic without a clinic file."""
        return self.keyspace.in_slot("cal", "booked")

    def booked_of(self, professional: str) -> str:
        """Sorted set: the professional's live appointments by start (epoch s)."""
        if not professional:
            return self.booked
        return self.keyspace.in_slot("cal", "booked", professional)

    def ends_of(self, professional: str) -> str:
        """Sorted set: the professional's live appointments by the end (epoch s) of the
        time each keeps, buffer included. Bookings made before it was kept are missing
        from it: they last one slot."""
        if not professional:
            return self.keyspace.in_slot("cal", "ends")
        return self.keyspace.in_slot("cal", "ends", professional)

    def subject(self, subject: str) -> str:
        """Set: the ids of the subject's appointments, live or cancelled."""
        return self.keyspace.in_slot("cal", "subject", subject)


@dataclass(frozen=True, slots=True)
class CalendarRecord:
    """One booking as the calendar holds it."""

    appointment_id: str
    subject: str
    start: datetime
    end: datetime
    status: str
    professional: str = ""
    service: str = ""
    until: datetime | None = None  # the end of the time kept, buffer included

    @property
    def live(self) -> bool:
        return self.status == BOOKED


def record_of(appointment_id: str, fields: Mapping[bytes, bytes]) -> CalendarRecord | None:
    """The record in an appointment hash's ``fields``; None when there is none."""
    if not fields:
        return None
    return CalendarRecord(
        appointment_id=appointment_id,
        subject=fields.get(b"subject", b"").decode(),
        start=datetime.fromtimestamp(int(fields[b"start"]), UTC),
        end=datetime.fromtimestamp(int(fields[b"end"]), UTC),
        status=fields.get(b"status", b"").decode(),
        professional=fields.get(b"professional", b"").decode(),
        service=fields.get(b"service", b"").decode(),
        until=datetime.fromtimestamp(int(fields[b"until"]), UTC) if b"until" in fields else None,
    )
