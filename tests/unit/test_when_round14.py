"""Round 14: days moved to before, days and hours refused in lists and corrections, hours
named after the one left, questions about a booking's part of the day."""

from datetime import date, datetime, time

import pytest

from services.conductor.portuguese.when import parse_when
from tests.support.reference_moment import TUESDAY, read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "day", "at", "period"),
    [
        (
            "oi, ja tinha remarcado pra quinta mas vou ter que mudar de novo, pode ser sexta "
            "de tarde?",
            FRIDAY,
            None,
            "tarde",
        ),
        (
            "remarquei a consulta pra segunda mas surgiu um imprevisto, teria quarta de manha?",
            WEDNESDAY,
            None,
            "manha",
        ),
        (
            "mudei pra sexta semana passada mas preciso de outro dia, pode ser amanha as 15h?",
            WEDNESDAY,
            time(15),
            None,
        ),
        ("ja tinha passado pra quinta 26 as 8, da pra ser sexta 27 as 10?", FRIDAY, time(10), None),
    ],
)
def test_a_day_moved_to_before_is_not_the_day_asked_for(
    text: str, day: date, at: time | None, period: str | None
) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.period, when.doubt) == (day, at, period, None)


@pytest.mark.parametrize(
    "text",
    [
        "eu tinha marcado pra quinta as 10 mas preciso mudar, pode ser sexta?",
        "estava marcada para quinta as 10, tem sexta?",
        "ja tinha remarcado pra quinta as 9 da manha, agora queria sexta",
    ],
)
def test_the_hour_of_the_day_booked_before_goes_with_it(text: str) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at) == (FRIDAY, None)
    assert when.start() is None


def test_the_hour_booked_before_is_kept_when_said_to_be_the_same() -> None:
    when = read_when("ja tinha remarcado pra quinta as 14 mas passa pra sexta no mesmo horario")
    assert when is not None
    assert when.start() == datetime(2026, 11, 27, 14)


def test_a_day_moved_to_said_alone_is_still_read() -> None:
    when = read_when("remarquei pra sexta, ta confirmado?")
    assert when is not None and when.day == FRIDAY


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        (
            "queria marcar pra semana que vem na quarta porque na segunda e na terca eu nao "
            "consigo por causa do servico",
            date(2026, 12, 2),
            None,
        ),
        ("segunda e terca nao da, pode ser quarta as 10?", WEDNESDAY, time(10)),
        ("quinta e sexta eu nao posso, tem sabado de manha?", date(2026, 11, 28), None),
        ("na segunda nem na terca ela nao pode, so quarta", WEDNESDAY, None),
        ("amanha e sexta eu to de plantao, pode ser quinta 14h?", THURSDAY, time(14)),
    ],
)
def test_days_refused_together_are_all_set_aside(text: str, day: date, at: time | None) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.doubt) == (day, at, None)


def test_a_day_asked_before_another_refused_is_kept() -> None:
    when = read_when("pode ser segunda? terca nao posso")
    assert when is not None and (when.day, when.doubt) == (date(2026, 11, 30), None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("sexta as 14h... nao, quinta as 14h", THURSDAY, time(14)),
        ("amanha 10h nao, sexta 10h", FRIDAY, time(10)),
        ("sexta as 10 nao da, pode ser sexta as 14?", FRIDAY, time(14)),
        ("dia 3 as 9 da manha nao, dia 4 as 9 da manha", date(2026, 12, 4), time(9)),
    ],
)
def test_a_day_refused_with_its_hour_gives_way_to_the_day_after(
    text: str, day: date, at: time
) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.doubt) == (day, at, None)


def test_a_day_and_hour_refused_with_no_other_day_keeps_the_day() -> None:
    when = read_when("sexta as 14h nao posso, so de manha")
    assert when is not None
    assert (when.day, when.at, when.period) == (FRIDAY, None, "manha")


@pytest.mark.parametrize(
    ("text", "at"),
    [
        (
            "entao moça eu so posso depois do serviço que eu saio as seis entao tipo umas sete "
            "da noite amanha tem",
            time(19),
        ),
        ("so consigo depois do trabalho, saio as 17, entao umas 18h30 amanha da?", time(18, 30)),
        ("pode ser amanhã depois da escola? Ela sai meio dia, tipo 13h", time(13)),
        ("amanha depois da aula, ela sai as 11, tem as 2 da tarde?", time(14)),
    ],
)
def test_an_hour_named_after_the_one_left_is_the_one_wanted(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.between, when.doubt) == (WEDNESDAY, at, None, None)


def test_the_hour_left_alone_still_opens_the_span() -> None:
    when = read_when("amanha depois do serviço, eu saio as 18")
    assert when is not None
    assert (when.day, when.between) == (WEDNESDAY, (time(18), time(23, 59)))


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        (
            "boa tarde, eu sou a Marlene, tenho consulta quinta as nove, da pra jogar pra quinta "
            "as onze? tenho que levar meu marido na hemodialise",
            THURSDAY,
            time(11),
        ),
        ("amanha as 10? tenho que buscar meu filho na escola antes", WEDNESDAY, time(10)),
        ("sexta as 15h. pego o menino as 17", FRIDAY, time(15)),
        ("pode ser sexta as 16? busco meu filho na escola as 12", FRIDAY, time(16)),
    ],
)
def test_an_hour_ending_a_question_is_no_errand_of_the_next(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.at, when.doubt) == (day, at, None)


def test_an_hour_said_in_one_breath_with_an_errand_is_still_set_aside() -> None:
    when = read_when("amanha as 10 tenho que levar meu filho, pode ser de tarde?")
    assert when is not None and when.start() is None


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("a consulta de sexta é de manha ou de tarde?", FRIDAY),
        ("minha consulta de amanha ficou de manha ou a tarde?", WEDNESDAY),
        ("o exame do meu filho na quinta é de manhã ou à tarde?", THURSDAY),
        ("o retorno da minha mae sexta foi marcado de manha ou de tarde?", FRIDAY),
    ],
)
def test_which_part_a_booking_is_in_is_asked_of_the_clinic(text: str, day: date) -> None:
    when = read_when(text)
    assert when is not None
    assert (when.day, when.period, when.doubt) == (day, None, None)


@pytest.mark.parametrize(
    "text",
    [
        "a consulta de sexta pode ser de manha ou de tarde?",
        "tem consulta sexta de manha ou de tarde?",
    ],
)
def test_either_part_asked_for_a_booking_is_asked_back(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt == "de manhã ou à tarde?"


NEXT_TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("pode ser segunda 9h? ops, quis dizer terça 9h, na segunda nao posso", time(9)),
        ("terca 8h tem?", time(8)),
        ("terca 8 da manha tem?", time(8)),
        ("terça 7:30 pode ser?", time(7, 30)),
    ],
)
def test_todays_weekday_with_an_hour_over_is_next_weeks(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None
    assert when.start() == datetime.combine(NEXT_TUESDAY, at)


@pytest.mark.parametrize("text", ["terca as 8 tem?", "terca as 15h tem?", "terca de manha"])
def test_todays_weekday_is_still_asked_when_today_may_be_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


def test_todays_weekday_is_still_asked_with_no_hour_of_now() -> None:
    when = parse_when("terca 8h tem?", TUESDAY)
    assert when is not None and when.doubt is not None


def test_either_part_asked_after_a_booking_wanted_is_asked_back() -> None:
    when = read_when("queria uma consulta sexta e de manha ou de tarde?")
    assert when is not None and when.doubt == "de manhã ou à tarde?"
