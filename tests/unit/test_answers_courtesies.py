"""Answers that go on past their yes or no: courtesies, what is consented to, the proposal
pointed at. They keep the answer; a negation or a condition still undoes a yes."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text", ["pode usar meus dados sim", "sim autorizo o uso dos meus dados", "tudo bem pode usar"]
)
def test_a_yes_naming_the_data_it_is_about_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_yes_with_a_form_of_address_is_consent() -> None:
    assert consent_answer("sim senhora") is True


@pytest.mark.parametrize(
    "text",
    ["nao autorizo nada nao", "prefiro nao passar meus dados", "nao quero que guardem meus dados"],
)
def test_a_no_naming_the_data_it_is_about_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


def test_no_spelt_naum_is_a_refusal() -> None:
    assert consent_answer("naum") is False


def test_permission_to_use_the_data_negated_is_no_consent() -> None:
    assert consent_answer("nao pode usar meus dados") is not True


@pytest.mark.parametrize(
    "text", ["sim, pode marcar esse ai", "ok, pode ser esse horario", "isso, esse horario ta otimo"]
)
def test_a_yes_pointing_at_the_proposal_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_a_request_to_confirm_said_kindly_confirms() -> None:
    assert confirmation_answer("confirma pra mim por favor") is True


def test_a_murmured_yes_confirms() -> None:
    assert confirmation_answer("uhum pode") is True


@pytest.mark.parametrize("text", ["nao, pera", "espera, nao", "na verdade nao"])
def test_a_no_with_a_pause_declines(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_change_of_mind_declines() -> None:
    assert confirmation_answer("mudei de ideia") is False


def test_the_proposal_pointed_at_and_refused_declines() -> None:
    assert confirmation_answer("nao, esse horario nao da") is False


def test_a_pause_alone_is_no_answer() -> None:
    assert confirmation_answer("pera") is None


def test_a_yes_naming_the_data_without_a_possessive_is_consent() -> None:
    assert consent_answer("sim, autorizo o uso dos dados") is True


@pytest.mark.parametrize(
    "text", ["sim, muito obrigada", "pode sim, valeu", "sim, obrigado doutora"]
)
def test_a_yes_ending_in_thanks_or_a_form_of_address_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_a_no_ending_in_thanks_declines() -> None:
    assert confirmation_answer("nao, obrigado mesmo assim") is False


def test_thanks_alone_is_no_answer() -> None:
    assert confirmation_answer("obrigada doutora") is None
