"""The offline brain's side of a clinic with several services and professionals: which
service and professional the patient asked for in this booking, what to ask when they
have not said, and how a proposal and a booking name both.

What the patient said is read back from the dialogue since the last booking made, so a
choice made two messages ago ("retorno", then "com a Dra. Ana") still holds; a clinic
without a file is never asked anything.
"""

from __future__ import annotations

from datetime import date, datetime

import msgspec

from services.conductor.brain import BrainRequest, ChatMessage
from services.conductor.portuguese.intents import chosen_option
from services.conductor.portuguese.services import anyone_in, professional_in, service_in
from services.conductor.portuguese.speech import numbered, spoken
from services.conductor.portuguese.text import fold, has_any
from services.conductor.portuguese.when import parse_when
from services.conductor.tools.scheduling import Proposed
from services.domain.clinic_model import THE_SERVICE, ClinicModel
from services.domain.conversation import Proposal

WHICH_SERVICE = "Qual atendimento você quer?"
WITH_WHOM = "Com quem você prefere {service}?"
ANYONE = "Quem estiver livre"
ANSWER = "Responda com o número ou o nome."
MOVE_KEEPS = (
    "Na remarcação a consulta continua com *{kept}*; para {asked}, cancele esta e marque uma nova. "
)
# Words that ask to book what a message names, rather than ask about it.
_BOOKING_WORDS = (
    "marcar", "agendar", "quero fazer", "queria fazer", "preciso fazer", "quero um",
    "quero uma", "queria um", "queria uma", "preciso de um", "preciso de uma",
)  # fmt: skip
# A booking or move carried out: what was said before it chose for that one, not the next.
_DONE = ("está marcada para", "foi remarcada para")


def clinic_of(model: ClinicModel | None) -> ClinicModel | None:
    """The clinic file's model; None for a clinic without a file (its one service has the
    empty id), which the brain serves exactly as before."""
    if model is None or THE_SERVICE in model.services:
        return None
    return model


def lowered(name: str) -> str:
    """A service's name inside a sentence: "Retorno" -> "retorno"."""
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


class ClinicChoice:
    """What the patient chose, asked for in this order: the service, then (if more than
    one gives it) the professional or "quem estiver livre"."""

    def __init__(self, model: ClinicModel) -> None:
        self.model = model

    def mentioned(self, text: str) -> bool:
        """Whether a message names a service, a professional, or leaves it to the clinic."""
        model = self.model
        return bool(service_in(text, model) or professional_in(text, model) or anyone_in(text))

    def books(self, text: str, today: date) -> bool:
        """Whether a message asks to book a service it names ("quero fazer um
        eletrocardiograma amanhã às 14h"), not about it ("quanto custa o eletrocardiograma?")."""
        if service_in(text, self.model) is None:
            return False
        return parse_when(text, today) is not None or has_any(fold(text), _BOOKING_WORDS)

    def arguments(self, request: BrainRequest) -> dict[str, str] | str:
        """The tool arguments for the service and professional chosen, or the question to
        ask the patient for what is missing."""
        model = self.model
        service, professional, anyone = self._said(request.messages)
        if service is None and professional is not None:
            given = [s.id for s in model.services.values() if professional in s.professionals]
            service = given[0] if len(given) == 1 else None
        if service is None and len(model.services) == 1:
            service = next(iter(model.services))
        if service is None:
            names = [s.name for s in model.services.values()]
            return f"{WHICH_SERVICE}\n{numbered(names)}\n{ANSWER}"
        arguments = {"service": service}
        givers = model.givers_of(service)
        if professional is not None and any(p.id == professional for p in givers):
            arguments["professional"] = professional
        elif len(givers) > 1 and not anyone:
            names = [p.name for p in givers] + [ANYONE]
            name = lowered(model.services[service].name)
            return f"{WITH_WHOM.format(service=name)}\n{numbered(names)}\n{ANSWER}"
        return arguments

    def _said(self, messages: tuple[ChatMessage, ...]) -> tuple[str | None, str | None, bool]:
        """The latest service and professional named (or "anyone") since the last booking,
        numbers answering the bot's own lists included."""
        model = self.model
        service: str | None = None
        professional: str | None = None
        anyone = False
        for n in range(len(messages) - 1, -1, -1):
            message = messages[n]
            text = message.content or ""
            if message.role == "assistant" and any(done in text for done in _DONE):
                break
            if message.role != "user":
                continue
            asked = _asked_before(messages, n)
            picked = chosen_option(text, 10)
            if service is None:
                service = service_in(text, model)
                if picked is not None and asked.startswith(WHICH_SERVICE):
                    ids = list(model.services)
                    service = ids[picked - 1] if picked <= len(ids) else None
            if professional is None and not anyone:
                professional = professional_in(text, model)
                anyone = anyone_in(text)
                if picked is not None and asked.startswith("Com quem"):
                    professional, anyone = self._whom(asked, picked)
        return service, professional, anyone

    def _whom(self, asked: str, picked: int) -> tuple[str | None, bool]:
        """The professional (or "anyone") picked by number from the list in ``asked``."""
        lines = [line.split(") ", 1)[-1] for line in asked.splitlines()[1:-1]]
        if picked > len(lines):
            return None, False
        chosen = lines[picked - 1]
        if chosen == ANYONE:
            return None, True
        ids = [p.id for p in self.model.professionals.values() if p.name == chosen]
        return (ids[0] if ids else None), False

    def names_another(self, text: str, professional: str) -> bool:
        """Whether a message names a professional other than ``professional`` (an id; "" for
        a proposal that named none): "sim, mas com o dr bruno" is no yes to Dra. Ana."""
        named = professional_in(text, self.model)
        return bool(professional) and named is not None and named != professional

    def move_keeps(self, text: str, proposed: Proposed) -> str:
        """The note before a move's question when the message asked for another
        professional than the move's own, who stays; empty otherwise."""
        named = professional_in(text, self.model)
        kept = proposed.professional
        if named is None or kept is None:
            return ""
        asked = self.model.professionals[named].name
        return "" if asked == kept else MOVE_KEEPS.format(kept=kept, asked=asked)

    @staticmethod
    def answering_menu(messages: tuple[ChatMessage, ...]) -> bool:
        """Whether the bot's last text asked which service or with whom (so "2" picks
        from that list, not from slots offered earlier)."""
        asked = _asked_before(messages, len(messages) - 1)
        return asked.startswith((WHICH_SERVICE, "Com quem"))

    def naming(self, messages: tuple[ChatMessage, ...], tool: str) -> str:
        """ " (retorno, com Dra. Ana Ribeiro)": the service and professional of the latest
        call of ``tool`` in this turn, for a sentence; empty without them."""
        model = self.model
        called = [c for m in messages for c in m.tool_calls if c.name == tool]
        if not called:
            return ""
        arguments = msgspec.json.decode(called[-1].arguments or "{}")
        service = model.services.get(str(arguments.get("service")))
        if service is None:
            return ""
        professional = model.professionals.get(str(arguments.get("professional")))
        who = f", com {professional.name}" if professional else ""
        return f" ({lowered(service.name)}{who})"


def confirm_text(service: str, professional: str, start: datetime) -> str:
    """The question that asks to confirm a booking naming the service and professional."""
    return (
        f"Posso confirmar *{lowered(service)}* com *{professional}* para *{spoken(start)}*? "
        "Responda *sim* para marcar, ou diga outro dia e horário."
    )


def _asked_before(messages: tuple[ChatMessage, ...], n: int) -> str:
    """The bot's last text before message ``n``."""
    for message in reversed(messages[:n]):
        if message.role == "assistant" and message.content:
            return message.content
    return ""


def proposed_choice(proposal: Proposal) -> dict[str, str]:
    """The service and professional a proposal named, as tool arguments (none without)."""
    chosen = {"professional": proposal.professional, "service": proposal.service}
    return {name: value for name, value in chosen.items() if value}
