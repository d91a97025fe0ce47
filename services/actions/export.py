"""Everything held about a data subject (LGPD arts. 18, 19)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

import msgspec

from events import EventLog
from services.domain.calendar_records import CalendarKeys, CalendarRecord, record_of
from services.domain.identities import IdentityMap
from services.projector.store import ReadModels


async def export_subject(log: EventLog, models: ReadModels, subject: str) -> dict[str, Any] | None:
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
        "calendar_bookings": await calendar_bookings(log, subject),
        "events": [{"entry_id": r.entry_id, **msgspec.to_builtins(r.envelope)} for r in history],
    }


async def export_person(
    log: EventLog, models: ReadModels, identities: IdentityMap, chat: str
) -> dict[str, Any] | None:
    """Everything held about the person ``chat`` names, under every id WhatsApp gave them:
    their identity's document, with each other conversation's session, consent evidence,
    appointments, bookings and events beside it; None when nothing is held."""
    identity, *linked = await identities.chats_of(chat)
    documents = [await export_subject(log, models, each) for each in (identity, *linked)]
    held = [document for document in documents if document is not None]
    if not held:
        return None
    first, *others = held
    return {**first, "linked_conversations": others}


async def calendar_bookings(log: EventLog, subject: str) -> list[CalendarRecord]:
    """The bookings the calendar holds for ``subject``, live and cancelled, earliest first.

    Read from the calendar's own records, which the Google calendar keeps too (its claims
    on slots), not from the read models: what the calendar holds is what is exported."""
    keys = CalendarKeys(log.keyspace)
    members = cast(set[bytes], await log.redis.smembers(keys.subject(subject)))
    ids = sorted(member.decode() for member in members)
    if not ids:
        return []
    async with log.redis.pipeline(transaction=False) as pipe:
        for appointment_id in ids:
            pipe.hgetall(keys.appointment(appointment_id))
        held = cast(list[dict[bytes, bytes]], await pipe.execute())
    records = [record_of(i, fields) for i, fields in zip(ids, held, strict=True)]
    return sorted((r for r in records if r is not None), key=lambda r: r.start)
