"""The time asked in a no to a proposal, read on the proposal's day (round 16)."""

from datetime import date, time

import pytest

from services.conductor.portuguese.when import When
from services.conductor.proposal_change import on_proposed_day
from tests.support.reference_moment import PROPOSED, read_when


def _on_proposal(text: str) -> When | None:
    return on_proposed_day(read_when(text), PROPOSED, text)


@pytest.mark.parametrize(
    "text",
    [
        "terça de manha nao rola, trampo. tem depois das 17?",
        "terça de manhã não dá, pode ser depois das 17?",
    ],
)
def test_the_proposals_weekday_refused_in_part_is_the_day_proposed(text: str) -> None:
    when = _on_proposal(text)
    assert when is not None and when.doubt is None
    assert when.day == date(2026, 12, 1) and when.between == (time(17), time(23, 59))


@pytest.mark.parametrize(
    "text", ["nao, pode ser terça mesmo só que as 11?", "pode ser na terça msm às 11?"]
)
def test_the_proposals_weekday_with_mesmo_and_an_hour_is_the_day_proposed(text: str) -> None:
    when = _on_proposal(text)
    assert when is not None and (when.day, when.at) == (date(2026, 12, 1), time(11))


def test_the_proposals_weekday_with_mesmo_and_another_date_stays_asked() -> None:
    when = _on_proposal("terça mesmo dia 3?")
    assert when is None or when.doubt is not None


@pytest.mark.parametrize(
    "text", ["nao consigo dia 1, só no dia 9 de manhã", "não posso dia 1, só dia 9 de manhã"]
)
def test_the_proposals_date_refused_beside_another_keeps_its_part_of_the_day(text: str) -> None:
    when = _on_proposal(text)
    assert when is not None and (when.day, when.period) == (date(2026, 12, 9), "manha")


def test_a_dated_day_asked_after_the_proposals_weekday_filled_is_read() -> None:
    text = (
        "é... não vai dar não porque terça eu levo minha mãe na hemodiálise sabe então "
        "se tiver quarta dia 2 à tarde seria melhor"
    )
    when = _on_proposal(text)
    assert when is not None and (when.day, when.period) == (date(2026, 12, 2), "tarde")


def test_a_bare_weekday_asked_after_the_proposals_weekday_filled_stays_asked() -> None:
    when = _on_proposal("terça eu trabalho, quinta de tarde pode?")
    assert when is None or when.doubt is not None


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("nao posso, tenho aula de manha. tem a tarde no msm dia?", "tarde"),
        ("não dá, trabalho de tarde. tem de manhã no mesmo dia?", "manha"),
    ],
)
def test_the_part_asked_on_the_same_day_after_ones_routine_is_read(text: str, period: str) -> None:
    when = _on_proposal(text)
    assert when is not None and (when.day, when.period) == (date(2026, 12, 1), period)


def test_the_same_day_asked_with_no_time_proposes_nothing() -> None:
    assert _on_proposal("tenho aula. no mesmo dia?") is None
