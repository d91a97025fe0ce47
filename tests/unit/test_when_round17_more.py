"""Round 17, times: "dez e meia" after a day's number, "marquei nada", Spanish hours in
words, a part of the day asked before a "não" of the next sentence, a booking kept named by
its part of the day, "mês que vem" with no day, a booking wished for a day gone by."""

from __future__ import annotations

from datetime import date, time

import pytest

from tests.support.reference_moment import read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
MONDAY, NEXT_TUESDAY = date(2026, 11, 30), date(2026, 12, 1)


@pytest.mark.parametrize(
    "text",
    ["quinta 26, dez e meia", "quinta 26 as dez e meia", "quinta 26, dez horas"],
)
def test_ten_after_a_day_number_is_an_hour_not_december(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is None
    assert when.day == THURSDAY and when.at in (time(10, 30), time(10))


def test_ten_after_a_day_number_is_still_december() -> None:
    when = read_when("dia 26 dez as 10")
    assert when is not None and (when.day, when.at) == (date(2026, 12, 26), time(10))


@pytest.mark.parametrize(
    "text",
    ["marquei nada ainda, queria dia 3 as 16h", "nao marquei ainda, queria dia 3 as 16h"],
)
def test_nothing_booked_yet_speaks_of_no_day_over(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is None
    assert (when.day, when.at) == (date(2026, 12, 3), time(16))


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("quiero un turno mañana a las tres de la tarde", WEDNESDAY, time(15)),
        ("hay turno mañana a las cuatro de la tarde?", WEDNESDAY, time(16)),
        ("necesito cita el viernes a las diez de la mañana", FRIDAY, time(10)),
    ],
)
def test_a_spanish_hour_in_words_is_read(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("ô querida, passa a minha revisão pra terça que vem de tarde? hoje não dá",
         NEXT_TUESDAY, "tarde"),
        ("ainda tô marcada pra quinta de manhã? não recebi lembrete", THURSDAY, "manha"),
        ("minha consulta é sexta de tarde? nao lembro direito", FRIDAY, "tarde"),
    ],
)  # fmt: skip
def test_a_part_of_the_day_asked_is_no_refusal_of_the_next_sentence(
    text: str, day: date, period: str
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


def test_a_no_that_corrects_the_part_asked_still_refuses_it() -> None:
    when = read_when("pode ser sexta de tarde? não, de manhã")
    assert when is not None and (when.day, when.period) == (FRIDAY, "manha")


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("cancela a minha de segunda a tarde, a de manha eu mantenho", MONDAY, "tarde"),
        ("desmarca a de sexta de manhã, a da tarde fica", FRIDAY, "manha"),
        ("cancela a de segunda de manha e mantem a da tarde", MONDAY, "manha"),
    ],
)
def test_a_booking_kept_named_by_its_part_of_the_day_is_set_aside(
    text: str, day: date, period: str
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


@pytest.mark.parametrize(
    "text",
    ["quero marcar pro mês que vem", "tem vaga no proximo mes de manha?", "mes que vem as 10"],
)
def test_next_month_without_its_day_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.day is None


def test_a_day_of_next_month_is_still_read() -> None:
    when = read_when("dia 5 do mes que vem")
    assert when is not None and (when.day, when.doubt) == (date(2026, 12, 5), None)


@pytest.mark.parametrize(
    "text",
    ["queria ter marcado ontem, ainda da?", "devia ter agendado ontem, ainda tem vaga?"],
)
def test_a_booking_wished_for_a_day_gone_by_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None
