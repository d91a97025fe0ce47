"""The appointments agent's tools: list the person's appointments, propose cancelling one,
cancel it on the person's yes.

Only the person's own appointments: an id of someone else's is answered exactly like an id
that does not exist.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from events.schema import PROPOSED_CANCELLATION, ActionProposed, AppointmentCancelled
from services.conductor.tools.clinic_scheduling import changeable
from services.conductor.tools.confirming import require_yes
from services.conductor.tools.contract import (
    Resources,
    Tool,
    ToolOutcome,
    ToolRejected,
    own_booking,
)
from services.conductor.tools.registration import NoArguments
from services.conductor.turn import Turn

# Argument Structs carry no docstring: it would become part of the schema a model sees.


class CancelAppointment(msgspec.Struct, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class ListedAppointment(msgspec.Struct, frozen=True):
    """One upcoming appointment: its id and start (local wall clock)."""

    appointment_id: str = msgspec.field(name="id")
    start: str = msgspec.field(name="inicio")


class AppointmentList(msgspec.Struct, frozen=True):
    """The person's appointments not yet over, in the calendar's order."""

    appointments: list[ListedAppointment] = msgspec.field(name="consultas")


class CancellationProposed(msgspec.Struct, frozen=True):
    """The start (local wall clock) of the appointment the person is to be asked about."""

    start: str = msgspec.field(name="cancelar")
    ask: str = msgspec.field(name="pergunte", default="Posso cancelar? (só o sim cancela)")


class Cancelled(msgspec.Struct, frozen=True):
    """The start (local wall clock) of the appointment cancelled."""

    start: str = msgspec.field(name="cancelada")


async def list_appointments(
    _: NoArguments, turn: Turn, resources: Resources
) -> ToolOutcome[AppointmentList]:
    """The person's appointments that have not ended yet."""
    bookings = await resources.calendar.bookings_of(turn.subject)
    listed = [
        ListedAppointment(b.appointment_id, resources.clinic.wall_clock(b.start))
        for b in bookings
        if b.end > turn.now
    ]
    return ToolOutcome(AppointmentList(listed))


async def propose_cancellation(
    arguments: CancelAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[CancellationProposed]:
    """Proposes cancelling one of the person's appointments; nothing is cancelled until
    their yes."""
    booking = await own_booking(resources, turn, arguments.appointment_id)
    if resources.model is not None:
        changeable(resources.model, booking, turn.now)  # the clinic's cut-off
    event = ActionProposed(
        action=PROPOSED_CANCELLATION, start=booking.start, appointment_id=booking.appointment_id
    )
    return ToolOutcome(CancellationProposed(resources.clinic.wall_clock(booking.start)), [event])


async def cancel_appointment(
    arguments: CancelAppointment, turn: Turn, resources: Resources
) -> ToolOutcome[Cancelled]:
    """Cancels one of the person's appointments, on their yes to the proposal of it."""
    try:
        booking = await own_booking(resources, turn, arguments.appointment_id)
    except ToolRejected:
        # Cancelled by this very turn before its commit was lost: recorded and answered
        # again (the yes still has to be to its proposal), not "not found".
        done = await resources.calendar.cancelled(arguments.appointment_id)
        if done is None or done.subject != turn.subject:
            raise
        booking = done
    require_yes(
        turn, PROPOSED_CANCELLATION, start=booking.start, appointment_id=booking.appointment_id
    )
    if resources.model is not None:
        changeable(resources.model, booking, turn.now)
    cancelled = await resources.calendar.cancel(booking.appointment_id) or booking
    event = AppointmentCancelled(
        appointment_id=cancelled.appointment_id,
        calendar_entry_id=cancelled.calendar_entry_id,
        start=cancelled.start,
        professional=cancelled.professional,
        service=cancelled.service,
    )
    return ToolOutcome(Cancelled(resources.clinic.wall_clock(cancelled.start)), [event])


LIST_APPOINTMENTS = Tool(
    "list_appointments",
    "Lista as consultas marcadas desta pessoa.",
    NoArguments,
    AppointmentList,
    list_appointments,
)
PROPOSE_CANCELLATION = Tool(
    "propose_cancellation",
    "Propõe cancelar uma consulta desta pessoa (id dado por list_appointments); nada é "
    "cancelado: pergunte ao paciente se pode cancelar, dizendo dia da semana, data e hora.",
    CancelAppointment,
    CancellationProposed,
    propose_cancellation,
)
CANCEL_APPOINTMENT = Tool(
    "cancel_appointment",
    "Cancela a consulta proposta com propose_cancellation, só quando a última mensagem do "
    "paciente confirma a proposta.",
    CancelAppointment,
    Cancelled,
    cancel_appointment,
)
TOOLS: tuple[Tool[Any, Any], ...] = (LIST_APPOINTMENTS, PROPOSE_CANCELLATION, CANCEL_APPOINTMENT)
