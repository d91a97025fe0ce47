"""Registering the name, as a person meets it: what does not look like a name is asked
again and recorded nowhere; a name is recorded as Portuguese writes it."""

from __future__ import annotations

import pytest
from redis.asyncio import Redis

from events.schema import MessageReceived, NameRegistered
from services.conductor.brain import ToolCall
from services.conductor.deciding import Decider
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Stage
from tests.integration.test_dialogues import NOW
from tests.support.dialogue import Dialogue, offline_decider


@pytest.fixture
def conductor(redis: Redis) -> Decider:
    return offline_decider(redis)


async def consented(conductor: Decider) -> Dialogue:
    chat = Dialogue(conductor, NOW)
    await chat.say("oi")
    await chat.say("sim")
    return chat


async def test_keyboard_mash_is_asked_again_and_not_registered(conductor: Decider) -> None:
    chat = await consented(conductor)
    reply = await chat.say("Qwerty Asdf")
    assert "Qwerty" not in reply and "nome" in reply
    assert chat.of_type(NameRegistered) == []
    assert chat.state.stage is Stage.AWAITING_NAME


async def test_after_a_mash_the_real_name_is_registered(conductor: Decider) -> None:
    chat = await consented(conductor)
    await chat.say("asdfgh")
    assert "Prazer, Maria das Dores!" in await chat.say("MARIA DAS DORES")
    [registered] = chat.of_type(NameRegistered)
    assert isinstance(registered, NameRegistered) and registered.name == "Maria das Dores"


async def test_the_name_tool_refuses_a_mash_a_model_proposes(conductor: Decider) -> None:
    state = Conversation(stage=Stage.AWAITING_NAME, chat_id="5511900000001@c.us")
    message = MessageReceived(
        message_id="m1", chat_id=state.chat_id, sender=state.chat_id, text="Qwerty Asdf",
        sent_at=NOW,
    )  # fmt: skip
    turn = Turn("subject-1", "e1", message, state, NOW)
    call = ToolCall("c1", "register_name", '{"name": "Qwerty Asdf"}')
    outcome = await conductor.toolbox.run(call, ("register_name",), turn)
    assert not outcome.ok and outcome.events == []
