"""Builders of events for tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from events import Envelope, MessageReceived, new_envelope
from events.schema import (
    AgentSelected,
    AppointmentBooked,
    ConsentGranted,
    DomainEvent,
    NameRegistered,
    PrivacyNoticeShown,
    ReplyRequested,
    ReplySent,
    SlotsOffered,
    ToolInvoked,
)


def message(chat: str = "chat-1", text: str = "oi", message_id: str = "m1") -> Envelope:
    event = MessageReceived(
        message_id=message_id,
        chat_id="5511999990000@c.us",
        sender="5511999990000@c.us",
        text=text,
        sent_at=datetime(2026, 11, 24, 12, 0, tzinfo=UTC),
    )
    return new_envelope(event, chat=chat, session="default")


NOTICE = "Olá! Antes de começarmos, precisamos do seu consentimento (LGPD). " * 8
START = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def clinic_conversation(n: int) -> list[DomainEvent]:
    """The 20 events of person ``n`` consenting, registering and booking, as ingest and
    the conductor record them."""
    chat_id = f"55118{n:08d}@c.us"
    said = iter(range(100))

    def message(text: str) -> MessageReceived:
        return MessageReceived(
            message_id=f"false_{chat_id}_{next(said)}",
            chat_id=chat_id,
            sender=chat_id,
            text=text,
            sent_at=START,
        )

    def reply(text: str) -> list[DomainEvent]:
        reply_id = f"r{n}-{next(said)}"
        return [
            ReplyRequested(reply_id=reply_id, chat_id=chat_id, text=text),
            ReplySent(reply_id=reply_id, chat_id=chat_id, waha_message_id=f"w{reply_id}"),
        ]

    slot = START + timedelta(minutes=30 * (n % 500))
    return [
        message("oi"),
        PrivacyNoticeShown(
            policy_version="2026-11",
            notice_sha256="ab" * 32,
            purposes=("agendamento",),
            in_reply_to="m0",
        ),
        *reply(NOTICE),
        message("sim, aceito"),
        ConsentGranted(
            policy_version="2026-11",
            notice_sha256="ab" * 32,
            purposes=("agendamento",),
            legal_basis="consentimento",
            evidence_message_id="m1",
            evidence_text="sim, aceito",
        ),
        *reply("Obrigado! Como posso chamar você?"),
        message(f"Paciente {n}"),
        NameRegistered(name=f"Paciente {n}", evidence_message_id="m2"),
        *reply(f"Prazer, Paciente {n}! Em que posso ajudar?"),
        message("quero marcar amanhã às 15h"),
        AgentSelected(agent="scheduling", intent="schedule", in_reply_to="m3"),
        ToolInvoked(
            call_id="t1",
            tool="check_availability",
            arguments='{"day":"2026-11-25"}',
            ok=True,
            result='{"slots":["15:00","15:30"]}',
            in_reply_to="m3",
        ),
        SlotsOffered(slots=(slot, slot + timedelta(minutes=30))),
        *reply("Tenho 15:00 e 15:30. Qual prefere?"),
        message("1"),
        AppointmentBooked(
            appointment_id=f"a{n}",
            calendar_entry_id=f"e{n}",
            start=slot,
            end=slot + timedelta(minutes=30),
        ),
    ]
