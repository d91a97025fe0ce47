"""The registration agent's tools: consent (given, refused, revoked) and the name.

Consent is decided in code, not by the model: these tools accept only a message of the
person's that is itself an unambiguous yes (or no, or request to revoke), read by the same
classifier as the consent step's, and the evidence is that message.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec

from events.schema import ConsentGranted, ConsentRefused, ConsentRevoked, NameRegistered
from services.conductor.portuguese.consent import Revocation, consent_answer, revocation_in
from services.conductor.portuguese.intents import name_in
from services.conductor.tools.contract import Resources, Tool, ToolOutcome, ToolRejected
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Stage

CONFIRM_REVOCATION = (
    "Você quer revogar seu consentimento? Depois disso não trataremos mais seus dados por "
    "aqui. Responda *SIM* para revogar ou *NÃO* para continuar."
)
"""The question a message that may ask to revoke ("parar") is answered with."""


def revocation_asked(state: Conversation, text: str) -> bool:
    """Whether the bot's last line, just before ``text``, asked to confirm a revocation."""
    earlier = state.dialogue
    if earlier and earlier[-1] == ("user", text):
        earlier = earlier[:-1]  # the state already holds the message being answered
    return bool(earlier) and earlier[-1] == ("assistant", CONFIRM_REVOCATION)


def revocation_wanted(state: Conversation, text: str) -> bool:
    """Whether the person's message revokes: a clear request, or a yes to the question."""
    if revocation_in(text) is Revocation.CLEAR:
        return True
    return revocation_asked(state, text) and consent_answer(text) is True


# Argument Structs carry no docstring: a docstring would become the "description" of the
# schema the model is offered, and the class name is already its "title".


class NoArguments(msgspec.Struct, forbid_unknown_fields=True):
    pass


class RegisterName(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=2, max_length=60)]


class Recorded(msgspec.Struct, frozen=True):
    """What was recorded: "consentimento", "recusa" or "revogação"."""

    what: str = msgspec.field(name="registrado")


class NameRecorded(msgspec.Struct, frozen=True):
    """The name as recorded, cleaned of what surrounded it in the message."""

    name: str = msgspec.field(name="nome")


async def record_consent(_: NoArguments, turn: Turn, resources: Resources) -> ToolOutcome[Recorded]:
    """Records the person's consent, if their message is an explicit yes to a pending
    request."""
    if turn.state.stage not in (Stage.AWAITING_CONSENT, Stage.REFUSED, Stage.REVOKED):
        raise ToolRejected("não há pedido de consentimento pendente")
    # Decided in code, not by the model: only the person's explicit yes is consent.
    if consent_answer(turn.message.text) is not True:
        raise ToolRejected("a mensagem não é um aceite inequívoco; peça SIM ou NÃO")
    # The evidence names the notice in force; it must be the very text the person saw.
    if turn.state.notice_sha256 != resources.notice.sha256:
        raise ToolRejected("o aviso de privacidade em vigor não foi mostrado a esta pessoa")
    event = ConsentGranted(
        policy_version=resources.notice.version,
        notice_sha256=resources.notice.sha256,
        purposes=resources.notice.purposes,
        legal_basis=resources.notice.legal_basis,
        # The evidence is the person's own message, never the model's words.
        evidence_message_id=turn.message.message_id,
        evidence_text=turn.message.text,
    )
    return ToolOutcome(Recorded("consentimento"), [event])


async def refuse_consent(_: NoArguments, turn: Turn, resources: Resources) -> ToolOutcome[Recorded]:
    """Records a refusal, if the person's message is an explicit no to a pending request."""
    if turn.state.stage != Stage.AWAITING_CONSENT:
        raise ToolRejected("não há pedido de consentimento pendente")
    if consent_answer(turn.message.text) is not False:
        raise ToolRejected("a mensagem não é uma recusa inequívoca; peça SIM ou NÃO")
    event = ConsentRefused(
        policy_version=resources.notice.version,
        evidence_message_id=turn.message.message_id,
        evidence_text=turn.message.text,
    )
    return ToolOutcome(Recorded("recusa"), [event])


async def revoke_consent(_: NoArguments, turn: Turn, resources: Resources) -> ToolOutcome[Recorded]:
    """Records the revocation of a consent given before, if the person's message clearly
    asks for it or confirms it."""
    if not turn.state.consented:
        raise ToolRejected("não há consentimento a revogar")
    # A stray word ("Onde posso parar o carro?") never revokes, whatever a model read in it.
    if not revocation_wanted(turn.state, turn.message.text):
        raise ToolRejected(
            "a mensagem não pede claramente a revogação; diga que, para revogar, basta "
            "escrever *revogar consentimento*"
        )
    event = ConsentRevoked(
        policy_version=turn.state.policy_version or resources.notice.version,
        evidence_message_id=turn.message.message_id,
        evidence_text=turn.message.text,
    )
    return ToolOutcome(Recorded("revogação"), [event])


async def register_name(
    arguments: RegisterName, turn: Turn, resources: Resources
) -> ToolOutcome[NameRecorded]:
    """Records the person's name, once they have consented and if it looks like a name."""
    if not turn.state.consented:
        raise ToolRejected("o nome só é registrado depois do consentimento")
    name = name_in(arguments.name)
    if name is None:
        raise ToolRejected("isso não parece um nome; peça o nome de novo")
    event = NameRegistered(name=name, evidence_message_id=turn.message.message_id)
    return ToolOutcome(NameRecorded(name), [event])


RECORD_CONSENT = Tool(
    "record_consent",
    "Registra o consentimento explícito da pessoa ao aviso de privacidade, "
    "quando a última mensagem dela aceita claramente.",
    NoArguments,
    Recorded,
    record_consent,
)
REFUSE_CONSENT = Tool(
    "refuse_consent",
    "Registra que a pessoa recusou o aviso de privacidade.",
    NoArguments,
    Recorded,
    refuse_consent,
)
REVOKE_CONSENT = Tool(
    "revoke_consent",
    "Registra a revogação do consentimento, quando a última mensagem da pessoa a pede "
    "claramente; o atendimento para.",
    NoArguments,
    Recorded,
    revoke_consent,
)
REGISTER_NAME = Tool(
    "register_name",
    "Registra o nome que a pessoa informou.",
    RegisterName,
    NameRecorded,
    register_name,
)
TOOLS: tuple[Tool[Any, Any], ...] = (RECORD_CONSENT, REFUSE_CONSENT, REVOKE_CONSENT, REGISTER_NAME)
