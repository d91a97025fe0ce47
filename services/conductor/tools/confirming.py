"""The rule every tool that books, moves or cancels keeps: it acts only on the person's yes
to the very proposal the bot made in its last reply (principle 11). Read in code from the
person's own message, like consent: whatever a model says, a question, a correction or a
stray word never books."""

from __future__ import annotations

from datetime import datetime

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.tools.contract import ToolRejected
from services.conductor.turn import Turn

UNCONFIRMED = (
    "não confirmado: proponha antes com {tool} (dia da semana, data e hora) e aguarde o "
    "sim do paciente"
)


def require_yes(
    turn: Turn, action: str, *, start: datetime, appointment_id: str = "",
    professional: str = "", service: str = "",
) -> None:  # fmt: skip
    """Refuses unless the message answers a pending proposal of exactly this action (and
    professional and service) with a plain yes."""
    proposal = turn.state.answering
    tool = "propose_cancellation" if action == "cancel" else "propose_appointment"
    if (
        proposal is None
        or proposal.action != action
        or proposal.start != start
        or proposal.appointment_id != appointment_id
        or (proposal.professional, proposal.service) != (professional, service)
    ):
        raise ToolRejected(UNCONFIRMED.format(tool=tool))
    if confirmation_answer(turn.message.text) is not True:
        raise ToolRejected(
            "a última mensagem do paciente não é um sim à proposta; pergunte de novo"
        )
