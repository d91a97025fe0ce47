"""The registry of every tool, and the one way a model's call reaches a tool: only a tool
its agent has, only with arguments that decode into the tool's argument Struct, and a bad
call gets an error result back, never an exception in the worker."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import msgspec

from events.codec import DECODE_ERRORS
from events.error_text import describe
from services.conductor.brain import ToolCall, ToolSpec
from services.conductor.knowledge import Knowledge
from services.conductor.no_shows import NoShowPolicy
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import (
    appointments,
    info,
    registration,
    routing,
    scheduling,
    waitlist,
)
from services.conductor.tools.clinic_scheduling import CALENDAR_DOWN
from services.conductor.tools.contract import Resources, Tool, ToolOutcome, ToolRejected, failed
from services.conductor.turn import Turn
from services.domain.calendar import Calendar, CalendarUnavailable
from services.domain.clinic import Clinic
from services.domain.clinic_model import THE_SERVICE, ClinicModel

DEFAULT_HANDOFF_QUIET = timedelta(hours=12)
DEFAULT_MAX_OPEN_APPOINTMENTS = 3
TOOLS: dict[str, Tool[Any, Any]] = {
    tool.name: tool
    for group in (registration, routing, scheduling, appointments, info, waitlist)
    for tool in group.TOOLS
}
"""Every tool, by name: each agent's module lists its own."""

log = logging.getLogger(__name__)


class Toolbox:
    """The tools, with what they act on."""

    def __init__(
        self,
        calendar: Calendar,
        clinic: Clinic,
        notice: PrivacyNotice,
        *,
        handoff_quiet: timedelta = DEFAULT_HANDOFF_QUIET,
        knowledge: Knowledge | None = None,
        max_open_appointments: int = DEFAULT_MAX_OPEN_APPOINTMENTS,
        clinic_model: ClinicModel | None = None,
        no_shows: NoShowPolicy | None = None,
    ) -> None:
        self.knowledge = knowledge or Knowledge()
        self.calendar = calendar
        self.clinic = clinic
        self.notice = notice
        self.handoff_quiet = handoff_quiet
        # A clinic without a file (its one service has the empty id) keeps the tools'
        # earlier path, exactly as it was.
        if clinic_model is not None and THE_SERVICE in clinic_model.services:
            clinic_model = None
        self.model = clinic_model
        self._resources = Resources(
            calendar, clinic, notice, self.knowledge, handoff_quiet, max_open_appointments,
            clinic_model, no_shows or NoShowPolicy(),
        )  # fmt: skip

    @property
    def names(self) -> frozenset[str]:
        """The name of every tool there is."""
        return frozenset(TOOLS)

    def specs(self, names: tuple[str, ...]) -> tuple[ToolSpec, ...]:
        """The named tools as a model is offered them, in the order given."""
        return tuple(TOOLS[name].spec for name in names)

    async def run(
        self, call: ToolCall, allowed: tuple[str, ...], turn: Turn
    ) -> ToolOutcome[msgspec.Struct]:
        """Run a call the model proposed, if it may and its arguments are valid."""
        tool = TOOLS.get(call.name)
        if tool is None:
            return failed("ferramenta desconhecida")  # its made-up name is not repeated
        if call.name not in allowed:
            return failed(f"ferramenta indisponível: {call.name}")
        try:
            arguments = msgspec.json.decode(call.arguments or "{}", type=tool.arguments)
        except DECODE_ERRORS as exc:
            return failed(f"argumentos inválidos: {str(exc)[:200]}")
        try:
            outcome: ToolOutcome[msgspec.Struct] = await tool.handler(
                arguments, turn, self._resources
            )
        except ToolRejected as exc:
            return failed(str(exc))
        except CalendarUnavailable as exc:
            # Listing, cancelling or moving when the calendar cannot answer: the patient is
            # told to try again, as when slots cannot be looked up.
            log.error("the calendar could not answer a tool: %s", describe(exc))
            return failed(CALENDAR_DOWN)
        return outcome
