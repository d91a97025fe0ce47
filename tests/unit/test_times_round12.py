"""Round 12: hours of others' events, parts of the day an hour contradicts."""

from datetime import date, datetime, time

import pytest

from tests.support.reference_moment import TUESDAY, read_when

WEDNESDAY, THURSDAY = date(2026, 11, 25), date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("meu marido quer marcar pra amanha cedo, ele pega o turno as 14 na usina", WEDNESDAY),
        ("quinta de manha, ela pega o onibus as 15", THURSDAY),
    ],
)
def test_the_hour_of_anothers_event_beside_a_part_of_the_day_is_set_aside(
    text: str, day: date
) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.period, when.doubt) == (day, None, "manha", None)


@pytest.mark.parametrize("text", ["amanha de manha as 14h", "quinta de manha as 15h"])
def test_an_afternoon_hour_said_with_the_morning_is_asked_about(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.at is None and when.doubt is not None


@pytest.mark.parametrize(
    "text",
    ["amanha as 10, ele pega o turno as 14", "14h eu pego o menino, amanha as 10"],
)
def test_an_event_verb_between_two_hours_leaves_the_time_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.start() is None and when.doubt is not None


def test_an_hour_said_alone_with_an_event_is_still_the_one_asked_about() -> None:
    when = read_when("amanha as 10 tenho consulta?")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("to saindo do turno agora, dormindo ate as 14, da pra ser hoje umas 16h30?", TUESDAY,
         time(16, 30)),
        ("durmo ate as 11, amanha as 15 da?", WEDNESDAY, time(15)),
        ("to trabalhando ate as 18, pode ser 19h amanha?", WEDNESDAY, time(19)),
    ],
)  # fmt: skip
def test_the_hour_one_sleeps_or_works_until_beside_another_is_set_aside(
    text: str, day: date, at: time
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_until_an_hour_said_alone_still_bounds_the_time_wanted() -> None:
    when = read_when("amanha ate as 11")
    assert when is not None and when.between == (time(0), time(11))


@pytest.mark.parametrize("text", ["amanha de manha ou de noite?", "amanhã de manhã ou à tarde?"])
def test_two_parts_of_the_day_asked_as_either_are_asked_back(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.day == WEDNESDAY
    assert when.period is None and when.doubt is not None


def test_two_parts_of_the_day_offered_as_either_leave_the_day_alone() -> None:
    when = read_when("amanha de manha ou de tarde, vcs que sabem")
    assert when is not None and (when.day, when.period, when.doubt) == (WEDNESDAY, None, None)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("queriamarcar umaconsulta pra hoje atarde se tiver", "tarde"),
        ("sexta denoite", "noite"),
        ("quinta pelamanha tem?", "manha"),
    ],
)
def test_a_part_of_the_day_run_into_the_word_before_it_is_read(text: str, period: str) -> None:
    when = read_when(text)
    assert when is not None and when.period == period


def test_tomorrow_is_never_read_as_a_morning_run_together() -> None:
    when = read_when("amanha as 10")
    assert when is not None and (when.day, when.at, when.period) == (WEDNESDAY, time(10), None)


def test_a_day_of_the_month_said_in_words_is_read() -> None:
    when = read_when("desmarca a consulta do dia dois pf")
    assert when is not None and when.day == date(2026, 12, 2)


@pytest.mark.parametrize("text", ["bom dia um abraco, quero marcar", "o dia um pouco corrido"])
def test_one_said_after_dia_as_an_article_names_no_day(text: str) -> None:
    when = read_when(text)
    assert when is None or when.day is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("pra hoje tem alguma coisa? to com o olho vermelho ardendo desde domingo", TUESDAY),
        ("preciso cancelar a consulta de quinta-feira dia 26, ela foi internada ontem à noite",
         THURSDAY),
        ("meu pai faleceu no domingo, ele tinha consulta dia 3 de dezembro", date(2026, 12, 3)),
        ("caiu ontem, quero marcar pra sexta", date(2026, 11, 27)),
    ],
)  # fmt: skip
def test_a_day_named_in_telling_what_happened_is_not_the_one_meant(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.doubt) == (day, None)


def test_a_day_told_alone_is_still_read_as_over() -> None:
    when = read_when("fui ontem e nao me atenderam")
    assert when is not None and when.day == date(2026, 11, 23) and when.doubt is not None


def test_a_day_of_the_month_before_a_no_is_no_hour_refused() -> None:
    text = "pediu pra marcar com o clinico na quinta dia 3 de manha ela nao tem zap"
    when = read_when(text)
    assert when is not None and (when.day, when.period) == (date(2026, 12, 3), "manha")


def test_the_part_of_the_day_of_a_booking_cancelled_is_kept() -> None:
    when = read_when("pode tirar meu nome da de sexta de manha, nao vou mais")
    assert when is not None and (when.day, when.period) == (date(2026, 11, 27), "manha")


def test_a_part_of_the_day_refused_while_cancelling_is_still_refused() -> None:
    when = read_when("desmarca a de sexta, de manha nao posso, pode ser a tarde?")
    assert when is not None and when.period == "tarde"


def test_the_afternoon_of_the_same_day_is_on_the_day_moved_from() -> None:
    text = (
        "nao consigo ir de manha, tem como passar a minha consulta de sexta pra tarde do mesmo dia"
    )
    when = read_when(text)
    assert when is not None and (when.day, when.period) == (date(2026, 11, 27), "tarde")


@pytest.mark.parametrize(
    "text",
    [
        "minha consulta e quinta as 9, da pra passar pras 15 no mesmo dia?",
        "tenho consulta quinta as 10, muda pras 15 no mesmo dia",
    ],
)
def test_a_booking_moved_to_another_hour_of_the_same_day(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.start() == datetime(2026, 11, 26, 15)


def test_a_booking_moved_to_another_hour_with_no_day_said_proposes_nothing() -> None:
    when = read_when("tenho consulta amanha as 10, muda pras 14?")
    assert when is not None and when.at == time(14) and when.start() is None


def test_a_day_one_is_on_duty_is_refused() -> None:
    when = read_when("marca pra mim sexta 16h. nao pera, sexta eu to de plantao. sabado 9h entao")
    assert when is not None and when.start() == datetime(2026, 11, 28, 9)


def test_a_day_one_is_busy_only_part_of_is_still_meant() -> None:
    when = read_when("sexta to trabalhando ate as 14, depois das 15 pode")
    assert when is not None and when.day == date(2026, 11, 27)
    assert when.between == (time(15), time(23, 59))


def test_an_hour_said_to_be_too_early_beside_another_is_set_aside() -> None:
    when = read_when("as 8 e muito cedo, tem 10h amanha?")
    assert when is not None and when.start() == datetime(2026, 11, 25, 10)


@pytest.mark.parametrize(
    ("text", "day", "week"),
    [
        ("preciso remarcar a consulta que estava marcada para quinta, pode ser para a semana "
         "que vem?", None, date(2026, 11, 30)),
        ("a consulta estava marcada pra quinta, tem sexta?", date(2026, 11, 27), None),
    ],
)  # fmt: skip
def test_the_day_a_booking_had_beside_another_is_not_the_one_meant(
    text: str, day: date | None, week: date | None
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.week) == (day, week)


def test_the_day_a_booking_had_said_alone_is_kept() -> None:
    when = read_when("minha consulta estava marcada para quinta?")
    assert when is not None and when.day == THURSDAY
