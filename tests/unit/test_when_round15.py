"""Round 15: hours opened onwards, bare numbers and bare days put right."""

from datetime import date, datetime, time

import pytest

from services.conductor.portuguese.when import parse_when
from tests.support.reference_moment import NINE, TUESDAY, read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
LATE = time(23, 59)


@pytest.mark.parametrize(
    ("text", "day", "first"),
    [
        ("amanhã, mas só depois que eu voltar do mercado, umas 11 em diante", WEDNESDAY, time(11)),
        ("sexta das 14h em diante", FRIDAY, time(14)),
        ("quinta de 10 pra frente", THURSDAY, time(10)),
        ("amanha das 3 da tarde em diante", WEDNESDAY, time(15)),
    ],
)
def test_an_hour_onwards_is_the_span_from_it(text: str, day: date, first: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between, when.at) == (day, (first, LATE), None)
    assert when.start() is None


def test_a_day_onwards_is_no_hour() -> None:
    when = read_when("quero marcar do dia 5 em diante")
    assert when is not None and (when.at, when.between) == (None, None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("amanha as 16, ou melhor, 17", WEDNESDAY, time(17)),
        ("quinta as 10, digo, 11", THURSDAY, time(11)),
        ("sexta 14h... alias, 15", FRIDAY, time(15)),
        ("amanha as 9, digo, 10", WEDNESDAY, time(10)),
    ],
)
def test_a_bare_number_correcting_an_hour_is_the_hour_meant(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_a_bare_number_correcting_a_day_is_the_day_meant() -> None:
    when = read_when("dia 3, digo, 4")
    assert when is not None and (when.day, when.at) == (date(2026, 12, 4), None)


def test_a_bare_number_that_is_no_hour_asks_the_hour() -> None:
    when = read_when("amanha as 10, digo, 30")
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("dia 3/12 as 15h... opa digo dia 4", date(2026, 12, 4), time(15)),
        ("sexta às 10, digo, quinta", THURSDAY, time(10)),
        ("quinta as 15h, opa, na sexta", FRIDAY, time(15)),
    ],
)
def test_a_day_alone_after_a_correction_keeps_the_hour_said(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_a_day_corrected_alone_keeps_the_part_of_the_day_said() -> None:
    when = read_when("quinta de manha, digo, sexta")
    assert when is not None and (when.day, when.period) == (FRIDAY, "manha")


def test_a_day_corrected_in_a_clause_keeps_no_hour() -> None:
    when = read_when("amanha as 10? na verdade ela so pode sexta")
    assert when is not None and (when.day, when.at) == (FRIDAY, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("tem horario amenhã meio dia?", WEDNESDAY),
        ("amnh 14h", WEDNESDAY),
        ("amnh de tarde tem?", WEDNESDAY),
        ("passa pra semana q vem na quarta", date(2026, 12, 2)),
        ("o mes q vem dia 5", date(2026, 12, 5)),
    ],
)
def test_a_day_shortened_or_spelled_by_ear_is_that_day(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and when.day == day and when.doubt is None


@pytest.mark.parametrize(
    "text", ["nao fui onti na cunsulta, pode cancelar ela", "onte as 10 tinha vaga?"]
)
def test_yesterday_spelled_by_ear_is_over_and_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


@pytest.mark.parametrize(
    "text", ["dia 26 ou 27?", "quero o dia 3 ou o 4", "dia 26 ou 27 de tarde", "dia 3 ou 4?"]
)
def test_a_second_day_said_bare_after_ou_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.day is None


def test_an_hour_of_the_afternoon_after_ou_is_no_day() -> None:
    when = read_when("dia 3 ou 4 da tarde")
    assert when is not None and when.day == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("vcs tem vaga pra dezembro? tipo dia 17", date(2026, 12, 17)),
        ("dia 5 de manha tem? ja sei q novembro ja foi kkk, dezembro", date(2026, 12, 5)),
        ("e pra janeiro, tem dia 8 de tarde?", date(2027, 1, 8)),
        ("dia 28 as 10, pra dezembro", date(2026, 12, 28)),
    ],
)
def test_a_month_asked_apart_is_the_month_of_the_bare_day(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.doubt) == (day, None)


def test_a_month_of_something_else_is_not_the_days() -> None:
    when = read_when("tenho um casamento em dezembro, da pra marcar dia 28?")
    assert when is not None and when.day == date(2026, 11, 28)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("consigo amnh as 14h? saio do plantao de manha e durmo um pouco antes", WEDNESDAY, 14),
        ("3 da manha aqui e eu sem sono kkkk marca pra mim amanha 16h", WEDNESDAY, 16),
        ("saindo do plantao agr, 7h... quero pra quinta 9h", THURSDAY, 9),
        ("tem as 6 da manha amanha? pego 7h no hospital", WEDNESDAY, 6),
        ("saio do trabalho as 17, da pra marcar amanha as 18h?", WEDNESDAY, 18),
        ("amanha as 10? eu trabalho a tarde", WEDNESDAY, 10),
        ("escala saiu! folgo sabado e terça. pode ser terça dia 1 as 9h", date(2026, 12, 1), 9),
    ],
)
def test_the_hours_of_ones_routine_beside_a_time_asked_are_not_meant(
    text: str, day: date, at: int
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, time(at), None)


def test_a_span_asked_beside_ones_working_hours_is_the_span() -> None:
    when = read_when("trabalho de 6 as 14 no onibus, entao so depois das 15 na quinta")
    assert when is not None and (when.day, when.between) == (THURSDAY, (time(15), LATE))


def test_the_day_of_ones_routine_is_kept_when_the_request_names_none() -> None:
    when = read_when("quinta eu trabalho ate as 14, pode ser as 15?")
    assert when is not None and (when.day, when.at) == (THURSDAY, time(15))


def test_ones_routine_told_alone_names_no_time_wanted() -> None:
    assert read_when("to no trabalho agora, depois te falo") is None


@pytest.mark.parametrize(
    "text",
    [
        "amanha as 14h... alias 15h que 14h eu pego o menino na escola",
        "amanha 14h. alias 15h, 14h nao chego a tempo",
    ],
)
def test_a_correction_telling_ones_routine_is_still_the_time_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(15))


def test_the_hour_of_an_event_the_request_names_is_kept() -> None:
    when = read_when("pode ser amanhã depois da escola? Ela sai meio dia")
    assert when is not None and when.between == (time(12), LATE)


def test_the_day_one_is_off_is_the_day_wanted() -> None:
    when = read_when("so posso na quinta, entao quinta de tarde que e quando eu folgo")
    assert when is not None and (when.day, when.period) == (THURSDAY, "tarde")


def test_a_reason_telling_ones_routine_leaves_the_part_of_the_day_asked() -> None:
    when = read_when("amanha de manha porque eu entro as 9, entao se tiver as 7 e meia")
    assert when is not None and when.start() == datetime(2026, 11, 25, 7, 30)


def test_the_hour_one_must_be_elsewhere_alone_is_not_meant() -> None:
    when = read_when("se for rapido sim, tenho q estar no trabalho as 11")
    assert when is None or when.start() is None


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("amanha as 9, tenho que estar no trabalho as 11", WEDNESDAY, 9),
        ("preciso estar na escola as 13h, da pra sexta as 10?", FRIDAY, 10),
        ("tenho que chegar no servico as 8, quinta as 14 tem?", THURSDAY, 14),
        ("ela tem que estar na creche as 7, pode ser amanha as 16?", WEDNESDAY, 16),
    ],
)
def test_the_hour_one_must_be_elsewhere_leaves_the_hour_asked(
    text: str, day: date, at: int
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, time(at), None)


def test_an_hour_before_an_errand_of_no_hour_is_still_the_errands() -> None:
    when = read_when("amanha as 10 tenho fisio, pode ser as 14?")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(14))


@pytest.mark.parametrize(
    ("text", "day", "at", "period"),
    [
        (
            "é... a minha consulta é amanhã mas não vou poder ir de manhã dá pra passar pra tarde",
            WEDNESDAY,
            None,
            "tarde",
        ),
        ("quero passar minha consulta de quinta pra tarde", THURSDAY, None, "tarde"),
        ("amanha nao posso de manha, passa pra tarde", WEDNESDAY, None, "tarde"),
        ("minha consulta e sexta, da pra mudar pra de manha?", FRIDAY, None, "manha"),
    ],
)
def test_a_booking_moved_to_another_part_of_the_day_stays_on_its_day(
    text: str, day: date, at: time | None, period: str | None
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.period) == (day, at, period)


def test_a_booking_moved_to_an_hour_alone_proposes_no_day() -> None:
    when = read_when("minha consulta e sexta as 10, da pra passar pras 15h?")
    assert when is not None and when.at == time(15) and when.start() is None


def test_a_booking_moved_to_another_day_is_on_that_day() -> None:
    when = read_when("minha consulta e sexta as 10, da pra passar pra amanha?")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("daqui a uma semana, mesmo horario de agora", date(2026, 12, 1)),
        ("amanha na mesma hora que agora", WEDNESDAY),
        ("sexta, mesmo horário de agora pode?", FRIDAY),
    ],
)
def test_the_hour_it_is_now_named_is_the_hour_wanted(text: str, day: date) -> None:
    when = parse_when(text, TUESDAY, now=datetime(2026, 11, 24, 14, 30))
    assert when is not None and (when.day, when.at, when.doubt) == (day, time(14, 30), None)


def test_the_hour_it_is_now_is_not_guessed_without_the_moment() -> None:
    when = parse_when("amanha na mesma hora que agora", TUESDAY)
    assert when is not None and when.start() is None


def test_an_hour_like_this_one_of_something_else_is_no_hour() -> None:
    when = read_when("amanhã a essa hora eu to dormindo")
    assert when is None or when.at is None


@pytest.mark.parametrize(
    "text",
    [
        "a dra pediu o morfologico entre 20 e 24 semanas, to com 21, tem dia 4/12?",
        "o exame é entre 11 e 14 semanas, tem dia 4/12?",
        "vacina de 2 a 5 anos, tem dia 4/12?",
    ],
)
def test_a_span_of_weeks_months_or_years_is_no_hour(text: str) -> None:
    when = parse_when(text, TUESDAY, now=NINE)
    assert when is not None and when.day == date(2026, 12, 4) and when.at is None
