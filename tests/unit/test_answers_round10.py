"""Round 10: consent naming the notice's law, and "beleza" clipped."""

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text",
    [
        "aceito os termos da lgpd",
        "concordo com a LGPD",
        "Eu autorizo o uso dos meus dados pessoais conforme informado.",
        "aceito conforme o aviso",
    ],
)
def test_a_yes_naming_the_law_or_the_notice_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_no_naming_the_law_is_a_refusal() -> None:
    assert consent_answer("nao aceito os termos da lgpd") is False


@pytest.mark.parametrize("text", ["lgpd?", "o que e lgpd", "conforme informado"])
def test_the_law_named_without_a_yes_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["bele", "blza", "belezinha", "belê, to la"])
def test_beleza_clipped_confirms_a_proposal(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", ["bele", "blza", "ok 👍🏻"])
def test_an_acknowledgement_alone_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["mainha vai sim", "ela vai", "confirmo sim, painho vai"])
def test_the_one_booked_said_to_go_in_a_relative_s_words_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


def test_the_one_booked_said_not_to_go_declines() -> None:
    assert confirmation_answer("mainha vai nao") is False


def test_a_question_about_what_will_happen_is_no_confirmation() -> None:
    assert confirmation_answer("ele vai ser atendido por quem?") is None


def test_the_north_east_s_great_before_a_yes_changes_nothing() -> None:
    assert consent_answer("arretado, aceito") is True


@pytest.mark.parametrize("text", ["arretado", "massa"])
def test_the_north_east_s_great_alone_is_no_consent(text: str) -> None:
    assert consent_answer(text) is None
