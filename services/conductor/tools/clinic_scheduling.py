"""Scheduling against the clinic file: which service, with whom ("whoever is free" when
the patient names nobody), slots of the service's length, and the booking it makes.

Used by the scheduling tools when the conductor runs with a clinic file; a clinic without
one keeps the tools' earlier path, unchanged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from events.error_text import describe
from services.conductor.tools.contract import Resources, ToolRejected, own_booking
from services.conductor.turn import Turn
from services.domain.calendar import Booking, CalendarUnavailable
from services.domain.clinic_model import ClinicModel, Professional, Service
from services.domain.conversation import Proposal
from services.domain.schedule import BusyTimes
from services.domain.slots import Offer, free_slots, free_with_anyone, why_not_bookable

log = logging.getLogger(__name__)
# Said when the calendar cannot tell what is busy: nothing is offered or booked then.
CALENDAR_DOWN = "a agenda não pode ser consultada agora; tente de novo em alguns minutos"
SHOWN = 5  # slots offered at once
# Enough candidates that hours asked ("à tarde") still leave some after filtering.
_CANDIDATES = 400


@dataclass(frozen=True, slots=True)
class Choice:
    """The service asked for and who may give it: the professional named, or everyone who
    gives it ("whoever is free"), in the file's order."""

    service: Service
    professionals: tuple[Professional, ...]


def catalog(model: ClinicModel) -> str:
    """The services as a model is told them: ``id (name)``."""
    return ", ".join(f"{s.id} ({s.name})" for s in model.services.values())


def choose(model: ClinicModel, service: str | None, professional: str | None) -> Choice:
    """The service and professionals a call asks for; refused with the options when the
    service is missing or unknown, or the professional unknown or not giving it."""
    if service is None:
        if len(model.services) > 1:
            raise ToolRejected(f"pergunte qual serviço (service): {catalog(model)}")
        service = next(iter(model.services))
    found = model.services.get(service)
    if found is None:
        raise ToolRejected(f"serviço desconhecido; os serviços são: {catalog(model)}")
    givers = model.givers_of(found.id)
    if professional is None:
        return Choice(found, givers)
    who = ", ".join(f"{p.id} ({p.name})" for p in givers)
    if professional not in found.professionals:
        raise ToolRejected(f"profissional não faz {found.name.lower()}; quem faz: {who}")
    return Choice(found, (model.professionals[professional],))


async def busy_of(
    resources: Resources, professionals: tuple[Professional, ...], start: datetime, end: datetime
) -> dict[str, BusyTimes]:
    """Each professional's busy time between ``start`` and ``end``."""
    try:
        return {
            p.id: BusyTimes(await resources.calendar.busy(start, end, p.id)) for p in professionals
        }
    except CalendarUnavailable as exc:
        log.error("the calendar could not say what is busy: %s", describe(exc))
        raise ToolRejected(CALENDAR_DOWN) from None


async def offers(
    resources: Resources,
    model: ClinicModel,
    choice: Choice,
    now: datetime,
    *,
    day: date | None,
    since: date | None,
    between: tuple[time, time] | None,
) -> tuple[list[Offer], str | None]:
    """The free slots asked for, soonest first; when a day asked has none, why, and the
    nearest ones on the following days instead."""
    horizon = now + timedelta(days=model.horizon_days)
    busy = await busy_of(resources, choice.professionals, now, horizon)
    if day is None:
        return _free(model, choice, busy, now, since, None, between), None
    found = _free(model, choice, busy, now, day, 1, between)
    if found:
        return found, None
    reason = _why_none(model, choice, day, now) or (
        "não há horários livres nesse período" if between else "esse dia está lotado"
    )
    if day >= horizon.date():
        return [], reason  # no day after it is open (and 9999-12-31 has none at all)
    return _free(model, choice, busy, now, day + timedelta(days=1), None, between), reason


def _free(
    model: ClinicModel,
    choice: Choice,
    busy: dict[str, BusyTimes],
    now: datetime,
    since: date | None,
    days: int | None,
    between: tuple[time, time] | None,
) -> list[Offer]:
    service = choice.service.id
    if len(choice.professionals) == 1:
        [only] = choice.professionals
        starts = free_slots(model, service, only.id, busy[only.id], now,
                            since=since, days=days, limit=_CANDIDATES)  # fmt: skip
        found = [Offer(start, only.id) for start in starts]
    else:
        found = free_with_anyone(model, service, busy, now, since=since, days=days,
                                 limit=_CANDIDATES)  # fmt: skip
    zone = ZoneInfo(model.time_zone)
    if between is not None:
        after, before = between
        found = [o for o in found if after <= o.start.astimezone(zone).time() < before]
    return found[:SHOWN]


def _why_none(model: ClinicModel, choice: Choice, day: date, now: datetime) -> str | None:
    """Why nothing at all can be booked on ``day`` (rather than all of it being taken)."""
    today = now.astimezone(ZoneInfo(model.time_zone)).date()
    if day < today:
        return "esse dia já passou"
    if day > (now + timedelta(days=model.horizon_days)).date():
        return f"a agenda está aberta só para os próximos {model.horizon_days} dias"
    if (closed := model.closed_on(day)) is not None:
        return f"a clínica não abre nesse dia ({closed})"
    if not any(p.openings(day.weekday()) for p in choice.professionals):
        names = " nem ".join(p.name for p in choice.professionals)
        return f"{names} não atende nesse dia da semana"
    return None


async def bookable_with(
    resources: Resources, model: ClinicModel, choice: Choice, start: datetime, now: datetime,
    moving: Booking | None = None,
) -> Professional:  # fmt: skip
    """The first professional of the choice with whom the service may be booked at
    ``start`` and who is free then (the time of the appointment ``moving`` counting as
    free); refused with the first reason otherwise."""
    service = choice.service
    reasons: list[str] = []
    for professional in choice.professionals:
        reason = why_not_bookable(model, service.id, professional.id, start, now)
        if reason is None:
            busy = await busy_of(resources, (professional,), start, start + service.occupies)
            if not _without(busy[professional.id], moving).overlaps(
                start, start + service.occupies
            ):
                return professional
            reason = "horário ocupado"
        reasons.append(reason)
    raise ToolRejected(reasons[0] if len(choice.professionals) == 1 else _first(reasons))


def _without(busy: BusyTimes, moving: Booking | None) -> BusyTimes:
    """``busy`` but for the time of the appointment being moved."""
    if moving is None:
        return busy
    own = {(moving.start, moving.kept_until), (moving.start, moving.end)}
    return BusyTimes(s for s in busy.spans if (s.start, s.end) not in own)


def _first(reasons: list[str]) -> str:
    """With "whoever is free": a reason all share, or that nobody is free then."""
    return reasons[0] if len(set(reasons)) == 1 else "ninguém está livre nesse horário"


def booking(
    appointment_id: str, subject: str, choice: Choice, professional: Professional, start: datetime
) -> Booking:
    """The calendar entry for ``choice`` at ``start``: the visit, then its buffer kept."""
    service = choice.service
    return Booking(
        appointment_id, subject, start, start + service.duration,
        professional=professional.id, service=service.id, until=start + service.occupies,
    )  # fmt: skip


Chosen = tuple[Choice, Professional]
"""A service and the one professional a proposal named."""


def choice_for(
    model: ClinicModel, service: str | None, professional: str | None, moving: Booking | None
) -> Choice:
    """What a call asks for; moving an appointment, the same service and, unless another
    service or professional is asked, the same professional."""
    if moving is not None and moving.service in model.services:
        if professional is None and service in (None, moving.service):
            professional = moving.professional or None
        service = service or moving.service
    return choose(model, service, professional)


def confirmed(
    model: ClinicModel, service: str | None, professional: str | None, proposal: Proposal | None
) -> Chosen:
    """The service and professional a booking or move is for: as asked, or else as the
    proposal the person said yes to named them."""
    if proposal is not None:
        service = service or proposal.service or None
        professional = professional or proposal.professional or None
    choice = choose(model, service, professional)
    if len(choice.professionals) != 1:
        raise ToolRejected("diga o profissional (professional) proposto")
    return choice, choice.professionals[0]


def changeable(model: ClinicModel, booking: Booking, now: datetime) -> None:
    """Refuses to cancel or move an appointment past the clinic's cut-off, saying why."""
    reason = model.why_not_changed(booking.start, now)
    if reason is not None:
        raise ToolRejected(reason)


def ids(chosen: Chosen | None) -> dict[str, str]:
    """The professional's and service's ids, as a proposal keeps them."""
    if chosen is None:
        return {}
    choice, professional = chosen
    return {"professional": professional.id, "service": choice.service.id}


async def moving(turn: Turn, resources: Resources, appointment_id: str | None) -> Booking | None:
    """The person's own appointment being moved, if any."""
    if not appointment_id:
        return None
    return await own_booking(resources, turn, appointment_id)


async def being_moved(turn: Turn, resources: Resources) -> Booking | None:
    """The appointment the conversation is moving, if it still stands: slots are then
    looked for with its service and professional."""
    try:
        return await moving(turn, resources, turn.state.rescheduling)
    except ToolRejected:
        return None  # gone meanwhile: slots as for a new booking


def confirm_by(resources: Resources, turn: Turn, start: datetime) -> str | None:
    """By when a booking at ``start`` must be confirmed (wall clock), for a patient who
    missed appointments before; None when it stands without."""
    deadline = resources.no_shows.deadline(turn.state, start, turn.now)
    return resources.clinic.wall_clock(deadline) if deadline else None


def no_choice(service: str | None, professional: str | None) -> None:
    """A clinic without a file has one service and one professional: naming any is an
    error, not a choice silently ignored."""
    if service is not None or professional is not None:
        raise ToolRejected("esta clínica tem um só serviço e profissional: omita os dois")


def confirmed_choice(
    service: str | None, professional: str | None, turn: Turn, resources: Resources
) -> Chosen | None:
    """The service and professional a booking is for (None without a clinic file)."""
    if resources.model is None:
        no_choice(service, professional)
        return None
    return confirmed(resources.model, service, professional, turn.state.answering)


def changeable_in(resources: Resources, booking: Booking, turn: Turn) -> None:
    """Refuses a move past the cut-off of a clinic file (none without one)."""
    if resources.model is not None:
        changeable(resources.model, booking, turn.now)
