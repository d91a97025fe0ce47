"""WAHA's webhook payloads as msgspec Structs; decoded once, validated on the way in.

Unknown fields are tolerated (WAHA adds fields over time, engines add ``_data``); wrong types
of the fields used here are rejected with a path in the error.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

Name = Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.:-]{1,64}$")]
MessageId = Annotated[str, msgspec.Meta(min_length=1, max_length=256)]


class WahaMe(msgspec.Struct, frozen=True):
    """The business's own number, as the webhook's ``me``."""

    id: str
    pushName: str | None = None
    lid: str | None = None  # GOWS, NOWEB: the business's own linked id


class WahaWebhook(msgspec.Struct, frozen=True):
    """The envelope every WAHA webhook shares."""

    event: Name
    session: Name
    payload: msgspec.Raw
    id: MessageId | None = None
    timestamp: int | None = None
    me: WahaMe | None = None
    engine: str | None = None


class WahaMedia(msgspec.Struct, frozen=True):
    """What WAHA says of a message's media; ``error`` is set when it could not fetch it."""

    url: str | None = None
    mimetype: str | None = None
    filename: str | None = None
    error: object = None


class WahaReplyTo(msgspec.Struct, frozen=True):
    """The message a message quotes."""

    id: MessageId | None = None


class WahaMessage(msgspec.Struct, frozen=True):
    """Payload of ``message``, ``message.any`` and ``message.ack``."""

    id: MessageId
    from_: str = msgspec.field(name="from")
    timestamp: int = 0
    fromMe: bool = False
    to: str | None = None
    participant: str | None = None  # NOWEB, GOWS: who wrote, in a group
    author: str | None = None  # WEBJS: who wrote, in a group
    body: str | None = None
    hasMedia: bool = False
    media: WahaMedia | None = None
    ack: int | None = None
    ackName: str | None = None
    replyTo: WahaReplyTo | None = None
    source: str | None = None  # "api" (sent through WAHA's API) or "app" (from a phone)


class WahaEdited(WahaMessage, frozen=True):
    """Payload of ``message.edited``: the edit as a message (on NOWEB and GOWS its own id,
    on WEBJS the edited message's), with the new body and the edited message's bare id
    (src/structures/webhooks.dto.ts, WAMessageEditedBody)."""

    editedMessageId: MessageId | None = None


class WahaReactionBody(msgspec.Struct, frozen=True):
    """The emoji and the message it reacts to."""

    text: str
    messageId: MessageId


class WahaReaction(msgspec.Struct, frozen=True):
    """Payload of ``message.reaction``."""

    id: MessageId
    from_: str = msgspec.field(name="from")
    reaction: WahaReactionBody
    fromMe: bool = False
    to: str | None = None
    participant: str | None = None


class WahaRevoked(msgspec.Struct, frozen=True):
    """Payload of ``message.revoked``: ``revokedMessageId`` is the revoked message's bare
    id; ``after`` is the revocation itself, whose id is the revoked message's only on WEBJS
    (src/structures/webhooks.dto.ts, WAMessageRevokedBody)."""

    after: WahaMessage | None = None
    before: WahaMessage | None = None
    revokedMessageId: MessageId | None = None


class WahaSessionStatus(msgspec.Struct, frozen=True):
    """Payload of ``session.status``."""

    status: Name
    name: str | None = None
