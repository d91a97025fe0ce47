"""Round 16, times: English times and requests, corrections in a time moved to, hours
and days refused, busy or kept, minutes to an hour after "às", days over asked."""

from __future__ import annotations

from datetime import date, time

import pytest

from services.conductor.portuguese.english_times import english_times_read
from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.text import fold
from tests.support.reference_moment import read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("Can I book for Friday at 2pm?", FRIDAY, time(14)),
        ("Could I get an appointment on December 2nd at 10am?", date(2026, 12, 2), time(10)),
        ("December 3rd, 11am", date(2026, 12, 3), time(11)),
        ("Is my appointment on Tuesday the 1st at 10?", date(2026, 12, 1), time(10)),
        ("the 5th of December at 9 a.m.", date(2026, 12, 5), time(9)),
        ("tomorrow 3:30 pm", WEDNESDAY, time(15, 30)),
    ],
)
def test_an_english_day_and_hour_are_read(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("Friday morning", FRIDAY, "manha"),
        ("Is there anything on Monday morning? the bridge traffic is crazy later", MONDAY, "manha"),
        ("I'd like Thursday the 3rd, in the afternoon if possible", date(2026, 12, 3), "tarde"),
        ("tomorrow evening", WEDNESDAY, "noite"),
    ],
)
def test_an_english_part_of_the_day_is_read(text: str, day: date, period: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("tomorrow between 2 and 4pm", time(14), time(16)),
        ("tomorrow from 2 to 4 pm", time(14), time(16)),
        ("tomorrow after 3pm", time(15), time(23, 59)),
        ("tomorrow before 11am", time(0), time(11)),
    ],
)
def test_an_english_span_of_hours_is_read(text: str, first: time, last: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between, when.doubt) == (
        WEDNESDAY,
        (first, last),
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow at 3",  # 3 in the morning or the afternoon, as "amanhã às 3"
        "next Friday at 10am",  # this week's or the next's, as "próxima sexta"
        "Friday or Monday morning",
        "tomorrow 2pm or 3pm",
        "Tuesday at 10am",  # said on a Tuesday: today, or in a week?
    ],
)
def test_an_english_time_in_doubt_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


def test_an_english_hour_put_right_is_the_last_one() -> None:
    when = read_when("tomorrow at 2pm, I mean 3pm")
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, time(15), None)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Can we move my appointment to Wednesday the 2nd at 3pm?", Intent.RESCHEDULE),
        ("Is my appointment on Tuesday the 1st at 10?", Intent.CONSULT),
        ("I'd like Thursday the 3rd, in the afternoon if possible", Intent.SCHEDULE),
        ("Can I book for Friday at 2pm?", Intent.SCHEDULE),
        ("I would like friday at 10am please", Intent.SCHEDULE),
    ],
)
def test_an_english_request_with_a_time_is_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    ["to aqui perto, tem as 10?", "amanha as 10", "sexta de manha", "pode ser 2 ou 3 de dezembro"],
)
def test_portuguese_times_are_not_read_as_english(text: str) -> None:
    assert english_times_read(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("muda a consulta do meu filho pra segunda as 8, ops, as 9", MONDAY, time(9)),
        ("passa minha consulta pra sexta as 10, digo, 11", FRIDAY, time(11)),
    ],
)
def test_a_correction_in_the_time_moved_to_is_read(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("tem amanha as 15? ah nao espera, quinta as 15", THURSDAY),
        ("sexta as 15, espera ai, sabado as 15", date(2026, 11, 28)),
    ],
)
def test_espera_turning_the_message_corrects_it(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, time(15), None)


def test_waiting_said_is_no_correction() -> None:
    when = read_when("amanha as 9 tem? fico na espera")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(9))


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        (
            "tem vaga quinta, dia 26, às 9? não, pera, às 9 eu não consigo, pode ser 11",
            THURSDAY,
            time(11),
        ),
        ("amanha as 10 nao da, pode ser 14?", WEDNESDAY, time(14)),
        ("sexta 10h eu nao consigo, que tal 11", FRIDAY, time(11)),
    ],
)
def test_a_bare_number_after_an_hour_refused_is_an_hour(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    "text", ["sexta dia 9 nao consigo, pode ser 11", "amanha as 9 nao consigo, pode ser 3?"]
)
def test_a_bare_number_after_a_day_refused_or_in_doubt_is_not_proposed(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        (
            "remarca o atestado da minha filha pra dia 4 de tarde pfv, ela tem prova de manha",
            date(2026, 12, 4),
            "tarde",
        ),
        ("amanha a noite, tenho aula de tarde", WEDNESDAY, "noite"),
    ],
)
def test_a_part_of_the_day_told_busy_is_not_meant(text: str, day: date, period: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("marca pra quinta de tarde, quer dizer, sexta de tarde que quinta tenho dentista", FRIDAY),
        ("quero sexta de tarde pq quinta eu trabalho", FRIDAY),
    ],
)
def test_a_day_told_busy_is_not_meant(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, "tarde", None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("cancela a de sexta as 9, a de segunda mantem", FRIDAY, time(9)),
        ("mantem a de segunda, cancela a de sexta as 10", FRIDAY, time(10)),
    ],
)
def test_a_booking_kept_is_not_the_one_meant(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "depois do ultrassom de amanha queria ja deixar o retorno marcado pra sexta a tarde",
            FRIDAY,
        ),
        ("antes da consulta de sexta quero fazer o exame na quinta a tarde", THURSDAY),
    ],
)
def test_the_day_of_another_booking_is_not_meant(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, "tarde", None)


def test_a_meal_of_a_day_is_that_day() -> None:
    when = read_when("passa a de amanha pra depois do almoco de sexta")
    assert when is not None and (when.day, when.period) == (FRIDAY, "tarde")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("consigo às quinze pras dez amanhã?", time(9, 45)),
        ("amanha umas quinze para as onze", time(10, 45)),
    ],
)
def test_minutes_to_an_hour_said_after_as_are_read(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, at, None)


def test_num_posso_refuses_a_day() -> None:
    when = read_when("a consulta de amanha eu num posso mas se tiver dia 2 de tarde eu vou")
    assert when is not None and (when.day, when.period, when.doubt) == (
        date(2026, 12, 2),
        "tarde",
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "cancela a de ontem que eu faltei",
        "desmarca a consulta de ontem, esqueci",
        "queria marcar o transvaginal ontem mas esqueci kkk, tem pra ontem ainda?",
        "marquei errado, da pra ser pra ontem?",
    ],
)
def test_a_day_over_cancelled_or_asked_for_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None


def test_a_day_over_spoken_of_as_over_is_that_day() -> None:
    when = read_when("marquei ontem as 10h?")
    assert when is not None and (when.day, when.at) == (date(2026, 11, 23), time(10))


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("nao consigo dia 1, só no dia 9 de manhã", date(2026, 12, 9), "manha"),
        ("nao da na quinta, so sexta de manha", FRIDAY, "manha"),
    ],
)
def test_a_day_refused_before_it_is_named_is_not_meant(text: str, day: date, period: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


def test_a_day_refused_alone_is_read_as_before() -> None:
    when = read_when("nao posso segunda")
    assert when is not None and when.day == MONDAY


def test_a_day_taken_by_an_errand_is_not_meant() -> None:
    when = read_when(
        "é... não vai dar não porque terça eu levo minha mãe na hemodiálise sabe então se"
        " tiver quarta dia 2 à tarde seria melhor"
    )
    assert when is not None and (when.day, when.period, when.doubt) == (
        date(2026, 12, 2),
        "tarde",
        None,
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a consulta da minha mae é dia 2 de manha ou de tarde?", date(2026, 12, 2)),
        ("o pre natal de dia 2 é de manha ou de tarde?", date(2026, 12, 2)),
        ("meu exame é amanha de manha ou de tarde?", WEDNESDAY),
        ("a consulta da minha vó é segunda de tarde ou de manha?", MONDAY),
    ],
)
def test_the_part_of_a_booking_asked_with_its_day_leaves_the_day(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "uma consulta amanha e de manha ou de tarde?",
        "a consulta pode ser amanha de manha ou de tarde?",
    ],
)
def test_two_parts_offered_for_a_booking_to_make_are_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None


def test_a_day_one_can_make_given_after_que_is_no_busy_day() -> None:
    when = read_when("amanha nao, que sexta eu vou poder")
    assert when is not None and (when.day, when.doubt) == (FRIDAY, None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("Dec 3rd at 10am", date(2026, 12, 3), time(10)),
        ("3rd December 10am", date(2026, 12, 3), time(10)),
        ("Fri 2pm", FRIDAY, time(14)),
        ("Friday 27th at 10am", FRIDAY, time(10)),
        ("Thursday at ten", THURSDAY, time(10)),
        ("tomorrow at ten thirty", WEDNESDAY, time(10, 30)),
        ("half past ten tomorrow", WEDNESDAY, time(10, 30)),
        ("quarter to ten tomorrow", WEDNESDAY, time(9, 45)),
        ("tomorrow 10 o'clock", WEDNESDAY, time(10)),
        ("friday 7 in the evening", FRIDAY, time(19)),
        ("tomorrow around 10ish", WEDNESDAY, time(10)),
        ("tomorrow at 3 in the afternoon", WEDNESDAY, time(15)),
    ],
)
def test_english_shortenings_and_hours_in_words_are_read(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize("text", ["Can I book 12/3 at 10am?", "is 2/12 at 3pm available?"])
def test_a_date_in_an_english_message_that_may_be_month_first_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


def test_a_date_that_can_only_be_day_first_is_read_in_english() -> None:
    when = read_when("28/11 at 10am")
    assert when is not None and (when.day, when.at) == (date(2026, 11, 28), time(10))


@pytest.mark.parametrize(
    ("text", "period"), [("tomorrow after lunch", "tarde"), ("tomorrow before lunch", "manha")]
)
def test_english_lunch_bounds_a_part_of_the_day(text: str, period: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period) == (WEDNESDAY, period)


def test_the_english_weekend_is_asked() -> None:
    when = read_when("anything this weekend?")
    assert when is not None and when.doubt is not None


@pytest.mark.parametrize(
    "text", ["a clinica fica perto da Av. Beira Mar, 1200?", "dia 12/3 as 10h", "tem dia 2/12?"]
)
def test_portuguese_words_like_english_shortenings_are_left(text: str) -> None:
    assert english_times_read(fold(text)) == fold(text)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("amanha as 14 desculpa, 15", WEDNESDAY, time(15)),
        ("amanha as 10, foi mal, as 11", WEDNESDAY, time(11)),
        ("tem quinta as 15? me enganei, sexta as 15", FRIDAY, time(15)),
        ("quarta as 9... retificando, quarta as 10", WEDNESDAY, time(10)),
    ],
)
def test_a_slip_owned_puts_the_time_right(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    "text", ["desculpa a demora, amanha as 10 tem?", "amanha as 10 tem? desculpa o incomodo"]
)
def test_an_apology_naming_no_time_corrects_nothing(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


@pytest.mark.parametrize(
    "text",
    [
        "sabado 9h, 9h30",
        "amanha as 10h, 10h30",
        "sabado de manha, tipo 9, 9 e meia",
        "sabado 9 e meia, 10",
    ],
)
def test_two_clock_times_listed_are_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("amanha as 10 e meia", time(10, 30)),
        ("amanha as 10h 2 pessoas", time(10)),
        ("amanha 10h 10h", time(10)),
    ],
)
def test_one_clock_time_is_no_list(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, at, None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("amanha 14 as 16", time(14), time(16)),
        ("amanha, 10h as 11h tem?", time(10), time(11)),
        ("amanha 9 as 12h", time(9), time(12)),
    ],
)
def test_a_span_said_without_das_is_the_span(text: str, first: time, last: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between, when.at) == (
        WEDNESDAY,
        (first, last),
        None,
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("dia 2 as 10", date(2026, 12, 2)),
        ("02/12 as 10", date(2026, 12, 2)),
        ("quinta 26 as 10", THURSDAY),
    ],
)
def test_a_day_and_its_hour_are_no_span(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.between) == (day, time(10), None)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Can I change my appointment to Friday?", Intent.RESCHEDULE),
        ("Book me for Monday at 9am please", Intent.SCHEDULE),
        ("Monday at 9am works for me", Intent.SCHEDULE),
        ("Do I have an appointment tomorrow?", Intent.CONSULT),
    ],
)
def test_english_booking_words_are_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("tomorrow 9-10am", time(9), time(10)),
        ("tomorrow 2-4pm", time(14), time(16)),
        ("tomorrow 11-1pm", time(11), time(13)),
        ("tomorrow 12-2pm", time(12), time(14)),
    ],
)
def test_an_english_span_with_a_dash_is_the_span(text: str, first: time, last: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between, when.at) == (
        WEDNESDAY,
        (first, last),
        None,
    )


def test_an_english_day_and_its_hour_are_no_span() -> None:
    when = read_when("December 9 10am")
    assert when is not None and (when.day, when.at) == (date(2026, 12, 9), time(10))


@pytest.mark.parametrize(
    "text",
    ["amanha as 10 tem? se nao tiver, 11 serve", "tem sexta as 9? senao, 10", "tem sexta 9, 9:30?"],
)
def test_a_bare_hour_offered_beside_another_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "at"),
    [("pra 2 9:30 amanha", time(9, 30)), ("amanha as 10 tem? se nao tiver tudo bem", time(10))],
)
def test_a_count_or_a_remark_beside_an_hour_is_no_other_hour(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, at, None)


@pytest.mark.parametrize("text", ["segunda as oito e meia ou nove", "segunda 8 e 40 ou 9"])
def test_an_hour_with_its_minutes_or_another_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None
