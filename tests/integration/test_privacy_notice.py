"""The privacy notice before consent: in full once (and whenever asked for, or when a new
version is in force), a short reminder with the yes/no question for every other message;
the consent recorded names the very notice shown."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from events.schema import ConsentGranted, MessageReceived, PrivacyNoticeShown
from services.conductor.brain import ToolCall
from services.conductor.deciding import Decider
from services.conductor.privacy import PrivacyNotice
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Stage
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue, offline_decider

NOTICE = PrivacyNotice.current("2026-11")
NEW_NOTICE = PrivacyNotice.current("2027-01")


def conductor_for(redis: Redis, notice: PrivacyNotice) -> Decider:
    return offline_decider(redis, notice)


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return conductor_for(redis, NOTICE)


async def test_the_first_message_gets_the_notice_in_full(conductor: Decider) -> None:
    chat = Dialogue(conductor, NOW)
    assert await chat.say("oi") == NOTICE.text


@pytest.mark.parametrize("text", ["quero marcar amanhã às 15h", "hein?", "tenho dor de cabeça"])
async def test_after_the_notice_a_message_before_consent_gets_the_short_reminder(
    conductor: Decider, text: str
) -> None:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    reply = await chat.say(text)
    assert reply == NOTICE.reminder
    assert "versão 2026-11" in reply and "responda *SIM* para aceitar ou *NÃO*" in reply
    assert len(reply) * 2 < len(NOTICE.text)
    assert len(chat.of_type(PrivacyNoticeShown)) == 1


async def test_every_message_before_consent_after_the_first_gets_the_reminder(
    conductor: Decider,
) -> None:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    replies = [await chat.say(text) for text in ("olá?", "alguém aí?", "quero marcar")]
    assert replies == [NOTICE.reminder] * 3


@pytest.mark.parametrize("text", ["aviso", "pode mandar o aviso de novo?", "quero ler os termos"])
async def test_asking_for_the_notice_shows_it_in_full_and_records_it(
    conductor: Decider, text: str
) -> None:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    assert await chat.say(text) == NOTICE.text
    assert len(chat.of_type(PrivacyNoticeShown)) == 2


async def test_consent_after_the_reminder_names_the_notice_shown(conductor: Decider) -> None:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    await chat.say("quero marcar")
    await chat.say("sim")
    [shown] = chat.of_type(PrivacyNoticeShown)
    [granted] = chat.of_type(ConsentGranted)
    assert isinstance(shown, PrivacyNoticeShown) and isinstance(granted, ConsentGranted)
    assert (granted.policy_version, granted.notice_sha256) == ("2026-11", NOTICE.sha256)
    assert granted.notice_sha256 == shown.notice_sha256


async def test_a_yes_to_a_notice_no_longer_in_force_gets_the_new_notice_first(
    redis: Redis,
) -> None:
    chat = Dialogue(conductor_for(redis, NOTICE), NOW)
    await chat.say("oi")
    chat.conductor = conductor_for(redis, NEW_NOTICE)  # a deployment with a new version
    assert await chat.say("sim") == NEW_NOTICE.text
    assert chat.of_type(ConsentGranted) == []
    await chat.say("sim")
    [granted] = chat.of_type(ConsentGranted)
    assert isinstance(granted, ConsentGranted)
    assert (granted.policy_version, granted.notice_sha256) == ("2027-01", NEW_NOTICE.sha256)


async def test_a_yes_after_a_refusal_gets_a_changed_notice_first(redis: Redis) -> None:
    chat = Dialogue(conductor_for(redis, NOTICE), NOW)
    await chat.say("oi")
    await chat.say("não aceito")
    chat.conductor = conductor_for(redis, NEW_NOTICE)
    assert await chat.say("sim") == NEW_NOTICE.text
    assert chat.state.stage is Stage.REFUSED and chat.of_type(ConsentGranted) == []
    assert chat.state.policy_version == "2026-11"  # the version refused
    assert "Qual é o seu nome" in await chat.say("sim")
    [granted] = chat.of_type(ConsentGranted)
    assert isinstance(granted, ConsentGranted) and granted.policy_version == "2027-01"


async def test_the_consent_tool_refuses_a_yes_to_a_notice_not_shown(conductor: Decider) -> None:
    state = Conversation(
        stage=Stage.AWAITING_CONSENT, chat_id="5511900000001@c.us",
        policy_version=NEW_NOTICE.version, notice_sha256=NEW_NOTICE.sha256,
    )  # fmt: skip
    message = MessageReceived(
        message_id="m1", chat_id=state.chat_id, sender=state.chat_id, text="sim",
        sent_at=NOW,
    )  # fmt: skip
    turn = Turn("subject-1", "e1", message, state, NOW)
    outcome = await conductor.toolbox.run(
        ToolCall("c1", "record_consent", "{}"), ("record_consent",), turn
    )
    assert not outcome.ok and outcome.events == []
