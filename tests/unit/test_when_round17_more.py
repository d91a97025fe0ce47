"""Round 17, times: "dez e meia" after a day's number, "marquei nada", Spanish hours in
words, a part of the day asked before a "não" of the next sentence, a booking kept named by
its part of the day, "mês que vem" with no day, a booking wished for a day gone by."""

from __future__ import annotations

from datetime import date, datetime, time

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


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("pode mudar minha sessao das 10 de amanha pras 11?", WEDNESDAY, time(11)),
        ("muda minha consulta das 9 de sexta pras 14h", FRIDAY, time(14)),
        ("troca a das 15h de segunda pras 16h pfv", MONDAY, time(16)),
    ],
)
def test_an_hour_moved_to_another_keeps_the_day_said_with_it(
    text: str, day: date, at: time
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_an_hour_moved_to_another_day_named_after_it_is_not_kept_on_the_first() -> None:
    when = read_when("muda a das 10 de amanha pras 11 de sexta")
    assert when is not None and when.start() is None


def test_the_day_of_a_booking_moved_gives_way_to_a_week_asked_after_it() -> None:
    when = read_when("preciso mudar minha consulta de amanha, pode ser semana que vem?")
    assert when is not None and (when.day, when.week, when.doubt) == (None, MONDAY, None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("queria trocar meu exame de sexta, tem segunda?", MONDAY, None),
        ("preciso remarcar minha sessao de quinta as 10, pode ser sexta as 10?", FRIDAY,
         time(10)),
    ],
)  # fmt: skip
def test_the_day_of_a_booking_moved_gives_way_to_a_day_asked_after_it(
    text: str, day: date, at: time | None
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_the_day_of_a_booking_moved_to_a_part_of_the_day_stays() -> None:
    when = read_when("preciso mudar minha consulta de amanha, pode ser de tarde?")
    assert when is not None and (when.day, when.period) == (WEDNESDAY, "tarde")


@pytest.mark.parametrize(
    ("text", "day", "period", "at"),
    [
        ("queria segunda... nao, quinta, segunda eu tenho dentista", THURSDAY, None, None),
        ("quero marcar quinta, dia 26... ah não, dia 26 não dá, pode ser sexta 27 à tarde?",
         FRIDAY, "tarde", None),
        ("amanha as 10... nao, as 11", WEDNESDAY, None, time(11)),
        ("queria sexta as 9… não, sexta as 10", FRIDAY, None, time(10)),
    ],
)  # fmt: skip
def test_a_no_after_trailing_off_takes_back_the_time_said(
    text: str, day: date, period: str | None, at: time | None
) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is None
    assert (when.day, when.at) == (day, at) and (period is None or when.period == period)


def test_a_no_after_trailing_off_that_starts_a_sentence_takes_nothing_back() -> None:
    when = read_when("amanha as 10... nao sei se da")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("consigo marcar quinta que vem? a de agora nao, a outra", date(2026, 12, 3)),
        ("quero sexta que vem, nao a de agora, a da outra semana", date(2026, 12, 4)),
    ],
)
def test_a_coming_weekday_with_this_weeks_refused_is_next_weeks(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.doubt) == (day, None)


def test_a_coming_weekday_alone_is_still_asked() -> None:
    when = read_when("quinta que vem de manha")
    assert when is not None and when.doubt is not None and when.day is None


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("sou atleta, tenho jogo sabado, preciso de uma sessão de liberação amanha cedo",
         WEDNESDAY, None),
        ("ela tem prova na sexta, pode ser quinta?", THURSDAY, None),
        ("tenho viagem segunda, queria amanha as 10", WEDNESDAY, time(10)),
    ],
)  # fmt: skip
def test_a_day_told_busy_after_its_activity_is_set_aside(
    text: str, day: date, at: time | None
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_a_day_told_busy_alone_is_still_read() -> None:
    when = read_when("tenho viagem segunda")
    assert when is not None and when.day == MONDAY


def test_a_booking_of_the_clinic_is_no_busy_activity() -> None:
    when = read_when("tenho consulta sexta, queria marcar quinta")
    assert when is not None and when.day is None and when.doubt is not None


def test_a_word_between_the_activity_and_the_day_keeps_the_day() -> None:
    text = "marca pra quinta as 10 nao pera quinta eu tenho prova faz sexta as 10"
    when = read_when(text)
    assert when is not None and when.start() == datetime(2026, 11, 27, 10)
