"""The tool contracts: the registry is the one source of agent and tool names, a tool's
argument Struct is what a model is offered, and its result Struct is what the model is
answered with and what the offline brain reads back, typed."""

from __future__ import annotations

import json
from datetime import datetime
from typing import get_args, get_type_hints
from zoneinfo import ZoneInfo

import msgspec
import pytest
from redis.asyncio import Redis

from services.conductor.agents import AGENT_NAMES, AGENTS, ROUTER, SPECIALISTS
from services.conductor.brain import BrainRequest, ChatMessage, Facts, ToolCall
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import TOOLS, Toolbox, ToolFailure, ToolOutcome
from services.conductor.tools.results import ToolResults
from services.conductor.tools.routing import TransferToAgent
from services.conductor.tools.scheduling import BOOK_APPOINTMENT, Booked, Rescheduled
from services.domain.clinic import Clinic
from tests.support.dialogue import model_decider, registered_chat
from tests.support.fake_openai import FakeOpenAI, completion

NOW = datetime(2026, 11, 24, 9, 10, tzinfo=ZoneInfo("America/Sao_Paulo"))


def after_call(tool: str, arguments: str, result: str) -> tuple[ChatMessage, ...]:
    """A dialogue in which the person spoke and one tool was called and answered."""
    call = ToolCall("c1", tool, arguments)
    return (
        ChatMessage("user", "quero marcar amanhã às 15h"),
        ChatMessage("assistant", None, tool_calls=(call,)),
        ChatMessage("tool", result, tool_call_id="c1"),
    )


def scheduling_request(messages: tuple[ChatMessage, ...]) -> BrainRequest:
    facts = Facts(now=NOW, today=NOW.date(), name="Maria", active_agent=None, offered=())
    agent = SPECIALISTS["scheduling"]
    return BrainRequest(agent.name, agent.instructions, messages, (), facts)


def test_every_tool_an_agent_names_is_in_the_registry() -> None:
    for agent in AGENTS:
        assert set(agent.tools) <= set(TOOLS), agent.name


def test_every_tool_is_named_as_the_registry_knows_it() -> None:
    assert all(name == tool.name for name, tool in TOOLS.items())


def test_the_handoff_literal_is_the_registrys_specialists() -> None:
    agent_type = get_type_hints(TransferToAgent)["agent"]
    assert get_args(agent_type) == tuple(SPECIALISTS)


def test_a_handoff_to_every_specialist_of_the_registry_is_valid() -> None:
    for name in SPECIALISTS:
        assert msgspec.json.decode(f'{{"agent": "{name}"}}', type=TransferToAgent).agent == name


def test_a_handoff_to_an_agent_outside_the_registry_is_invalid() -> None:
    with pytest.raises(msgspec.ValidationError, match="Invalid enum value 'billing'"):
        msgspec.json.decode('{"agent": "billing"}', type=TransferToAgent)


def test_the_routers_instructions_hand_over_to_every_specialist() -> None:
    for agent in SPECIALISTS.values():
        assert agent.handover and agent.handover in ROUTER.instructions


def test_the_offline_brain_answers_for_every_agent_of_the_registry() -> None:
    assert set(OfflineBrain().answers) == set(AGENT_NAMES)


def test_a_tools_parameters_are_its_argument_structs_schema() -> None:
    toolbox = Toolbox(None, Clinic(), PrivacyNotice.current("2026-11"))  # type: ignore[arg-type]
    for spec in toolbox.specs(tuple(TOOLS)):
        assert spec.parameters == msgspec.json.schema(TOOLS[spec.name].arguments)


def test_an_argument_schema_says_nothing_but_its_fields() -> None:
    # A docstring on an argument Struct would reach the model as the schema's description.
    for tool in TOOLS.values():
        schema = msgspec.json.schema(tool.arguments)
        assert "description" not in schema["$defs"][tool.arguments.__name__], tool.name


async def test_the_groq_wire_offers_each_tool_with_its_argument_structs_schema(
    redis: Redis,
) -> None:
    fake = FakeOpenAI([completion("Olá, Maria!")])
    async with fake.serving() as url:
        await registered_chat(model_decider(redis, url, retries=2), NOW).say("oi")
    offered = [tool["function"] for tool in fake.requests[0]["tools"]]
    assert [function["name"] for function in offered] == list(ROUTER.tools)
    for function in offered:
        tool = TOOLS[function["name"]]
        assert function["description"] == tool.description
        assert function["parameters"] == msgspec.json.schema(tool.arguments)


def test_a_result_struct_goes_to_the_model_under_its_portuguese_keys() -> None:
    outcome = ToolOutcome(Rescheduled("2026-11-26T10:00", "ab12", "2026-11-25T15:00"))
    assert outcome.as_json() == (
        '{"ok":true,"marcada":"2026-11-26T10:00","id":"ab12","antes":"2026-11-25T15:00"}'
    )


def test_a_failure_goes_to_the_model_as_not_ok_with_its_error() -> None:
    outcome = ToolOutcome(ToolFailure("horário ocupado"))
    assert not outcome.ok
    assert json.loads(outcome.as_json()) == {"ok": False, "error": "horário ocupado"}


def test_a_tool_result_reads_back_as_its_result_struct() -> None:
    wire = ToolOutcome(Booked("2026-11-25T15:00", "ab12")).as_json()
    results = ToolResults(after_call("book_appointment", '{"start":"2026-11-25T15:00"}', wire))
    assert results.of(BOOK_APPOINTMENT) == Booked("2026-11-25T15:00", "ab12")


def test_a_refused_call_reads_back_as_a_tool_failure() -> None:
    wire = ToolOutcome(ToolFailure("horário ocupado")).as_json()
    results = ToolResults(after_call("book_appointment", "{}", wire))
    assert results.of(BOOK_APPOINTMENT) == ToolFailure("horário ocupado")


def test_results_from_before_the_persons_last_message_are_not_read() -> None:
    wire = ToolOutcome(Booked("2026-11-25T15:00", "ab12")).as_json()
    messages = (*after_call("book_appointment", "{}", wire), ChatMessage("user", "obrigado"))
    results = ToolResults(messages)
    assert results.of(BOOK_APPOINTMENT) is None and not results.called(BOOK_APPOINTMENT)


async def test_the_offline_brain_tells_the_booking_its_typed_result_holds() -> None:
    wire = ToolOutcome(Booked("2026-11-25T15:00", "ab12")).as_json()
    messages = after_call("book_appointment", '{"start":"2026-11-25T15:00"}', wire)
    reply = await OfflineBrain().complete(scheduling_request(messages))
    assert reply.text is not None and "quarta, 25/11 às 15:00" in reply.text
