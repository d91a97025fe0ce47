"""The agents' tools, a module per agent: for each tool an argument Struct (what a model
may send, validated like any untrusted input), a result Struct (what it is answered) and
a handler. ``toolbox`` holds the registry and runs the calls."""

from services.conductor.tools.contract import ToolFailure, ToolOutcome
from services.conductor.tools.toolbox import (
    DEFAULT_HANDOFF_QUIET,
    DEFAULT_MAX_OPEN_APPOINTMENTS,
    TOOLS,
    Toolbox,
)

__all__ = [
    "DEFAULT_HANDOFF_QUIET",
    "DEFAULT_MAX_OPEN_APPOINTMENTS",
    "TOOLS",
    "ToolFailure",
    "ToolOutcome",
    "Toolbox",
]
