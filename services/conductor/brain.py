"""What an agent's brain sees and answers: chat messages and tool calls, OpenAI-shaped, so
that an LLM with tool calling and the offline brain are interchangeable."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal, Protocol

import msgspec

from services.domain.conversation import Proposal


class ToolCall(msgspec.Struct, frozen=True):
    id: str
    name: str
    arguments: str  # JSON, as the model wrote it: untrusted


class ChatMessage(msgspec.Struct, frozen=True, omit_defaults=True):
    role: Literal["system", "user", "assistant", "tool"]
    content: str | None = None
    tool_calls: tuple[ToolCall, ...] = ()
    tool_call_id: str | None = None


@dataclass(frozen=True, slots=True)
class ToolSpec:
    name: str
    description: str
    parameters: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Facts:
    """What the conductor knows that an agent may need, beyond the messages."""

    now: datetime
    today: date
    name: str | None
    active_agent: str | None
    offered: tuple[datetime, ...]
    reminded: tuple[str, datetime] | None = None
    """The appointment (id, start) the last reminder was about, awaiting an answer."""
    rescheduling: tuple[str, datetime] | None = None
    """The appointment (id, start) being moved to a new time."""
    proposal: Proposal | None = None
    """What the bot's last reply asked the person to confirm (its start local), which this
    message answers or not."""


@dataclass(frozen=True, slots=True)
class BrainRequest:
    agent: str
    instructions: str
    messages: tuple[ChatMessage, ...]
    tools: tuple[ToolSpec, ...]
    facts: Facts


@dataclass(frozen=True, slots=True)
class BrainReply:
    text: str | None = None
    tool_calls: tuple[ToolCall, ...] = field(default=())


class BrainUnavailable(Exception):
    """The model could not be reached or kept failing; the user gets a graceful reply."""


class Brain(Protocol):
    async def complete(self, request: BrainRequest) -> BrainReply: ...


def last_user_text(messages: tuple[ChatMessage, ...]) -> str:
    """The text of the person's latest message."""
    for message in reversed(messages):
        if message.role == "user":
            return message.content or ""
    return ""


def tool_result_texts(messages: tuple[ChatMessage, ...]) -> dict[str, str]:
    """The JSON results of the tools called since the last user message, by tool name
    (latest wins)."""
    names: dict[str, str] = {}
    results: dict[str, str] = {}
    for message in messages:
        if message.role == "user":
            names.clear()
            results.clear()
        for call in message.tool_calls:
            names[call.id] = call.name
        if message.role == "tool" and message.tool_call_id in names:
            results[names[message.tool_call_id]] = message.content or "null"
    return results
