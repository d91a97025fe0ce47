"""A data subject's data: naming them, and everything held about them (LGPD arts. 18, 19)."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import msgspec

from events import EventLog
from services.ingest import chats
from services.projector.store import ReadModels

_CHAT_KEY = re.compile(r"c[0-9a-f]{32}")


class SubjectInvalid(ValueError):
    """Neither a chat key nor a WhatsApp chat id."""


def subject_of(value: str, session: str, secret: bytes) -> str:
    """The chat key a subject is known by: given as is, or derived from a WhatsApp chat id
    of the WAHA ``session``."""
    if _CHAT_KEY.fullmatch(value):
        return value
    try:
        chat_id = chats.normalize_chat_id(value)
    except chats.ChatIdInvalid:
        raise SubjectInvalid(
            f"not a chat key (c + 32 hex digits) nor a WhatsApp chat id: {value[:80]!r}"
        ) from None
    return chats.chat_key(secret, session, chat_id)


async def export(log: EventLog, models: ReadModels, subject: str) -> dict[str, Any] | None:
    """Everything held about ``subject``, as plain data; None when nothing is."""
    history = await log.chat_history(subject)
    if not history:
        return None
    return {
        "subject": subject,
        "exported_at": datetime.now(UTC),
        "session": await models.session(subject),
        "consent_history": await models.consent_history(subject),
        "appointments": await models.appointments_of(subject),
        "events": [{"entry_id": r.entry_id, **msgspec.to_builtins(r.envelope)} for r in history],
    }
