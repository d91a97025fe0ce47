"""Round 7: a clear yes or no wrapped in speech the strict reader did not know."""

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize("text", ["quero não", "num posso não"])
def test_a_verb_of_wish_or_ability_with_its_negator_after_it_is_a_no(text: str) -> None:
    assert consent_answer(text) is False
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", ["dá não", "esse dia num dá não", "consigo não"])
def test_a_proposal_that_does_not_suit_said_with_the_negator_after_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_verb_of_consent_with_its_negator_after_it_refuses() -> None:
    # Round 14: the North-East's "não autorizo", as "quero não" is "não quero".
    assert consent_answer("autorizo não") is False


@pytest.mark.parametrize("text", ["num aceito não, moça", "num dá não"])
def test_num_before_a_verb_is_a_negator(text: str) -> None:
    assert consent_answer(text) is False


def test_num_undoes_a_yes_as_nao_does() -> None:
    assert consent_answer("sim, num sei") is None


@pytest.mark.parametrize(
    "text",
    ["pode usar, nao me importo nao", "pode usar meus dados sim nao tem problema nenhum nao"],
)
def test_a_problem_denied_with_its_negator_said_again_keeps_a_yes(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["bah, pode sim tchê", "oxente, aceito", "égua, pode sim"])
def test_interjections_of_the_regions_change_no_yes(text: str) -> None:
    assert consent_answer(text) is True


def test_so_with_its_circumflex_is_a_form_of_address() -> None:
    assert consent_answer("uai, pode usar sô") is True


def test_so_unaccented_stays_a_condition() -> None:
    assert consent_answer("pode usar so") is None


def test_the_personal_data_named_in_full_change_no_yes() -> None:
    assert consent_answer("Sim. Autorizo o tratamento dos meus dados pessoais.") is True


@pytest.mark.parametrize("text", ["ok", "ta bom"])
def test_an_acknowledgement_alone_is_still_no_consent(text: str) -> None:
    # "ok pode" and "ta bom pode" are consent since round 9 (test_consent_round9.py).
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["não, pode cancelar esse", "nao, desmarca entao"])
def test_a_no_then_the_proposal_dropped_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_cancelling_alone_stays_unread_as_it_may_answer_a_cancellation() -> None:
    assert confirmation_answer("cancela, nao quero mais") is None


def test_a_no_joined_to_cancelling_without_a_comma_is_not_read_as_dropping_it() -> None:
    assert confirmation_answer("nao desmarca") is not True


def test_the_terms_of_use_named_change_no_yes() -> None:
    assert consent_answer("sim, aceito os termos de uso") is True
