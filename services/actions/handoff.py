"""Giving a chat back to the bot before its handoff's quiet period is over."""

from __future__ import annotations

from events import EventLog, new_envelope
from events.schema import HandoffEnded
from services.projector.store import ReadModels


class NotInHandoff(LookupError):
    """The chat is not in a person's hands."""


async def release_handoff(log: EventLog, models: ReadModels, chat: str, by: str) -> str:
    """Record that the bot answers ``chat`` again; the entry id."""
    session = await models.session(chat)
    until = session.conversation.handoff_until if session else None
    if session is None or until is None:
        raise NotInHandoff("this chat is not handed to a person")
    released = new_envelope(
        HandoffEnded(reason="released", by=by), chat=chat, session=session.session
    )
    return (await log.append(released)).entry_id
