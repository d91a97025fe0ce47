"""Free slots of a service with a professional: from the professional's openings, the
service's duration and buffer, the clinic's closed days and what is already busy. Pure:
the clock and the busy intervals are arguments.

A slot starts on the clinic's grid (``step`` from the start of an opening); the visit
itself ends within the opening; the buffer after it may run past closing (nobody follows
then) but, like the visit, must not overlap anything busy.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from services.domain.clinic_model import ClinicModel, Professional, Service
from services.domain.schedule import BusyTimes


@dataclass(frozen=True, slots=True)
class Offer:
    """A free slot: when, with whom."""

    start: datetime
    professional: str


def starts_on(
    clinic: ClinicModel, professional: Professional, service: Service, day: date
) -> Iterator[datetime]:
    """Every start the grid allows for ``service`` with ``professional`` on ``day``,
    free or not (none on a day the clinic is closed)."""
    if clinic.closed_on(day) is not None:
        return
    zone = ZoneInfo(clinic.time_zone)
    for opens, closes in professional.openings(day.weekday()):
        start = datetime.combine(day, opens, zone)
        end_of_opening = datetime.combine(day, closes, zone)
        if closes == time(0):  # "24:00": the end of the day
            end_of_opening += timedelta(days=1)
        while start + service.duration <= end_of_opening:
            yield start
            start += clinic.step


def why_not_bookable(
    clinic: ClinicModel, service_id: str, professional_id: str, start: datetime, now: datetime
) -> str | None:
    """None if ``service_id`` with ``professional_id`` may be booked at ``start`` (free or
    not); otherwise the reason, in the words a patient is told."""
    if start <= now:
        return "esse horário já passou"
    if start > now + timedelta(days=clinic.horizon_days):
        return f"a agenda está aberta só para os próximos {clinic.horizon_days} dias"
    day = start.astimezone(ZoneInfo(clinic.time_zone)).date()
    if (closed := clinic.closed_on(day)) is not None:
        return f"a clínica não abre nesse dia ({closed})"
    professional = clinic.professionals[professional_id]
    service = clinic.services[service_id]
    if professional_id not in service.professionals:
        return f"{professional.name} não faz {service.name.lower()}"
    if start not in starts_on(clinic, professional, service, day):
        return f"{professional.name} não atende nesse horário"
    return None


def free_slots(
    clinic: ClinicModel,
    service_id: str,
    professional_id: str,
    busy: BusyTimes,
    now: datetime,
    *,
    since: date | None = None,
    days: int | None = None,
    limit: int = 5,
) -> list[datetime]:
    """The first free starts of ``service_id`` with ``professional_id`` after ``now``,
    within the booking horizon: from ``since`` on (default: today), over ``days`` days
    (default: up to the horizon). ``busy`` is that professional's busy time."""
    service = clinic.services[service_id]
    professional = clinic.professionals[professional_id]
    zone = ZoneInfo(clinic.time_zone)
    today = now.astimezone(zone).date()
    first = max(since or today, today)
    latest = now + timedelta(days=clinic.horizon_days)
    span = days if days is not None else (latest.astimezone(zone).date() - first).days + 1
    found: list[datetime] = []
    for n in range(max(span, 0)):
        for start in starts_on(clinic, professional, service, first + timedelta(days=n)):
            if start <= now or start > latest:
                continue
            if busy.overlaps(start, start + service.occupies):
                continue
            found.append(start)
            if len(found) == limit:
                return found
    return found


def free_with_anyone(
    clinic: ClinicModel,
    service_id: str,
    busy_of: dict[str, BusyTimes],
    now: datetime,
    *,
    since: date | None = None,
    days: int | None = None,
    limit: int = 5,
) -> list[Offer]:
    """ "Whoever is free": the first free slots of a service with any professional who
    gives it, soonest first (at one time, the first professional in the file's order)."""
    offers: list[Offer] = []
    for professional in clinic.givers_of(service_id):
        busy = busy_of[professional.id]
        starts = free_slots(clinic, service_id, professional.id, busy, now,
                            since=since, days=days, limit=limit)  # fmt: skip
        offers += (Offer(start, professional.id) for start in starts)
    order = {p.id: n for n, p in enumerate(clinic.givers_of(service_id))}
    offers.sort(key=lambda o: (o.start, order[o.professional]))
    return offers[:limit]
