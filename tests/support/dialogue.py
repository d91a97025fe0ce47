"""Talking to the conductor's turns directly, as the service takes them but without the
log and without reminders: a chat, its state, the bot's replies, and the conductors it
talks to (offline, or a model behind a local chat-completions server)."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime

from redis.asyncio import Redis

from events.schema import DomainEvent, MediaInfo, MessageReceived, ReplyRequested, ToolInvoked
from services.conductor.deciding import DEFAULT_TURN_BUDGET_S, Decider
from services.conductor.groq_brain import GroqBrain
from services.conductor.offline_brain import OfflineBrain
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import take_turn
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation, Stage, in_handoff
from services.domain.embedded_calendar import EmbeddedCalendar

_ids = itertools.count(1)


def offline_decider(redis: Redis, notice: PrivacyNotice | None = None) -> Decider:
    """The conductor's decider as ``wsm up`` runs it: the offline brain, the embedded
    calendar, the example clinic's rules, and the current notice unless given another."""
    notice = notice or PrivacyNotice.current("2026-11")
    return Decider(OfflineBrain(), Toolbox(EmbeddedCalendar(redis), Clinic(), notice), notice)


def model_brain(base_url: str, retries: int = 0) -> GroqBrain:
    """The groq SDK's brain against the local chat-completions server at ``base_url``."""
    return GroqBrain("test-key", "test-model", base_url=base_url, max_retries=retries)


def model_decider(
    redis: Redis,
    base_url: str,
    *,
    retries: int = 0,
    turn_budget_s: float = DEFAULT_TURN_BUDGET_S,
) -> Decider:
    """The conductor's decider with ``model_brain``, the embedded calendar and the example
    clinic's rules (no clinic file)."""
    notice = PrivacyNotice.current("2026-11")
    toolbox = Toolbox(EmbeddedCalendar(redis), Clinic(), notice)
    return Decider(model_brain(base_url, retries), toolbox, notice, turn_budget_s=turn_budget_s)


class Dialogue:
    def __init__(self, conductor: Decider, now: datetime, subject: str = "subject-1") -> None:
        self.conductor = conductor
        self.now = now
        self.subject = subject
        self.chat_id = f"55119{abs(hash(subject)) % 10**8:08d}@c.us"
        self.state = Conversation()
        self.events: list[DomainEvent] = []

    async def say(self, text: str, *, media: MediaInfo | None = None) -> str:
        """The bot's answer to ``text``; empty while a person has the chat."""
        n = next(_ids)
        message = MessageReceived(
            message_id=f"m{n}", chat_id=self.chat_id, sender=self.chat_id, text=text,
            media=media, sent_at=self.now.astimezone(UTC),
        )  # fmt: skip
        before = self.state
        taken = await take_turn(
            before, message, subject=self.subject, inbound_event_id=f"e{n}", now=self.now,
            decide=self.conductor.decide, reminder_offsets=(),
        )  # fmt: skip
        self.events += [message, *taken.decided]
        self.state = taken.state
        replies = [e.text for e in taken.decided if isinstance(e, ReplyRequested)]
        # Exactly one answer, but while a person has the chat: then none.
        assert len(replies) == (0 if in_handoff(before, self.now) else 1)
        return replies[0] if replies else ""

    def of_type(self, kind: type[DomainEvent]) -> list[DomainEvent]:
        return [e for e in self.events if isinstance(e, kind)]


def registered_chat(conductor: Decider, now: datetime) -> Dialogue:
    """A chat of Maria, who consented and gave her name before: the next turn starts
    there."""
    chat = Dialogue(conductor, now)
    chat.state = Conversation(stage=Stage.REGISTERED, name="Maria", chat_id=chat.chat_id)
    return chat


def results_of(chat: Dialogue, tool: str) -> list[dict[str, object]]:
    """The results of the chat's calls of ``tool``, as the model read them."""
    invoked = [e for e in chat.events if isinstance(e, ToolInvoked) and e.tool == tool]
    return [json.loads(e.result) for e in invoked]


async def introduced(
    conductor: Decider, now: datetime, subject: str = "subject-1", name: str = "Maria Silva"
) -> Dialogue:
    """A chat whose patient greeted, accepted the privacy notice and gave ``name``, in
    three turns as patients do."""
    chat = Dialogue(conductor, now, subject)
    for text in ("oi", "sim", name):
        await chat.say(text)
    return chat
