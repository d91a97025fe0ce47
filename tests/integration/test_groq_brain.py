"""The Groq brain through the real groq SDK, against a local OpenAI-compatible server."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import AgentSelected, AppointmentBooked, SlotsOffered, ToolInvoked
from services.conductor.deciding import BRAIN_DOWN
from services.domain.conversation import Conversation, Stage
from tests.support.dialogue import Dialogue, model_decider, registered_chat
from tests.support.fake_openai import FakeOpenAI, completion, tool_call

NOW = datetime(2026, 11, 24, 9, 10, tzinfo=ZoneInfo("America/Sao_Paulo"))


async def test_tool_calls_run_and_their_results_go_back_with_their_ids(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("check_availability", '{"date": "2026-11-25"}', "c2")]),
        completion("Tenho horários amanhã a partir das 8h."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        reply = await chat.say("tem horário amanhã?")
    assert reply == "Tenho horários amanhã a partir das 8h."
    first, _, last = fake.requests
    assert first["model"] == "test-model"
    assert first["messages"][0]["role"] == "system"
    assert "Maria" in first["messages"][0]["content"]
    assert {t["function"]["name"] for t in first["tools"]} == {
        "transfer_to_agent",
        "confirm_appointment",
        "hand_to_human",
        "search_clinic_info",
    }
    assert last["messages"][-2]["tool_calls"][0]["id"] == "c2"
    result = last["messages"][-1]
    assert result["role"] == "tool" and result["tool_call_id"] == "c2"
    assert json.loads(result["content"])["horarios"][0] == "2026-11-25T08:00"
    assert fake.headers[0]["Authorization"] == "Bearer test-key"
    assert chat.of_type(AgentSelected) and chat.of_type(SlotsOffered)


async def test_invalid_arguments_from_the_model_come_back_as_an_error_result(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("transfer_to_agent", '{"agent": "scheduling"}', "c1")]),
        completion(calls=[tool_call("book_appointment", '{"start": 12, "x": "; DROP"}', "c2")]),
        completion("Não consegui marcar."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        assert await chat.say("marcar amanhã") == "Não consegui marcar."
    error = json.loads(fake.requests[-1]["messages"][-1]["content"])
    assert error["ok"] is False and "argumentos inválidos" in error["error"]
    assert chat.of_type(AppointmentBooked) == []


async def test_a_tool_the_agent_does_not_have_is_refused(redis: Redis) -> None:
    fake = FakeOpenAI([
        completion(calls=[tool_call("book_appointment", '{"start": "2026-11-25T15:00"}')]),
        completion("Ok."),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = Dialogue(model_decider(redis, url, retries=2), NOW)
        # Asked for a name (before consent no model is asked anything at all).
        chat.state = Conversation(stage=Stage.AWAITING_NAME, chat_id=chat.chat_id)
        await chat.say("marque já")
    [invoked] = chat.of_type(ToolInvoked)
    assert invoked.ok is False  # type: ignore[attr-defined]
    assert chat.of_type(AppointmentBooked) == []


async def test_rate_limits_and_server_errors_are_retried(redis: Redis) -> None:
    fake = FakeOpenAI([429, 503, completion("Olá, Maria!")])
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        assert await chat.say("oi") == "Olá, Maria!"
    assert len(fake.requests) == 3


async def test_a_model_that_stays_down_gets_a_graceful_reply(redis: Redis) -> None:
    fake = FakeOpenAI([503, 503, 503])
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        assert await chat.say("oi") == BRAIN_DOWN
    assert chat.state.stage is Stage.REGISTERED


@pytest.mark.parametrize("rounds", [10])
async def test_tool_rounds_per_message_are_bounded(redis: Redis, rounds: int) -> None:
    loop = [completion(calls=[tool_call("hand_to_human", "{}", f"c{n}")]) for n in range(rounds)]
    fake = FakeOpenAI(loop)
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        await chat.say("oi")
    assert len(fake.requests) == 4


async def test_the_model_sees_the_recent_dialogue(redis: Redis) -> None:
    fake = FakeOpenAI([completion("Tenho 9h ou 10h. Qual prefere?"), completion("Certo.")])
    async with fake.serving() as url:
        chat = registered_chat(model_decider(redis, url, retries=2), NOW)
        await chat.say("tem horário amanhã?")
        await chat.say("a segunda opção")
    roles_and_texts = [(m["role"], m["content"]) for m in fake.requests[1]["messages"][1:]]
    assert roles_and_texts == [
        ("user", "tem horário amanhã?"),
        ("assistant", "Tenho 9h ou 10h. Qual prefere?"),
        ("user", "a segunda opção"),
    ]
