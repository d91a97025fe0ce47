"""A no to a proposal naming only an hour or a part of the day keeps the day proposed."""

from __future__ import annotations

from datetime import date, datetime, time

from services.conductor.portuguese.when import When, parse_when
from services.conductor.proposal_change import on_proposed_day

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 9)
PROPOSED = datetime(2026, 12, 1, 10)


def read(text: str) -> When | None:
    return on_proposed_day(parse_when(text, TODAY, NOW), PROPOSED)


def test_a_new_hour_is_on_the_day_proposed() -> None:
    when = read("não serve. Teria às 14h no mesmo dia?")
    assert when is not None and when.start() == datetime(2026, 12, 1, 14)


def test_a_bound_is_a_span_of_the_day_proposed() -> None:
    when = read("10h eu to na lavoura, so depois das 16")
    assert when is not None
    assert (when.day, when.between) == (PROPOSED.date(), (time(16), time(23, 59)))


def test_a_part_of_the_day_is_on_the_day_proposed() -> None:
    when = read("nao, de tarde")
    assert when is not None and (when.day, when.period) == (PROPOSED.date(), "tarde")


def test_a_day_of_its_own_is_kept() -> None:
    when = read("não, sexta às 10h")
    assert when is not None and when.start() == datetime(2026, 11, 27, 10)


def test_a_time_in_doubt_stays_a_question() -> None:
    when = read("nao, as 3")
    assert when is not None and when.doubt is not None and when.day is None


def test_no_time_is_no_time() -> None:
    assert read("não quero") is None


def test_the_hour_proposed_named_in_a_no_is_the_one_refused() -> None:
    assert read("nao, as 10 eu trabalho") is None
