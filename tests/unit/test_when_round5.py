"""Round 5's time rules: an hour of today said bare whose morning is over, "umas N", this
week, a part of a month, a booking cancelled and another made, the hours one enters or
leaves work, a "não?" asked after a part of the day."""

from __future__ import annotations

from datetime import date, datetime, time

from services.conductor.portuguese.when import parse_when
from tests.unit.test_when import TUESDAY

_NINE = datetime.combine(TUESDAY, time(9))


def test_a_bare_hour_of_today_whose_morning_is_over_is_asked_about() -> None:
    when = parse_when("hj as 8 da pra encaixar?", TUESDAY, _NINE)
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_bare_hour_of_today_still_ahead_is_read() -> None:
    when = parse_when("hj as 10 da pra encaixar?", TUESDAY, _NINE)
    assert when is not None and when.start() == datetime.combine(TUESDAY, time(10))


def test_an_hour_of_today_on_the_clock_keeps_its_morning() -> None:
    when = parse_when("hoje as 8h ainda da?", TUESDAY, _NINE)
    assert when is not None and when.at == time(8) and when.is_past(_NINE)


def test_about_an_hour_is_that_hour() -> None:
    when = parse_when("queria marcar umas 10 amanha", TUESDAY)
    assert when is not None and when.start() == datetime(2026, 11, 25, 10)


def test_about_an_early_hour_said_bare_is_still_asked_about() -> None:
    when = parse_when("queria amanha umas sete", TUESDAY)
    assert when is not None and when.doubt is not None


def test_this_week_is_its_monday() -> None:
    when = parse_when("eu tenho algum horario marcado essa semana?", TUESDAY)
    assert when is not None and when.week == date(2026, 11, 23) and when.day is None


def test_any_day_of_this_week_keeps_the_part_of_the_day() -> None:
    when = parse_when("ela so pode de manha qualquer dia dessa semana", TUESDAY)
    assert when is not None and (when.week, when.period) == (date(2026, 11, 23), "manha")


def test_a_part_of_a_month_is_asked_about() -> None:
    for text in ("quero marcar pro comeco de dezembro", "queria um horario no fim do mes"):
        when = parse_when(text, TUESDAY)
        assert when is not None and when.doubt is not None, text


def test_a_booking_cancelled_and_another_made_is_read_at_the_new_one() -> None:
    text = "queria cancelar a consulta de amanha mas marcar outra pra semana que vem"
    when = parse_when(text, TUESDAY)
    assert when is not None and (when.day, when.week) == (None, date(2026, 11, 30))


def test_the_hour_one_enters_work_is_not_meant() -> None:
    text = "amanha de manha cedinho porque eu entro as 9 entao se tiver as 7 e meia"
    when = parse_when(text, TUESDAY)
    assert when is not None and when.start() == datetime(2026, 11, 25, 7, 30)


def test_a_no_asked_after_a_part_of_the_day_keeps_it() -> None:
    when = parse_when("tem vaga pra amanha de tarde nao? to precisando", TUESDAY)
    assert when is not None and when.period == "tarde"
