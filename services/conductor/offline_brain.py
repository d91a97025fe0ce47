"""A brain that understands Brazilian Portuguese without any model or account.

It answers the same requests as an LLM and proposes the same tool calls, so the product
runs end to end offline; its understanding comes from ``services.conductor.portuguese``.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

import msgspec

from services.conductor.brain import (
    BrainReply,
    BrainRequest,
    Facts,
    ToolCall,
    last_user_text,
    tool_results,
)
from services.conductor.portuguese.intents import (
    Intent,
    chosen_option,
    consent_answer,
    intent_of,
    name_in,
)
from services.conductor.portuguese.speech import numbered, spoken
from services.conductor.portuguese.when import parse_when

MENU = (
    "Posso ajudar a *marcar* uma consulta, *ver* suas consultas ou *cancelar* uma delas. "
    "O que você deseja?"
)
ASK_CONSENT = (
    "Para continuar, preciso que você responda *SIM* para aceitar ou *NÃO* para recusar "
    "o aviso de privacidade acima."
)
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


class OfflineBrain:
    def __init__(self) -> None:
        self._ids = itertools.count(1)

    async def complete(self, request: BrainRequest) -> BrainReply:
        text = last_user_text(request.messages)
        results = tool_results(request.messages)
        offered = {tool.name for tool in request.tools}
        if request.agent == "registration":
            return self._registration(text, results, offered, request)
        if request.agent == "router":
            return self._router(text, results, request)
        if request.agent == "scheduling":
            return self._scheduling(text, results, request)
        if request.agent == "info":
            return self._info(text, results)
        return self._appointments(text, results, request)

    def _call(self, tool: str, **arguments: Any) -> BrainReply:
        call = ToolCall(f"call_{next(self._ids)}", tool, msgspec.json.encode(arguments).decode())
        return BrainReply(tool_calls=(call,))

    def _registration(
        self, text: str, results: dict[str, Any], offered: set[str], request: BrainRequest
    ) -> BrainReply:
        if "record_consent" in results:
            name = request.facts.name
            if name:
                return BrainReply(f"Que bom ter você de volta, {name}! {MENU}")
            return BrainReply("Obrigado! Consentimento registrado. Qual é o seu nome?")
        if "refuse_consent" in results:
            return BrainReply(REFUSED)
        if "revoke_consent" in results:
            return BrainReply(REVOKED)
        if (registered := results.get("register_name")) is not None:
            if registered["ok"]:
                return BrainReply(f"Prazer, {registered['nome']}! {MENU}")
            return BrainReply("Não entendi seu nome. Pode escrever só o seu nome?")
        answer = consent_answer(text)
        if "refuse_consent" in offered:
            if answer is None:
                return BrainReply(ASK_CONSENT)
            return self._call("record_consent" if answer else "refuse_consent")
        if "register_name" in offered:
            if intent_of(text) is Intent.REVOKE:
                return self._call("revoke_consent")
            name = name_in(text)
            if name is None:
                return BrainReply("Para começar, como você se chama? Escreva só o seu nome.")
            return self._call("register_name", name=name)
        return self._call("record_consent") if answer else BrainReply(INACTIVE)

    def _router(self, text: str, results: dict[str, Any], request: BrainRequest) -> BrainReply:
        if "revoke_consent" in results:
            return BrainReply(REVOKED)
        if "hand_to_human" in results:
            return BrainReply(HUMAN)
        if (confirmed := results.get("confirm_appointment")) is not None:
            if not confirmed["ok"]:
                return BrainReply(f"Não consegui confirmar: {confirmed['error']}.")
            when = spoken(datetime.fromisoformat(confirmed["confirmada"]))
            return BrainReply(f"Obrigado! Sua consulta de *{when}* está confirmada. Até lá!")
        intent = intent_of(text)
        active = request.facts.active_agent
        match intent:
            case Intent.REVOKE:
                return self._call("revoke_consent")
            case Intent.SCHEDULE:
                return self._call("transfer_to_agent", agent="scheduling", intent="schedule")
            case Intent.RESCHEDULE:
                return self._call("transfer_to_agent", agent="scheduling", intent="reschedule")
            case Intent.CONSULT | Intent.CANCEL:
                return self._call("transfer_to_agent", agent="appointments", intent=intent)
            case Intent.CONFIRM if request.facts.reminded:
                return self._call("confirm_appointment", appointment_id=request.facts.reminded[0])
            case Intent.CONFIRM:
                return BrainReply(f"Não há consulta aguardando confirmação. {MENU}")
            case Intent.HUMAN:
                return self._call("hand_to_human")
            case Intent.INFO:
                return self._call("transfer_to_agent", agent="info", intent="info")
            case Intent.LGPD:
                return BrainReply(LGPD)
            case Intent.HELP:
                greeting = f"Olá, {request.facts.name}! " if request.facts.name else "Olá! "
                return BrainReply(greeting + MENU)
        follow_up = chosen_option(text, 10) or parse_when(text, request.facts.today)
        if follow_up and active:
            return self._call("transfer_to_agent", agent=active, intent="follow_up")
        if parse_when(text, request.facts.today):
            return self._call("transfer_to_agent", agent="scheduling", intent="schedule")
        return BrainReply(NOT_UNDERSTOOD)

    def _scheduling(self, text: str, results: dict[str, Any], request: BrainRequest) -> BrainReply:
        facts = request.facts
        booked = results.get("book_appointment") or results.get("reschedule_appointment")
        if booked is not None and booked["ok"] and "antes" in booked:
            before = spoken(datetime.fromisoformat(booked["antes"]))
            after = spoken(datetime.fromisoformat(booked["marcada"]))
            return BrainReply(f"Pronto! Sua consulta de *{before}* foi remarcada para *{after}*.")
        if booked is not None and booked["ok"]:
            booked_at = spoken(datetime.fromisoformat(booked["marcada"]))
            who = f", {facts.name}" if facts.name else ""
            return BrainReply(
                f"Pronto{who}! Sua consulta está marcada para *{booked_at}*. "
                "Se precisar cancelar, é só escrever *cancelar*."
            )
        available = results.get("check_availability")
        if available is not None:
            prefix = f"Esse horário não está disponível ({booked['error']}). " if booked else ""
            slots = [spoken(datetime.fromisoformat(s)) for s in available["horarios"]]
            if not slots:
                return BrainReply(f"{prefix}Não encontrei horários livres. Quer tentar outro dia?")
            return BrainReply(
                f"{prefix}Tenho estes horários:\n{numbered(slots)}\n"
                "Responda com o número, ou diga outro dia e horário."
            )
        if booked is not None:
            day = booked_day(request)
            return self._call("check_availability", **({"date": day} if day else {}))
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
        return self._call("check_availability", **arguments)

    def _info(self, text: str, results: dict[str, Any]) -> BrainReply:
        searched = results.get("search_clinic_info")
        if searched is None:
            return self._call("search_clinic_info", question=text[:500])
        if not searched["trechos"]:
            return BrainReply(DONT_KNOW)
        return BrainReply(
            "\n\n".join(f"*{s['titulo']}*\n{s['texto']}" for s in searched["trechos"])
        )

    def _book(self, start: datetime, facts: Facts) -> BrainReply:
        at = start.strftime("%Y-%m-%dT%H:%M")
        if facts.rescheduling:
            return self._call(
                "reschedule_appointment", appointment_id=facts.rescheduling[0], start=at
            )
        return self._call("book_appointment", start=at)

    def _appointments(
        self, text: str, results: dict[str, Any], request: BrainRequest
    ) -> BrainReply:
        cancelled = results.get("cancel_appointment")
        if cancelled is not None:
            if not cancelled["ok"]:
                return BrainReply(f"Não consegui cancelar: {cancelled['error']}.")
            cancelled_at = spoken(datetime.fromisoformat(cancelled["cancelada"]))
            return BrainReply(
                f"Consulta de *{cancelled_at}* cancelada. Se quiser, posso marcar outro horário."
            )
        listed = results.get("list_appointments")
        if listed is None:
            return self._call("list_appointments")
        appointments = listed["consultas"]
        if not appointments:
            return BrainReply("Você não tem consultas marcadas. Quer marcar uma?")
        shown = numbered([spoken(datetime.fromisoformat(a["inicio"])) for a in appointments])
        option = chosen_option(text, len(appointments))
        wants_cancel = intent_of(text) is Intent.CANCEL or option is not None
        if not wants_cancel:
            return BrainReply(f"Suas consultas:\n{shown}\nPara cancelar, escreva *cancelar*.")
        if option is None and len(appointments) == 1:
            option = 1
        reminded = request.facts.reminded
        ids = [a["id"] for a in appointments]
        if option is None and reminded is not None and reminded[0] in ids:
            option = ids.index(reminded[0]) + 1  # answering the reminder: that appointment
        if option is None:
            return BrainReply(f"Qual delas você quer cancelar?\n{shown}\nResponda com o número.")
        return self._call("cancel_appointment", appointment_id=appointments[option - 1]["id"])


def booked_day(request: BrainRequest) -> str | None:
    """The day of the booking the model just tried, to look for other times that day."""
    for message in reversed(request.messages):
        for call in message.tool_calls:
            if call.name in ("book_appointment", "reschedule_appointment"):
                start = msgspec.json.decode(call.arguments).get("start", "")
                return str(start)[:10] or None
    return None
