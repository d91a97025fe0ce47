"""Correcting a data subject's name (LGPD art. 18, III): recorded as an event, so the
conductor, the read models and any replay all take the corrected name from the log."""

from __future__ import annotations

import unicodedata

from events import EventLog, new_envelope
from events.schema import NameCorrected
from services.projector.store import ReadModels

MAX_NAME_CHARS = 60


class NothingToCorrect(LookupError):
    """No conversation is held for the subject, or only an erased one."""


NAME_MARKS = frozenset(" '\u2019.-")  # the typographic apostrophe too
"""What a name may hold besides letters (accented ones included)."""


def clean_name(raw: str) -> str:
    """The name as it will be recorded: spaces collapsed; refused when it cannot be one."""
    name = " ".join(raw.split())
    if not 2 <= len(name) <= MAX_NAME_CHARS:
        raise ValueError(f"a name has 2 to {MAX_NAME_CHARS} characters")
    if any(unicodedata.category(c).startswith("C") for c in name):
        raise ValueError("a name has no control or invisible characters")
    if not any(c.isalpha() for c in name):
        raise ValueError("a name has letters")
    if not all(c.isalpha() or c in NAME_MARKS for c in name):
        # A name is shown to staff in pages and exports: markup has no business in it.
        raise ValueError("a name has letters, spaces, apostrophes, hyphens and periods only")
    return name


async def correct_name(
    log: EventLog, models: ReadModels, chat: str, name: str, requested_by: str
) -> str:
    """Record ``chat``'s corrected name; the entry id. ``name`` must be clean already."""
    session = await models.session(chat)
    if session is None:
        raise NothingToCorrect("no conversation is held for this subject")
    if session.erased_at is not None and session.erased_at >= session.last_activity:
        raise NothingToCorrect("this subject's personal data was erased")
    correction = new_envelope(
        NameCorrected(name=name, requested_by=requested_by), chat=chat, session=session.session
    )
    return (await log.append(correction)).entry_id
