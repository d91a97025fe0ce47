"""The handoff inbox: the chats in a person's hands, the longest-waiting first, and the
staff's reply — a ``reply.requested`` event, which the conductor's outbox delivers once
through WAHA like the bot's replies."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from events import EventLog, new_envelope
from events.schema import ReplyRequested
from services.actions.read_models import ReadModels, SessionView
from services.domain.conversation import in_handoff

MAX_REPLY_CHARS = 4000


class ReplyRefused(ValueError):
    """A reply that cannot go out: empty, too long, or to a chat no longer held."""


class NotHeld(ReplyRefused):
    """A reply to a chat that is not in a person's hands now: the bot is talking there."""


@dataclass(frozen=True, slots=True)
class Waiting:
    """A chat in handoff, as the inbox lists it."""

    session: SessionView
    waited: timedelta
    until: datetime

    @property
    def chat(self) -> str:
        return self.session.chat


def waiting_of(view: SessionView, now: datetime) -> Waiting | None:
    """The chat as the inbox shows it, if it is in a person's hands now."""
    conversation = view.conversation
    if not in_handoff(conversation, now) or conversation.handoff_until is None:
        return None
    since = conversation.last_said_at or view.last_activity
    return Waiting(view, max(now - since, timedelta(0)), conversation.handoff_until)


def waited_words(waited: timedelta) -> str:
    """How long, in the front desk's words: "há 5 min", "há 2 h 10 min"."""
    minutes = int(waited.total_seconds() // 60)
    if minutes < 1:
        return "há menos de 1 min"
    hours, minutes = divmod(minutes, 60)
    if hours >= 24:
        return f"há {hours // 24} d {hours % 24} h"
    return f"há {hours} h {minutes} min" if hours else f"há {minutes} min"


async def in_hands(models: ReadModels, now: datetime) -> list[Waiting]:
    """Every chat in handoff now, the longest-waiting first."""
    found = [w for v in await models.in_handoff(now) if (w := waiting_of(v, now)) is not None]
    return sorted(found, key=lambda w: w.waited, reverse=True)


def fingerprint(waiting: list[Waiting]) -> str:
    """What the inbox shows, without names or words: the page reloads when it changes."""
    text = "|".join(
        f"{w.chat}:{w.session.conversation.last_said_at}:{w.until.isoformat()}" for w in waiting
    )
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def conversation_fingerprint(view: SessionView) -> str:
    """What a conversation's page shows, as the page's refresh compares it."""
    conversation = view.conversation
    text = f"{conversation.last_said_at}:{len(conversation.dialogue)}:{conversation.handoff_until}"
    text += ":" + ":".join(t for _, t in conversation.dialogue[-1:])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def clean_reply(text: str) -> str:
    reply = text.replace("\r\n", "\n").strip()
    if not reply:
        raise ReplyRefused("a resposta está vazia")
    if len(reply) > MAX_REPLY_CHARS:
        raise ReplyRefused(f"a resposta tem mais de {MAX_REPLY_CHARS} caracteres")
    return reply


def new_form_id() -> str:
    """The id a reply form carries: sent twice (a double click), it is one reply."""
    return secrets.token_hex(16)


async def send_reply(
    log: EventLog, models: ReadModels, chat: str, text: str, by: str, form_id: str,
    now: datetime,
) -> str:  # fmt: skip
    """Record ``by``'s reply to ``chat``, which must be in handoff ``now``; the outbox
    sends it. The entry id."""
    view = await models.session(chat)
    if view is None or not view.conversation.chat_id:
        raise ReplyRefused("esta conversa não está mais disponível")
    if not in_handoff(view.conversation, now):
        # Two voices in one chat: the bot would answer over a person it does not know of.
        raise NotHeld("esta conversa não está com a equipe agora; o robô a está atendendo")
    # Quoting nothing: the outbox's check after a crash looks for a sent message quoting
    # the one answered, which would find the bot's own answer to the person's last
    # message and take this reply for sent. So, as for any reply quoting nothing, a
    # crash between WAHA taking it and the outbox recording it sends it again.
    reply = ReplyRequested(
        reply_id=f"staff-{form_id}", chat_id=view.conversation.chat_id, text=text, by=by
    )
    envelope = new_envelope(reply, chat=chat, session=view.session)
    result = await log.append(envelope, idempotency_key=f"staff-reply:{chat}:{form_id}")
    return result.entry_id
