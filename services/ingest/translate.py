"""WAHA webhooks -> domain events. Pure: no I/O, no clock except the one passed in.

Each supported kind of webhook has a translator of its own in ``TRANSLATORS``. The table is
checked against ``SUPPORTED_EVENTS`` when this module is imported, so that a kind declared
supported without a translator stops the gateway from starting instead of being read as
another kind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Protocol, TypeVar

import msgspec

from events import (
    Envelope,
    MediaInfo,
    MessageAcknowledged,
    MessageReceived,
    MessageRevoked,
    ReactionReceived,
    SessionStatusChanged,
    new_envelope,
)
from events.codec import DECODE_ERRORS
from events.schema import DomainEvent, MessageEdited, MessageSentByBusiness
from services.domain import chats
from services.ingest.errors import PayloadInvalid
from services.waha import message_ids
from services.waha.payloads import (
    WahaEdited,
    WahaMessage,
    WahaReaction,
    WahaRevoked,
    WahaSessionStatus,
    WahaWebhook,
)

MESSAGE_EVENTS = frozenset({"message", "message.any"})
SUPPORTED_EVENTS = MESSAGE_EVENTS | {
    "message.ack",
    "message.reaction",
    "message.revoked",
    "message.edited",
    "session.status",
}
# Bounded set of names used as a metric label; anything else is counted as "other".
KNOWN_WAHA_EVENTS = SUPPORTED_EVENTS | {
    "message.waiting",
    "chat.archive",
    "group.join",
    "group.leave",
    "group.v2.join",
    "group.v2.leave",
    "group.v2.update",
    "group.v2.participants",
    "presence.update",
    "poll.vote",
    "poll.vote.failed",
    "call.received",
    "call.accepted",
    "call.rejected",
    "label.upsert",
    "label.deleted",
    "label.chat.added",
    "label.chat.deleted",
    "engine.event",
    "state.change",
}
# Chats the clinic does not serve, by the server part of WAHA's chat ids (waha-docs,
# content/docs/how-to/receive-messages/-chat-ids.md): groups, channels, and broadcasts (the
# status feed, status@broadcast, and broadcast lists). A group's participants could not be
# erased or exported one by one, so nothing of theirs is kept: each such webhook is
# dropped before anything is appended.
NOT_SERVED_SERVERS = MappingProxyType(
    {"g.us": "group", "newsletter": "channel", "broadcast": "broadcast"}
)
NOT_SERVED_CHATS = frozenset(NOT_SERVED_SERVERS.values())
_MAX_EPOCH_S = 32503680000  # year 3000: anything later is a malformed timestamp

Payload = TypeVar("Payload")


@dataclass(frozen=True, slots=True)
class Translated:
    """The event a webhook stands for, and the key that makes appending it idempotent."""

    envelope: Envelope
    idempotency_key: str


@dataclass(frozen=True, slots=True)
class Ignored:
    """A well-formed, signed webhook that deliberately becomes no event."""

    reason: str


class Translator(Protocol):
    """Turns the webhooks of one kind into their event, or says why one becomes none."""

    def __call__(
        self, webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes
    ) -> Translated | Ignored:
        """The webhook's event, or why it becomes none; raises ``PayloadInvalid``."""


class TranslatorTableInvalid(LookupError):
    """A supported kind of webhook without a translator, or a translator for no such kind."""


def dispatch_table(
    supported: frozenset[str], translators: Mapping[str, Translator]
) -> Mapping[str, Translator]:
    """``translators`` as a read-only table, if it has exactly one per ``supported`` kind.

    Raises :class:`TranslatorTableInvalid` naming the kinds that have none, and those that
    have one but are not declared supported (they would bypass the metric's label set).
    """
    missing = sorted(supported - translators.keys())
    unexpected = sorted(translators.keys() - supported)
    if missing or unexpected:
        raise TranslatorTableInvalid(
            f"kinds without a translator: {missing}; translators of kinds not supported:"
            f" {unexpected}"
        )
    return MappingProxyType(dict(translators))


_webhook_decoder = msgspec.json.Decoder(WahaWebhook)


def parse_webhook(body: bytes) -> WahaWebhook:
    """The webhook's envelope, validated; its payload is decoded by the kind's translator."""
    try:
        return _webhook_decoder.decode(body)
    except DECODE_ERRORS as exc:
        raise PayloadInvalid(f"invalid webhook: {exc}") from None


def _payload(webhook: WahaWebhook, kind: type[Payload]) -> Payload:
    try:
        return msgspec.json.decode(webhook.payload, type=kind)
    except DECODE_ERRORS as exc:
        raise PayloadInvalid(f"invalid {webhook.event} payload: {exc}") from None


def _chat(raw: str | None) -> str:
    if raw is None:
        raise PayloadInvalid("the payload names no chat")
    try:
        return chats.normalize_chat_id(raw)
    except chats.ChatIdInvalid as exc:
        raise PayloadInvalid(str(exc)) from None


def not_served(*ids: str | None) -> str | None:
    """Why a webhook naming any of these chat ids is dropped, or None.

    How each engine names a group message (devlikeapro/waha): WEBJS puts the group in
    ``from`` (``to`` when sent by the business) and the sender in ``author``
    (src/structures/responses.dto.ts, WAMessage); NOWEB puts the group in ``from`` and
    ``to`` and the sender in ``participant`` (src/core/engines/noweb/session.noweb.core.ts,
    getFromToParticipant); GOWS the group in ``from`` and the sender in ``to`` and
    ``participant`` (src/core/engines/gows/session.gows.core.ts, getFromToParticipant).
    Every field is looked at, so a group is caught whichever of them names it.
    """
    for raw in ids:
        if raw:
            reason = NOT_SERVED_SERVERS.get(raw.rpartition("@")[2].strip().lower())
            if reason is not None:
                return reason
    return None


def _unserved(message: WahaMessage) -> str | None:
    return not_served(
        message.from_, message.to, message.participant, message.author,
        message_ids.chat_of(message.id),
    )  # fmt: skip


def _conversation(message_id: str, from_: str | None, to: str | None, from_me: bool) -> str:
    """The chat a payload belongs to, whoever wrote.

    The serialized id names it on every engine. Without one: what the business sent names
    the chat in ``to`` on WEBJS, but in ``from`` on NOWEB and GOWS, whose ``to`` is null or
    absent outside groups (getFromToParticipant in src/core/engines/noweb/session.noweb.core.ts
    and src/core/engines/gows/session.gows.core.ts); the documented minimal ``message.ack``
    has no ``to`` at all (waha-docs, content/docs/how-to/events/index.md).
    """
    return _chat(message_ids.chat_of(message_id) or (to if from_me and to else from_))


def _time(seconds: float) -> datetime:
    if not 0 <= seconds <= _MAX_EPOCH_S:
        raise PayloadInvalid(f"timestamp out of range: {seconds}")
    return datetime.fromtimestamp(seconds, UTC)


def translate(
    webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes
) -> Translated | Ignored:
    """The event a webhook stands for, with the key that makes its append idempotent.

    ``body_digest`` identifies the delivery when WAHA gives no id of its own.
    """
    translator = TRANSLATORS.get(webhook.event)
    if translator is None:
        return Ignored("unsupported_event")
    return translator(webhook, body_digest=body_digest, chat_secret=chat_secret)


def _session_status(webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes) -> Translated:
    status = _payload(webhook, WahaSessionStatus)
    event = SessionStatusChanged(status=status.status)
    # A status names no message: the delivery is the fact, WAHA's id for it or its body.
    delivery = f"{webhook.session}:{webhook.event}:{webhook.id or body_digest}"
    return _translated(webhook, event, chats.session_key(webhook.session), delivery)


def _ack(webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes) -> Translated | Ignored:
    ack = _payload(webhook, WahaMessage)
    if (reason := _unserved(ack)) is not None:
        return Ignored(reason)
    chat_id = _conversation(ack.id, ack.from_, ack.to, ack.fromMe)
    event = MessageAcknowledged(
        message_id=ack.id,
        chat_id=chat_id,
        ack=ack.ack if ack.ack is not None else 0,
        ack_name=ack.ackName or "",
        from_me=ack.fromMe,
    )
    # Each ack level of a message is a fact of its own; retries of one level are not.
    key = f"{webhook.session}:ack:{ack.id}:{event.ack}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


def _reaction(
    webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes
) -> Translated | Ignored:
    reaction = _payload(webhook, WahaReaction)
    named = (reaction.from_, reaction.to, reaction.participant, message_ids.chat_of(reaction.id))
    if (reason := not_served(*named)) is not None:
        return Ignored(reason)
    chat_id = _conversation(reaction.id, reaction.from_, reaction.to, reaction.fromMe)
    # NOWEB and GOWS name no sender outside groups: the business, or the person in the chat.
    own = webhook.me.id if reaction.fromMe and webhook.me else None
    event = ReactionReceived(
        message_id=reaction.id,
        chat_id=chat_id,
        sender=_chat(reaction.participant or own or reaction.from_),
        target_message_id=reaction.reaction.messageId,
        reaction=reaction.reaction.text,
        from_me=reaction.fromMe,
    )
    key = f"{webhook.session}:{reaction.id}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


def _revoked(webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes) -> Translated | Ignored:
    revoked = _payload(webhook, WahaRevoked)
    message = revoked.after or revoked.before
    if message is None:
        raise PayloadInvalid("message.revoked names no message")
    for side in (revoked.after, revoked.before):
        if side is not None and (reason := _unserved(side)) is not None:
            return Ignored(reason)
    chat_id = _conversation(message.id, message.from_, message.to, message.fromMe)
    # The revoked message by the id it was received under: in a chat of two, only its
    # author can revoke it for everyone, so the revocation's fromMe is the original's.
    chat_in_id = message_ids.chat_of(message.id) or chat_id
    revoked_id = message.id
    if revoked.revokedMessageId:
        revoked_id = message_ids.serialized(message.fromMe, chat_in_id, revoked.revokedMessageId)
    event = MessageRevoked(chat_id=chat_id, revoked_message_id=revoked_id, from_me=message.fromMe)
    key = f"{webhook.session}:revoked:{revoked_id}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


def _message(webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes) -> Translated | Ignored:
    message = _payload(webhook, WahaMessage)
    if (reason := _unserved(message)) is not None:
        return Ignored(reason)
    if message.fromMe:
        return _sent_by_business(webhook, message, chat_secret)
    chat_id = _chat(message.from_)
    if not chats.is_conversation(chat_id):
        return Ignored("not_a_conversation")
    media = None
    if message.hasMedia or message.media is not None:
        source = message.media
        media = MediaInfo(
            mimetype=source.mimetype if source else None,
            filename=source.filename if source else None,
            url=source.url if source else None,
            error=str(source.error) if source and source.error else None,
        )
    event = MessageReceived(
        message_id=message.id,
        chat_id=chat_id,
        sender=_chat(message.participant or message.from_),
        text=message.body or "",
        media=media,
        is_group=chats.is_group(chat_id),
        reply_to=message.replyTo.id if message.replyTo else None,
        sent_at=_time(message.timestamp),
    )
    # The WAHA message id, so "message" and "message.any" of one message, and every retry
    # of either, are one event.
    key = f"{webhook.session}:message:{message.id}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


def _sent_by_business(
    webhook: WahaWebhook, message: WahaMessage, chat_secret: bytes
) -> Translated | Ignored:
    """The business's own number wrote: recorded in the chat, never answered. What WAHA
    marks as sent through its API is the echo of the bot's own reply, already on record."""
    if message.source == "api":
        return Ignored("own_message")
    chat_id = _conversation(message.id, message.from_, message.to, True)
    if not chats.is_conversation(chat_id):
        return Ignored("not_a_conversation")
    event = MessageSentByBusiness(
        message_id=message.id,
        chat_id=chat_id,
        text=message.body or "",
        has_media=bool(message.hasMedia or message.media is not None),
        sent_at=_time(message.timestamp),
    )
    key = f"{webhook.session}:message:{message.id}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


def _edited(webhook: WahaWebhook, *, body_digest: str, chat_secret: bytes) -> Translated | Ignored:
    edit = _payload(webhook, WahaEdited)
    if (reason := _unserved(edit)) is not None:
        return Ignored(reason)
    chat_id = _conversation(edit.id, edit.from_, edit.to, edit.fromMe)
    if not chats.is_conversation(chat_id):
        return Ignored("not_a_conversation")
    chat_in_id = message_ids.chat_of(edit.id) or chat_id
    edited_id = edit.id
    if edit.editedMessageId:
        edited_id = message_ids.serialized(edit.fromMe, chat_in_id, edit.editedMessageId)
    text = edit.body or ""
    event = MessageEdited(
        message_id=edited_id, edit_id=edit.id, chat_id=chat_id, text=text,
        from_me=edit.fromMe, edited_at=_time(edit.timestamp),
    )  # fmt: skip
    # On WEBJS every edit of a message carries the message's own id: the new text tells
    # two edits apart, and makes a retry of one the same event.
    digest = hashlib.sha256(text.encode()).hexdigest()[:16]
    key = f"{webhook.session}:edited:{edit.id}:{digest}"
    return _chat_event(webhook, event, chat_id, chat_secret, key)


TRANSLATORS = dispatch_table(
    SUPPORTED_EVENTS,
    {
        "message": _message,
        "message.any": _message,
        "message.ack": _ack,
        "message.reaction": _reaction,
        "message.revoked": _revoked,
        "message.edited": _edited,
        "session.status": _session_status,
    },
)


def _chat_event(
    webhook: WahaWebhook, event: DomainEvent, chat_id: str, secret: bytes, key: str
) -> Translated:
    return _translated(webhook, event, chats.chat_key(secret, webhook.session, chat_id), key)


def _translated(webhook: WahaWebhook, event: DomainEvent, chat: str, key: str) -> Translated:
    occurred = getattr(event, "sent_at", None) or getattr(event, "edited_at", None)
    if occurred is None and webhook.timestamp is not None:
        occurred = _time(webhook.timestamp / 1000)
    envelope = new_envelope(event, chat=chat, session=webhook.session, occurred_at=occurred)
    return Translated(envelope=envelope, idempotency_key=key)
