"""Reading the answer to "Posso confirmar?" from the whole of a message: only a plain yes
books or cancels; a question, a correction or a condition is no yes."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer

YES = [
    "sim", "Sim!", "sim, pode confirmar", "pode", "Pode sim", "pode marcar", "isso",
    "isso mesmo", "confirmo", "Confirmo!", "confirmado", "ok", "ok, pode", "tá bom",
    "fechado", "perfeito", "sim 👍", "Siiim", "pode ser", "sim, obrigada", "s", "ss",
    "fechou", "bora", "👍",
]  # fmt: skip
NO = [
    "não",
    "Não!",
    "nao",
    "não quero",
    "melhor não",
    "não, obrigado",
    "esquece",
    "n",
    "deixa quieto",
    "não precisa",
    "não, às 16h",  # a no, the hour named read as the new request: never a booking
]
NEITHER = [
    "e depois de amanhã às 10 e meia?",
    "pode ser às 16h?",
    "sim, mas às 16h",
    "sim, se for de manhã",
    "quero marcar amanhã às 15h",
    "cancelar",
    "qual o endereço?",
    "sim ou não?",
    "",
]


@pytest.mark.parametrize("text", YES)
def test_a_plain_yes_confirms(text: str) -> None:
    assert confirmation_answer(text) is True


@pytest.mark.parametrize("text", NO)
def test_a_plain_no_declines(text: str) -> None:
    assert confirmation_answer(text) is False


@pytest.mark.parametrize("text", NEITHER)
def test_a_question_a_correction_or_anything_else_is_neither(text: str) -> None:
    assert confirmation_answer(text) is None
