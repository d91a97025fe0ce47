"""WAHA webhooks -> domain events. Pure: no I/O, no clock except the one passed in.

Each supported kind of webhook has a translator of its own in ``TRANSLATORS``. The table is
checked against ``SUPPORTED_EVENTS`` when this module is imported, so that a kind declared
supported without a translator stops the gateway from starting instead of being read as
another kind.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Protocol, TypeVar

import msgspec

from events import (
    MessageAcknowledged,
    MessageRevoked,
    ReactionReceived,
    SessionStatusChanged,
    new_envelope,
)
from events.codec import DECODE_ERRORS
from events.schema import DomainEvent, MessageEdited
from services.domain import chats
from services.ingest.errors import PayloadInvalid
from services.waha import message_ids
from services.waha.messages import NOT_SERVED_CHATS as NOT_SERVED_CHATS
from services.waha.messages import Ignored as Ignored
from services.waha.messages import MessageInvalid, chat_id, conversation_of, message_event, moment
from services.waha.messages import Translated as Translated
from services.waha.messages import not_served as not_served
from services.waha.messages import unserved as _unserved
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
Payload = TypeVar("Payload")


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
    try:
        return chat_id(raw)
    except MessageInvalid as exc:
        raise PayloadInvalid(str(exc)) from None


def _conversation(message_id: str, from_: str | None, to: str | None, from_me: bool) -> str:
    try:
        return conversation_of(message_id, from_, to, from_me)
    except MessageInvalid as exc:
        raise PayloadInvalid(str(exc)) from None


def _time(seconds: float) -> datetime:
    try:
        return moment(seconds)
    except MessageInvalid as exc:
        raise PayloadInvalid(str(exc)) from None


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
    # One translation with the reconciler's (services.waha.messages): a message is one
    # event whether its webhook came or WAHA's chat history gave it back.
    try:
        return message_event(webhook.session, _payload(webhook, WahaMessage), chat_secret)
    except MessageInvalid as exc:
        raise PayloadInvalid(str(exc)) from None


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
