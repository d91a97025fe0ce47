"""The agenda: a day's or a week's appointments in the clinic's time zone, with the
patients' names opened from the sealed sessions. Grouping and labels are pure; reading is
one function."""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.actions.no_show import no_shows_of
from services.actions.read_models import AppointmentView, ReadModels

WEEKDAYS = ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
            "sábado", "domingo")  # fmt: skip
STATUS_NAMES = {
    "booked": "marcada",
    "confirmed": "confirmada",
    "cancelled": "cancelada",
    "no_show": "não compareceu",
}
UNKNOWN_NAME = "(nome não informado)"
BLOCKED_NAME = "(horário bloqueado)"
BLOCKS_CHAT = "console:blocks"  # a block is a booking of no patient, recorded here
ERASED_NAME = "(dados apagados)"


@dataclass(frozen=True, slots=True)
class Line:
    """One appointment as the front desk reads it."""

    time: str
    name: str
    status: str
    status_name: str
    subject: str
    appointment_id: str = ""
    start: datetime | None = None
    no_shows: int = 0

    @property
    def blocked(self) -> bool:
        return self.subject == BLOCKS_CHAT

    @property
    def live(self) -> bool:
        return self.status in ("booked", "confirmed")


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    title: str
    lines: tuple[Line, ...]
    today: bool


def week_of(day: date) -> list[date]:
    """Monday to Sunday of the week ``day`` is in."""
    monday = day - timedelta(days=day.weekday())
    return [monday + timedelta(days=n) for n in range(7)]


def title_of(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]}, {day.day:02d}/{day.month:02d}/{day.year}"


def line_of(
    view: AppointmentView, zone: ZoneInfo, names: dict[str, str | None],
    no_shows: dict[str, int] | None = None,
) -> Line:  # fmt: skip
    name = (names.get(view.subject) or UNKNOWN_NAME) if view.subject else ERASED_NAME
    if view.subject == BLOCKS_CHAT:
        name = BLOCKED_NAME
    return Line(
        time=view.start.astimezone(zone).strftime("%H:%M"),
        name=name,
        status=view.status,
        status_name=STATUS_NAMES.get(view.status, view.status),
        subject=view.subject,
        appointment_id=view.appointment_id,
        start=view.start,
        no_shows=(no_shows or {}).get(view.subject, 0),
    )


def fingerprint(views: list[AppointmentView]) -> str:
    """What the agenda shows, without names: the page refreshes when this changes, so
    polling opens no personal data and records no view."""
    text = "|".join(f"{v.appointment_id}:{v.status}:{v.start.isoformat()}" for v in views)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


async def appointments(models: ReadModels, days: list[date]) -> dict[date, list[AppointmentView]]:
    held = await asyncio.gather(*(models.appointments_on(day) for day in days))
    return dict(zip(days, held, strict=True))


async def names_of(models: ReadModels, subjects: set[str]) -> dict[str, str | None]:
    """The registered names of ``subjects``, opened from their sealed sessions."""
    ordered = sorted(subjects)
    # Side by side: each is a read of its own partition, and a day can hold many.
    sessions = await asyncio.gather(*(models.session(subject) for subject in ordered))
    return {
        subject: session.conversation.name if session else None
        for subject, session in zip(ordered, sessions, strict=True)
    }


async def agenda(
    models: ReadModels, days: list[date], zone: ZoneInfo, today: date
) -> tuple[list[Day], list[str], str]:
    """The days with their lines, the subjects whose names were opened, and the
    fingerprint of what is shown."""
    held = await appointments(models, days)
    subjects = {v.subject for views in held.values() for v in views if v.subject}
    subjects.discard(BLOCKS_CHAT)
    names = await names_of(models, subjects)
    missed = await no_shows_of(models, subjects)

    def lines(day: date) -> tuple[Line, ...]:
        return tuple(line_of(v, zone, names, missed) for v in held[day])

    built = [Day(day, title_of(day), lines(day), day == today) for day in days]
    version = fingerprint([v for day in days for v in held[day]])
    return built, sorted(subjects), version


def today_in(zone: ZoneInfo, now: datetime) -> date:
    return now.astimezone(zone).date()
