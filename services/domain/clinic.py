"""The clinic's opening hours and the appointment grid. Pure: the clock is an argument."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from services.domain.schedule import BusyTimes, Span
from services.runtime import settings

DEFAULT_TIME_ZONE = "America/Sao_Paulo"
PERIOD_HOURS = {
    "manha": (time(6), time(12)),
    "tarde": (time(12), time(18)),
    "noite": (time(18), time(23, 59)),
}
WEEKDAY_NAMES = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
# "a clínica não abre aos sábados": each weekday as a habit, with its contraction.
ON_WEEKDAYS = ("às segundas", "às terças", "às quartas", "às quintas", "às sextas",
               "aos sábados", "aos domingos")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Clinic:
    """When appointments can be booked, in the clinic's own time zone."""

    time_zone: str = DEFAULT_TIME_ZONE
    open_days: frozenset[int] = frozenset(range(5))  # Monday .. Friday
    opens: time = time(8)
    closes: time = time(18)
    slot_minutes: int = 30
    horizon_days: int = 30

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Clinic:
        zone = settings.text(env, "TIME_ZONE", DEFAULT_TIME_ZONE)
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise settings.SettingsError(f"TIME_ZONE {zone!r} is not a known time zone") from None
        days = settings.text(env, "BUSINESS_DAYS", "1-5")
        clinic = cls(
            time_zone=zone,
            open_days=_days(days),
            opens=_clock(env, "BUSINESS_OPENS", "08:00"),
            closes=_clock(env, "BUSINESS_CLOSES", "18:00"),
            slot_minutes=settings.integer(env, "SLOT_MINUTES", 30, minimum=5),
            horizon_days=settings.integer(env, "BOOKING_HORIZON_DAYS", 30, minimum=1),
        )
        if clinic.opens >= clinic.closes:
            raise settings.SettingsError("BUSINESS_OPENS must be before BUSINESS_CLOSES")
        return clinic

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def horizon(self) -> timedelta:
        return timedelta(days=self.horizon_days)

    @property
    def slot(self) -> timedelta:
        return timedelta(minutes=self.slot_minutes)

    def local(self, moment: datetime) -> datetime:
        return moment.astimezone(self.zone)

    def wall_clock(self, moment: datetime) -> str:
        """``YYYY-MM-DDTHH:MM`` in the clinic's time: how tools show times to a model."""
        return self.local(moment).strftime("%Y-%m-%dT%H:%M")

    @property
    def hours(self) -> str:
        """The opening hours as a patient reads them: "atendemos das 8h às 18h"."""
        return f"atendemos das {_clock_words(self.opens)} às {_clock_words(self.closes)}"

    def why_not_bookable(self, start: datetime, now: datetime) -> str | None:
        """None if an appointment may start at ``start``; otherwise the reason, in words."""
        local = self.local(start)
        if start <= now:
            return "esse horário já passou"
        if start > now + timedelta(days=self.horizon_days):
            return self._beyond_horizon
        if local.weekday() not in self.open_days:
            return f"a clínica não abre {ON_WEEKDAYS[local.weekday()]}"
        end = (local + self.slot).time()
        if local.time() < self.opens or end > self.closes or end == time(0):
            return self.hours
        minutes = local.hour * 60 + local.minute - (self.opens.hour * 60 + self.opens.minute)
        if minutes % self.slot_minutes or local.second or local.microsecond:
            return f"as consultas começam a cada {self.slot_minutes} minutos"
        return None

    def why_closed_on(self, day: date, now: datetime) -> str | None:
        """Why no appointment at all can be had on ``day`` (a closed weekday, a day over,
        past the horizon); None if the clinic takes appointments that day."""
        today = self.local(now).date()
        if day < today:
            return "esse dia já passou"
        if day > (self.local(now) + self.horizon).date():
            return self._beyond_horizon
        if day.weekday() not in self.open_days:
            return f"a clínica não abre {ON_WEEKDAYS[day.weekday()]}"
        if day == today and not any(not self.why_not_bookable(s, now) for s in self.slots_on(day)):
            return f"o atendimento de hoje já terminou ({self.hours})"
        return None

    @property
    def _beyond_horizon(self) -> str:
        return f"a agenda está aberta só para os próximos {self.horizon_days} dias"

    def slots_on(self, day: date) -> list[datetime]:
        """Every slot start of a day (time-zone aware), whether free or not."""
        if day.weekday() not in self.open_days:
            return []
        start = datetime.combine(day, self.opens, self.zone)
        last = datetime.combine(day, self.closes, self.zone) - self.slot
        count = int((last - start) / self.slot) + 1
        return [start + i * self.slot for i in range(max(count, 0))]

    def free_slots(
        self,
        now: datetime,
        busy: BusyTimes | Iterable[Span],
        *,
        day: date | None = None,
        since: date | None = None,
        between: tuple[time, time] | None = None,
        limit: int = 5,
        per_day: int | None = None,
    ) -> list[datetime]:
        """The first free slots from ``now`` on: on ``day`` only, if given, else from
        ``since`` on; at most ``per_day`` of any one day, if given. A slot that any busy
        interval overlaps, however little, is not free."""
        blocked = busy if isinstance(busy, BusyTimes) else BusyTimes(busy)
        first_day = max(since or date.min, self.local(now).date())
        # Through the horizon's last day: a slot up to ``now`` plus the horizon is bookable.
        last_day = (self.local(now) + self.horizon).date()
        span = (last_day - first_day).days + 1
        days = [day] if day else [first_day + timedelta(days=n) for n in range(span)]
        found: list[datetime] = []
        for candidate_day in days:
            of_day = 0
            for start in self.slots_on(candidate_day):
                if between and not between[0] <= start.time() < between[1]:
                    continue
                if blocked.overlaps(start, start + self.slot) or self.why_not_bookable(start, now):
                    continue
                found.append(start)
                of_day += 1
                if len(found) == limit:
                    return found
                if of_day == per_day:
                    break
        return found

    def alternatives(
        self,
        day: date,
        now: datetime,
        busy: Iterable[Span],
        *,
        between: tuple[time, time] | None = None,
        limit: int = 5,
    ) -> list[datetime]:
        """The nearest free slots to offer instead of ``day``: on the open days after it
        (soonest first, a few of each day), in the same hours if any are free then."""
        blocked = BusyTimes(busy)
        for since in (day + timedelta(days=1), self.local(now).date()):
            for hours in (between, None) if between else (None,):
                found = self.free_slots(
                    now, blocked, since=since, between=hours, limit=limit, per_day=2
                )
                if found:
                    return found
        return []


def _clock_words(moment: time) -> str:
    """8h, 8h30: how a clinic writes its hours."""
    return f"{moment.hour}h{moment.minute:02d}" if moment.minute else f"{moment.hour}h"


def _days(spec: str) -> frozenset[int]:
    """ "1-5" or "1,2,3,4,5,6": ISO weekdays (1 = Monday) -> Python weekdays (0 = Monday)."""
    days: set[int] = set()
    try:
        for part in spec.split(","):
            low, _, high = part.strip().partition("-")
            days.update(range(int(low), int(high or low) + 1))
    except ValueError:
        raise settings.SettingsError(f"BUSINESS_DAYS must look like 1-5, got {spec!r}") from None
    if not days or not days <= set(range(1, 8)):
        raise settings.SettingsError(f"BUSINESS_DAYS must be between 1 and 7, got {spec!r}")
    return frozenset(d - 1 for d in days)


def _clock(env: Mapping[str, str], name: str, default: str) -> time:
    raw = settings.text(env, name, default)
    try:
        return time.fromisoformat(raw)
    except ValueError:
        raise settings.SettingsError(f"{name} must be a time like 08:00, got {raw!r}") from None
