"""A yes or a no read from its parts (round 3): yes-words and no-words in their slips and
emphasis, a negator's scope, conditions and mixed answers left unread."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize("text", ["uhum, de acordo", "aceito sim, pode seguir", "ta, pode guardar"])
def test_a_yes_word_with_acknowledgements_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["ok", "blz, pode seguir", "tranquilo, sem problema"])
def test_acknowledgements_alone_are_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["concordamos", "autorizamos sim", "eu autoriso"])
def test_a_verb_of_consent_in_any_form_or_slip_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["prefiro nao autorizar", "nao quero autorizar", "n concordo"])
def test_a_negator_turns_the_verb_after_it_into_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["eu nao autorizo nao", "nao aceito isso nao"])
def test_a_negator_said_again_at_the_end_repeats_the_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", ["sim nao", "autorizo, nao", "nao, aceito"])
def test_a_yes_and_a_no_together_are_no_answer(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["discordo, nao autorizo", "deus me livre, nao", "nem a pau"])
def test_no_words_refuse(text: str) -> None:
    assert consent_answer(text) is False


def test_a_contrast_after_a_yes_is_no_answer() -> None:
    assert consent_answer("uhum, porem so pra marcar") is None


def test_the_proposal_pointed_at_with_emphasis_confirms() -> None:
    assert confirmation_answer("esse mesmo") is True


@pytest.mark.parametrize("text", ["sim, esse dia e hora me servem", "confirma ai 👍"])
def test_a_verb_of_suiting_or_confirming_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["acho que nao vai dar nao", "nao consigo nesse"])
def test_a_verb_of_suiting_negated_declines(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_reason_for_not_coming_declines() -> None:
    assert confirmation_answer("nesse horario eu to trabalhando, nao") is False


def test_a_no_asking_for_another_option_declines() -> None:
    assert confirmation_answer("esse dia nao, tem outro?") is False


def test_a_yes_asking_for_another_option_is_no_answer() -> None:
    assert confirmation_answer("pode ser, tem outro?") is None


@pytest.mark.parametrize("text", ["nao concordo nem discordo", "nao recuso"])
def test_a_verb_of_refusing_negated_is_no_answer(text: str) -> None:
    assert consent_answer(text) is None


def test_emphasis_keeps_a_yes() -> None:
    assert consent_answer("concordo plenamente") is True


def test_a_yes_split_over_lines_is_read_joined() -> None:
    # A burst of messages is read joined by line breaks ("de", then "acordo").
    assert consent_answer("de\nacordo") is True


@pytest.mark.parametrize("text", ["nao vou conseguir", "infelizmente nao", "nao vou poder ir"])
def test_being_unable_declines(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", ["nao mesmo", "nem pensar nisso", "nao desejo"])
def test_a_no_with_emphasis_or_a_verb_of_wishing_negated_refuses(text: str) -> None:
    assert consent_answer(text) is False
