"""Talking to the conductor's decisions directly: a chat, its state, the bot's replies."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

from events.schema import DomainEvent, MediaInfo, MessageReceived, ReplyRequested
from services.conductor.tools import Turn
from services.conductor.turn import Conductor
from services.domain.conversation import Conversation, evolve

_ids = itertools.count(1)


class Dialogue:
    def __init__(self, conductor: Conductor, now: datetime, subject: str = "subject-1") -> None:
        self.conductor = conductor
        self.now = now
        self.subject = subject
        self.chat_id = f"55119{abs(hash(subject)) % 10**8:08d}@c.us"
        self.state = Conversation()
        self.events: list[DomainEvent] = []

    async def say(self, text: str, *, media: MediaInfo | None = None) -> str:
        n = next(_ids)
        message = MessageReceived(
            message_id=f"m{n}", chat_id=self.chat_id, sender=self.chat_id, text=text,
            media=media, sent_at=self.now.astimezone(UTC),
        )  # fmt: skip
        self.state = evolve(self.state, message)
        turn = Turn(self.subject, f"e{n}", message, self.state, self.now)
        decided = await self.conductor.decide(turn)
        self.events += [message, *decided]
        for event in decided:
            self.state = evolve(self.state, event)
        [reply] = [e for e in decided if isinstance(e, ReplyRequested)]
        return reply.text

    def of_type(self, kind: type[DomainEvent]) -> list[DomainEvent]:
        return [e for e in self.events if isinstance(e, kind)]
