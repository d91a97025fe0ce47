"""The router's tools: hand over to a specialist or to a person, confirm an appointment a
reminder asked about."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from events.schema import AgentSelected, AppointmentConfirmed, HandoffStarted
from services.conductor.agents import SpecialistName
from services.conductor.tools.contract import Resources, Tool, ToolOutcome, ToolRejected
from services.conductor.tools.registration import NoArguments
from services.conductor.turn import Turn

# Argument Structs carry no docstring: it would become part of the schema a model sees.


class TransferToAgent(msgspec.Struct, forbid_unknown_fields=True):
    agent: SpecialistName
    intent: Annotated[str, msgspec.Meta(max_length=40)] = ""


class ConfirmAppointment(msgspec.Struct, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class Transferred(msgspec.Struct, frozen=True):
    """The specialist the conversation was handed to."""

    agent: str = msgspec.field(name="agente")


class HandedToHuman(msgspec.Struct, frozen=True):
    """Who the conversation was handed to: the clinic's team."""

    to: str = msgspec.field(name="transferido")


class Confirmed(msgspec.Struct, frozen=True):
    """The start (local wall clock) of the appointment confirmed."""

    start: str = msgspec.field(name="confirmada")


async def transfer_to_agent(
    arguments: TransferToAgent, turn: Turn, resources: Resources
) -> ToolOutcome[Transferred]:
    """Hands the conversation to a specialist, which answers the same message afresh."""
    event = AgentSelected(
        agent=arguments.agent,
        intent=arguments.intent or arguments.agent,
        in_reply_to=turn.message.message_id,
    )
    return ToolOutcome(Transferred(arguments.agent), [event])


async def hand_to_human(
    _: NoArguments, turn: Turn, resources: Resources
) -> ToolOutcome[HandedToHuman]:
    """Hands the conversation to a person; the bot stays quiet for the handoff's time."""
    event = HandoffStarted(quiet_s=int(resources.handoff_quiet.total_seconds()))
    return ToolOutcome(HandedToHuman("equipe"), [event])


async def confirm_appointment(
    arguments: ConfirmAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Confirmed]:
    """Records that the person will attend one of their upcoming appointments."""
    mine = {u.appointment_id: u for u in turn.state.upcoming}
    upcoming = mine.get(arguments.appointment_id)
    if upcoming is None:
        raise ToolRejected("consulta não encontrada entre as suas")
    event = AppointmentConfirmed(appointment_id=upcoming.appointment_id, start=upcoming.start)
    return ToolOutcome(Confirmed(resources.clinic.wall_clock(upcoming.start)), [event])


TRANSFER_TO_AGENT = Tool(
    "transfer_to_agent",
    # Its words predate the info agent; they are kept as they are, since a model is
    # offered them (the argument's schema lists every specialist).
    "Passa a conversa a um especialista: scheduling (marcar) ou appointments "
    "(consultar ou cancelar consultas marcadas).",
    TransferToAgent,
    Transferred,
    transfer_to_agent,
)
HAND_TO_HUMAN = Tool(
    "hand_to_human",
    "Passa a conversa a uma pessoa da equipe, quando o paciente pede para falar "
    "com alguém; o assistente fica em silêncio até a pessoa liberar a conversa.",
    NoArguments,
    HandedToHuman,
    hand_to_human,
)
CONFIRM_APPOINTMENT = Tool(
    "confirm_appointment",
    "Registra que a pessoa confirma presença numa consulta dela (id da consulta do lembrete).",
    ConfirmAppointment,
    Confirmed,
    confirm_appointment,
)
TOOLS: tuple[Tool[Any, Any], ...] = (TRANSFER_TO_AGENT, HAND_TO_HUMAN, CONFIRM_APPOINTMENT)
