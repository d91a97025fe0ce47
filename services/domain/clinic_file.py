"""The clinic file (TOML): read once at start, validated into a :class:`ClinicModel`,
or refused with an error naming the field and its line. Without a file
(``CLINIC_FILE`` empty) today's settings make a one-professional, one-service clinic.

The shape, field by field, is in README.md ("The clinic file"); ops/clinic/clinic.toml
is an example.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable, Mapping
from datetime import date, time, timedelta
from pathlib import Path
from typing import Annotated, Literal

import msgspec

from services.domain.clinic import Clinic
from services.domain.clinic_holidays import CATEGORIES, HolidayCalendar, UnknownHolidays
from services.domain.clinic_model import (
    LONGEST_BOOKING,
    WEEKDAY_KEYS,
    ClinicModel,
    Opening,
    Professional,
    Service,
)
from services.domain.toml_lines import line_of
from services.runtime import settings

_ID = Annotated[str, msgspec.Meta(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
_NAME = Annotated[str, msgspec.Meta(min_length=1, max_length=80)]
_RANGE = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^([01]\d|2[0-3]):[0-5]\d-(([01]\d|2[0-3]):[0-5]\d|24:00)$",
        description="HH:MM-HH:MM",
    ),
]
_DAY = Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")]
_Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
_Category = Literal["public", "optional"]


class ClinicFileError(settings.SettingsError):
    """The clinic file cannot be read or says something impossible."""


_ErrorAt = Callable[[str, str], ClinicFileError]  # the error for a path, and why
_KEY_ERROR = re.compile(r"(.*) - at `key` in `(\$[^`]*)`", re.DOTALL)


class _Professional(msgspec.Struct, forbid_unknown_fields=True):
    id: _ID
    name: _NAME
    hours: dict[_Weekday, list[_RANGE]]
    google_calendar_id: Annotated[str, msgspec.Meta(min_length=1, max_length=200)] | None = None


class _Service(msgspec.Struct, forbid_unknown_fields=True):
    id: _ID
    name: _NAME
    minutes: Annotated[int, msgspec.Meta(ge=5, le=480)]
    professionals: Annotated[list[_ID], msgspec.Meta(min_length=1)]
    buffer_minutes: Annotated[int, msgspec.Meta(ge=0, le=240)] = 0


class _Holidays(msgspec.Struct, forbid_unknown_fields=True):
    country: Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")] = "BR"
    subdivision: Annotated[str, msgspec.Meta(min_length=1, max_length=60)] | None = None
    categories: Annotated[list[_Category], msgspec.Meta(min_length=1)] = msgspec.field(
        default_factory=lambda: ["public"]
    )


class _ClinicFile(msgspec.Struct, forbid_unknown_fields=True):
    professionals: Annotated[list[_Professional], msgspec.Meta(min_length=1)]
    services: Annotated[list[_Service], msgspec.Meta(min_length=1)]
    slot_step_minutes: Annotated[int, msgspec.Meta(ge=5, le=240)] | None = None
    booking_horizon_days: Annotated[int, msgspec.Meta(ge=1, le=366)] | None = None
    cancellation_cutoff_hours: Annotated[int, msgspec.Meta(ge=0, le=168)] = 0
    # None (no table): Brazil's national public holidays; false: none at all.
    holidays: _Holidays | bool | None = None
    closed_days: dict[_DAY, _NAME] = msgspec.field(default_factory=dict)


def clinic_from_env(env: Mapping[str, str]) -> ClinicModel:
    """The clinic ``CLINIC_FILE`` describes, or, without one, today's settings as a
    one-professional clinic. Raises :class:`settings.SettingsError`."""
    defaults = Clinic.from_env(env)
    path = settings.text(env, "CLINIC_FILE", "")
    if not path:
        return ClinicModel.single(defaults)
    return load_clinic_file(Path(path), defaults)


def load_clinic_file(path: Path, defaults: Clinic) -> ClinicModel:
    """The clinic the file at ``path`` describes; what it leaves out (the slot grid, the
    horizon) comes from ``defaults``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClinicFileError(
            f"clinic file {path}: cannot be read ({type(exc).__name__})"
        ) from None
    return parse_clinic_file(text, defaults, source=str(path))


def parse_clinic_file(text: str, defaults: Clinic, *, source: str = "clinic file") -> ClinicModel:
    """The clinic ``text`` (TOML) describes; :class:`ClinicFileError` saying where not."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ClinicFileError(f"{source}: not valid TOML: {exc}") from None
    try:
        entry = msgspec.convert(raw, _ClinicFile)
    except msgspec.ValidationError as exc:
        path, message = _where_and_why(str(exc))
        raise _error(source, text, path, message) from None
    return _model(entry, defaults, lambda path, why: _error(source, text, path, why))


def _where_and_why(error: str) -> tuple[str, str]:
    """The path and the reason in msgspec's "why - at `$.path`", or "why - at `key` in
    `$.path`" for a key of a table (a weekday of the hours)."""
    if (key := _KEY_ERROR.fullmatch(error)) is not None:
        why, path = key[1], key[2]
        if path.endswith(".hours"):
            return path, f"{why}: a day is one of {', '.join(WEEKDAY_KEYS)}"
        return path, f"{why} as a key"
    message, _, path = error.rpartition(" - at `")
    return (path.rstrip("`"), message) if message else ("$", error)


def _error(source: str, text: str, path: str, why: str) -> ClinicFileError:
    line = line_of(text, path)
    where = f"{source}, line {line}" if line else source
    field = path.removeprefix("$").removeprefix(".") or "(top level)"
    return ClinicFileError(f"{where}: {field}: {why}")


def _model(entry: _ClinicFile, defaults: Clinic, error: _ErrorAt) -> ClinicModel:
    professionals: dict[str, Professional] = {}
    for n, p in enumerate(entry.professionals):
        if p.id in professionals:
            raise error(f"$.professionals[{n}].id", f"a second professional {p.id!r}")
        hours = {
            WEEKDAY_KEYS.index(day): _openings(ranges, error, f"$.professionals[{n}].hours.{day}")
            for day, ranges in p.hours.items()
            if ranges
        }
        professionals[p.id] = Professional(p.id, p.name, hours, p.google_calendar_id)
    services: dict[str, Service] = {}
    for n, s in enumerate(entry.services):
        where = f"$.services[{n}]"
        if s.id in services:
            raise error(f"{where}.id", f"a second service {s.id!r}")
        unknown = [p for p in s.professionals if p not in professionals]
        if unknown:
            raise error(f"{where}.professionals", f"no professional {unknown[0]!r}")
        service = Service(s.id, s.name, timedelta(minutes=s.minutes),
                          timedelta(minutes=s.buffer_minutes), tuple(s.professionals))  # fmt: skip
        if service.occupies > LONGEST_BOOKING:
            raise error(f"{where}.minutes", "with its buffer, longer than 12 hours")
        services[s.id] = service
    return ClinicModel(
        professionals=professionals,
        services=services,
        time_zone=defaults.time_zone,
        step=timedelta(minutes=entry.slot_step_minutes or defaults.slot_minutes),
        horizon_days=entry.booking_horizon_days or defaults.horizon_days,
        cutoff=timedelta(hours=entry.cancellation_cutoff_hours),
        holidays=_holidays(entry, error),
    )


def _openings(ranges: list[str], error: _ErrorAt, where: str) -> tuple[Opening, ...]:
    openings: list[Opening] = []
    for n, spec in enumerate(ranges):
        first, _, last = spec.partition("-")
        opens, closes = time.fromisoformat(first), _clock(last)
        if closes != time(0) and closes <= opens:
            raise error(f"{where}[{n}]", f"{spec!r} ends before it starts")
        openings.append((opens, closes))
    openings.sort()
    for (_, closes), (opens, _) in itertools.pairwise(openings):
        if closes == time(0) or opens < closes:
            raise error(where, "two ranges of the day overlap")
    return tuple(openings)


def _clock(spec: str) -> time:
    """HH:MM; 24:00 is the end of the day, kept as midnight."""
    return time(0) if spec == "24:00" else time.fromisoformat(spec)


def _holidays(entry: _ClinicFile, error: _ErrorAt) -> HolidayCalendar:
    own: dict[date, str] = {}
    for day, name in entry.closed_days.items():
        try:
            own[date.fromisoformat(day)] = name
        except ValueError:
            raise error(f"$.closed_days.{day}", "not a date") from None
    rule = entry.holidays
    if rule is False:
        calendar = HolidayCalendar(own=own)  # the clinic opted out of public holidays
    elif not isinstance(rule, _Holidays):
        calendar = HolidayCalendar(country=_Holidays().country, own=own)  # national ones
    else:
        calendar = HolidayCalendar(
            country=rule.country, subdivision=rule.subdivision,
            categories=tuple(sorted(set(rule.categories), key=CATEGORIES.index)), own=own,
        )  # fmt: skip
    try:
        calendar.check()
    except UnknownHolidays as exc:
        raise error("$.holidays", f"the holidays library says: {exc}") from None
    return calendar
