"""A brain that understands Brazilian Portuguese without any model or account.

It answers the same requests as an LLM and proposes the same tool calls, so the product
runs end to end offline; its understanding comes from ``services.conductor.portuguese``.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import msgspec

from events.schema import PROPOSED_BOOKING, PROPOSED_CANCELLATION, PROPOSED_MOVE
from services.conductor import offline_choice as choosing
from services.conductor.brain import BrainReply, BrainRequest, Facts, ToolCall, last_user_text
from services.conductor.consent_step import CONFIRM_CANCEL
from services.conductor.doubt_answers import time_in_answer
from services.conductor.no_shows import with_deadline
from services.conductor.offline_other_times import other_times
from services.conductor.offline_slots import offered_text, span_arguments, tried_day
from services.conductor.offline_waitlist import waiting_text
from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.intents import Intent, chosen_option, intent_of, name_in
from services.conductor.portuguese.speech import MENU, doubt_question, numbered, spoken
from services.conductor.portuguese.waitlist import asks_for_earlier
from services.conductor.portuguese.when import offered_slot, parse_when
from services.conductor.proposal_change import on_proposed_day
from services.conductor.tools.appointments import (
    CANCEL_APPOINTMENT,
    LIST_APPOINTMENTS,
    PROPOSE_CANCELLATION,
    AppointmentList,
    CancellationProposed,
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
    LIMIT_REACHED,
    PROPOSE_APPOINTMENT,
    RESCHEDULE_APPOINTMENT,
    Availability,
    Booked,
    Proposed,
    Rescheduled,
)
from services.conductor.tools.waitlist import JOIN_WAITLIST
from services.domain.clinic_model import ClinicModel
from services.domain.conversation import Proposal

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
CONFIRM_BOOKING = (
    "Posso confirmar *{when}*? Responda *sim* para marcar, ou diga outro dia e horário."
)
CONFIRM_MOVE = (
    "Posso passar sua consulta de *{before}* para *{when}*? Responda *sim* para remarcar, "
    "ou diga outro dia e horário."
)
NOT_BOOKED = "Tudo bem, não marquei nada. Quer outro dia ou horário? É só dizer."
KEPT = "Certo, sua consulta de *{when}* continua marcada."
AT_LIMIT = (
    "Você já tem {limit} consultas marcadas, o máximo por pessoa. Para marcar outra, "
    "cancele uma delas (escreva *cancelar*) ou ligue para a clínica."
)
DONT_KNOW = (
    "Desculpe, não tenho essa informação por aqui. Para não te passar nada errado, "
    "ligue para a clínica, por favor."
)


Answer = Callable[[str, ToolResults, BrainRequest], BrainReply]


class OfflineBrain:
    """Answers each agent's requests with rules for Brazilian Portuguese."""

    def __init__(self, clinic_model: ClinicModel | None = None) -> None:
        self._ids = itertools.count(1)
        model = choosing.clinic_of(clinic_model)
        # With a clinic file: asks for the service and professional, and names both.
        self._clinic = choosing.ClinicChoice(model) if model is not None else None
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
        if asks_for_earlier(text) and not request.facts.offered:  # not "earlier than these"
            return self._call(TRANSFER_TO_AGENT, agent="scheduling", intent="waitlist")
        if self._clinic is not None and self._clinic.books(text, request.facts.today):
            return self._call(TRANSFER_TO_AGENT, agent="scheduling", intent="schedule")
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
        named = self._clinic is not None and self._clinic.mentioned(text)  # "retorno"
        if active and (follows_up(text, request.facts.today) or named):
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
            what = (
                self._clinic.naming(request.messages, BOOK_APPOINTMENT.name) if self._clinic else ""
            )
            return BrainReply(
                f"Pronto{who}! Sua consulta{what} está marcada para *{booked_at}*. "
                "Se precisar cancelar, é só escrever *cancelar*."
            )
        if (waiting := results.of(JOIN_WAITLIST)) is not None:
            return BrainReply(waiting_text(waiting))
        if asks_for_earlier(text) and not facts.offered:
            return self._call(JOIN_WAITLIST)
        proposed = results.of(PROPOSE_APPOINTMENT)
        if isinstance(proposed, Proposed):
            clinic = self._clinic if facts.rescheduling else None
            kept = clinic.move_keeps(text, proposed) if clinic else ""
            return BrainReply(kept + self._asked(proposed, facts))
        refused = booked or proposed
        if refused is not None and LIMIT_REACHED in refused.error:
            return BrainReply(AT_LIMIT.format(limit=refused.error.rsplit(" ", 1)[-1]))
        available = results.of(CHECK_AVAILABILITY)
        if available is not None:
            prefix = ""
            if refused is not None:
                prefix = f"Esse horário não está disponível ({refused.error}). "
            return BrainReply(prefix + offered_text(succeeded(available, Availability), refused))
        if refused is not None:
            day = tried_day(request)
            return self._with_choice(CHECK_AVAILABILITY, request, **({"date": day} if day else {}))
        when, asked_again = time_in_answer(text, request.messages, facts.today, facts.now)
        if asked_again is not None:
            return BrainReply(asked_again)
        proposal = facts.proposal
        if proposal is not None and proposal.action in (PROPOSED_BOOKING, PROPOSED_MOVE):
            answer = confirmation_answer(text, proposal.start, facts.today)
            if answer is True:
                return self._yes(proposal, text, request)
            # A no naming no time nor another option ("tem outro dia?", "10h não, pode ser 11?").
            moved = when or on_proposed_day(None, proposal.start, text) or other_times(text, facts)
            if answer is False and not moved:
                return BrainReply(NOT_BOOKED)
            # A no naming another day ("não, me enganei, é quinta") is read as that day.
            when = on_proposed_day(when, proposal.start, text)
        menu = self._clinic is not None and self._clinic.answering_menu(request.messages)
        option = None if menu else chosen_option(text, len(facts.offered))
        if option is not None:
            return self._propose(facts.offered[option - 1], request)
        if not menu and (picked := offered_slot(text, facts.offered, facts.today)) is not None:
            return self._propose(picked, request)
        if when is not None and when.doubt is not None and not when.is_past(facts.now):
            return BrainReply(doubt_question(when.doubt))  # a day over: the soonest offered
        if when is not None and (start := when.start() or when.over_today(facts.now)):
            return self._propose(start, request)  # a moment over today: refused as over
        if when is None and (more := other_times(text, facts)) is not None:
            return self._with_choice(CHECK_AVAILABILITY, request, **more)
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
        if when is not None:
            arguments.update(span_arguments(when))
        return self._with_choice(CHECK_AVAILABILITY, request, **arguments)

    @staticmethod
    def _asked(proposed: Proposed, facts: Facts) -> str:
        """The question that asks the person to confirm a proposed time."""
        when = spoken(start := datetime.fromisoformat(proposed.start))
        if proposed.service and proposed.professional and not facts.rescheduling:
            question = choosing.confirm_text(proposed.service, proposed.professional, start)
        elif facts.rescheduling:
            question = CONFIRM_MOVE.format(before=spoken(facts.rescheduling[1]), when=when)
        else:
            question = CONFIRM_BOOKING.format(when=when)
        return with_deadline(question, proposed.confirm_by)

    def _info(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        searched = results.of(SEARCH_CLINIC_INFO)
        if searched is None:
            return self._call(SEARCH_CLINIC_INFO, question=text[:500])
        return _passages(succeeded(searched, InfoFound)) or BrainReply(DONT_KNOW)

    def _propose(self, start: datetime, request: BrainRequest) -> BrainReply:
        at = start.strftime("%Y-%m-%dT%H:%M")
        if (moving := request.facts.rescheduling) is not None:
            return self._call(PROPOSE_APPOINTMENT, appointment_id=moving[0], start=at)
        return self._with_choice(PROPOSE_APPOINTMENT, request, start=at)

    def _with_choice(self, tool: Tool[Any, Any], request: BrainRequest, **args: str) -> BrainReply:
        """Calls ``tool`` with the clinic file's service and professional chosen, or asks."""
        if self._clinic is None or request.facts.rescheduling:
            return self._call(tool, **args)  # a move keeps its own
        if isinstance(chosen := self._clinic.arguments(request), str):
            return BrainReply(chosen)
        return self._call(tool, **args, **chosen)

    def _yes(self, proposal: Proposal, text: str, request: BrainRequest) -> BrainReply:
        """Books what was proposed, unless the yes names another professional: the time is
        then proposed again, a booking with them, a move with its own (the reply says so)."""
        if self._clinic is None or not self._clinic.names_another(text, proposal.professional):
            return self._book(proposal)
        return self._propose(proposal.start, request)

    def _book(self, proposal: Proposal) -> BrainReply:
        """Carries out the proposal the person said yes to."""
        at = proposal.start.strftime("%Y-%m-%dT%H:%M")
        chosen = choosing.proposed_choice(proposal)
        if proposal.appointment_id:
            return self._call(RESCHEDULE_APPOINTMENT, appointment_id=proposal.appointment_id,
                              start=at, **chosen)  # fmt: skip
        return self._call(BOOK_APPOINTMENT, start=at, **chosen)

    def _appointments(self, text: str, results: ToolResults, request: BrainRequest) -> BrainReply:
        cancelled = results.of(CANCEL_APPOINTMENT)
        if cancelled is not None:
            if not isinstance(cancelled, Cancelled):
                return BrainReply(f"Não consegui cancelar: {cancelled.error}.")
            cancelled_at = spoken(datetime.fromisoformat(cancelled.start))
            return BrainReply(
                f"Consulta de *{cancelled_at}* cancelada. Se quiser, posso marcar outro horário."
            )
        proposed = results.of(PROPOSE_CANCELLATION)
        if proposed is not None:
            if not isinstance(proposed, CancellationProposed):
                return BrainReply(f"Não consegui cancelar: {proposed.error}.")
            return BrainReply(
                CONFIRM_CANCEL.format(when=spoken(datetime.fromisoformat(proposed.start)))
            )
        proposal = request.facts.proposal
        if proposal is not None and proposal.action == PROPOSED_CANCELLATION:
            answer = confirmation_answer(text)
            if answer is True:
                return self._call(CANCEL_APPOINTMENT, appointment_id=proposal.appointment_id)
            if answer is False:
                return BrainReply(KEPT.format(when=spoken(proposal.start)))
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
        return self._call(PROPOSE_CANCELLATION, appointment_id=chosen.appointment_id)


def follows_up(text: str, today: date) -> bool:
    """Whether a message that asks for nothing named answers the agent under way: an
    option picked ("2") or a time ("amanhã às 15h")."""
    return chosen_option(text, 10) is not None or parse_when(text, today) is not None


def _passages(found: InfoFound) -> BrainReply | None:
    """The sections found, as the reply; None when none was."""
    if not found.passages:
        return None
    return BrainReply("\n\n".join(f"*{p.title}*\n{p.text}" for p in found.passages))
