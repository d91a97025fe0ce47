"""Round 13: open-ended hours, Spanish time words, stays that end, corrections."""

from datetime import date, time

import pytest

from tests.support.reference_moment import TUESDAY, read_when

WEDNESDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "day", "start"),
    [
        ("amanha as 4 da tarde ou mais tarde", WEDNESDAY, time(16)),
        ("amanhã às quatro da tarde ou mais tarde", WEDNESDAY, time(16)),
        ("sexta 10h ou depois", FRIDAY, time(10)),
        ("sexta as 10 e meia, ou mais tarde se precisar", FRIDAY, time(10, 30)),
        ("amanha 14h ou mais pra tarde", WEDNESDAY, time(14)),
    ],
)
def test_an_hour_or_later_is_the_span_from_it(text: str, day: date, start: time) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.between, when.doubt) == (day, None, (start, time(23, 59)), None)
    assert when.start() is None


def test_or_the_day_after_tomorrow_is_another_day_not_a_later_hour() -> None:
    when = read_when("amanha 9h ou depois de amanha 9h")
    assert when is not None and when.between is None and when.doubt is not None


def test_an_hour_or_earlier_keeps_the_hour_asked_for() -> None:
    when = read_when("amanha as 9h ou mais cedo se tiver")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(9))


SATURDAY, THURSDAY = date(2026, 11, 28), date(2026, 11, 26)


@pytest.mark.parametrize(
    ("text", "day", "at", "period"),
    [
        ("quiero un turno para mañana a la tarde", WEDNESDAY, None, "tarde"),
        ("mañana a las 10 hay lugar?", WEDNESDAY, time(10), None),
        ("mañana temprano", WEDNESDAY, None, "manha"),
        ("tem pra viernes de manhã? soy uruguayo", FRIDAY, None, "manha"),
        ("puedo cambiar mi turno al sabado a la mañana?", SATURDAY, None, "manha"),
        ("el jueves por la mañana", THURSDAY, None, "manha"),
        ("cancela la cita de mañana por favor", WEDNESDAY, None, None),
        ("hoy a la noche", TUESDAY, None, "noite"),
        ("pasado mañana a las 3 de la tarde", THURSDAY, time(15), "tarde"),
    ],
)
def test_the_spanish_time_words_of_a_tourist_are_read(
    text: str, day: date, at: time | None, period: str | None
) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.period, when.doubt) == (day, at, period, None)


def test_a_spanish_hour_without_its_part_of_the_day_is_still_asked_about() -> None:
    when = read_when("viernes a la una")
    assert when is not None and when.day == FRIDAY and when.at is None and when.doubt


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("vou estar na cidade so ate domingo, tem sabado?", SATURDAY),
        ("fico aqui ate sexta, da pra quinta de manha?", THURSDAY),
    ],
)
def test_the_last_day_of_a_stay_is_no_day_asked_for(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.doubt) == (day, None)


def test_a_stays_last_day_said_alone_is_still_read() -> None:
    when = read_when("so ate sexta")
    assert when is not None and when.day == FRIDAY


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (
            "queria passar com o medico amanha umas onze horas que eu saio do barco dez e meia",
            time(11),
        ),
        ("chego 14h, pode ser 15h amanha?", time(15)),
    ],
)
def test_the_hour_one_arrives_beside_the_hour_wanted_is_set_aside(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, at, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("pera nao, eu pedi dia 2 nao dia 1", date(2026, 12, 2)),
        ("eu falei sexta nao quinta", FRIDAY),
        ("dia 2 nao, dia 1", date(2026, 12, 1)),
    ],
)
def test_the_day_asked_for_before_the_one_not_meant_is_read(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.doubt) == (day, None)


def test_a_part_of_the_day_before_working_all_day_is_the_one_wanted() -> None:
    when = read_when("tem algo hoje a noite? trabalho o dia todo no quiosque")
    assert when is not None and (when.day, when.period, when.doubt) == (TUESDAY, "noite", None)


def test_a_part_of_the_day_one_works_is_still_set_aside() -> None:
    when = read_when("a noite eu trabalho, tem de manha?")
    assert when is not None and when.period == "manha"


@pytest.mark.parametrize(
    "text", ["muda pra 10h em vez de 9h, mesmo dia amanha", "amanha 10h em vez das 9h"]
)
def test_the_hour_replaced_is_not_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, time(10), None)


@pytest.mark.parametrize(
    "text",
    [
        "marca pra quinta as 10 nao pera quinta eu tenho prova faz sexta as 10",
        "quinta eu tenho prova, pode ser sexta as 10?",
    ],
)
def test_a_day_one_has_something_on_beside_another_is_set_aside(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (FRIDAY, time(10), None)


def test_a_day_one_has_something_on_said_alone_is_kept() -> None:
    when = read_when("quinta eu tenho consulta?")
    assert when is not None and when.day == THURSDAY


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        (
            "queria marcar pra minha filha ela estuda de manha entao so pode de tarde tipo"
            " amanha de tarde ou sei la quinta tambem de tarde mas amanha e melhor",
            WEDNESDAY,
            "tarde",
        ),
        ("quinta ou sexta de tarde, mas sexta e melhor", FRIDAY, "tarde"),
    ],
)
def test_the_day_said_to_be_better_than_the_others_is_meant(
    text: str, day: date, period: str
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


def test_two_days_with_none_said_better_are_still_asked() -> None:
    when = read_when("amanha ou quinta?")
    assert when is not None and when.day is None and when.doubt is not None


def test_a_part_of_the_day_before_then_is_the_reason_not_the_one_wanted() -> None:
    when = read_when("ela estuda de manha entao so pode de tarde, sexta?")
    assert when is not None and (when.day, when.period) == (FRIDAY, "tarde")


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a consulta do meu filho e sexta de manha ou de tarde? esqueci", FRIDAY),
        ("minha consulta e amanha de manha ou a tarde? nao lembro", WEDNESDAY),
    ],
)
def test_two_parts_asked_of_a_booking_forgotten_leave_the_day_without_a_part(
    text: str, day: date
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, None, None)


def test_two_parts_asked_to_book_are_still_asked_back() -> None:
    when = read_when("sexta de manha ou de tarde?")
    assert when is not None and when.doubt is not None
