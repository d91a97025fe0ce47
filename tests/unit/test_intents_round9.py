"""Round 9: requests said with a specialty, a suiting, or a move to another week."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


@pytest.mark.parametrize("text", ["quarta às 18h com a nutricionista", "amanhã 10h com o pediatra"])
def test_a_specialty_named_with_the_time_wanted_is_a_booking(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["qual o valor da nutricionista amanhã?", "quanto custa o pediatra sexta?", "nutricionista"],
)
def test_a_specialty_asked_about_stays_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_a_time_said_to_suit_at_the_end_is_a_booking() -> None:
    assert intent_of("sexta antes das 10 pra mim da") is Intent.SCHEDULE


def test_moving_to_another_week_is_a_reschedule() -> None:
    assert (
        intent_of("surgiu um compromisso, consigo transferir pra outra semana?")
        is Intent.RESCHEDULE
    )


def test_a_transfer_of_money_is_no_reschedule() -> None:
    assert intent_of("posso transferir para a conta de vcs?") is not Intent.RESCHEDULE


@pytest.mark.parametrize("text", ["quanto que é a consulta", "quanto que custa o exame"])
def test_the_price_asked_with_speechs_que_is_a_question_about_the_clinic(text: str) -> None:
    assert intent_of(text) is Intent.INFO


def test_messages_no_longer_wished_in_the_written_register_are_a_revocation() -> None:
    text = "Prezados, venho por meio desta informar que não desejo mais receber comunicações."
    assert intent_of(text) is Intent.REVOKE


def test_a_result_not_wished_by_email_is_no_revocation() -> None:
    assert intent_of("não desejo receber a comunicação do resultado por email") is not Intent.REVOKE


@pytest.mark.parametrize("text", ["Bom dia grupo da família 🌻", "bom dia familia"])
def test_a_greeting_meant_for_a_group_asks_for_nothing(text: str) -> None:
    assert intent_of(text) is Intent.UNKNOWN


@pytest.mark.parametrize("text", ["bom dia", "bom dia pessoal"])
def test_a_greeting_to_the_clinic_still_asks_for_help(text: str) -> None:
    assert intent_of(text) is Intent.HELP
