"""Round 9: the permission verb answering the consent question is a yes."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text", ["pode", "pode sim", "pode usar", "pode ser", "podem", "Pode.", "pode ser sim"]
)
def test_the_permission_verb_alone_grants_what_was_asked(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text", ["tá, pode", "ok pode", "blz pode ser", "ta bom pode", "beleza, pode", "certo, pode"]
)
def test_the_permission_verb_after_an_acknowledgement_grants_what_was_asked(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize("text", ["ok", "👍", "tá bom", "certo", "blz", "beleza"])
def test_an_acknowledgement_alone_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "pode ser?",
        "pode sim, é só pra consulta né?",
        "pode, desde que não vendam",
        "ok pode, se não passarem pra ninguém",
        "pode ser amanhã às 15h?",
        "podem usar meus dados pra quê?",
    ],
)
def test_the_permission_verb_beside_a_question_or_a_condition_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


@pytest.mark.parametrize("text", ["não pode", "nao, nao pode"])
def test_the_permission_verb_negated_is_a_refusal(text: str) -> None:
    assert consent_answer(text) is False


def test_bom_demais_alone_is_no_consent() -> None:
    assert consent_answer("bom demais") is None


def test_praise_before_a_consent_changes_no_yes() -> None:
    assert consent_answer("glória a Deus, aceito") is True
