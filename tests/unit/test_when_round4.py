"""Round 4's time rules: "ontem" asked for, four-digit hours, "tardezinha", a week by
its place in a month, a day or next week, a move's target after a longer object."""

from __future__ import annotations

from services.conductor.portuguese.when import parse_when
from tests.unit.test_when import TUESDAY


def test_yesterday_asked_for_is_never_proposed() -> None:
    when = parse_when("ontem as 10h da pra marcar?", TUESDAY)
    assert when is not None and when.start() is None and when.doubt is not None


def test_an_hour_in_four_digits_is_read() -> None:
    when = parse_when("consegue pra amanha 1530?", TUESDAY)
    assert when is not None and when.at is not None and (when.at.hour, when.at.minute) == (15, 30)


def test_a_year_is_no_hour() -> None:
    when = parse_when("dia 5 de janeiro de 2027", TUESDAY)
    assert when is None or when.at is None


def test_tardezinha_is_the_afternoon() -> None:
    when = parse_when("amanha de tardezinha", TUESDAY)
    assert when is not None and when.period == "tarde"


def test_a_week_by_its_place_in_a_month_is_asked_about() -> None:
    when = parse_when("preciso de horario na segunda semana de dezembro", TUESDAY)
    assert when is not None and when.doubt is not None


def test_a_day_or_next_week_is_asked_about() -> None:
    when = parse_when("tem vaga amanha ou so semana que vem?", TUESDAY)
    assert when is not None and when.doubt is not None


def test_a_moves_target_after_a_long_object_is_read() -> None:
    when = parse_when("preciso remarcar minha consulta de quinta pra sexta as 10h", TUESDAY)
    assert when is not None and when.start() is not None and when.start().day == 27
