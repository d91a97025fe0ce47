"""Erasing a data subject: their key is deleted and the erasure recorded, in one step.

From then on every personal field the log holds for them is unreadable (crypto-shredding),
and each consumer, meeting the erasure in the log, drops what it derived from them. A
rewrite of Redis's append-only file is then asked for (``aof_rewrite``), so the key
leaves the disk as well.
"""

from __future__ import annotations

from enum import StrEnum

from events import EventLog, new_envelope
from events.schema import SubjectErased
from services.actions.aof_rewrite import request_rewrite
from services.domain.identities import IdentityMap
from services.projector.store import ReadModels


class ErasureReason(StrEnum):
    SUBJECT_REQUEST = "subject_request"
    RETENTION_EXPIRED = "retention_expired"


LEGAL_BASIS = {
    ErasureReason.SUBJECT_REQUEST: "LGPD art. 18, VI (erasure at the data subject's request)",
    ErasureReason.RETENTION_EXPIRED: "LGPD arts. 15, I and 16 (end of the retention period)",
}


async def erase_subject(
    log: EventLog, models: ReadModels, chat: str, reason: ErasureReason, requested_by: str
) -> str | None:
    """Shred ``chat``'s personal data; the erasure's entry id, or None if nothing was held."""
    session = await models.session(chat)
    erasure = new_envelope(
        SubjectErased(reason=reason, legal_basis=LEGAL_BASIS[reason], requested_by=requested_by),
        chat=chat,
        session=session.session if session else "",
    )
    entry_id = await log.subject_keys.erase(erasure)
    if entry_id is not None:
        await request_rewrite(log.redis, log.keyspace)
    return entry_id


async def erase_person(
    log: EventLog,
    models: ReadModels,
    identities: IdentityMap,
    chat: str,
    reason: ErasureReason,
    requested_by: str,
) -> str | None:
    """Shred the personal data of every conversation the person ``chat`` names has had, under
    each id WhatsApp gave them, then drop them from the identity map; the erasure's entry
    id in ``chat``'s identity (or in the first of their chats that held anything), or None
    when nothing was held."""
    erased = [
        await erase_subject(log, models, each, reason, requested_by)
        for each in await identities.chats_of(chat)
    ]
    await identities.forget(chat)
    return next((entry_id for entry_id in erased if entry_id is not None), None)
