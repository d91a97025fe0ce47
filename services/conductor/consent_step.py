"""The consent step, decided in code: the answer to the privacy notice, a refusal, a
revocation, and what a person without consent may still do (consent again, cancel an
appointment booked before).

No model takes part (LGPD by construction): before consent and after a refusal or a
revocation the person's messages go to no brain, so health data written then ("tenho HIV")
reaches no one; a revocation is read in code too, so a stray "parar" never revokes and a
clear "revogar consentimento" always does.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import msgspec

from events.schema import PROPOSED_CANCELLATION
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.consent import Revocation, consent_answer, revocation_in
from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.speech import MENU, numbered, spoken
from services.conductor.portuguese.text import fold, has_any
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools.appointments import (
    CANCEL_APPOINTMENT,
    LIST_APPOINTMENTS,
    PROPOSE_CANCELLATION,
    AppointmentList,
    CancellationProposed,
    Cancelled,
)
from services.conductor.tools.contract import Tool, ToolOutcome
from services.conductor.tools.registration import (
    CONFIRM_REVOCATION,
    RECORD_CONSENT,
    REFUSE_CONSENT,
    REVOKE_CONSENT,
    revocation_asked,
    revocation_wanted,
)
from services.conductor.turn import Turn
from services.domain.conversation import Conversation, Stage

GRANTED = "Obrigado! Consentimento registrado. Qual é o seu nome?"
WELCOME_BACK = "Que bom ter você de volta, {name}! " + MENU
REFUSED = (
    "Tudo bem, respeitamos sua decisão. Sem o seu consentimento não podemos atender por "
    "aqui. Se mudar de ideia, é só responder *SIM*."
)
REVOKED = (
    "Pronto: seu consentimento foi revogado e não trataremos mais seus dados por aqui. "
    "Se quiser voltar, responda *SIM*."
)
INACTIVE = (
    "Seu consentimento não está ativo, então não posso continuar. Se quiser voltar a ser "
    "atendido por aqui, responda *SIM*."
)
CAN_CANCEL = " Para cancelar uma consulta já marcada, escreva *cancelar*."
KEPT = "Certo, seu consentimento continua ativo. "
CANCELLED = (
    "Consulta de *{when}* cancelada. Seu consentimento continua revogado; se quiser voltar "
    "a ser atendido por aqui, responda *SIM*."
)
CONFIRM_CANCEL = (
    "Posso cancelar sua consulta de *{when}*? Responda *sim* para cancelar ou *não* para mantê-la."
)
KEPT_APPOINTMENT = "Certo, sua consulta continua marcada. "
NOTHING_TO_CANCEL = "Você não tem consultas marcadas. " + INACTIVE
WHICH_TO_CANCEL = (
    "Qual consulta você quer cancelar?\n{listed}\nResponda *cancelar* e o número, por "
    "exemplo *cancelar 1*."
)

Invoke = Callable[[Tool[Any, Any], dict[str, Any]], Awaitable[ToolOutcome[msgspec.Struct]]]
"""Runs a tool for the step, recording the call and its events in the turn's decision."""

# Asking for the notice itself: "aviso", "quero ler os termos", "política de privacidade".
_NOTICE_WORDS = ("aviso", "termo", "termos", "privacidade", "politica")

# "cancelar 2", "cancelar a 2", "desmarcar a consulta 1": which of the listed ones.
_CANCEL_CHOICE = re.compile(
    r"^(?:quero )?(?:cancelar|cancela|cancelo|desmarcar|desmarca|desmarque)"
    r"(?: a| o)?(?: consulta)?(?: n| numero| opcao)? (\d{1,2})$"
)


def notice_due(state: Conversation, notice: PrivacyNotice, text: str) -> bool:
    """Whether the message gets the privacy notice in full rather than an answer: the
    first message; one asking for it; and, before consent, when the notice now in force is
    not the one shown, so that consent is always to the very text the person was shown.
    Otherwise a message before consent gets the short reminder."""
    if state.stage is Stage.NEW:
        return True
    shown = state.notice_sha256 == notice.sha256  # the text names its version
    asked = consent_answer(text) is None and has_any(fold(text), _NOTICE_WORDS)
    match state.stage:
        case Stage.AWAITING_CONSENT:
            return asked or not shown
        case Stage.REFUSED | Stage.REVOKED:
            # A yes after a refusal is to the notice in force: shown first if it changed;
            # a yes to the question asked (cancelling a booking) answers that question.
            consenting = consent_answer(text) is True and state.answering is None
            return asked or (not shown and consenting)
    return False


class ConsentStep:
    """Answers in code every message that must not reach a model."""

    def __init__(self, notice: PrivacyNotice) -> None:
        self.notice = notice

    async def answer(self, turn: Turn, invoke: Invoke) -> str | None:
        """The reply to the message, with the tools it ran through ``invoke``; None when
        the message is for the agents (consent is active and it does not revoke)."""
        state = turn.state
        match state.stage:
            case Stage.AWAITING_CONSENT:
                return await self._awaiting(turn, invoke)
            case Stage.REFUSED | Stage.REVOKED:
                return await self._without_consent(turn, invoke)
        if state.consented:
            return await self._revocation(turn, invoke)
        return None

    async def _awaiting(self, turn: Turn, invoke: Invoke) -> str:
        answer = consent_answer(turn.message.text)
        if answer is True and (await invoke(RECORD_CONSENT, {})).ok:
            return _granted(turn.state)
        if answer is False and (await invoke(REFUSE_CONSENT, {})).ok:
            return REFUSED
        # A question, a condition, anything else: the question again, short.
        return self.notice.reminder

    async def _without_consent(self, turn: Turn, invoke: Invoke) -> str:
        text = turn.message.text
        proposal = turn.state.answering
        if proposal is not None and proposal.action == PROPOSED_CANCELLATION:
            # The yes answers the question just asked, to cancel: it is no consent.
            answer = confirmation_answer(text)
            if answer is True:
                return await self._cancel_confirmed(proposal.appointment_id, invoke)
            if answer is False:
                return KEPT_APPOINTMENT + INACTIVE
        if consent_answer(text) is True and (await invoke(RECORD_CONSENT, {})).ok:
            return _granted(turn.state)
        if intent_of(text) is Intent.CANCEL:
            return await self._cancel(turn, invoke)
        return INACTIVE + (CAN_CANCEL if turn.state.upcoming else "")

    async def _revocation(self, turn: Turn, invoke: Invoke) -> str | None:
        state, text = turn.state, turn.message.text
        if revocation_wanted(state, text):
            if (await invoke(REVOKE_CONSENT, {})).ok:
                return REVOKED + (CAN_CANCEL if state.upcoming else "")
        elif revocation_asked(state, text) and consent_answer(text) is False:
            return KEPT + (MENU if state.name else "Qual é o seu nome?")
        elif revocation_in(text) is Revocation.UNCONFIRMED:
            return CONFIRM_REVOCATION
        return None

    async def _cancel(self, turn: Turn, invoke: Invoke) -> str:
        """Asks to confirm the cancellation of one of the person's own appointments: the
        only one, or the one named by its number in the list this step shows."""
        listed = (await invoke(LIST_APPOINTMENTS, {})).result
        appointments = listed.appointments if isinstance(listed, AppointmentList) else []
        if not appointments:
            return NOTHING_TO_CANCEL
        chosen = 1 if len(appointments) == 1 else _choice(turn.message.text, len(appointments))
        if chosen is None:
            starts = [spoken(datetime.fromisoformat(a.start)) for a in appointments]
            return WHICH_TO_CANCEL.format(listed=numbered(starts))
        appointment_id = appointments[chosen - 1].appointment_id
        proposed = (await invoke(PROPOSE_CANCELLATION, {"appointment_id": appointment_id})).result
        if not isinstance(proposed, CancellationProposed):
            return INACTIVE + CAN_CANCEL
        return CONFIRM_CANCEL.format(when=spoken(datetime.fromisoformat(proposed.start)))

    async def _cancel_confirmed(self, appointment_id: str, invoke: Invoke) -> str:
        """Cancels the appointment the person just said yes to cancelling."""
        cancelled = (await invoke(CANCEL_APPOINTMENT, {"appointment_id": appointment_id})).result
        if not isinstance(cancelled, Cancelled):
            return INACTIVE + CAN_CANCEL
        return CANCELLED.format(when=spoken(datetime.fromisoformat(cancelled.start)))


def _granted(before: Conversation) -> str:
    """The reply to a consent just recorded: the name is asked once, never again."""
    return WELCOME_BACK.format(name=before.name) if before.name else GRANTED


def _choice(text: str, count: int) -> int | None:
    match = _CANCEL_CHOICE.match(fold(text))
    if match is None:
        return None
    number = int(match[1])
    return number if 1 <= number <= count else None
