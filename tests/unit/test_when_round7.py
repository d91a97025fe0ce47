"""Round 7: times said in other words."""

from datetime import date, time

import pytest

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intents import intent_of
from tests.support.reference_moment import read_when


@pytest.mark.parametrize("text", ["dia 20 tem?", "dia 23", "tem vaga no dia 18?"])
def test_a_bare_day_of_the_month_a_week_gone_by_or_less_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


def test_a_bare_day_of_the_month_further_back_is_next_months() -> None:
    when = read_when("dia 2 tem?")
    assert when is not None and when.day == date(2026, 12, 2) and when.doubt is None


def test_a_weekday_that_agrees_with_next_months_date_says_which() -> None:
    when = read_when("segunda dia 21")
    assert when is not None and when.day == date(2026, 12, 21)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("tem algum horario depois das 3 amanha?", time(15)),
        ("depois das 4 na quinta", time(16)),
        ("a partir das 3", time(15)),
    ],
)
def test_an_hour_of_one_to_five_bounding_a_span_is_the_afternoon(text: str, start: time) -> None:
    when = read_when(text)
    assert when is not None and when.between == (start, time(23, 59))


def test_a_morning_hour_bounding_a_span_keeps_its_morning() -> None:
    when = read_when("depois das 10 amanha")
    assert when is not None and when.between == (time(10), time(23, 59))


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("para o dia 10 de dezembro, preferencialmente no período vespertino", "tarde"),
        ("dia 3 de dezembro, no período matutino", "manha"),
    ],
)
def test_the_written_register_names_the_part_of_the_day(text: str, period: str) -> None:
    when = read_when(text)
    assert when is not None and when.period == period


@pytest.mark.parametrize(("text", "day"), [("sab", 28), ("sáb", 28), ("qui?", 26)])
def test_a_weekdays_short_form_said_alone_is_that_day(text: str, day: int) -> None:
    when = read_when(text)
    assert when is not None and when.day == date(2026, 11, day)


@pytest.mark.parametrize(
    ("text", "day"), [("5ª às 14h", 26), ("4ª de manhã", 25), ("3ª que vem às 10h", 1)]
)
def test_a_numbered_weekday_before_a_time_is_that_day(text: str, day: int) -> None:
    when = read_when(text)
    assert when is not None and when.day is not None and when.day.day == day


@pytest.mark.parametrize(
    "text", ["hoje ja passou ne? entao amanha as 9", "hoje nao da mais, entao amanha as 9"]
)
def test_today_said_to_be_over_is_not_the_day_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.day == date(2026, 11, 25) and when.at == time(9)


@pytest.mark.parametrize("text", ["consigo quarta perto das 10?", "sexta por volta das 14h?"])
def test_near_an_hour_is_a_time_not_a_place(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_fasting_said_as_what_one_will_do_leaves_the_booking_asked() -> None:
    text = "tem como marcar pra mim na sexta logo cedo que eu vou de jejum fazer os exame"
    assert intent_of(text) is Intent.SCHEDULE


def test_fasting_asked_about_is_about_the_clinic() -> None:
    assert intent_of("vou de jejum?") is Intent.INFO


def test_saying_one_will_come_still_confirms() -> None:
    assert intent_of("pode deixar que eu vou") is Intent.CONFIRM
