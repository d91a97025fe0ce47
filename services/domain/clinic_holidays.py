"""The days the clinic is closed: public holidays from the ``holidays`` library (Brazil's
national ones, and a state's or a city's where the clinic names its subdivision) and the
clinic's own closed days."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import holidays

CATEGORIES = ("public", "optional")  # what the library files Brazil's holidays under
_PROBE_YEAR = 2026  # any year: asking for one tells whether the library knows the rest


class UnknownHolidays(ValueError):
    """The library knows no such country, subdivision or category."""


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """Public holidays of ``country`` (ISO 3166 code; None: none at all) in
    ``subdivision`` (a state, "SP", or a city the library knows, "São Paulo Capital"),
    in the library's ``categories``, plus the clinic's ``own`` closed days."""

    country: str | None = None
    subdivision: str | None = None
    categories: tuple[str, ...] = ("public",)
    own: Mapping[date, str] = field(default_factory=dict)

    def check(self) -> None:
        """Raise :class:`UnknownHolidays` unless the library knows what is asked."""
        if self.country is not None:
            _public_holidays(self.country, self.subdivision, self.categories, _PROBE_YEAR)

    def closed_on(self, day: date) -> str | None:
        """The name of the holiday or closed day ``day`` is, or None."""
        if day in self.own:
            return self.own[day]
        if self.country is None:
            return None
        return _public_holidays(self.country, self.subdivision, self.categories, day.year).get(day)


@lru_cache(maxsize=64)
def _public_holidays(
    country: str, subdivision: str | None, categories: tuple[str, ...], year: int
) -> Mapping[date, str]:
    """One year of the library's holidays, named in Brazilian Portuguese where it can."""
    try:
        found = holidays.country_holidays(
            country, subdiv=subdivision, years=year, categories=categories, language="pt_BR"
        )
    except NotImplementedError as exc:  # how the library says "no such country/subdivision"
        raise UnknownHolidays(str(exc)) from None
    except ValueError as exc:  # an unknown category
        raise UnknownHolidays(str(exc)) from None
    return dict(found.items())
