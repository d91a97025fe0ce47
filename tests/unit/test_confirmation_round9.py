"""Round 9: a confirmation said apart from a question about something else."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer


@pytest.mark.parametrize(
    "text",
    [
        "Sim. Preciso levar algum exame?",
        "pode confirmar sim, tem estacionamento ai?",
        "Sim, confirmo. Onde fica?",
        "ok. quanto custa a consulta?",
    ],
)
def test_a_yes_then_a_question_about_going_to_the_visit_is_a_yes(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Sim. Pode ser às 10?",
        "sim, tem outro?",
        "Sim, mas preciso levar exame?",
        "Sim. Quanto custa se eu faltar?",
        "sim. preciso levar exame no outro dia?",
        "sim?",
        "Sim. Sim?",
    ],
)
def test_a_yes_beside_a_question_that_changes_or_doubts_it_stays_unread(text: str) -> None:
    assert confirmation_answer(text) is None


def test_a_no_then_another_part_of_the_day_asked_is_a_no() -> None:
    assert confirmation_answer("Não. Pode ser de tarde?") is False


@pytest.mark.parametrize("text", ["ô glória, pode sim 🙌", "glória a Deus, pode confirmar"])
def test_praise_before_a_yes_changes_no_yes(text: str) -> None:
    assert confirmation_answer(text) is True


def test_bom_demais_is_an_acknowledgement_and_so_a_yes_to_a_proposal() -> None:
    assert confirmation_answer("bom demais, pode confirmar") is True
