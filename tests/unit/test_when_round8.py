"""Round 8: times said in other words."""

from datetime import date

import pytest

from tests.support.reference_moment import read_when


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("sexta de manhã cedo porque de tarde ela faz hemodiálise", "manha"),
        ("amanhã de tarde, ela só consegue de tarde pq de manha ta na igreja", "tarde"),
        ("tem hrs dia 3? de tarde ne pq de manha tenho aula", "tarde"),
        ("quinta de manhã que de tarde eu trabalho", "manha"),
        ("sexta à noite, pois de tarde estou no serviço", "noite"),
    ],
)
def test_a_part_of_the_day_given_as_a_reason_is_not_the_one_meant(text: str, period: str) -> None:
    when = read_when(text)
    assert when is not None and when.period == period


def test_a_part_of_the_day_said_only_as_a_reason_stays_the_one_meant() -> None:
    when = read_when("quinta pq de manha fica melhor")
    assert when is not None and when.period == "manha"


def test_two_parts_of_the_day_with_no_reason_stay_unread() -> None:
    when = read_when("quinta de manha, de tarde também serve")
    assert when is not None and when.period is None


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        ("vou querer a consulta pra semana do dia 14", date(2026, 12, 14)),
        ("tem vaga na semana do dia 10?", date(2026, 12, 7)),
    ],
)
def test_the_week_of_a_day_is_that_week_any_day_of_it(text: str, monday: date) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.week) == (None, monday)


@pytest.mark.parametrize(
    "text",
    [
        "semana que vem qualquer dia menos quarta que quarta eu tenho fisioterapia",
        "semana que vem, exceto a sexta",
    ],
)
def test_a_weekday_excepted_is_not_meant_wherever_it_is_named(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.week) == (None, date(2026, 11, 30))


def test_the_weekdays_of_a_busy_span_are_not_meant() -> None:
    when = read_when("eu trabalho de segunda a sexta então só dá no sábado umas nove horas")
    assert when is not None and when.day == date(2026, 11, 28) and when.doubt is None


def test_a_not_of_not_remembering_after_a_weekday_refuses_no_day() -> None:
    when = read_when("tenho horario marcado quinta? nao lembro")
    assert when is not None and when.day == date(2026, 11, 26)


def test_a_bare_day_just_gone_by_before_a_part_of_the_day_is_asked() -> None:
    when = read_when("queria marcar pro dia 23 de tarde")
    assert when is not None and when.day is None and when.doubt is not None
