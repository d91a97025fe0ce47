"""The waiting list's tool: a patient with an appointment asks for an earlier time ("tem
algo antes?", "me avisa se abrir vaga"); when one frees, it is offered to them."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from events.waitlist_schema import WaitlistJoined
from services.conductor.tools.contract import Resources, Tool, ToolOutcome, ToolRejected
from services.conductor.turn import Turn

NOTHING_BOOKED = (
    "sem consulta marcada: a lista de espera é para antecipar uma consulta; marque um "
    "horário primeiro"
)

# Argument Structs carry no docstring: it would become part of the schema a model sees.


class JoinWaitlist(msgspec.Struct, forbid_unknown_fields=True):
    appointment_id: (
        Annotated[
            str,
            msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$", description="a consulta a antecipar"),
        ]
        | None
    ) = None


class Waiting(msgspec.Struct, frozen=True):
    """The appointment (local wall clock) an earlier time will be offered for."""

    before: str = msgspec.field(name="antes_de")


async def join_waitlist(
    arguments: JoinWaitlist, turn: Turn, resources: Resources
) -> ToolOutcome[Waiting]:
    """Puts the person on the waiting list for a time earlier than one of their
    appointments (the soonest, unless named), with its professional and service."""
    bookings = [b for b in await resources.calendar.bookings_of(turn.subject) if b.start > turn.now]
    if arguments.appointment_id is not None:
        bookings = [b for b in bookings if b.appointment_id == arguments.appointment_id]
        if not bookings:
            raise ToolRejected("consulta não encontrada entre as suas")
    if not bookings:
        raise ToolRejected(NOTHING_BOOKED)
    booking = min(bookings, key=lambda b: b.start)
    event = WaitlistJoined(
        appointment_id=booking.appointment_id, before=booking.start,
        professional=booking.professional, service=booking.service,
    )  # fmt: skip
    return ToolOutcome(Waiting(resources.clinic.wall_clock(booking.start)), [event])


JOIN_WAITLIST = Tool(
    "join_waitlist",
    "Põe o paciente na lista de espera por um horário antes da consulta dele (a mais "
    "próxima, ou o id dado), com o mesmo profissional e serviço: se um horário assim "
    "vagar, ele é oferecido ao paciente.",
    JoinWaitlist,
    Waiting,
    join_waitlist,
)
TOOLS: tuple[Tool[Any, Any], ...] = (JOIN_WAITLIST,)
