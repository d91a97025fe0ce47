"""Round 8: times said in other words."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)
NINE = datetime(2026, 11, 24, 9)


def _read(text: str) -> When | None:
    return parse_when(text, TUESDAY, now=NINE)


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
    when = _read(text)
    assert when is not None and when.period == period


def test_a_part_of_the_day_said_only_as_a_reason_stays_the_one_meant() -> None:
    when = _read("quinta pq de manha fica melhor")
    assert when is not None and when.period == "manha"


def test_two_parts_of_the_day_with_no_reason_stay_unread() -> None:
    when = _read("quinta de manha, de tarde também serve")
    assert when is not None and when.period is None
