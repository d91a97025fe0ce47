"""Everything held about a data subject (LGPD arts. 18, 19)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec

from events import EventLog
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
        "events": [{"entry_id": r.entry_id, **msgspec.to_builtins(r.envelope)} for r in history],
    }
