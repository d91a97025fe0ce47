"""Round 6: what a consent may say of its scope and still be a clear yes (LGPD). A yes
narrowed to the notice's own purposes, or refusing what the notice does not ask, is
consent; any other condition, a doubt or a limit leaves it unread."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.consent import consent_answer


@pytest.mark.parametrize(
    "text",
    [
        "sim, desde que seja so pra consulta",
        "aceito sim, mas so pra consulta viu",
        "sim, mas só para marcar",
        "bom, se e pra marcar consulta entao aceito",
    ],
)
def test_a_yes_narrowed_to_the_notices_purposes_is_consent(text: str) -> None:
    assert consent_answer(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "Sim, autorizo o uso dos meus dados para o agendamento.",
        "sim, pode usar pra marcar minhas consultas",
    ],
)
def test_a_yes_naming_the_notices_purpose_is_consent(text: str) -> None:
    assert consent_answer(text) is True


def test_a_yes_refusing_advertising_the_notice_does_not_ask_is_consent() -> None:
    assert consent_answer("pode usar sim, so nao quero receber propaganda ta") is True


@pytest.mark.parametrize(
    "text",
    ["aceito se for só hoje", "aceito, desde que não vendam", "sim, se nao passarem meus dados"],
)
def test_a_yes_on_another_condition_stays_unread(text: str) -> None:
    assert consent_answer(text) is None


def test_a_purpose_refused_is_no_consent() -> None:
    assert consent_answer("aceito, mas nao pra consulta") is None


def test_a_yes_after_saying_one_does_not_understand_stays_unread() -> None:
    text = "olha eu nao entendo muito dessas coisas mas se e pra marcar consulta pode usar sim"
    assert consent_answer(text) is None


def test_a_refusal_asking_to_go_on_without_consent_is_a_refusal() -> None:
    assert consent_answer("nao aceito, pode ser sem isso?") is False


def test_a_yes_asking_to_go_on_without_consent_is_no_consent() -> None:
    assert consent_answer("aceito, pode ser sem isso?") is None


def test_a_refusal_asking_whether_it_can_be_done_without_is_a_refusal() -> None:
    assert consent_answer("nao aceito, tem como fazer sem?") is False


def test_a_refusal_asking_for_another_way_is_a_refusal() -> None:
    assert consent_answer("nao quero, tem outro jeito de marcar?") is False
