"""Round 6: the words of an answer the parts did not know — leave to keep or use the data,
leave given freely, being informed, forms of address, interjections, thanks for
something, thinking it over, another option asked with a qualifier."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text", ["pode registrar meus dados sim", "sim, pode ficar com meus dados", "eu deixo"]
)
def test_leave_to_keep_or_use_the_data_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_leave_to_keep_the_data_negated_is_a_refusal() -> None:
    assert consent_answer("nao pode registrar meus dados") is False


@pytest.mark.parametrize("text", ["pode sim moça, fica a vontade", "sim, podem usar a vontade"])
def test_leave_given_freely_keeps_a_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_being_informed_keeps_a_consent() -> None:
    assert consent_answer("concordo, fiquei bem informada") is True


def test_being_informed_alone_is_no_consent() -> None:
    assert consent_answer("estou ciente") is None


@pytest.mark.parametrize(
    "text", ["oxe, pode sim, nao tenho nada a esconder", "sim, nao tem problema"]
)
def test_a_negation_in_form_only_keeps_a_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_form_of_address_changes_no_answer() -> None:
    assert consent_answer("eu autorizo, minha filha") is True
    assert confirmation_answer("pode confirmar minha filha, obrigada") is True


def test_an_interjection_changes_no_answer() -> None:
    assert confirmation_answer("ixi, nesse nao da nao") is False


@pytest.mark.parametrize("text", ["ssss manda ver", "show de bola, fechou"])
def test_leave_given_freely_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_thanks_for_something_keeps_a_consent() -> None:
    assert consent_answer("aceito sim, valeu por explicar direitinho") is True


def test_thanks_for_something_holding_a_no_is_no_courtesy() -> None:
    assert consent_answer("aceito, obrigada por nada nao") is None


def test_thinking_it_over_before_a_no_keeps_the_no() -> None:
    assert consent_answer("deixa eu pensar... acho melhor nao por enquanto") is False


@pytest.mark.parametrize("text", ["sim, deixa eu pensar", "deixa eu ver, sim"])
def test_thinking_it_over_makes_a_yes_a_doubt(text: str) -> None:
    assert confirmation_answer(text) is None


def test_a_no_asking_for_another_time_earlier_declines() -> None:
    assert confirmation_answer("nao, tem outro horario mais cedo?") is False


@pytest.mark.parametrize(
    "text", ["sim, pode usar meu numero", "sim, autorizo o tratamento dos meus dados"]
)
def test_the_data_and_processing_the_notice_names_keep_a_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["nao, tem algum mais tarde?", "nao, tem outro de manha?"])
def test_a_no_asking_for_another_in_a_part_of_the_day_declines(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_yes_asking_for_another_is_no_answer() -> None:
    assert confirmation_answer("sim, tem algum mais cedo?") is None
