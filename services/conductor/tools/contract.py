"""What a tool is: an argument Struct the model's JSON is decoded into, a result Struct the
model is answered with, and a handler that turns the one into the other.

The Structs are the contract on both sides: the argument Struct's JSON schema is what a
model is offered, its decoding is the validation of untrusted arguments, and the result
Struct is what the offline brain reads back, typed, instead of a dict of Portuguese keys.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Generic, TypeVar

import msgspec

from events.schema import DomainEvent
from services.conductor.brain import ToolSpec
from services.conductor.knowledge import Knowledge
from services.conductor.no_shows import NoShowPolicy
from services.conductor.privacy import PrivacyNotice
from services.conductor.turn import Turn
from services.domain.calendar import Booking, Calendar
from services.domain.clinic import Clinic
from services.domain.clinic_model import ClinicModel

Arguments = TypeVar("Arguments", bound=msgspec.Struct)
Result = TypeVar("Result", bound=msgspec.Struct)
Result_co = TypeVar("Result_co", bound=msgspec.Struct, covariant=True)


class ToolFailure(msgspec.Struct, frozen=True):
    """A refused call: bad arguments, a broken business rule, a tool the agent lacks."""

    error: str


class ToolRejected(Exception):
    """A tool call that is refused, with the reason the model is told."""


@dataclass(frozen=True, slots=True)
class Resources:
    """What the tools act on: the calendar, the clinic's rules, its texts."""

    calendar: Calendar
    clinic: Clinic
    notice: PrivacyNotice
    knowledge: Knowledge
    handoff_quiet: timedelta
    max_open_appointments: int = 3
    """How many appointments not yet over one person may hold at once."""
    model: ClinicModel | None = None
    """The clinic file's professionals and services; None: a clinic without a file."""
    no_shows: NoShowPolicy = field(default_factory=NoShowPolicy)
    """What a booking asks of a patient who missed appointments before."""


@dataclass(frozen=True, slots=True)
class ToolOutcome(Generic[Result_co]):
    """What a call answered (its result Struct, or a ``ToolFailure``) and the events it
    decided."""

    result: Result_co
    events: list[DomainEvent] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the call did what it was asked."""
        return not isinstance(self.result, ToolFailure)

    def as_json(self) -> str:
        """The result as the model reads it: ``{"ok": ..., <the result's fields>}``."""
        fields: dict[str, Any] = msgspec.to_builtins(self.result)
        return msgspec.json.encode({"ok": self.ok, **fields}).decode()


def failed(reason: str) -> ToolOutcome[ToolFailure]:
    """The outcome of a refused call, with the reason the model is told."""
    return ToolOutcome(ToolFailure(reason))


Handler = Callable[[Arguments, Turn, Resources], Awaitable[ToolOutcome[Result]]]


@dataclass(frozen=True, slots=True)
class Tool(Generic[Arguments, Result]):
    """A tool an agent may call: its name and description for the model, its argument and
    result Structs, and the handler that decides it."""

    name: str
    description: str
    arguments: type[Arguments]
    result: type[Result]
    handler: Handler[Arguments, Result]

    @property
    def spec(self) -> ToolSpec:
        """The tool as a model is offered it; its parameters are the argument Struct's
        JSON schema."""
        return ToolSpec(self.name, self.description, msgspec.json.schema(self.arguments))


async def own_booking(resources: Resources, turn: Turn, appointment_id: str) -> Booking:
    """One of the person's own appointments, by id; refused as not found otherwise, never
    saying whether the id exists for someone else."""
    mine = {b.appointment_id: b for b in await resources.calendar.bookings_of(turn.subject)}
    booking = mine.get(appointment_id)
    if booking is None:
        raise ToolRejected("consulta não encontrada entre as suas")
    return booking
