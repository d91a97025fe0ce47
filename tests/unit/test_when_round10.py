"""Round 10: spans of hours that reach or cross noon."""

from datetime import date, time

import pytest

from tests.support.reference_moment import read_when


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("amanha entre meio dia e duas", (time(12), time(14))),
        ("amanha entre meio dia e 2", (time(12), time(14))),
        ("amanha entre 12 e 2", (time(12), time(14))),
        ("amanha do meio dia as duas", (time(12), time(14))),
        ("amanha de meio dia a uma", (time(12), time(13))),
        ("amanha do meio dia até as 3", (time(12), time(15))),
        ("amanha do meio dia e meia as 2", (time(12, 30), time(14))),
    ],
)
def test_a_span_beginning_at_noon_ends_in_the_afternoon(text: str, span: tuple[time, time]) -> None:
    when = read_when(text)
    assert when is not None and when.between == span and when.doubt is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("amanha entre 11 e 1", (time(11), time(13))),
        ("sexta das 10 as 2", (time(10), time(14))),
        ("quinta das 8 as 5", (time(8), time(17))),
    ],
)
def test_a_span_from_the_morning_to_an_hour_from_1_to_6_crosses_noon(
    text: str, span: tuple[time, time]
) -> None:
    when = read_when(text)
    assert when is not None and when.between == span


@pytest.mark.parametrize(
    "text", ["amanha entre meio dia e duas", "amanha entre 11 e 1", "amanha de meio dia a uma"]
)
def test_a_span_across_noon_proposes_no_time(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.start() is None


def test_a_span_whose_end_stays_unclear_is_asked_not_read_as_its_start() -> None:
    when = read_when("amanha entre 2 e 4")
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_span_within_the_morning_is_read_as_said() -> None:
    when = read_when("amanha das 9 as 11")
    assert when is not None and when.between == (time(9), time(11))


def test_noon_alone_stays_a_time() -> None:
    when = read_when("amanha meio dia")
    assert when is not None and when.at == time(12)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("na segunda dia 30 de manha bem cedo pq ele tem aula de tarde", "manha"),
        ("sexta de manha pq ela trabalha a noite", "manha"),
        ("terça que vem de tarde porque minha mae faz hemodialise de manha", "tarde"),
    ],
)
def test_a_part_of_the_day_in_a_reason_with_words_between_is_not_the_one_meant(
    text: str, period: str
) -> None:
    when = read_when(text)
    assert when is not None and when.period == period


def test_a_part_of_the_day_wished_in_a_reason_is_the_one_meant() -> None:
    when = read_when("quinta de manha nao pq ela so pode de tarde")
    assert when is not None and when.period == "tarde"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("quarta 25 as 15:30", date(2026, 11, 25)),
        ("qualquer hora na segunda 30", date(2026, 11, 30)),
        ("segunda 7 as 9", date(2026, 12, 7)),
        ("terça 1 as 10", date(2026, 12, 1)),
    ],
)
def test_a_number_after_a_weekday_that_the_calendar_agrees_with_is_its_date(
    text: str, day: date
) -> None:
    when = read_when(text)
    assert when is not None and when.day == day and when.doubt is None


@pytest.mark.parametrize("text", ["quero agendar pra segunda 23", "segunda 23 as 10h"])
def test_a_weekday_dated_with_a_day_gone_by_is_asked_about(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "at"),
    [("sexta 14 e 30", time(14, 30)), ("sexta 2 de tarde", time(14))],
)
def test_a_number_after_a_weekday_with_an_hour_s_marks_stays_an_hour(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and when.day == date(2026, 11, 27) and when.at == at


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("entre as dez e as onze amanha", (time(10), time(11))),
        ("amanha entre as 10h e as 11h", (time(10), time(11))),
        ("amanha das onze a uma da tarde", (time(11), time(13))),
        ("amanha das 2 as 4 da tarde", (time(14), time(16))),
    ],
)
def test_a_span_s_articles_and_its_end_s_part_of_the_day_are_read(
    text: str, span: tuple[time, time]
) -> None:
    when = read_when(text)
    assert when is not None and when.between == span
