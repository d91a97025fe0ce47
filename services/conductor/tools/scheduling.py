"""The scheduling agent's tools: free slots, proposing a time, booking it or moving a
booking to it on the person's yes."""

from __future__ import annotations

import hashlib
import logging
from datetime import date, datetime, time
from typing import Annotated, Any, Literal

import msgspec

from events.error_text import describe
from events.schema import (
    PROPOSED_BOOKING,
    PROPOSED_MOVE,
    ActionProposed,
    AppointmentBooked,
    AppointmentCancelled,
    SlotsOffered,
)
from services.conductor.calendar import Booking, CalendarUnavailable, SlotTaken
from services.conductor.tools.confirming import require_yes
from services.conductor.tools.contract import (
    Resources,
    Tool,
    ToolOutcome,
    ToolRejected,
    own_booking,
)
from services.conductor.turn import Turn
from services.domain.clinic import PERIOD_HOURS
from services.domain.schedule import BusyTimes, Span

log = logging.getLogger(__name__)
# Said when the calendar cannot tell what is busy: nothing is offered or booked then.
CALENDAR_DOWN = "a agenda não pode ser consultada agora; tente de novo em alguns minutos"

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


class ProposeAppointment(BookAppointment, forbid_unknown_fields=True):
    appointment_id: (
        Annotated[
            str,
            msgspec.Meta(
                pattern=r"^[0-9a-f]{1,64}$", description="ao remarcar: a consulta que muda"
            ),
        ]
        | None
    ) = None


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


class Proposed(msgspec.Struct, frozen=True):
    """The time proposed (local wall clock); the person is to be asked to confirm it."""

    start: str = msgspec.field(name="proposta")
    ask: str = msgspec.field(name="pergunte", default="Posso confirmar? (só o sim marca)")


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
    busy = BusyTimes(await _busy(resources, turn.now, turn.now + clinic.horizon))
    slots = clinic.free_slots(turn.now, busy, day=day, since=since, between=between)
    reason = None
    if not slots and day is not None:
        reason = clinic.why_closed_on(day, turn.now) or (
            "não há horários livres nesse período" if between else "esse dia está lotado"
        )
        slots = clinic.alternatives(day, turn.now, busy.spans, between=between)
    shown = [clinic.wall_clock(slot) for slot in slots]
    return ToolOutcome(Availability(shown, reason), [SlotsOffered(slots=tuple(slots))])


async def _busy(resources: Resources, start: datetime, end: datetime) -> list[Span]:
    try:
        return await resources.calendar.busy(start, end)
    except CalendarUnavailable as exc:
        log.error("the calendar could not say what is busy: %s", describe(exc))
        raise ToolRejected(CALENDAR_DOWN) from None


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


async def propose_appointment(
    arguments: ProposeAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Proposed]:
    """Proposes a time to book (or to move one of the person's appointments to), if the
    clinic's rules allow it and it is free; nothing is booked until the person's yes."""
    clinic = resources.clinic
    start = _moment(arguments.start, resources)
    reason = clinic.why_not_bookable(start, turn.now)
    if reason:
        raise ToolRejected(reason)
    if arguments.appointment_id is not None:
        await own_booking(resources, turn, arguments.appointment_id)
    else:
        await _within_bound(turn, resources)
    if await _busy(resources, start, start + clinic.slot):
        raise ToolRejected("horário ocupado")  # booking checks again: it may go meanwhile
    event = ActionProposed(
        action=PROPOSED_MOVE if arguments.appointment_id else PROPOSED_BOOKING,
        start=start,
        appointment_id=arguments.appointment_id or "",
    )
    return ToolOutcome(Proposed(clinic.wall_clock(start)), [event])


async def book_appointment(
    arguments: BookAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Booked]:
    """Books the slot starting at the given local time, on the person's yes to the proposal
    of it, if the clinic's rules allow it and nobody has it."""
    start = _moment(arguments.start, resources)
    require_yes(turn, PROPOSED_BOOKING, start=start)
    await _within_bound(turn, resources)
    return await _book(start, turn, resources)


async def _book(start: datetime, turn: Turn, resources: Resources) -> ToolOutcome[Booked]:
    clinic = resources.clinic
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
    except CalendarUnavailable as exc:
        log.error("the calendar could not vouch for a booking: %s", describe(exc))
        raise ToolRejected(CALENDAR_DOWN) from None
    event = AppointmentBooked(
        appointment_id=booked.appointment_id,
        calendar_entry_id=booked.calendar_entry_id,
        start=booked.start,
        end=booked.end,
        professional=booked.professional,
        service=booked.service,
    )
    return ToolOutcome(Booked(clinic.wall_clock(booked.start), booked.appointment_id), [event])


async def reschedule_appointment(
    arguments: RescheduleAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Rescheduled]:
    """Moves one of the person's appointments, on their yes to the proposal of the move:
    books the new time, then cancels the old."""
    calendar = resources.calendar
    start = _moment(arguments.start, resources)
    require_yes(turn, PROPOSED_MOVE, start=start, appointment_id=arguments.appointment_id)
    old = await own_booking(resources, turn, arguments.appointment_id)
    booked = await _book(start, turn, resources)  # first: never left with none
    cancelled = await calendar.cancel(old.appointment_id) or old
    event = AppointmentCancelled(
        appointment_id=cancelled.appointment_id,
        calendar_entry_id=cancelled.calendar_entry_id,
        start=cancelled.start,
        professional=cancelled.professional,
        service=cancelled.service,
    )
    before = resources.clinic.wall_clock(cancelled.start)
    result = Rescheduled(booked.result.start, booked.result.appointment_id, before)
    return ToolOutcome(result, [*booked.events, event])


async def _within_bound(turn: Turn, resources: Resources) -> None:
    """Refuses a new booking to a person who already holds the most open appointments."""
    bookings = await resources.calendar.bookings_of(turn.subject)
    held = sum(1 for b in bookings if b.end > turn.now)
    if held >= resources.max_open_appointments:
        raise ToolRejected(f"{LIMIT_REACHED}: {resources.max_open_appointments}")


LIMIT_REACHED = "limite de consultas marcadas atingido"


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
PROPOSE_APPOINTMENT = Tool(
    "propose_appointment",
    "Propõe um horário (YYYY-MM-DDTHH:MM, horário local) para marcar, ou, com o id de uma "
    "consulta, para remarcá-la; nada é marcado: pergunte ao paciente se pode confirmar, "
    "dizendo dia da semana, data e hora.",
    ProposeAppointment,
    Proposed,
    propose_appointment,
)
BOOK_APPOINTMENT = Tool(
    "book_appointment",
    "Marca a consulta proposta com propose_appointment (YYYY-MM-DDTHH:MM, horário local), "
    "só quando a última mensagem do paciente confirma a proposta.",
    BookAppointment,
    Booked,
    book_appointment,
)
RESCHEDULE_APPOINTMENT = Tool(
    "reschedule_appointment",
    "Remarca uma consulta desta pessoa (id) para o horário dado "
    "(YYYY-MM-DDTHH:MM, horário local) proposto com propose_appointment, só quando a última "
    "mensagem do paciente confirma: marca o novo e só então cancela o antigo.",
    RescheduleAppointment,
    Rescheduled,
    reschedule_appointment,
)
TOOLS: tuple[Tool[Any, Any], ...] = (
    CHECK_AVAILABILITY,
    PROPOSE_APPOINTMENT,
    BOOK_APPOINTMENT,
    RESCHEDULE_APPOINTMENT,
)
