"""The agents' tools. Arguments come from a model: they are validated like any untrusted
input, and a bad call gets an error result back, never an exception in the worker."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated, Any, Literal

import msgspec

from events.codec import DECODE_ERRORS
from events.schema import (
    AgentSelected,
    AppointmentBooked,
    AppointmentCancelled,
    AppointmentConfirmed,
    ConsentGranted,
    ConsentRefused,
    ConsentRevoked,
    DomainEvent,
    HandoffStarted,
    MessageReceived,
    NameRegistered,
    SlotsOffered,
)
from services.conductor.brain import ToolCall, ToolSpec
from services.conductor.calendar import Booking, Calendar, SlotTaken
from services.conductor.clinic import PERIOD_HOURS, Clinic
from services.conductor.conversation import Conversation, Stage
from services.conductor.knowledge import Knowledge
from services.conductor.portuguese.intents import consent_answer, name_in
from services.conductor.privacy import PrivacyNotice

DEFAULT_HANDOFF_QUIET = timedelta(hours=12)


class NoArguments(msgspec.Struct, forbid_unknown_fields=True):
    pass


class CheckAvailability(msgspec.Struct, forbid_unknown_fields=True):
    date: Annotated[str, msgspec.Meta(pattern=r"^\d{4}-\d{2}-\d{2}$")] | None = None
    period: Literal["manha", "tarde", "noite"] | None = None


class BookAppointment(msgspec.Struct, forbid_unknown_fields=True):
    start: Annotated[str, msgspec.Meta(max_length=40, description="YYYY-MM-DDTHH:MM, local")]


class RescheduleAppointment(BookAppointment, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class CancelAppointment(msgspec.Struct, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class SearchClinicInfo(msgspec.Struct, forbid_unknown_fields=True):
    question: Annotated[str, msgspec.Meta(min_length=1, max_length=500)]


class ConfirmAppointment(msgspec.Struct, forbid_unknown_fields=True):
    appointment_id: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{1,64}$")]


class RegisterName(msgspec.Struct, forbid_unknown_fields=True):
    name: Annotated[str, msgspec.Meta(min_length=2, max_length=60)]


class TransferToAgent(msgspec.Struct, forbid_unknown_fields=True):
    agent: Literal["scheduling", "appointments", "info"]
    intent: Annotated[str, msgspec.Meta(max_length=40)] = ""


@dataclass(frozen=True, slots=True)
class Turn:
    """What the tools know of the message being answered."""

    subject: str
    inbound_event_id: str
    message: MessageReceived
    state: Conversation
    now: datetime


@dataclass(slots=True)
class ToolOutcome:
    ok: bool
    result: dict[str, Any]
    events: list[DomainEvent] = field(default_factory=list)

    def as_json(self) -> str:
        return msgspec.json.encode({"ok": self.ok, **self.result}).decode()


class ToolRejected(Exception):
    """A tool call that is refused, with the reason the model is told."""


Handler = Callable[[Any, Turn], Awaitable[ToolOutcome]]


@dataclass(frozen=True, slots=True)
class _Tool:
    description: str
    arguments: type[msgspec.Struct]
    handler: Handler


class Toolbox:
    def __init__(
        self,
        calendar: Calendar,
        clinic: Clinic,
        notice: PrivacyNotice,
        *,
        handoff_quiet: timedelta = DEFAULT_HANDOFF_QUIET,
        knowledge: Knowledge | None = None,
    ) -> None:
        self.knowledge = knowledge or Knowledge()
        self.calendar = calendar
        self.clinic = clinic
        self.notice = notice
        self.handoff_quiet = handoff_quiet
        self._tools: dict[str, _Tool] = {
            "record_consent": _Tool(
                "Registra o consentimento explícito da pessoa ao aviso de privacidade, "
                "quando a última mensagem dela aceita claramente.",
                NoArguments,
                self._record_consent,
            ),
            "refuse_consent": _Tool(
                "Registra que a pessoa recusou o aviso de privacidade.",
                NoArguments,
                self._refuse_consent,
            ),
            "revoke_consent": _Tool(
                "Registra a revogação do consentimento; o atendimento para.",
                NoArguments,
                self._revoke_consent,
            ),
            "register_name": _Tool(
                "Registra o nome que a pessoa informou.", RegisterName, self._register_name
            ),
            "transfer_to_agent": _Tool(
                "Passa a conversa a um especialista: scheduling (marcar) ou appointments "
                "(consultar ou cancelar consultas marcadas).",
                TransferToAgent,
                self._transfer,
            ),
            "check_availability": _Tool(
                "Lista horários livres; opcionalmente num dia (YYYY-MM-DD) e período.",
                CheckAvailability,
                self._check_availability,
            ),
            "book_appointment": _Tool(
                "Marca uma consulta no horário dado (YYYY-MM-DDTHH:MM, horário local).",
                BookAppointment,
                self._book,
            ),
            "reschedule_appointment": _Tool(
                "Remarca uma consulta desta pessoa (id) para o horário dado "
                "(YYYY-MM-DDTHH:MM, horário local): marca o novo e só então cancela o antigo.",
                RescheduleAppointment,
                self._reschedule,
            ),
            "list_appointments": _Tool(
                "Lista as consultas marcadas desta pessoa.", NoArguments, self._list
            ),
            "search_clinic_info": _Tool(
                "Busca no texto da clínica (endereço, horários, valores, convênios, preparo "
                "de exames) os trechos que respondem à pergunta; lista vazia se nada responde.",
                SearchClinicInfo,
                self._search_clinic_info,
            ),
            "hand_to_human": _Tool(
                "Passa a conversa a uma pessoa da equipe, quando o paciente pede para falar "
                "com alguém; o assistente fica em silêncio até a pessoa liberar a conversa.",
                NoArguments,
                self._hand_to_human,
            ),
            "confirm_appointment": _Tool(
                "Registra que a pessoa confirma presença numa consulta dela (id da consulta "
                "do lembrete).",
                ConfirmAppointment,
                self._confirm,
            ),
            "cancel_appointment": _Tool(
                "Cancela uma consulta desta pessoa pelo id dado por list_appointments.",
                CancelAppointment,
                self._cancel,
            ),
        }

    @property
    def names(self) -> frozenset[str]:
        return frozenset(self._tools)

    def specs(self, names: tuple[str, ...]) -> tuple[ToolSpec, ...]:
        return tuple(
            ToolSpec(name, tool.description, msgspec.json.schema(tool.arguments))
            for name, tool in self._tools.items()
            if name in names
        )

    async def run(self, call: ToolCall, allowed: tuple[str, ...], turn: Turn) -> ToolOutcome:
        """Run a call the model proposed, if it may and its arguments are valid."""
        tool = self._tools.get(call.name)
        if tool is None or call.name not in allowed:
            return ToolOutcome(False, {"error": f"ferramenta indisponível: {call.name[:60]}"})
        try:
            arguments = msgspec.json.decode(call.arguments or "{}", type=tool.arguments)
        except DECODE_ERRORS as exc:
            return ToolOutcome(False, {"error": f"argumentos inválidos: {str(exc)[:200]}"})
        try:
            return await tool.handler(arguments, turn)
        except ToolRejected as exc:
            return ToolOutcome(False, {"error": str(exc)})

    # --- registration ---------------------------------------------------------------

    async def _record_consent(self, _: NoArguments, turn: Turn) -> ToolOutcome:
        if turn.state.stage not in (Stage.AWAITING_CONSENT, Stage.REFUSED, Stage.REVOKED):
            raise ToolRejected("não há pedido de consentimento pendente")
        # Decided in code, not by the model: only the person's explicit yes is consent.
        if consent_answer(turn.message.text) is not True:
            raise ToolRejected("a mensagem não é um aceite explícito; peça SIM ou NÃO")
        event = ConsentGranted(
            policy_version=self.notice.version,
            notice_sha256=self.notice.sha256,
            purposes=self.notice.purposes,
            legal_basis=self.notice.legal_basis,
            # The evidence is the person's own message, never the model's words.
            evidence_message_id=turn.message.message_id,
            evidence_text=turn.message.text,
        )
        return ToolOutcome(True, {"registrado": "consentimento"}, [event])

    async def _refuse_consent(self, _: NoArguments, turn: Turn) -> ToolOutcome:
        if turn.state.stage != Stage.AWAITING_CONSENT:
            raise ToolRejected("não há pedido de consentimento pendente")
        if consent_answer(turn.message.text) is not False:
            raise ToolRejected("a mensagem não é uma recusa explícita; peça SIM ou NÃO")
        event = ConsentRefused(
            policy_version=self.notice.version,
            evidence_message_id=turn.message.message_id,
            evidence_text=turn.message.text,
        )
        return ToolOutcome(True, {"registrado": "recusa"}, [event])

    async def _revoke_consent(self, _: NoArguments, turn: Turn) -> ToolOutcome:
        if not turn.state.consented:
            raise ToolRejected("não há consentimento a revogar")
        event = ConsentRevoked(
            policy_version=turn.state.policy_version or self.notice.version,
            evidence_message_id=turn.message.message_id,
            evidence_text=turn.message.text,
        )
        return ToolOutcome(True, {"registrado": "revogação"}, [event])

    async def _register_name(self, arguments: RegisterName, turn: Turn) -> ToolOutcome:
        if not turn.state.consented:
            raise ToolRejected("o nome só é registrado depois do consentimento")
        name = name_in(arguments.name)
        if name is None:
            raise ToolRejected("isso não parece um nome")
        event = NameRegistered(name=name, evidence_message_id=turn.message.message_id)
        return ToolOutcome(True, {"nome": name}, [event])

    # --- routing ----------------------------------------------------------------------

    async def _transfer(self, arguments: TransferToAgent, turn: Turn) -> ToolOutcome:
        event = AgentSelected(
            agent=arguments.agent,
            intent=arguments.intent or arguments.agent,
            in_reply_to=turn.message.message_id,
        )
        return ToolOutcome(True, {"agente": arguments.agent}, [event])

    # --- scheduling -------------------------------------------------------------------

    async def _check_availability(self, arguments: CheckAvailability, turn: Turn) -> ToolOutcome:
        day = _date(arguments.date) if arguments.date else None
        between = PERIOD_HOURS[arguments.period] if arguments.period else None
        horizon_end = turn.now + self.clinic.horizon
        taken = await self.calendar.taken(turn.now, horizon_end)
        slots = self.clinic.free_slots(turn.now, taken, day=day, between=between)
        shown = [self.clinic.wall_clock(slot) for slot in slots]
        return ToolOutcome(True, {"horarios": shown}, [SlotsOffered(slots=tuple(slots))])

    async def _reschedule(self, arguments: RescheduleAppointment, turn: Turn) -> ToolOutcome:
        mine = {b.appointment_id: b for b in await self.calendar.bookings_of(turn.subject)}
        old = mine.get(arguments.appointment_id)
        if old is None:
            raise ToolRejected("consulta não encontrada entre as suas")
        booked = await self._book(arguments, turn)  # the new one first: never left with none
        cancelled = await self.calendar.cancel(old.appointment_id) or old
        event = AppointmentCancelled(
            appointment_id=cancelled.appointment_id,
            calendar_entry_id=cancelled.calendar_entry_id,
            start=cancelled.start,
        )
        result = {**booked.result, "antes": self.clinic.wall_clock(cancelled.start)}
        return ToolOutcome(True, result, [*booked.events, event])

    async def _book(self, arguments: BookAppointment, turn: Turn) -> ToolOutcome:
        start = self._moment(arguments.start)
        reason = self.clinic.why_not_bookable(start, turn.now)
        if reason:
            raise ToolRejected(reason)
        # Derived from the deciding event: a redelivered message books the same entry.
        appointment_id = hashlib.blake2b(
            f"{turn.inbound_event_id}:book".encode(), digest_size=10
        ).hexdigest()
        request = Booking(appointment_id, turn.subject, start, start + self.clinic.slot)
        try:
            booked = await self.calendar.book(request)
        except SlotTaken:
            raise ToolRejected("horário ocupado") from None
        event = AppointmentBooked(
            appointment_id=booked.appointment_id,
            calendar_entry_id=booked.calendar_entry_id,
            start=booked.start,
            end=booked.end,
        )
        shown = self.clinic.wall_clock(booked.start)
        return ToolOutcome(True, {"marcada": shown, "id": booked.appointment_id}, [event])

    def _moment(self, raw: str) -> datetime:
        try:
            moment = datetime.fromisoformat(raw)
        except ValueError:
            raise ToolRejected("data e hora inválidas; use YYYY-MM-DDTHH:MM") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.clinic.zone)
        return moment

    # --- consult / cancel -----------------------------------------------------------

    async def _list(self, _: NoArguments, turn: Turn) -> ToolOutcome:
        bookings = [b for b in await self.calendar.bookings_of(turn.subject) if b.end > turn.now]
        listed = [
            {"id": b.appointment_id, "inicio": self.clinic.wall_clock(b.start)} for b in bookings
        ]
        return ToolOutcome(True, {"consultas": listed})

    async def _search_clinic_info(self, arguments: SearchClinicInfo, turn: Turn) -> ToolOutcome:
        found = self.knowledge.search(arguments.question)
        return ToolOutcome(True, {"trechos": [{"titulo": s.title, "texto": s.text} for s in found]})

    async def _hand_to_human(self, _: NoArguments, turn: Turn) -> ToolOutcome:
        event = HandoffStarted(quiet_s=int(self.handoff_quiet.total_seconds()))
        return ToolOutcome(True, {"transferido": "equipe"}, [event])

    async def _confirm(self, arguments: ConfirmAppointment, turn: Turn) -> ToolOutcome:
        mine = {u.appointment_id: u for u in turn.state.upcoming}
        upcoming = mine.get(arguments.appointment_id)
        if upcoming is None:
            raise ToolRejected("consulta não encontrada entre as suas")
        event = AppointmentConfirmed(appointment_id=upcoming.appointment_id, start=upcoming.start)
        return ToolOutcome(True, {"confirmada": self.clinic.wall_clock(upcoming.start)}, [event])

    async def _cancel(self, arguments: CancelAppointment, turn: Turn) -> ToolOutcome:
        mine = {b.appointment_id: b for b in await self.calendar.bookings_of(turn.subject)}
        booking = mine.get(arguments.appointment_id)
        if booking is None:
            # Never says whether the id exists for someone else.
            raise ToolRejected("consulta não encontrada entre as suas")
        cancelled = await self.calendar.cancel(booking.appointment_id) or booking
        event = AppointmentCancelled(
            appointment_id=cancelled.appointment_id,
            calendar_entry_id=cancelled.calendar_entry_id,
            start=cancelled.start,
        )
        return ToolOutcome(True, {"cancelada": self.clinic.wall_clock(cancelled.start)}, [event])


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ToolRejected("data inválida; use YYYY-MM-DD") from None
