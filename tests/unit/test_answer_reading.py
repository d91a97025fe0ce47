"""The first clause that answers carries the answer (round 4): a reason, a correction or a
courtesy after it keeps it; a contrary answer word, a condition or a question does not."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text", ["nao, errei o dia", "nao, muda pra outro dia", "nao, ta errado", "nao esta certo"]
)
def test_a_no_followed_by_a_reason_or_a_correction_declines(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize(
    "text", ["nao obrigada, prefiro ligar", "hum prefiro nao, obrigada", "prefiro que nao"]
)
def test_a_no_followed_by_a_reason_refuses_consent(text: str) -> None:
    assert consent_answer(text) is False


def test_a_no_opening_a_clause_of_words_of_its_own_refuses() -> None:
    assert consent_answer("prefiro nao passar nada por whatsapp") is False


def test_a_negated_agreement_refuses() -> None:
    assert consent_answer("nao to de acordo nao") is False


def test_a_no_followed_by_a_yes_word_is_no_answer() -> None:
    assert consent_answer("nao, eu aceito sim os termos agora") is None


def test_a_no_followed_by_a_new_hour_is_a_no() -> None:
    assert confirmation_answer("nao, tem que ser as 16h") is False


def test_a_yes_followed_by_a_reason_confirms() -> None:
    assert confirmation_answer("sim, esta correto") is True


def test_a_yes_followed_by_a_negated_reason_is_no_answer() -> None:
    assert confirmation_answer("sim, nao esqueci do horario") is None


def test_a_consent_followed_by_another_matter_stays_unread() -> None:
    assert consent_answer("sim, tenho diabetes") is None


def test_a_greeting_before_the_answer_keeps_it() -> None:
    assert confirmation_answer("bom dia, sim") is True


def test_not_knowing_is_no_refusal() -> None:
    assert consent_answer("nao sei ainda") is None


@pytest.mark.parametrize("text", ["eu aceito sim, pode registrar", "sim, estou ciente e concordo"])
def test_a_consent_followed_by_more_granting_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_consent_granting_something_unknown_stays_unread() -> None:
    assert consent_answer("sim, autorizo marcar") is None


def test_a_no_then_a_bare_yes_in_one_clause_is_no_answer() -> None:
    assert consent_answer("não\nsim") is None


@pytest.mark.parametrize("text", ["nao tem problema", "não me importo", "nao vejo problema"])
def test_a_problem_denied_is_no_refusal(text: str) -> None:
    assert consent_answer(text) is not False
    assert confirmation_answer(text) is not False


@pytest.mark.parametrize(
    "text", ["sim, marca pra sexta", "ok, depois vejo", "sim pode ser, ou entao quinta"]
)
def test_a_yes_followed_by_another_time_a_delay_or_an_option_is_no_answer(text: str) -> None:
    assert confirmation_answer(text) is None


def test_a_wish_after_a_yes_is_no_consent() -> None:
    assert consent_answer("sim, quero saber mais") is None


@pytest.mark.parametrize("text", ["nao tenho nada contra", "nao esquece de me avisar"])
def test_a_negation_in_form_only_is_no_refusal(text: str) -> None:
    assert consent_answer(text) is not False
    assert confirmation_answer(text) is not False
