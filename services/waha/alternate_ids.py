"""The second id a webhook reveals for the person it names: a phone number beside a linked
id (``…@lid``), or the other way round. Pure; a payload that does not say is no error.

Where each engine of devlikeapro/waha says it, in the engine's own object that WAHA passes
on as the payload's ``_data``:

- NOWEB passes Baileys' message (``_data.key``): ``remoteJid`` is the chat and, on a
  direct chat, ``remoteJidAlt`` the same person's other id (WAHA's own reading of it is
  ``jidsFromKey`` in src/core/utils/jids.ts, which its NOWEB store uses to fill the table
  its ``/api/{session}/lids`` endpoints answer from). Acks carry the same ``key``.
- GOWS passes whatsmeow's event (``_data.Info`` for a message, the receipt itself for an
  ack; src/core/engines/gows/session.gows.core.ts, ``toWAMessage`` and
  ``receiptToMessageAck``), whose ``MessageSource`` (whatsmeow types/message.go) holds the
  chat in ``Chat``, the sender's other id in ``SenderAlt`` and, for what the business
  sent, the recipient's in ``RecipientAlt``.
- WEBJS passes no second id; its ``/api/{session}/lids`` endpoints answer instead
  (src/api/lids.controller.ts).

Groups are left out: the gateway keeps nothing of them. The business's own ids (the
webhook's ``me``: ``id``, and ``lid`` on GOWS and NOWEB) are never taken for a person's.
"""

from __future__ import annotations

import msgspec

from services.domain import chats
from services.domain.identities import Sighting, sighting
from services.waha.payloads import WahaWebhook

SOURCE = "webhook"


class _BaileysKey(msgspec.Struct, frozen=True):
    remoteJid: str | None = None
    remoteJidAlt: str | None = None
    participant: str | None = None


class _NowebData(msgspec.Struct, frozen=True):
    key: _BaileysKey | None = None


class _MessageSource(msgspec.Struct, frozen=True):
    Chat: str | None = None
    IsFromMe: bool = False
    IsGroup: bool = False
    SenderAlt: str | None = None
    RecipientAlt: str | None = None


class _GowsData(msgspec.Struct, frozen=True):
    Info: _MessageSource | None = None
    Chat: str | None = None
    IsFromMe: bool = False
    IsGroup: bool = False
    SenderAlt: str | None = None
    RecipientAlt: str | None = None


class _NowebPayload(msgspec.Struct, frozen=True):
    data: _NowebData | None = msgspec.field(name="_data", default=None)


class _GowsPayload(msgspec.Struct, frozen=True):
    data: _GowsData | None = msgspec.field(name="_data", default=None)


_ERRORS = (msgspec.DecodeError, msgspec.ValidationError)


def sightings(webhook: WahaWebhook) -> tuple[Sighting, ...]:
    """The person's two ids, when the webhook's engine names both; else nothing."""
    try:
        if webhook.engine == "NOWEB":
            noweb = msgspec.json.decode(webhook.payload, type=_NowebPayload).data
            found = None if noweb is None else _noweb(noweb)
        elif webhook.engine == "GOWS":
            gows = msgspec.json.decode(webhook.payload, type=_GowsPayload).data
            found = None if gows is None else _gows(gows)
        else:
            return ()
    except _ERRORS:
        return ()
    if found is None or _is_business(webhook, found):
        return ()
    return (found,)


def _noweb(data: _NowebData) -> Sighting | None:
    key = data.key
    if key is None or key.participant:
        return None
    return sighting(key.remoteJid, key.remoteJidAlt, SOURCE)


def _gows(data: _GowsData) -> Sighting | None:
    source = data.Info or _MessageSource(
        Chat=data.Chat,
        IsFromMe=data.IsFromMe,
        IsGroup=data.IsGroup,
        SenderAlt=data.SenderAlt,
        RecipientAlt=data.RecipientAlt,
    )
    if source.IsGroup:
        return None
    other = source.RecipientAlt if source.IsFromMe else source.SenderAlt
    return sighting(source.Chat, other, SOURCE)


def _is_business(webhook: WahaWebhook, found: Sighting) -> bool:
    me = webhook.me
    if me is None:
        return False
    own = set()
    for raw in (me.id, me.lid):
        try:
            own.add(chats.normalize_chat_id(raw or ""))
        except chats.ChatIdInvalid:
            continue
    return found.phone_id in own or found.linked_id in own
