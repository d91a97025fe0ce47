"""The scheduling agent's tools: free slots, booking, moving a booking."""

from __future__ import annotations

import hashlib
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

import msgspec

from events.schema import AppointmentBooked, AppointmentCancelled, SlotsOffered
from services.conductor.calendar import Booking, SlotTaken
from services.conductor.tools.contract import (
    Resources,
    Tool,
    ToolOutcome,
    ToolRejected,
    own_booking,
)
from services.conductor.turn import Turn
from services.domain.clinic import PERIOD_HOURS

# Argument Structs carry no docstring: it would become part of the schema a model sees.


_DAY = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
_HOUR = Annotated[str, msgspec.Meta(pattern=r"^\d{2}:\d{2}$")]


class CheckAvailability(msgspec.Struct, forbid_unknown_fields=True):
    date: _DAY | None = None
    period: Literal["manha", "tarde", "noite"] | None = None
    since: Annotated[_DAY | None, msgspec.Meta(description="from this day on, not date")] = None
    after: Annotated[_HOUR | None, msgspec.Meta(description="HH:MM, instead of period")] = None
    before: Annotated[_HOUR | None, msgspec.Meta(description="HH:MM, instead of period")] = None


class BookAppointment(msgspec.Struct, forbid_unknown_fields=True):
    start: Annotated[str, msgspec.Meta(max_length=40, description="YYYY-MM-DDTHH:MM, local")]


class RescheduleAppointment(BookAppointment, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class Availability(msgspec.Struct, frozen=True, omit_defaults=True):
    """The free slots found (local wall clock, ``YYYY-MM-DDTHH:MM``), soonest first; when
    the day or hours asked have none, why (``reason``), and the slots are the nearest
    alternatives on the following open days."""

    slots: list[str] = msgspec.field(name="horarios")
    reason: str | None = msgspec.field(name="motivo", default=None)


class Booked(msgspec.Struct, frozen=True):
    """The start (local wall clock) and id of the appointment booked."""

    start: str = msgspec.field(name="marcada")
    appointment_id: str = msgspec.field(name="id")


class Rescheduled(Booked, frozen=True):
    """The appointment booked in place of another, and when that other one was."""

    before: str = msgspec.field(name="antes")


async def check_availability(
    arguments: CheckAvailability, turn: Turn, resources: Resources
) -> ToolOutcome[Availability]:
    """The free slots within the clinic's horizon, on a day (or from a day on) and in a
    period or span of hours if asked; never a dead end: a day or hours with none free get
    the reason and the nearest alternatives."""
    clinic = resources.clinic
    day = _date(arguments.date) if arguments.date else None
    since = _date(arguments.since) if arguments.since else None
    between = _hours(arguments)
    taken = await resources.calendar.taken(turn.now, turn.now + clinic.horizon)
    slots = clinic.free_slots(turn.now, taken, day=day, since=since, between=between)
    reason = None
    if not slots and day is not None:
        reason = clinic.why_closed_on(day, turn.now) or (
            "não há horários livres nesse período" if between else "esse dia está lotado"
        )
        slots = clinic.alternatives(day, turn.now, taken, between=between)
    shown = [clinic.wall_clock(slot) for slot in slots]
    return ToolOutcome(Availability(shown, reason), [SlotsOffered(slots=tuple(slots))])


def _hours(arguments: CheckAvailability) -> tuple[time, time] | None:
    if arguments.after is None and arguments.before is None:
        return PERIOD_HOURS[arguments.period] if arguments.period else None
    try:
        after = time.fromisoformat(arguments.after or "00:00")
        before = time.fromisoformat(arguments.before or "23:59")
    except ValueError:
        raise ToolRejected("horário inválido; use HH:MM") from None
    if after >= before:
        raise ToolRejected("o horário inicial deve ser antes do final")
    return after, before


async def book_appointment(
    arguments: BookAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Booked]:
    """Books the slot starting at the given local time, if the clinic's rules allow it and
    nobody has it."""
    clinic = resources.clinic
    start = _moment(arguments.start, resources)
    reason = clinic.why_not_bookable(start, turn.now)
    if reason:
        raise ToolRejected(reason)
    # Derived from the deciding event: a redelivered message books the same entry.
    appointment_id = hashlib.blake2b(
        f"{turn.inbound_event_id}:book".encode(), digest_size=10
    ).hexdigest()
    request = Booking(appointment_id, turn.subject, start, start + clinic.slot)
    try:
        booked = await resources.calendar.book(request)
    except SlotTaken:
        raise ToolRejected("horário ocupado") from None
    event = AppointmentBooked(
        appointment_id=booked.appointment_id,
        calendar_entry_id=booked.calendar_entry_id,
        start=booked.start,
        end=booked.end,
    )
    return ToolOutcome(Booked(clinic.wall_clock(booked.start), booked.appointment_id), [event])


async def reschedule_appointment(
    arguments: RescheduleAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Rescheduled]:
    """Moves one of the person's appointments: books the new time, then cancels the old."""
    calendar = resources.calendar
    old = await own_booking(resources, turn, arguments.appointment_id)
    booked = await book_appointment(arguments, turn, resources)  # first: never left with none
    cancelled = await calendar.cancel(old.appointment_id) or old
    event = AppointmentCancelled(
        appointment_id=cancelled.appointment_id,
        calendar_entry_id=cancelled.calendar_entry_id,
        start=cancelled.start,
    )
    before = resources.clinic.wall_clock(cancelled.start)
    result = Rescheduled(booked.result.start, booked.result.appointment_id, before)
    return ToolOutcome(result, [*booked.events, event])


def _moment(raw: str, resources: Resources) -> datetime:
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise ToolRejected("data e hora inválidas; use YYYY-MM-DDTHH:MM") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=resources.clinic.zone)
    return moment


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ToolRejected("data inválida; use YYYY-MM-DD") from None


CHECK_AVAILABILITY = Tool(
    "check_availability",
    "Lista horários livres; opcionalmente num dia (date, YYYY-MM-DD) ou a partir de um "
    "dia (since), e num período ou entre dois horários (after, before: HH:MM). Se não "
    "houver, diz o motivo e lista as alternativas mais próximas.",
    CheckAvailability,
    Availability,
    check_availability,
)
BOOK_APPOINTMENT = Tool(
    "book_appointment",
    "Marca uma consulta no horário dado (YYYY-MM-DDTHH:MM, horário local).",
    BookAppointment,
    Booked,
    book_appointment,
)
RESCHEDULE_APPOINTMENT = Tool(
    "reschedule_appointment",
    "Remarca uma consulta desta pessoa (id) para o horário dado "
    "(YYYY-MM-DDTHH:MM, horário local): marca o novo e só então cancela o antigo.",
    RescheduleAppointment,
    Rescheduled,
    reschedule_appointment,
)
TOOLS: tuple[Tool[Any, Any], ...] = (CHECK_AVAILABILITY, BOOK_APPOINTMENT, RESCHEDULE_APPOINTMENT)
