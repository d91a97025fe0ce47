"""The scheduling agent's tools: free slots, proposing a time, booking it or moving a
booking to it on the person's yes."""

from __future__ import annotations

import dataclasses
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
    DomainEvent,
    SlotsOffered,
)
from services.conductor.no_shows import release_timer
from services.conductor.tools import clinic_scheduling as clinical
from services.conductor.tools.clinic_scheduling import CALENDAR_DOWN, Chosen
from services.conductor.tools.confirming import require_yes
from services.conductor.tools.contract import (
    Resources,
    Tool,
    ToolOutcome,
    ToolRejected,
    own_booking,
)
from services.conductor.turn import Turn
from services.domain.calendar import Booking, CalendarUnavailable, SlotTaken
from services.domain.clinic import PERIOD_HOURS
from services.domain.clinic_model import ClinicModel
from services.domain.schedule import BusyTimes, Span
from services.domain.slots import why_not_bookable

log = logging.getLogger(__name__)
__all__ = ["CALENDAR_DOWN"]  # said when the calendar cannot tell what is busy

# Argument Structs carry no docstring: it would become part of the schema a model sees.


_DAY = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
_HOUR = Annotated[str, msgspec.Meta(pattern=r"^\d{2}:\d{2}$")]
_ID = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
_SERVICE = Annotated[_ID | None, msgspec.Meta(description="id do serviço pedido")]
_PROFESSIONAL = Annotated[
    _ID | None, msgspec.Meta(description="id do profissional; omitido: quem estiver livre")
]


class CheckAvailability(msgspec.Struct, forbid_unknown_fields=True):
    date: _DAY | None = None
    period: Literal["manha", "tarde", "noite"] | None = None
    since: Annotated[_DAY | None, msgspec.Meta(description="from this day on, not date")] = None
    after: Annotated[_HOUR | None, msgspec.Meta(description="HH:MM, instead of period")] = None
    before: Annotated[_HOUR | None, msgspec.Meta(description="HH:MM, instead of period")] = None
    service: _SERVICE = None
    professional: _PROFESSIONAL = None


class BookAppointment(msgspec.Struct, forbid_unknown_fields=True):
    start: Annotated[str, msgspec.Meta(max_length=40, description="YYYY-MM-DDTHH:MM, local")]
    service: _SERVICE = None
    professional: _PROFESSIONAL = None


class RescheduleAppointment(BookAppointment, forbid_unknown_fields=True, kw_only=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class ProposeAppointment(BookAppointment, forbid_unknown_fields=True, kw_only=True):
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
    # With a clinic file: the service's name, and who sees the patient at each slot.
    service: str | None = msgspec.field(name="servico", default=None)
    professionals: list[str] | None = msgspec.field(name="com", default=None)


class Booked(msgspec.Struct, frozen=True):
    """The start (local wall clock) and id of the appointment booked."""

    start: str = msgspec.field(name="marcada")
    appointment_id: str = msgspec.field(name="id")


ASK = "Posso confirmar? (só o sim marca)"


class Proposed(msgspec.Struct, frozen=True, omit_defaults=True):
    """The time proposed (local wall clock); the person is to be asked to confirm it; with
    a clinic file, the service and the professional, by name, to be named in the question."""

    start: str = msgspec.field(name="proposta")
    ask: str = msgspec.field(name="pergunte")
    service: str | None = msgspec.field(name="servico", default=None)
    professional: str | None = msgspec.field(name="profissional", default=None)
    # After repeated no-shows: the booking stands only if confirmed by then (wall clock).
    confirm_by: str | None = msgspec.field(name="confirmar_ate", default=None)


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
    if (model := resources.model) is not None:
        moving = await clinical.being_moved(turn, resources)
        choice = clinical.choice_for(model, arguments.service, arguments.professional, moving)
        found, reason = await clinical.offers(
            resources, model, choice, turn.now, day=day, since=since, between=between
        )
        names = [model.professionals[o.professional].name for o in found]
        starts = tuple(o.start for o in found)
        available = Availability([clinic.wall_clock(s) for s in starts], reason,
                                 choice.service.name, names)  # fmt: skip
        return ToolOutcome(available, [SlotsOffered(slots=starts)])
    clinical.no_choice(arguments.service, arguments.professional)
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
    if (model := resources.model) is not None:
        return await _propose_in_clinic(model, arguments, start, turn, resources)
    clinical.no_choice(arguments.service, arguments.professional)
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
    proposed = Proposed(
        clinic.wall_clock(start), ASK, confirm_by=clinical.confirm_by(resources, turn, start)
    )
    return ToolOutcome(proposed, [event])


async def book_appointment(
    arguments: BookAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Booked]:
    """Books the slot starting at the given local time, on the person's yes to the proposal
    of it, if the clinic's rules allow it and nobody has it."""
    start = _moment(arguments.start, resources)
    chosen = clinical.confirmed_choice(arguments.service, arguments.professional, turn, resources)
    require_yes(turn, PROPOSED_BOOKING, start=start, **clinical.ids(chosen))
    await _within_bound(turn, resources)
    return await _book(start, turn, resources, chosen)


async def _book(
    start: datetime, turn: Turn, resources: Resources, chosen: Chosen | None = None,
    moves: str = "",
) -> ToolOutcome[Booked]:  # fmt: skip
    clinic = resources.clinic
    # Derived from the deciding event: a redelivered message books the same entry.
    appointment_id = hashlib.blake2b(
        f"{turn.inbound_event_id}:book".encode(), digest_size=10
    ).hexdigest()
    if chosen is not None and resources.model is not None:
        choice, professional = chosen
        reason = why_not_bookable(
            resources.model, choice.service.id, professional.id, start, turn.now
        )
        request = clinical.booking(appointment_id, turn.subject, choice, professional, start)
    else:
        reason = clinic.why_not_bookable(start, turn.now)
        request = Booking(appointment_id, turn.subject, start, start + clinic.slot)
    request = dataclasses.replace(request, moves=moves)
    if reason:
        raise ToolRejected(reason)
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
    events: list[DomainEvent] = [event]
    if (deadline := resources.no_shows.deadline(turn.state, booked.start, turn.now)) is not None:
        events.append(release_timer(event, deadline))
    return ToolOutcome(Booked(clinic.wall_clock(booked.start), booked.appointment_id), events)


async def reschedule_appointment(
    arguments: RescheduleAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Rescheduled]:
    """Moves one of the person's appointments, on their yes to the proposal of the move:
    books the new time, then cancels the old."""
    calendar = resources.calendar
    start = _moment(arguments.start, resources)
    chosen = clinical.confirmed_choice(arguments.service, arguments.professional, turn, resources)
    require_yes(turn, PROPOSED_MOVE, start=start, appointment_id=arguments.appointment_id,
                **clinical.ids(chosen))  # fmt: skip
    old = await own_booking(resources, turn, arguments.appointment_id)
    clinical.changeable_in(resources, old, turn)
    # First: never left with none. The old one's time is no obstacle to the new.
    booked = await _book(start, turn, resources, chosen, moves=old.appointment_id)
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


async def _propose_in_clinic(
    model: ClinicModel, arguments: ProposeAppointment, start: datetime, turn: Turn,
    resources: Resources,
) -> ToolOutcome[Proposed]:  # fmt: skip
    """A proposal with the clinic file: the service asked (a move keeps its own), with the
    professional asked or the first one free then."""
    moving = await clinical.moving(turn, resources, arguments.appointment_id)
    if moving is None:
        await _within_bound(turn, resources)
    else:
        clinical.changeable(model, moving, turn.now)
    choice = clinical.choice_for(model, arguments.service, arguments.professional, moving)
    professional = await clinical.bookable_with(resources, model, choice, start, turn.now, moving)
    event = ActionProposed(
        action=PROPOSED_MOVE if moving else PROPOSED_BOOKING, start=start,
        appointment_id=arguments.appointment_id or "", professional=professional.id,
        service=choice.service.id,
    )  # fmt: skip
    proposed = Proposed(resources.clinic.wall_clock(start), ASK, choice.service.name,
                        professional.name, clinical.confirm_by(resources, turn, start))  # fmt: skip
    return ToolOutcome(proposed, [event])


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
