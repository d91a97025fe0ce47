"""Times in Brazilian Portuguese, as people type them to book."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.conductor.portuguese.when import When, offered_slot, parse_when

TUESDAY = date(2026, 11, 24)
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amanhã às 15h", When(date(2026, 11, 25), time(15))),
        ("Amanha as 15:00", When(date(2026, 11, 25), time(15))),
        ("amanhã de manhã", When(date(2026, 11, 25), None, "manha")),
        ("depois de amanhã às 9h", When(date(2026, 11, 26), time(9))),
        ("hoje à noite", When(TUESDAY, None, "noite")),
        ("terça que vem de manhã", When(date(2026, 12, 1), None, "manha")),
        ("sexta 9h30", When(date(2026, 11, 27), time(9, 30))),
        ("segunda-feira às 14 horas", When(date(2026, 11, 30), time(14))),
        ("dia 3 às 10:30", When(date(2026, 12, 3), time(10, 30))),
        ("dia 30 às 10h", When(date(2026, 11, 30), time(10))),
        ("12/12 às 14h", When(date(2026, 12, 12), time(14))),
        ("10/01 as 8h", When(date(2027, 1, 10), time(8))),
        ("às 3 da tarde", When(None, time(15), "tarde")),
        ("pode ser ao meio-dia amanhã", When(date(2026, 11, 25), time(12))),
        ("quero marcar para quinta às 16h por favor", When(date(2026, 11, 26), time(16))),
    ],
)
def test_a_time_expression_is_understood(text: str, expected: When) -> None:
    assert parse_when(text, TUESDAY) == expected


@pytest.mark.parametrize("text", ["quero marcar uma consulta", "oi", "sim", "1", "😀"])
def test_text_without_a_time_says_nothing(text: str) -> None:
    assert parse_when(text, TUESDAY) is None


@pytest.mark.parametrize("text", ["31/02 às 10h", "dia 45 às 10h", "30/13"])
def test_an_impossible_date_gives_no_day(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is None or when.day is None


@pytest.mark.parametrize(
    "text", ["amanhã às 27h", "amanhã 10:75", "amanhã 25 horas", "amanhã às 15 40"]
)
def test_an_impossible_time_gives_no_time(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None
    assert when.at is None


def test_a_weekday_said_on_that_weekday_is_asked_about() -> None:
    # On a Tuesday, "terça às 10h" is today for some, a week from today for others.
    when = parse_when("terça às 10h", TUESDAY)
    assert when is not None
    assert when.doubt == "hoje (terça, 24/11) ou terça, 01/12?"
    assert when.start() is None


def test_a_weekday_said_on_that_weekday_with_que_vem_is_next_weeks() -> None:
    assert parse_when("terça que vem às 10h", TUESDAY) == When(date(2026, 12, 1), time(10))


# Real phrasings, the day they were written, and exactly what they mean: (day, time,
# part of the day, span of hours, week). Seeds the conversation corpus.
PHRASINGS = [
    ("dia 7 de janeiro às 10h", TUESDAY, When(date(2027, 1, 7), time(10))),
    ("7 de janeiro as 10", TUESDAY, When(date(2027, 1, 7), time(10))),
    ("pode ser dia 15 de dezembro de manhã?", TUESDAY, When(date(2026, 12, 15), None, "manha")),
    ("dia 30 de dez às 9h", TUESDAY, When(date(2026, 12, 30), time(9))),
    ("25 dez", TUESDAY, When(date(2026, 12, 25))),
    ("primeiro de dezembro às 14h", TUESDAY, When(date(2026, 12, 1), time(14))),
    ("dia 3 de fev de 2027", TUESDAY, When(date(2027, 2, 3))),
    ("dia dez de dezembro", TUESDAY, When(date(2026, 12, 10))),
    ("dia 3 outro horário", TUESDAY, When(date(2026, 12, 3))),
    ("10 e meia", TUESDAY, When(None, time(10, 30))),
    ("amanhã às 10 e meia", TUESDAY, When(date(2026, 11, 25), time(10, 30))),
    ("e depois de amanhã às 10 e meia?", TUESDAY, When(date(2026, 11, 26), time(10, 30))),
    ("amanha 9h e meia", TUESDAY, When(date(2026, 11, 25), time(9, 30))),
    ("3 e meia da tarde", TUESDAY, When(None, time(15, 30), "tarde")),
    ("ao meio-dia e meia", TUESDAY, When(None, time(12, 30))),
    ("semana que vem", TUESDAY, When(week=date(2026, 11, 30))),
    ("pode ser semana que vem?", FRIDAY, When(week=date(2026, 11, 30))),
    ("semana que vem na quarta", TUESDAY, When(date(2026, 12, 2))),
    ("quarta da semana que vem às 14h", TUESDAY, When(date(2026, 12, 2), time(14))),
    ("próxima semana, sexta de manhã", TUESDAY, When(date(2026, 12, 4), None, "manha")),
    ("3 da tarde", TUESDAY, When(None, time(15), "tarde")),
    ("amanhã 4 da tarde", TUESDAY, When(date(2026, 11, 25), time(16), "tarde")),
    ("9 da manhã de sexta", TUESDAY, When(date(2026, 11, 27), time(9), "manha")),
    ("duas da tarde", TUESDAY, When(None, time(14), "tarde")),
    ("amanhã às duas e meia da tarde", TUESDAY, When(date(2026, 11, 25), time(14, 30), "tarde")),
    ("dez e meia", TUESDAY, When(None, time(10, 30))),
    ("quinta às nove", TUESDAY, When(date(2026, 11, 26), time(9))),
    ("sexta às onze e meia", TUESDAY, When(date(2026, 11, 27), time(11, 30))),
    ("uma da tarde", TUESDAY, When(None, time(13), "tarde")),
    ("daqui a 3 dias", TUESDAY, When(date(2026, 11, 27))),
    ("daqui a três dias às 15h", TUESDAY, When(date(2026, 11, 27), time(15))),
    ("daqui a 2 semanas", TUESDAY, When(date(2026, 12, 8))),
    ("daqui a duas semanas de tarde", TUESDAY, When(date(2026, 12, 8), None, "tarde")),
    ("daqui uma semana", TUESDAY, When(date(2026, 12, 1))),
    ("entre 14h e 16h", TUESDAY, When(between=(time(14), time(16)))),
    ("amanhã entre 14 e 16h", TUESDAY, When(date(2026, 11, 25), between=(time(14), time(16)))),
    ("das 9h às 11h30", TUESDAY, When(between=(time(9), time(11, 30)))),
    ("entre duas e quatro da tarde", TUESDAY, When(None, None, "tarde", (time(14), time(16)))),
    ("o das 10h30", TUESDAY, When(None, time(10, 30))),
    ("a partir das 14h", TUESDAY, When(between=(time(14), time(23, 59)))),
    (
        "amanhã depois das 3 da tarde",
        TUESDAY,
        When(date(2026, 11, 25), None, "tarde", (time(15), time(23, 59))),
    ),
    ("antes das 10h", TUESDAY, When(between=(time(0), time(10)))),
    ("quarta depois do almoço", TUESDAY, When(date(2026, 11, 25), None, "tarde")),
    ("hj as 16h", TUESDAY, When(TUESDAY, time(16))),
    ("amanha 15h", TUESDAY, When(date(2026, 11, 25), time(15))),
    ("segunda q vem", TUESDAY, When(date(2026, 11, 30))),
    ("sexta da semana que vem", TUESDAY, When(date(2026, 12, 4))),
    ("prox semana", TUESDAY, When(week=date(2026, 11, 30))),
    ("marquei ontem às 10h", TUESDAY, When(date(2026, 11, 23), time(10))),
    ("hoje às 8h", TUESDAY, When(TUESDAY, time(8))),
    (
        "20/11 às 10h",
        TUESDAY,
        When(date(2026, 11, 20), time(10), doubt="esse dia já passou. Para qual dia você quer?"),
    ),
    ("dia 7 de manhã", TUESDAY, When(date(2026, 12, 7), None, "manha")),
    ("dia 20", TUESDAY, When(doubt="o dia 20 já passou; seria 20 de dezembro?")),
    ("dia 2", TUESDAY, When(date(2026, 12, 2))),
    ("amanha as 10 e meia 🙏", TUESDAY, When(date(2026, 11, 25), time(10, 30))),
    ("Quinta-feira às 9", TUESDAY, When(date(2026, 11, 26), time(9))),
    ("dia 05/12 as 11hs", TUESDAY, When(date(2026, 12, 5), time(11))),
    ("amanhã 10hrs", TUESDAY, When(date(2026, 11, 25), time(10))),
    ("amanhã às 15.30", TUESDAY, When(date(2026, 11, 25), time(15, 30))),
    ("amanhã 15 e 30", TUESDAY, When(date(2026, 11, 25), time(15, 30))),
    ("quinze e quinze", TUESDAY, When(None, time(15, 15))),
    ("dps de amanha as 10", TUESDAY, When(date(2026, 11, 26), time(10))),
    ("depois d'amanhã às 9h", TUESDAY, When(date(2026, 11, 26), time(9))),
    ("dia 1º de dezembro", TUESDAY, When(date(2026, 12, 1))),
    ("amanhã cedo", TUESDAY, When(date(2026, 11, 25), None, "manha")),
    ("hj a noite", TUESDAY, When(TUESDAY, None, "noite")),
    ("terça que vem às dezesseis horas", TUESDAY, When(date(2026, 12, 1), time(16))),
]


@pytest.mark.parametrize(("text", "today", "expected"), PHRASINGS)
def test_a_phrasing_means_exactly_this(text: str, today: date, expected: When) -> None:
    assert parse_when(text, today) == expected


@pytest.mark.parametrize(
    ("text", "doubt"),
    [
        ("31/11 às 10h", "novembro não tem dia 31"),
        ("dia 30 de fevereiro", "fevereiro não tem dia 30"),
        ("dia 31", "novembro não tem dia 31"),
        ("29/02", "fevereiro não tem dia 29"),
        ("dia 45 às 10h", "não existe dia 45"),
    ],
)
def test_a_date_that_does_not_exist_is_asked_about_not_moved(text: str, doubt: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None
    assert (when.day, when.doubt) == (None, doubt)
    assert when.start() is None


@pytest.mark.parametrize(
    ("text", "today", "doubt"),
    [
        ("sexta que vem", TUESDAY, "sexta, 27/11 ou sexta, 04/12?"),
        ("quarta q vem às 10h", TUESDAY, "quarta, 25/11 ou quarta, 02/12?"),
        ("sábado que vem", FRIDAY, "sábado, 28/11 ou sábado, 05/12?"),
    ],
)
def test_a_weekday_that_comes_this_week_and_the_next_is_asked_about(
    text: str, today: date, doubt: str
) -> None:
    when = parse_when(text, today)
    assert when is not None and (when.day, when.doubt) == (None, doubt)


@pytest.mark.parametrize(
    "text", ["às 3", "amanhã às 2", "sexta 4h", "amanhã 5 horas", "entre 2 e 4"]
)
def test_an_hour_that_could_be_morning_or_afternoon_is_asked_about(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None and when.at is None
    assert when.doubt is not None and "manhã ou da tarde?" in when.doubt
    assert when.start() is None


@pytest.mark.parametrize(
    "text", ["quero marcar uma consulta", "pra uma consulta", "são dois filhos", "quinta"]
)
def test_articles_and_weekdays_are_not_read_as_hours(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is None or (when.at, when.doubt) == (None, None)


@pytest.mark.parametrize(
    ("text", "now", "past"),
    [
        ("ontem às 10h", datetime(2026, 11, 24, 9), True),
        ("ontem", datetime(2026, 11, 24, 9), True),
        ("hoje às 8h", datetime(2026, 11, 24, 9), True),
        ("hoje às 9h", datetime(2026, 11, 24, 9), True),
        ("hoje às 10h", datetime(2026, 11, 24, 9), False),
        ("hoje", datetime(2026, 11, 24, 9), False),
        ("20/11 às 10h", datetime(2026, 11, 24, 9), True),
        ("amanhã às 8h", datetime(2026, 11, 24, 9), False),
    ],
)
def test_the_past_is_seen_as_past(text: str, now: datetime, past: bool) -> None:
    when = parse_when(text, now.date())
    assert when is not None
    assert when.is_past(now) is past


OFFERED = [datetime(2026, 11, 25, 10), datetime(2026, 11, 25, 10, 30), datetime(2026, 11, 26, 9)]


@pytest.mark.parametrize(
    ("text", "chosen"),
    [
        ("o das 10h30", OFFERED[1]),
        ("pode ser o das dez e meia", OFFERED[1]),
        ("quero o das 10", OFFERED[0]),
        ("o de quinta às 9h", OFFERED[2]),
        ("o das 11h", None),
        ("o de sexta às 9h", None),
    ],
)
def test_an_offered_slot_is_picked_by_its_time(text: str, chosen: datetime | None) -> None:
    assert offered_slot(text, OFFERED, TUESDAY) == chosen


def test_a_time_two_offered_days_share_is_no_choice() -> None:
    offered = [datetime(2026, 11, 25, 9), datetime(2026, 11, 26, 9)]
    assert offered_slot("o das 9h", offered, TUESDAY) is None


@given(st.text(max_size=200), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_text_yields_a_valid_answer_or_none(text: str, today: date) -> None:
    when = parse_when(text, today)
    if when is not None and when.day is not None:
        assert when.day >= today - timedelta(days=31) or "/" in text
    if when is not None and when.doubt is not None:
        assert when.start() is None


TIME_WORDS = ["dia", "de", "às", "e", "meia", "entre", "das", "daqui", "a", "dias", "semanas",
              "que", "vem", "sexta", "dez", "31", "29", "02", "12", "3", "15", "h", "tarde",
              "ontem", "hoje", "dps", "amanhã", "primeiro", "janeiro", "fev", "2027", "antes",
              "depois", "15.30", "cedo", "/", ":"]  # fmt: skip


@given(
    st.lists(st.sampled_from(TIME_WORDS), max_size=8).map(" ".join),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
)
def test_any_jumble_of_time_words_is_read_or_asked_about_never_guessed(
    text: str, today: date
) -> None:
    when = parse_when(text, today)
    if when is not None and when.doubt is not None:
        assert when.start() is None
    if when is not None and when.between is not None:
        assert when.between[0] < when.between[1] and when.at is None


@pytest.mark.parametrize(
    "text", ["tem horario amanha 8:00 ou 9:00?", "marca amanha as 10 ou as 11 tanto faz"]
)
def test_two_hours_offered_as_either_are_asked_about_never_picked(text: str) -> None:
    when = parse_when(text, date(2026, 11, 24))
    assert when is not None and when.at is None and when.doubt is not None


@pytest.mark.parametrize("text", ["amanhã cedinho", "amanhã de manhãzinha", "amanha bem cedo"])
def test_early_in_its_fond_forms_is_the_morning(text: str) -> None:
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), None, "manha")


def test_tardinha_is_the_afternoon() -> None:
    assert parse_when("hoje a tardinha", TUESDAY) == When(TUESDAY, None, "tarde")


@pytest.mark.parametrize(
    "text", ["amanhã 3 e pouco", "amanhã às 10 e poucos", "sexta 9h e pouquinho"]
)
def test_some_minutes_after_an_hour_are_asked_about(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    "text", ["segunda ou terça às 10", "amanhã ou depois às 9h", "quinta, ou sexta de manhã"]
)
def test_two_days_offered_as_either_are_asked_about(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None and when.doubt == "qual dos dois dias você prefere?"


def test_proxima_and_that_weekday_said_on_it_is_next_weeks() -> None:
    assert parse_when("próxima terça às 14h", TUESDAY) == When(date(2026, 12, 1), time(14))


def test_a_short_weekday_is_read_as_the_day() -> None:
    assert parse_when("qui 15h", TUESDAY) == When(date(2026, 11, 26), time(15))


def test_the_month_of_a_date_after_dia_is_no_hour() -> None:
    # "dia 4/12 de manhã" once read "12 de manhã" as noon: a wrong time proposed.
    assert parse_when("dia 4/12 de manha tem?", TUESDAY) == When(date(2026, 12, 4), None, "manha")


def test_dia_primeiro_is_the_first_of_the_coming_month() -> None:
    assert parse_when("marcar dia primeiro as 10", TUESDAY) == When(date(2026, 12, 1), time(10))


def test_two_hours_written_with_h_and_joined_by_ou_are_asked_about() -> None:
    # "14h ou 15h" once proposed 14:00.
    when = parse_when("marcar pra quarta 14h ou 15h", TUESDAY)
    assert when is not None and when.doubt is not None and when.start() is None


def test_two_days_each_with_its_part_of_the_day_joined_by_ou_are_asked_about() -> None:
    when = parse_when("segunda de manha ou terca a tarde", TUESDAY)
    assert when is not None and when.doubt == "qual dos dois dias você prefere?"


def test_before_lunch_is_the_morning() -> None:
    assert parse_when("amanha antes do almoco", TUESDAY) == When(date(2026, 11, 25), None, "manha")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sexta nao da, pode ser segunda as 10?", When(date(2026, 11, 30), time(10))),
        ("hoje nao, amanha as 10", When(date(2026, 11, 25), time(10))),
    ],
)
def test_a_day_said_and_refused_is_not_the_day_meant(text: str, expected: When) -> None:
    assert parse_when(text, TUESDAY) == expected


def test_two_days_named_in_one_message_are_asked_about() -> None:
    when = parse_when("quinta 15h, sexta 15h tambem serve", TUESDAY)
    assert when is not None and when.doubt == "qual dia você prefere?"


def test_a_day_and_its_weekday_named_together_are_one_day() -> None:
    assert parse_when("amanha, quarta, as 10", TUESDAY) == When(date(2026, 11, 25), time(10))


def test_two_hours_named_in_one_message_are_asked_about() -> None:
    when = parse_when("amanha as 10h, se nao der as 11h", TUESDAY)
    assert when is not None and when.doubt == "qual horário você prefere?"


def test_the_other_week_is_next_week() -> None:
    assert parse_when("pode ser na outra semana", TUESDAY) == When(week=date(2026, 11, 30))


@pytest.mark.parametrize(
    ("text", "between"),
    [("amanha 10-11h", (time(10), time(11))), ("amanha 10 ate 11h", (time(10), time(11)))],
)
def test_a_span_written_with_a_dash_or_ate_is_a_span(text: str, between: tuple[time, time]) -> None:
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), between=between)


def test_two_hours_written_with_a_slash_are_asked_about() -> None:
    when = parse_when("amanha 10h/11h", TUESDAY)
    assert when is not None and when.doubt is not None and when.start() is None


def test_a_weekday_and_a_date_that_disagree_are_asked_about() -> None:
    when = parse_when("segunda dia 1 as 10", TUESDAY)
    assert when is not None and when.doubt == "terça, 01/12 ou segunda, 30/11?"


def test_tomorrow_and_a_date_that_disagree_are_asked_about() -> None:
    when = parse_when("amanha dia 26", TUESDAY)
    assert when is not None and when.doubt == "quarta, 25/11 ou quinta, 26/11?"


def test_tomorrow_and_its_own_date_are_one_day() -> None:
    assert parse_when("amanha dia 25 as 10", TUESDAY) == When(date(2026, 11, 25), time(10))


@pytest.mark.parametrize(
    ("text", "at"), [("amanha quinze pras dez", time(9, 45)), ("amanha dez para as 8", time(7, 50))]
)
def test_minutes_to_an_hour_are_before_it(text: str, at: time) -> None:
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), at)


def test_the_weekend_is_asked_about() -> None:
    when = parse_when("quero marcar pro fim de semana", TUESDAY)
    assert when is not None and when.doubt == "sábado ou domingo?"


def test_a_day_of_next_month_is_next_months_even_when_this_months_is_ahead() -> None:
    assert parse_when("dia 30 do mes que vem", TUESDAY) == When(date(2026, 12, 30))


def test_next_month_is_no_week() -> None:
    # No week and no day: which day of the month is asked (round 17).
    when = parse_when("quero marcar mes que vem", TUESDAY)
    assert when is not None and (when.day, when.week) == (None, None) and when.doubt


def test_the_end_of_the_day_is_the_afternoon() -> None:
    assert parse_when("amanha no fim do dia", TUESDAY) == When(date(2026, 11, 25), None, "tarde")


def test_a_number_of_people_is_no_hour() -> None:
    assert parse_when("quero marcar pra 10 pessoas", TUESDAY) is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("amnha as 10", date(2026, 11, 25)),
        ("segnda 9h", date(2026, 11, 30)),
        ("oje as 15h", TUESDAY),
    ],
)
def test_a_slip_in_the_name_of_a_day_is_put_right(text: str, day: date) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None and when.day == day


def test_a_word_near_the_name_of_a_day_is_no_day() -> None:
    when = parse_when("quarto as 10", TUESDAY)
    assert when is not None and when.day is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("boa tarde, queria marcar amanha as 9", When(date(2026, 11, 25), time(9))),
        ("boa noite! amanha as 8 tem?", When(date(2026, 11, 25), time(8))),
        ("bom dia 10h tem?", When(at=time(10))),
    ],
)
def test_a_greeting_names_no_part_of_the_day_and_no_day(text: str, expected: When) -> None:
    # "boa tarde, ... amanhã às 9" once proposed 21:00.
    assert parse_when(text, TUESDAY) == expected


def test_a_part_of_the_day_named_outright_wins_over_cedo() -> None:
    text = "segunda que vem de tarde porque eu saio do trabalho cedo"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 30), None, "tarde")


def test_a_refused_part_of_the_day_is_not_the_one_meant() -> None:
    # "não posso de manhã, só à tarde às 4" once proposed 4 in the morning.
    text = "amanha nao posso de manha, so a tarde as 4"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), time(16), "tarde")


def test_two_parts_of_the_day_leave_an_unclear_hour_to_be_asked() -> None:
    when = parse_when("amanha de manha ou a tarde as 4", TUESDAY)
    assert when is not None and when.doubt == "4h da manhã ou da tarde?"


def test_an_hour_saying_its_own_part_of_the_day_keeps_it() -> None:
    text = "amanha la pelas 4 da tarde porque de manha eu trabalho"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), time(16), "tarde")


def test_noon_or_another_hour_is_asked_about() -> None:
    when = parse_when("amanha meio dia ou 1 da tarde", TUESDAY)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "at"), [("amanha 10 hrs", time(10)), ("amanha a tarde umas 3", time(15))]
)
def test_hours_written_hrs_or_after_umas_are_read(text: str, at: time) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None and when.at == at and when.day == date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "at"),
    [("amanha as 10 e 40", time(10, 40)), ("amanha as 10 horas e 30", time(10, 30))],
)
def test_minutes_said_after_e_are_the_minutes(text: str, at: time) -> None:
    # "às 10 e 40" once proposed 10:00.
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), at)


def test_a_single_digit_after_e_is_no_time_read() -> None:
    when = parse_when("amanha as 10 e 5", TUESDAY)
    assert when is not None and when.at is None


def test_the_month_said_before_the_day_is_that_months() -> None:
    # "janeiro dia 5" once proposed the 5th of December.
    assert parse_when("janeiro dia 5 as 10", TUESDAY) == When(date(2027, 1, 5), time(10))


def test_an_hour_asked_of_either_part_of_the_day_is_asked_back() -> None:
    when = parse_when("amanha as 10 da manha ou da tarde?", TUESDAY)
    assert when is not None and when.doubt == "10h da manhã ou da tarde?"


@pytest.mark.parametrize("text", ["e a segunda vez que eu tento marcar", "quero a segunda opcao"])
def test_an_ordinal_that_names_a_weekday_is_no_day(text: str) -> None:
    assert parse_when(text, TUESDAY) is None
