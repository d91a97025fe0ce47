"""Shorthand in what a patient says about when."""

from __future__ import annotations

from datetime import date, datetime, time

from services.conductor.portuguese.when import parse_when

TODAY = date(2026, 11, 24)  # a Tuesday
NOW = datetime(2026, 11, 24, 9, 0)


def test_dps_before_an_hour_bounds_the_time_as_depois_does() -> None:
    when = parse_when("pfv sexta dps das 10", TODAY, NOW)
    assert when is not None and when.start() is None
    assert when.between == (time(10, 0), time(23, 59))
