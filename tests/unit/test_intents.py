"""Intents, consent answers, option choices and names in Brazilian Portuguese."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.consent import consent_answer
from services.conductor.portuguese.intents import Intent, chosen_option, intent_of, name_in


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Quero marcar uma consulta", Intent.SCHEDULE),
        ("tem horário disponível amanhã?", Intent.SCHEDULE),
        ("preciso cancelar minha consulta", Intent.CANCEL),
        ("Desmarca pra mim por favor", Intent.CANCEL),
        ("quais são minhas consultas?", Intent.CONSULT),
        ("quero falar com um atendente", Intent.HUMAN),
        ("quero apagar meus dados", Intent.LGPD),
        ("revogar consentimento", Intent.REVOKE),
        ("PARAR", Intent.REVOKE),
        ("oi", Intent.HELP),
        ("asdkjh qwe", Intent.UNKNOWN),
        ("👍👍", Intent.UNKNOWN),
    ],
)
def test_the_intent_of_a_message(text: str, intent: Intent) -> None:
    assert intent_of(text) == intent


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("Sim", True),
        ("aceito", True),
        ("Concordo!", True),
        ("sim, autorizo", True),
        ("não", False),
        ("Não aceito", False),
        ("nao concordo", False),
        ("talvez", None),
        ("o que é isso?", None),
        ("😀", None),
    ],
)
def test_consent_needs_an_explicit_answer(text: str, answer: bool | None) -> None:
    assert consent_answer(text) is answer


@pytest.mark.parametrize(
    ("text", "option"),
    [("2", 2), ("opção 3", 3), ("o 1", 1), ("1º", 1), ("7", None), ("0", None), ("dois", None)],
)
def test_an_option_is_picked_by_its_number(text: str, option: int | None) -> None:
    assert chosen_option(text, count=5) == option


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maria Silva", "Maria Silva"),
        ("meu nome é João Pereira", "João Pereira"),
        ("me chamo ana", "Ana"),
        ("Sou a Conceição", "Conceição"),
        ("José D'Ávila", "José D'Ávila"),
        ("meu nome eh raimunda", "Raimunda"),
        ("oi, sou a Marta", "Marta"),
        ("aqui eh o Jorge", "Jorge"),
        ("Meu nome: Carla Dias", "Carla Dias"),
        ("É a Rosângela", "Rosângela"),
        ("sou eu, a Tereza", "Tereza"),
        ("meu nome é: Denise", "Denise"),
        ("sim", None),
        ("123", None),
        ("quero marcar consulta amanhã às 15h para mim e meu filho pequeno hoje", None),
        ("", None),
    ],
)
def test_a_name_is_recognised(text: str, name: str | None) -> None:
    assert name_in(text) == name
