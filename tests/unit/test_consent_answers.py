"""Reading consent, refusal and revocation from the whole of a message, as Brazilians (and
English speakers) write them on WhatsApp."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.conductor.portuguese.consent import Revocation, consent_answer, revocation_in
from services.conductor.portuguese.consent_scope import speaks_of_scope
from services.conductor.portuguese.intents import Intent, intent_of

YES = [
    "sim", "Sim", "SIM", "Sim.", "sim!!!", "Siiim", "sim 👍", "👍 Sim", "Sim, aceito",
    "aceito!", "Aceito", "eu aceito", "aceito sim", "concordo", "Concordo!", "eu concordo",
    "pode sim", "ok, aceito", "Ok aceito", "sim, autorizo", "autorizo", "de acordo",
    "Estou de acordo", "claro", "Claro que sim!", "com certeza", "Sim, aceito os termos",
    "li e aceito", "Aceito o aviso de privacidade", "concordo com os termos", "sim sim",
    "Sim, obrigado", "Bom dia! Sim, aceito", "yes", "Yes!", "YES", "I agree", "i accept",
    "Yes, I agree", "ok, I agree to the terms", "I accept the privacy policy", "sure",
    "Sim :)", "aceito ;-)", "Certo, aceito", "SIM, ACEITO", "tá bom, aceito", "ss", "s",
    "pode ser, aceito",
]  # fmt: skip
NO = [
    "não", "Não", "NÃO", "nao", "não!", "Nãooo", "nao aceito", "Não aceito", "não concordo",
    "nao autorizo", "não quero", "Não, obrigado", "recuso", "eu recuso", "claro que não",
    "de jeito nenhum", "nem pensar", "não, não aceito", "No", "no", "NO!", "I refuse",
    "i refuse", "I decline", "I do not accept", "I don't accept", "I do not agree", "n",
    "n quero", "nao obg", "nao concordo com isso", "nn", "n aceito",
]  # fmt: skip
UNCLEAR = [
    "não li",  # not yet read: neither a yes nor a no
    "Não li.",
    # questions
    "claro que tenho dúvidas, quem vai ler meus dados?", "não entendi, pode explicar?",
    "sim?", "aceito?", "sim\uff1f", "Quem vai ler meus dados?", "o que é isso?",
    # a yes negated, or a no taken back
    "no, I said yes by mistake, I do NOT accept", "sim não", "yes no",
    "não sei", "não tenho certeza", "not sure", "I don't know",
    # conditions and reservations
    "sim, se não passarem meus dados", "aceito se for só hoje",
    "yes, but only today", "yes if you delete it later", "aceito, desde que não vendam",
    # unrelated messages
    "Pode ser amanhã às 15h?", "Pode ser amanhã às 15h", "quero marcar uma consulta",
    "oi", "ok", "talvez", "hmm, talvez", "Maria Silva", "👍", "😀", "", "   ",
    "Oi, tenho HIV e preciso de uma consulta urgente", "sim, tenho diabetes",
    "aceito cartão?", "concordo em parte",
]  # fmt: skip


@pytest.mark.parametrize("text", YES)
def test_an_unambiguous_yes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", NO)
def test_an_unambiguous_no_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


@pytest.mark.parametrize("text", UNCLEAR)
def test_anything_else_is_neither_consent_nor_refusal(text: str) -> None:
    assert consent_answer(text) is None


_any_text = st.text(max_size=80)
_answers = st.sampled_from(YES + NO + UNCLEAR)
_negations = st.sampled_from(["não", "nao", "no", "not", "nunca", "never", "I do NOT accept"])
_conditions = st.sampled_from(["se", "mas", "if", "but", "unless", "desde que", "caso"])


_pieces = st.one_of(_answers, _any_text)


@given(_pieces, _pieces)
def test_a_message_with_a_question_mark_is_never_consent(before: str, after: str) -> None:
    assert consent_answer(f"{before}?{after}") is not True


@given(st.sampled_from(NO), _negations, _any_text)
def test_appending_a_negation_never_turns_a_refusal_into_consent(
    refusal: str, negation: str, tail: str
) -> None:
    assert consent_answer(f"{refusal} {negation} {tail}") is not True


@given(_answers, _negations, _answers)
def test_a_message_with_a_negation_in_it_is_never_consent(
    before: str, negation: str, after: str
) -> None:
    assert consent_answer(f"{before}, {negation} {after}") is not True


# A condition that only restates the notice's purposes is none (``consent_scope``).
_not_a_purpose = _any_text.filter(lambda tail: not speaks_of_scope(tail))


@given(st.sampled_from(YES), _conditions, _not_a_purpose)
def test_a_yes_on_a_condition_is_never_consent(yes: str, condition: str, tail: str) -> None:
    assert consent_answer(f"{yes}, {condition} {tail}") is not True


@given(st.sampled_from(YES), st.sampled_from(["quero", "marcar", "amanhã", "tenho", "HIV"]))
def test_a_yes_followed_by_something_else_is_not_consent(yes: str, word: str) -> None:
    assert consent_answer(f"{yes} {word}") is None


@pytest.mark.parametrize(
    "text",
    ["revogar consentimento", "Revogar", "quero revogar meu consentimento, por favor",
     "retiro meu consentimento", "Não quero mais que usem meus dados", "descadastrar",
     "me descadastre", "cancelar meu consentimento", "I withdraw my consent"],
)  # fmt: skip
def test_a_clear_request_revokes(text: str) -> None:
    assert revocation_in(text) is Revocation.CLEAR


@pytest.mark.parametrize(
    "text",
    ["parar", "PARAR", "Pare!", "stop", "sair", "quero sair", "como faço para revogar?",
     "tenho diabetes, quero revogar", "revogar, mas só amanhã"],
)  # fmt: skip
def test_a_possible_request_to_revoke_is_confirmed_first(text: str) -> None:
    assert revocation_in(text) is Revocation.UNCONFIRMED


@pytest.mark.parametrize(
    "text",
    ["Onde posso parar o carro?", "para amanhã às 15h", "vou parar de tomar o remédio?",
     "sim", "não", "cancelar", "quero marcar consulta", "não pare de me lembrar"],
)  # fmt: skip
def test_a_stray_word_is_no_request_to_revoke(text: str) -> None:
    assert revocation_in(text) is Revocation.NONE


def test_where_to_park_is_a_question_about_the_clinic() -> None:
    assert intent_of("Onde posso parar o carro?") is Intent.INFO
