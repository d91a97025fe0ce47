"""The tool results a brain reads back, typed: each decoded into its tool's result Struct
(or a ``ToolFailure``), so that code reading them is checked like any other."""

from __future__ import annotations

from typing import Any

import msgspec

from services.conductor.brain import ChatMessage, tool_result_texts
from services.conductor.tools.contract import Result, Tool, ToolFailure


class _Status(msgspec.Struct):
    ok: bool


class ToolResults:
    """The results of the tools called since the person's last message (the latest call
    of each tool wins)."""

    def __init__(self, messages: tuple[ChatMessage, ...]) -> None:
        self._texts = tool_result_texts(messages)

    def called(self, tool: Tool[Any, Any]) -> bool:
        """Whether the tool was called, whatever it answered."""
        return tool.name in self._texts

    def of(self, tool: Tool[Any, Result]) -> Result | ToolFailure | None:
        """What the tool answered; None if it was not called."""
        text = self._texts.get(tool.name)
        if text is None:
            return None
        if not msgspec.json.decode(text, type=_Status).ok:
            return msgspec.json.decode(text, type=ToolFailure)
        return msgspec.json.decode(text, type=tool.result)


class ToolFailed(Exception):
    """A tool the brain relies on refused its own call: a fault of the brain, which the
    turn answers as it answers a brain that fails."""


def succeeded(outcome: Result | ToolFailure, result: type[Result]) -> Result:
    """The typed result of a call that must have succeeded; ``ToolFailed`` otherwise."""
    if isinstance(outcome, ToolFailure):
        raise ToolFailed(outcome.error)
    assert isinstance(outcome, result)
    return outcome
