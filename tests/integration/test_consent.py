"""The consent step, as a person meets it: consent only from an unambiguous yes, a refusal
only from an unambiguous no, the question again for anything else; a revocation only from
a clear request or a confirmed one; after it, a booking can still be cancelled."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from events.schema import (
    AppointmentBooked,
    AppointmentCancelled,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    MessageReceived,
    ReplyRequested,
    ToolInvoked,
)
from services.conductor.brain import ToolCall
from services.conductor.deciding import Decider
from services.conductor.knowledge import Knowledge
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import Turn
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation, Stage
from services.domain.embedded_calendar import EmbeddedCalendar
from tests.integration.test_clinic_info import EXAMPLE
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue, introduced

ASKED_AGAIN = "responda *SIM* para aceitar ou *NÃO* para recusar"


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    notice = PrivacyNotice.current("2026-11")
    knowledge = Knowledge.load(EXAMPLE)
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice, knowledge=knowledge)
    return Decider(OfflineBrain(), toolbox, notice)


async def shown_the_notice(conductor: Decider) -> Dialogue:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    return chat


async def registered(conductor: Decider, subject: str = "subject-1") -> Dialogue:
    return await introduced(conductor, NOW, subject)


@pytest.mark.parametrize(
    "answer",
    [
        "no, I said yes by mistake, I do NOT accept",
        "claro que tenho dúvidas, quem vai ler meus dados?",
        "Pode ser amanhã às 15h?",
        "sim, se não passarem meus dados",
        "não entendi, pode explicar?",
    ],
)
async def test_a_question_a_negation_a_condition_or_another_subject_gets_the_question_again(
    conductor: Decider, answer: str
) -> None:
    chat = await shown_the_notice(conductor)
    before = len(chat.events)
    assert ASKED_AGAIN in await chat.say(answer)
    said, reply = chat.events[before:]  # the message and the question again, nothing else
    assert isinstance(said, MessageReceived) and isinstance(reply, ReplyRequested)
    assert chat.state.stage is Stage.AWAITING_CONSENT


@pytest.mark.parametrize("answer", ["Sim, aceito", "aceito!", "pode sim", "ok, aceito", "I agree"])
async def test_an_unambiguous_yes_records_consent_with_the_persons_words(
    conductor: Decider, answer: str
) -> None:
    chat = await shown_the_notice(conductor)
    assert "Qual é o seu nome" in await chat.say(answer)
    [granted] = chat.of_type(ConsentGranted)
    assert isinstance(granted, ConsentGranted) and granted.evidence_text == answer


@pytest.mark.parametrize("answer", ["No", "I refuse", "recuso", "não quero", "nao aceito"])
async def test_an_unambiguous_no_records_a_refusal(conductor: Decider, answer: str) -> None:
    chat = await shown_the_notice(conductor)
    assert "respeitamos sua decisão" in await chat.say(answer)
    assert len(chat.of_type(ConsentRefused)) == 1 and chat.of_type(ConsentGranted) == []


async def test_the_consent_tool_rechecks_the_persons_own_message(
    conductor: Decider,
) -> None:
    state = Conversation(stage=Stage.AWAITING_CONSENT, chat_id="5511900000001@c.us")
    message = MessageReceived(
        message_id="m1", chat_id=state.chat_id, sender=state.chat_id,
        text="Pode ser amanhã às 15h?", sent_at=NOW,
    )  # fmt: skip
    turn = Turn("subject-1", "e1", message, state, NOW)
    call = ToolCall("c1", "record_consent", "{}")
    outcome = await conductor.toolbox.run(call, ("record_consent",), turn)
    assert not outcome.ok and outcome.events == []


async def test_where_to_park_is_answered_and_revokes_nothing(conductor: Decider) -> None:
    chat = await registered(conductor)
    assert "estacionamento" in (await chat.say("Onde posso parar o carro?")).lower()
    assert chat.of_type(ConsentRevoked) == []
    assert chat.state.stage is Stage.REGISTERED


async def test_a_bare_stop_word_asks_before_revoking(conductor: Decider) -> None:
    chat = await registered(conductor)
    assert "revogar seu consentimento?" in await chat.say("parar")
    assert chat.of_type(ConsentRevoked) == []


async def test_a_confirmed_stop_word_revokes(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("parar")
    assert "revogado" in await chat.say("sim")
    [revoked] = chat.of_type(ConsentRevoked)
    assert isinstance(revoked, ConsentRevoked) and revoked.evidence_text == "sim"


async def test_a_stop_word_answered_no_keeps_consent(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("parar")
    assert "continua ativo" in await chat.say("não")
    assert chat.of_type(ConsentRevoked) == []
    assert chat.state.stage is Stage.REGISTERED


async def test_a_yes_long_after_the_question_revokes_nothing(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("parar")
    await chat.say("quero marcar amanhã às 15h")
    await chat.say("sim")
    assert chat.of_type(ConsentRevoked) == []


async def test_a_clear_request_revokes_at_once(conductor: Decider) -> None:
    chat = await registered(conductor)
    assert "revogado" in await chat.say("Não quero mais que usem meus dados")
    assert len(chat.of_type(ConsentRevoked)) == 1


async def test_after_revoking_my_only_appointment_can_be_cancelled(conductor: Decider) -> None:
    chat = await registered(conductor)
    await chat.say("marcar amanhã às 15h")
    await chat.say("sim")
    assert "cancelar" in await chat.say("revogar consentimento")
    reply = await chat.say("quero cancelar minha consulta")
    assert "Posso cancelar sua consulta de *quarta, 25/11 às 15:00*?" in reply
    assert chat.of_type(AppointmentCancelled) == []
    reply = await chat.say("sim")  # the yes to cancelling: no consent
    assert "*quarta, 25/11 às 15:00* cancelada" in reply and "responda *SIM*" in reply
    assert len(chat.of_type(AppointmentCancelled)) == 1
    assert chat.state.stage is Stage.REVOKED and chat.state.upcoming == ()


async def test_after_revoking_one_of_two_appointments_is_cancelled_by_its_number(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    for text in ("marcar amanhã às 15h", "sim", "marcar sexta às 10h", "sim"):
        await chat.say(text)
    await chat.say("revogar consentimento")
    assert "1) quarta, 25/11 às 15:00\n2) sexta, 27/11 às 10:00" in await chat.say("cancelar")
    assert "Posso cancelar sua consulta de *sexta, 27/11 às 10:00*?" in await chat.say("cancelar 2")
    assert chat.of_type(AppointmentCancelled) == []
    assert "*sexta, 27/11 às 10:00* cancelada" in await chat.say("sim")
    [cancelled] = chat.of_type(AppointmentCancelled)
    [booked] = [e for e in chat.of_type(AppointmentBooked) if e.start == cancelled.start]  # type: ignore[attr-defined]
    assert booked.appointment_id == cancelled.appointment_id  # type: ignore[attr-defined]


async def test_after_revoking_nothing_but_cancelling_and_consent_is_done(
    conductor: Decider,
) -> None:
    chat = await registered(conductor)
    await chat.say("revogar consentimento")
    before = len(chat.events)
    for text in ("quero marcar amanhã às 15h", "minhas consultas", "Maria", "atendente"):
        assert "não está ativo" in await chat.say(text)
    assert not [e for e in chat.events[before:] if isinstance(e, ToolInvoked)]
