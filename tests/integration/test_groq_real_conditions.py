"""The Groq brain under the conditions Groq really serves: malformed tool calls, answers
cut at the length limit, rate limits with ``retry-after``, slow answers, and servers that
are not Groq. Through the real groq SDK against a local server speaking its wire format."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from services.conductor.brain import BrainRequest, ChatMessage, Facts
from services.conductor.deciding import BRAIN_DOWN, TOO_MANY_STEPS
from services.conductor.groq_brain import MALFORMED_CALL, GroqBrain
from tests.support.dialogue import Dialogue, model_decider, registered_chat
from tests.support.fake_openai import (
    OPENAI_ROOT,
    FakeOpenAI,
    Slow,
    completion,
    rate_limited,
    tool_call,
    tool_use_failed,
)

NOW = datetime(2026, 11, 24, 9, 10, tzinfo=ZoneInfo("America/Sao_Paulo"))
MALFORMED = '<function=check_availability{"date": "2026-11-25"}</function>'


def registered(redis: Redis, base_url: str, *, budget_s: float = 25.0) -> Dialogue:
    return registered_chat(model_decider(redis, base_url, retries=2, turn_budget_s=budget_s), NOW)


async def test_a_malformed_tool_call_is_asked_again_with_the_error_given_back(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([tool_use_failed(MALFORMED), completion("Tenho horários amanhã.")])
    async with fake.serving() as url:
        chat = registered(redis, url)
        assert await chat.say("tem horário amanhã?") == "Tenho horários amanhã."
    first, again = fake.requests
    assert again["messages"][: len(first["messages"])] == first["messages"]
    assert again["messages"][-2] == {"role": "assistant", "content": MALFORMED}
    assert again["messages"][-1] == {"role": "system", "content": MALFORMED_CALL}


async def test_a_second_malformed_tool_call_is_answered_as_not_understood(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([tool_use_failed(MALFORMED), tool_use_failed(MALFORMED)])
    async with fake.serving() as url:
        chat = registered(redis, url)
        assert await chat.say("tem horário amanhã?") == TOO_MANY_STEPS
    assert len(fake.requests) == 2


async def test_an_answer_cut_at_the_length_limit_is_never_sent(redis: Redis) -> None:
    fake = FakeOpenAI([completion("Sua consulta ficou marcada para", finish_reason="length")])
    async with fake.serving() as url:
        chat = registered(redis, url)
        assert await chat.say("oi") == TOO_MANY_STEPS


async def test_a_rate_limit_is_retried_after_the_time_groq_asks(redis: Redis) -> None:
    fake = FakeOpenAI([rate_limited(1), completion("Olá, Maria!")])
    async with fake.serving() as url:
        chat = registered(redis, url)
        started = time.monotonic()
        assert await chat.say("oi") == "Olá, Maria!"
    assert time.monotonic() - started >= 1.0
    assert len(fake.requests) == 2


async def test_the_whole_turns_model_time_is_bounded(redis: Redis) -> None:
    # Each answer comes within the SDK's timeout; together they pass the turn's budget.
    fake = FakeOpenAI([
        Slow(0.6, completion(calls=[tool_call("transfer_to_agent", '{"agent": "info"}')])),
        Slow(10, completion("tarde demais")),
    ])  # fmt: skip
    async with fake.serving() as url:
        chat = registered(redis, url, budget_s=1.0)
        started = time.monotonic()
        assert await chat.say("onde fica a clínica?") == BRAIN_DOWN
    assert time.monotonic() - started < 3.0


async def test_a_request_without_tools_names_no_tools_nor_tool_choice() -> None:
    fake = FakeOpenAI([completion("Olá!")])
    request = BrainRequest(
        agent="router", instructions="Responda.", messages=(ChatMessage("user", "oi"),),
        tools=(), facts=Facts(now=NOW, today=NOW.date(), name=None, active_agent=None,
                              offered=()),
    )  # fmt: skip
    async with fake.serving() as url:
        brain = GroqBrain("test-key", "test-model", base_url=url)
        assert (await brain.complete(request)).text == "Olá!"
        await brain.close()
    [sent] = fake.requests
    assert "tools" not in sent and "tool_choice" not in sent


@pytest.mark.parametrize("suffix", ["/v1", "/v1/"])
async def test_a_base_url_ending_in_v1_reaches_an_openai_compatible_server(
    redis: Redis, suffix: str
) -> None:
    fake = FakeOpenAI([completion("Olá, Maria!")])
    async with fake.serving(root=OPENAI_ROOT) as url:
        chat = registered(redis, url + suffix)
        assert await chat.say("oi") == "Olá, Maria!"
    assert fake.paths == ["/v1/chat/completions"]
