"""A sentence given where the name is asked is asked again, never registered as a name."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    "answer",
    ["moro em manaus", "trabalho de noite", "vou mais tarde", "tenho consulta com a dra ana"],
)
def test_a_sentence_in_the_first_person_is_no_name(answer: str) -> None:
    assert name_in(answer) is None


@pytest.mark.parametrize("answer", ["faz preventivo ai?", "atende unimed", "tem vaga", "pode ser"])
def test_a_question_or_a_reply_about_something_else_is_no_name(answer: str) -> None:
    assert name_in(answer) is None


def test_a_name_followed_by_a_sentence_keeps_the_name() -> None:
    assert name_in("Maria Silva, moro em Manaus") == "Maria Silva"


def test_an_initial_and_the_particles_stay_part_of_a_name() -> None:
    assert name_in("maria a dos santos") == "Maria A dos Santos"
    assert name_in("maria das dores e silva") == "Maria das Dores e Silva"
