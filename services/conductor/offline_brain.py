"""A brain that understands Brazilian Portuguese without any model or account.

It answers the same requests as an LLM and proposes the same tool calls, so the product
runs end to end offline; its understanding comes from ``services.conductor.portuguese``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from typing import Any

import msgspec

from services.conductor.brain import BrainReply, BrainRequest, Facts, ToolCall, last_user_text
from services.conductor.portuguese.intents import Intent, chosen_option, intent_of, name_in
from services.conductor.portuguese.speech import MENU, numbered, spoken
from services.conductor.portuguese.when import parse_when
from services.conductor.tools.appointments import (
    CANCEL_APPOINTMENT,
    LIST_APPOINTMENTS,
    AppointmentList,
    Cancelled,
)
from services.conductor.tools.contract import Tool, ToolFailure
from services.conductor.tools.info import SEARCH_CLINIC_INFO, InfoFound
from services.conductor.tools.registration import REGISTER_NAME, NameRecorded
from services.conductor.tools.results import ToolResults, succeeded
from services.conductor.tools.routing import (
    CONFIRM_APPOINTMENT,
    HAND_TO_HUMAN,
    TRANSFER_TO_AGENT,
    Confirmed,
)
from services.conductor.tools.scheduling import (
    BOOK_APPOINTMENT,
    CHECK_AVAILABILITY,
    RESCHEDULE_APPOINTMENT,
    Availability,
    Booked,
    Rescheduled,
)

HUMAN = (
    "Certo! Vou pedir para alguém da nossa equipe falar com você por aqui assim que "
    "possível. Se for urgente, ligue para a clínica."
)
LGPD = (
    "Você tem direito de acessar, corrigir, levar e excluir seus dados (LGPD art. 18). "
    "Registramos seu pedido e nossa equipe de privacidade vai responder em até 15 dias. "
    "Para parar de ser atendido por aqui agora, escreva *revogar consentimento*."
)
NOT_UNDERSTOOD = f"Desculpe, não entendi. {MENU}"
WHICH_TO_MOVE = (
    "Não sei qual consulta remarcar. Escreva *minhas consultas* para vê-las, *cancelar* "
    "a que não puder ir, e depois me diga o novo dia e horário."
)
DONT_KNOW = (
    "Desculpe, não tenho essa informação por aqui. Para não te passar nada errado, "
    "ligue para a clínica, por favor."
)


Answer = Callable[[str, ToolResults, BrainRequest], BrainReply]


class OfflineBrain:
    """Answers each agent's requests with rules for Brazilian Portuguese."""

    def __init__(self) -> None:
        self._ids = itertools.count(1)
        self.answers: dict[str, Answer] = {
            "registration": self._registration,
            "router": self._router,
            "scheduling": self._scheduling,
            "appointments": self._appointments,
            "info": self._info,
        }
        """How it answers, by agent name: one entry for every agent of the registry."""

    async def complete(self, request: BrainRequest) -> BrainReply:
        """The reply, or the tool calls, of the request's agent to its last message."""
        answer = self.answers[request.agent]
        return answer(last_user_text(request.messages), ToolResults(request.messages), request)

    def _call(self, tool: Tool[Any, Any], **arguments: Any) -> BrainReply:
        arguments_json = msgspec.json.encode(arguments).decode()
        call = ToolCall(f"call_{next(self._ids)}", tool.name, arguments_json)
        return BrainReply(tool_calls=(call,))

    def _registration(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        # Consent itself is never asked of a brain: the consent step decides it in code.
        if (registered := results.of(REGISTER_NAME)) is not None:
            if isinstance(registered, NameRecorded):
                return BrainReply(f"Prazer, {registered.name}! {MENU}")
            return BrainReply("Não entendi seu nome. Pode escrever só o seu nome?")
        name = name_in(text)
        if name is None:
            return BrainReply("Para começar, como você se chama? Escreva só o seu nome.")
        return self._call(REGISTER_NAME, name=name)

    def _router(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        if results.called(HAND_TO_HUMAN):
            return BrainReply(HUMAN)
        if (searched := results.of(SEARCH_CLINIC_INFO)) is not None:
            # Asked for nothing the router knows: the clinic's text answered, or nothing did.
            return _passages(succeeded(searched, InfoFound)) or BrainReply(NOT_UNDERSTOOD)
        if (confirmed := results.of(CONFIRM_APPOINTMENT)) is not None:
            if not isinstance(confirmed, Confirmed):
                return BrainReply(f"Não consegui confirmar: {confirmed.error}.")
            when = spoken(datetime.fromisoformat(confirmed.start))
            return BrainReply(f"Obrigado! Sua consulta de *{when}* está confirmada. Até lá!")
        intent = intent_of(text)
        active = request.facts.active_agent
        match intent:
            case Intent.SCHEDULE:
                return self._call(TRANSFER_TO_AGENT, agent="scheduling", intent="schedule")
            case Intent.RESCHEDULE:
                return self._call(TRANSFER_TO_AGENT, agent="scheduling", intent="reschedule")
            case Intent.CONSULT | Intent.CANCEL:
                return self._call(TRANSFER_TO_AGENT, agent="appointments", intent=intent)
            case Intent.CONFIRM if request.facts.reminded:
                return self._call(CONFIRM_APPOINTMENT, appointment_id=request.facts.reminded[0])
            case Intent.CONFIRM:
                return BrainReply(f"Não há consulta aguardando confirmação. {MENU}")
            case Intent.HUMAN:
                return self._call(HAND_TO_HUMAN)
            case Intent.INFO:
                return self._call(TRANSFER_TO_AGENT, agent="info", intent="info")
            case Intent.LGPD:
                return BrainReply(LGPD)
            case Intent.HELP:
                greeting = f"Olá, {request.facts.name}! " if request.facts.name else "Olá! "
                return BrainReply(greeting + MENU)
        follow_up = chosen_option(text, 10) or parse_when(text, request.facts.today)
        if follow_up and active:
            return self._call(TRANSFER_TO_AGENT, agent=active, intent="follow_up")
        if parse_when(text, request.facts.today):
            return self._call(TRANSFER_TO_AGENT, agent="scheduling", intent="schedule")
        # "unimed?", "estacionamneto": a question about the clinic that no phrase names.
        return self._call(SEARCH_CLINIC_INFO, question=text[:500])

    def _scheduling(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        facts = request.facts
        booked: Booked | ToolFailure | None = results.of(BOOK_APPOINTMENT)
        if booked is None:
            booked = results.of(RESCHEDULE_APPOINTMENT)
        if isinstance(booked, Rescheduled):
            before = spoken(datetime.fromisoformat(booked.before))
            after = spoken(datetime.fromisoformat(booked.start))
            return BrainReply(f"Pronto! Sua consulta de *{before}* foi remarcada para *{after}*.")
        if isinstance(booked, Booked):
            booked_at = spoken(datetime.fromisoformat(booked.start))
            who = f", {facts.name}" if facts.name else ""
            return BrainReply(
                f"Pronto{who}! Sua consulta está marcada para *{booked_at}*. "
                "Se precisar cancelar, é só escrever *cancelar*."
            )
        available = results.of(CHECK_AVAILABILITY)
        if available is not None:
            prefix = ""
            if booked is not None:
                prefix = f"Esse horário não está disponível ({booked.error}). "
            free = succeeded(available, Availability).slots
            slots = [spoken(datetime.fromisoformat(s)) for s in free]
            if not slots:
                return BrainReply(f"{prefix}Não encontrei horários livres. Quer tentar outro dia?")
            return BrainReply(
                f"{prefix}Tenho estes horários:\n{numbered(slots)}\n"
                "Responda com o número, ou diga outro dia e horário."
            )
        if booked is not None:
            day = booked_day(request)
            return self._call(CHECK_AVAILABILITY, **({"date": day} if day else {}))
        option = chosen_option(text, len(facts.offered))
        if option is not None:
            return self._book(facts.offered[option - 1], facts)
        when = parse_when(text, facts.today)
        if when is not None and (start := when.start()) is not None:
            return self._book(start, facts)
        if facts.rescheduling and when is None:
            moving = spoken(facts.rescheduling[1])
            return BrainReply(f"Claro! Para quando quer passar a consulta de *{moving}*?")
        if not facts.rescheduling and intent_of(text) is Intent.RESCHEDULE:
            return BrainReply(WHICH_TO_MOVE)
        arguments: dict[str, str] = {}
        if when is not None and when.day is not None:
            arguments["date"] = when.day.isoformat()
        if when is not None and when.period is not None:
            arguments["period"] = when.period
        return self._call(CHECK_AVAILABILITY, **arguments)

    def _info(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        searched = results.of(SEARCH_CLINIC_INFO)
        if searched is None:
            return self._call(SEARCH_CLINIC_INFO, question=text[:500])
        return _passages(succeeded(searched, InfoFound)) or BrainReply(DONT_KNOW)

    def _book(self, start: datetime, facts: Facts) -> BrainReply:
        at = start.strftime("%Y-%m-%dT%H:%M")
        if facts.rescheduling:
            return self._call(
                RESCHEDULE_APPOINTMENT, appointment_id=facts.rescheduling[0], start=at
            )
        return self._call(BOOK_APPOINTMENT, start=at)

    def _appointments(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        cancelled = results.of(CANCEL_APPOINTMENT)
        if cancelled is not None:
            if not isinstance(cancelled, Cancelled):
                return BrainReply(f"Não consegui cancelar: {cancelled.error}.")
            cancelled_at = spoken(datetime.fromisoformat(cancelled.start))
            return BrainReply(
                f"Consulta de *{cancelled_at}* cancelada. Se quiser, posso marcar outro horário."
            )
        listed = results.of(LIST_APPOINTMENTS)
        if listed is None:
            return self._call(LIST_APPOINTMENTS)
        appointments = succeeded(listed, AppointmentList).appointments
        if not appointments:
            return BrainReply("Você não tem consultas marcadas. Quer marcar uma?")
        shown = numbered([spoken(datetime.fromisoformat(a.start)) for a in appointments])
        option = chosen_option(text, len(appointments))
        wants_cancel = intent_of(text) is Intent.CANCEL or option is not None
        if not wants_cancel:
            return BrainReply(f"Suas consultas:\n{shown}\nPara cancelar, escreva *cancelar*.")
        if option is None and len(appointments) == 1:
            option = 1
        reminded = request.facts.reminded
        ids = [a.appointment_id for a in appointments]
        if option is None and reminded is not None and reminded[0] in ids:
            option = ids.index(reminded[0]) + 1  # answering the reminder: that appointment
        if option is None:
            return BrainReply(f"Qual delas você quer cancelar?\n{shown}\nResponda com o número.")
        chosen = appointments[option - 1]
        return self._call(CANCEL_APPOINTMENT, appointment_id=chosen.appointment_id)


def booked_day(request: BrainRequest) -> str | None:
    """The day of the booking the model just tried, to look for other times that day."""
    for message in reversed(request.messages):
        for call in message.tool_calls:
            if call.name in (BOOK_APPOINTMENT.name, RESCHEDULE_APPOINTMENT.name):
                start = msgspec.json.decode(call.arguments).get("start", "")
                return str(start)[:10] or None
    return None


def _passages(found: InfoFound) -> BrainReply | None:
    """The sections found, as the reply; None when none was."""
    if not found.passages:
        return None
    return BrainReply("\n\n".join(f"*{p.title}*\n{p.text}" for p in found.passages))
