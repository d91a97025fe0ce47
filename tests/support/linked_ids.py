"""Webhooks of a person who writes under a linked id (``…@lid``), as each engine of
devlikeapro/waha shapes them, with the second id the engine passes on in ``_data``.

- NOWEB (src/core/engines/noweb/session.noweb.core.ts, ``toWAMessage``): ``id`` is
  ``buildMessageId(key)`` (``{fromMe}_{chat}_{id}``), ``from`` the ``key.remoteJid`` in
  ``@c.us`` form (a linked id stays ``@lid``), no ``to`` on a direct chat, and ``_data``
  Baileys' message, whose key carries ``remoteJidAlt`` and ``addressingMode`` (read by
  ``jidsFromKey``, src/core/utils/jids.ts).
- GOWS (src/core/engines/gows/session.gows.core.ts, ``toWAMessage``,
  ``getFromToParticipant``, ``buildMessageId``): ``from`` is ``Info.Chat``, ``to`` null on
  a direct chat, and ``_data`` whatsmeow's event, whose ``Info`` is its ``MessageSource``
  (whatsmeow types/message.go: ``Chat``, ``Sender``, ``IsFromMe``, ``IsGroup``,
  ``AddressingMode``, ``SenderAlt``, ``RecipientAlt``) with the message's ``ID``.
- The webhook's ``me`` carries the business's ``lid`` on both (``getSessionMeInfo``).
"""

from __future__ import annotations

from typing import Any

from tests.support.waha import BOT, SENT_MS

BOT_LID = "100000000000001@lid"
BOT_JID = "5511900000000@s.whatsapp.net"
PHONE = "5511988887777@c.us"
PHONE_JID = "5511988887777@s.whatsapp.net"
LINKED = "204060801012141@lid"


def _webhook(engine: str, payload: dict[str, Any], message_id: str) -> dict[str, Any]:
    return {
        "id": f"evt_{engine}_{message_id}",
        "timestamp": SENT_MS,
        "event": "message",
        "session": "default",
        "metadata": {},
        "me": {"id": BOT, "pushName": "Clinica", "lid": BOT_LID},
        "payload": payload,
        "engine": engine,
        "environment": {"version": "2025.11.1", "engine": engine, "tier": "CORE"},
    }


def noweb_message(
    message_id: str,
    body: str,
    *,
    chat: str = LINKED,
    alt: str | None = PHONE_JID,
    timestamp: int = 1764000000,
) -> dict[str, Any]:
    """A person's text on NOWEB, from ``chat``; ``alt`` is Baileys' ``remoteJidAlt``."""
    key: dict[str, Any] = {
        "remoteJid": chat,
        "fromMe": False,
        "id": message_id,
        "addressingMode": "lid" if chat.endswith("@lid") else "pn",
    }
    if alt is not None:
        key["remoteJidAlt"] = alt
    payload = {
        "id": f"false_{chat}_{message_id}",
        "timestamp": timestamp,
        "from": chat,
        "fromMe": False,
        "source": "app",
        "body": body,
        "hasMedia": False,
        "media": None,
        "ack": 2,
        "ackName": "DEVICE",
        "replyTo": None,
        "_data": {
            "key": key,
            "messageTimestamp": timestamp,
            "pushName": "Maria",
            "message": {"conversation": body},
        },
    }
    return _webhook("NOWEB", payload, message_id)


def gows_message(
    message_id: str,
    body: str,
    *,
    chat: str = LINKED,
    alt: str = PHONE_JID,
    timestamp: int = 1764000000,
) -> dict[str, Any]:
    """A person's text on GOWS, from ``chat``; ``alt`` is whatsmeow's ``SenderAlt``."""
    info = {
        "Chat": chat,
        "Sender": chat,
        "IsFromMe": False,
        "IsGroup": False,
        "AddressingMode": "lid" if chat.endswith("@lid") else "pn",
        "SenderAlt": alt,
        "RecipientAlt": "",
        "ID": message_id,
        "Type": "text",
        "PushName": "Maria",
        "Timestamp": "2025-11-24T12:00:00-03:00",
    }
    payload = {
        "id": f"false_{chat}_{message_id}",
        "timestamp": timestamp,
        "from": chat,
        "fromMe": False,
        "source": "app",
        "body": body,
        "to": None,
        "participant": None,
        "hasMedia": False,
        "media": None,
        "ack": None,
        "ackName": "UNKNOWN",
        "replyTo": None,
        "_data": {"Info": info, "Message": {"conversation": body}},
    }
    return _webhook("GOWS", payload, message_id)


def gows_sent_from_phone(
    message_id: str, body: str, *, chat: str = LINKED, recipient_alt: str = PHONE_JID
) -> dict[str, Any]:
    """What the clinic typed on its phone to ``chat`` on GOWS: whatsmeow names the
    business as ``Sender`` (its ``SenderAlt`` the business's own number) and the person's
    other id as ``RecipientAlt``."""
    hook = gows_message(message_id, body, chat=chat, alt=BOT_JID)
    payload = hook["payload"]
    payload.update(id=f"true_{chat}_{message_id}", fromMe=True)
    payload["_data"]["Info"].update(Sender=BOT_LID, IsFromMe=True, RecipientAlt=recipient_alt)
    return hook
