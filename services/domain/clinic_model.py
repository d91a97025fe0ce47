"""The clinic as it is: who sees patients when, what each visit takes, and the days it
is closed. Pure and typed; :mod:`services.domain.clinic_file` builds it from the clinic
file, :meth:`ClinicModel.single` from today's settings when there is no file."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from services.domain.clinic import DEFAULT_TIME_ZONE, Clinic
from services.domain.clinic_holidays import HolidayCalendar

# An opening range of a day: from, until (until may be midnight, time(0), the day's end).
Opening = tuple[time, time]
WEEKDAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# No booking lasts longer, buffer included: a calendar finds the bookings that can
# overlap a time among those starting this much before it.
LONGEST_BOOKING = timedelta(hours=12)
# The ids of the one professional and the one service of a clinic without a clinic file:
# empty, as every booking and appointment event before the clinic file has them (a file's
# ids are never empty), so those bookings stay theirs.
THE_PROFESSIONAL = ""
THE_SERVICE = ""


@dataclass(frozen=True, slots=True)
class Professional:
    """Someone who sees patients, with their weekly hours and their own calendar."""

    id: str
    name: str
    # Python weekday (0 = Monday) -> the day's opening ranges, sorted, not overlapping.
    hours: Mapping[int, tuple[Opening, ...]]
    google_calendar_id: str | None = None

    def openings(self, weekday: int) -> tuple[Opening, ...]:
        return self.hours.get(weekday, ())


@dataclass(frozen=True, slots=True)
class Service:
    """What a patient books: how long it takes, the pause kept after it (``buffer``),
    and who gives it."""

    id: str
    name: str
    duration: timedelta
    buffer: timedelta
    professionals: tuple[str, ...]

    @property
    def occupies(self) -> timedelta:
        """How long it keeps its professional from the next patient."""
        return self.duration + self.buffer


@dataclass(frozen=True, slots=True)
class ClinicModel:
    """Professionals, services, the slot grid, the booking horizon, the cut-off for
    cancelling or moving, and the days closed."""

    professionals: Mapping[str, Professional]
    services: Mapping[str, Service]
    time_zone: str = DEFAULT_TIME_ZONE
    step: timedelta = timedelta(minutes=30)  # slots start on this grid from each opening
    horizon_days: int = 30
    cutoff: timedelta = timedelta(0)  # no cancelling or moving closer than this to the start
    holidays: HolidayCalendar = field(default_factory=HolidayCalendar)

    @classmethod
    def single(cls, clinic: Clinic) -> ClinicModel:
        """Today's settings as a clinic: one professional, one service of one slot's
        length, the same hours every open day, no holidays."""
        hours = {day: ((clinic.opens, clinic.closes),) for day in sorted(clinic.open_days)}
        professional = Professional(THE_PROFESSIONAL, "Clínica", hours)
        service = Service(THE_SERVICE, "Consulta", clinic.slot, timedelta(0), (professional.id,))
        return cls(
            professionals={professional.id: professional},
            services={service.id: service},
            time_zone=clinic.time_zone,
            step=clinic.slot,
            horizon_days=clinic.horizon_days,
        )

    def givers_of(self, service_id: str) -> tuple[Professional, ...]:
        """The professionals who give a service, in the file's order."""
        service = self.services[service_id]
        return tuple(self.professionals[p] for p in service.professionals)

    def why_not_changed(self, start: datetime, now: datetime) -> str | None:
        """None if an appointment starting at ``start`` may still be cancelled or moved at
        ``now``; otherwise why not, in the words a patient is told."""
        if start <= now:
            return "essa consulta já começou"
        if start - now < self.cutoff:
            return f"só é possível cancelar ou remarcar até {_duration_words(self.cutoff)} antes"
        return None

    def closed_on(self, day: date) -> str | None:
        """Why the whole clinic is closed on ``day`` (a holiday, a day of its own), or
        None."""
        return self.holidays.closed_on(day)


def _duration_words(span: timedelta) -> str:
    """2 horas, 1 hora, 30 minutos."""
    minutes = int(span.total_seconds()) // 60
    if minutes % 60:
        return f"{minutes} minutos"
    hours = minutes // 60
    return "1 hora" if hours == 1 else f"{hours} horas"
