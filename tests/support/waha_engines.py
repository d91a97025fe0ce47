"""A corpus of WAHA webhooks as each engine really shapes them, for every kind the gateway
handles and several it ignores.

Every shape is taken from devlikeapro/waha and says where: the DTOs in
src/structures/responses.dto.ts and src/structures/webhooks.dto.ts, and each engine's
conversion code in src/core/engines/webjs/session.webjs.core.ts (WEBJS),
src/core/engines/noweb/session.noweb.core.ts (NOWEB) and
src/core/engines/gows/session.gows.core.ts (GOWS); the documented minimal ack and the
ignored kinds from devlikeapro/waha-docs, content/docs/how-to/events/index.md. JSON drops
what a conversion leaves ``undefined``, so NOWEB's payloads lack ``to`` and
``participant`` outside groups, where GOWS sends them as null.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from events.schema import (
    DomainEvent,
    MessageAcknowledged,
    MessageEdited,
    MessageReceived,
    MessageRevoked,
    MessageSentByBusiness,
    ReactionReceived,
    SessionStatusChanged,
)
from tests.support.waha import BOT, webhook

CHAT = "5511988887777@c.us"
JID = "5511988887777@s.whatsapp.net"
BOT_JID = "5511900000000@s.whatsapp.net"
T = 1764000000


@dataclass(frozen=True)
class Shape:
    """One webhook, and what the gateway makes of it: an event of the chat ``CHAT``, with
    the message id it names, or the reason it is ignored."""

    engine: str
    name: str
    body: dict[str, Any]
    becomes: type[DomainEvent] | str
    message_id: str | None = None

    @property
    def id(self) -> str:
        return f"{self.engine}: {self.name}"


def _webjs(from_me: bool, bare: str, body: str = "oi", **extra: Any) -> dict[str, Any]:
    """WEBJS toWAMessage: whatsapp-web.js's ``from`` and ``to`` as they are (the business
    in ``from`` of what it sends), the id ``id._serialized``."""
    return {"id": f"{str(from_me).lower()}_{CHAT}_{bare}", "timestamp": T,
            "from": BOT if from_me else CHAT, "fromMe": from_me, "source": "app",
            "to": CHAT if from_me else BOT, "body": body, "hasMedia": False, "media": None,
            "ack": 1, "ackName": "SERVER", "location": None, "vCards": [],
            "_data": {"id": {"fromMe": from_me, "remote": CHAT, "id": bare,
                             "_serialized": f"{str(from_me).lower()}_{CHAT}_{bare}"},
                      "type": "chat", "body": body}, **extra}  # fmt: skip


def _noweb(from_me: bool, bare: str, body: str | None = "oi", **extra: Any) -> dict[str, Any]:
    """NOWEB toWAMessage: ``from`` is key.remoteJid in c.us form whoever wrote,
    ``to`` and ``participant`` undefined outside groups, the id buildMessageId(key)."""
    return {"id": f"{str(from_me).lower()}_{CHAT}_{bare}", "timestamp": T, "from": CHAT,
            "fromMe": from_me, "source": "app", "body": body, "hasMedia": False,
            "media": None, "ack": 2, "ackName": "DEVICE", "replyTo": None,
            "_data": {"key": {"remoteJid": JID, "fromMe": from_me, "id": bare},
                      "message": {"conversation": body}, "messageTimestamp": T},
            **extra}  # fmt: skip


def _gows(from_me: bool, bare: str, body: str | None = "oi", **extra: Any) -> dict[str, Any]:
    """GOWS toWAMessage: ``from`` is Info.Chat in c.us form whoever wrote, ``to`` and
    ``participant`` null outside groups (getFromToParticipant), the id buildMessageId."""
    sender = BOT_JID if from_me else JID
    return {"id": f"{str(from_me).lower()}_{CHAT}_{bare}", "timestamp": T, "from": CHAT,
            "fromMe": from_me, "source": "app", "body": body, "to": None,
            "participant": None, "hasMedia": False, "media": None,
            "ack": 1 if from_me else 2, "ackName": "SERVER" if from_me else "DEVICE",
            "replyTo": None,
            "_data": {"Info": {"Chat": JID, "Sender": sender, "ID": bare,
                               "IsFromMe": from_me, "IsGroup": False},
                      "Message": {"conversation": body}}, **extra}  # fmt: skip


MESSAGES = {"WEBJS": _webjs, "NOWEB": _noweb, "GOWS": _gows}
AUDIO = {"url": "http://waha:3000/api/files/default/A.oga", "mimetype": "audio/ogg; codecs=opus",
         "filename": None}  # fmt: skip


def _acks() -> dict[str, dict[str, Any]]:
    """``message.ack`` of a reply the bot sent, read by the person."""
    sent = f"true_{CHAT}_3EB0AC"
    return {
        # WEBJS: the MESSAGE_ACK handler maps the whole message through toWAMessage.
        "WEBJS": {**_webjs(True, "3EB0AC", "Olá!"), "source": "api", "ack": 3,
                  "ackName": "READ"},
        # NOWEB: convertMessageUpdateToMessageAck: getFromToParticipant(key), no _data.
        "NOWEB": {"id": sent, "from": CHAT, "fromMe": True, "ack": 3, "ackName": "READ"},
        # GOWS: receiptToMessageAck: from Chat, to and participant null, the receipt.
        "GOWS": {"id": sent, "from": CHAT, "to": None, "participant": None, "fromMe": True,
                 "ack": 3, "ackName": "READ",
                 "_data": {"Chat": JID, "Sender": JID, "IsFromMe": False, "IsGroup": False,
                           "MessageIDs": ["3EB0AC"], "Type": "read"}},
    }  # fmt: skip


def _reactions(from_me: bool) -> dict[str, dict[str, Any]]:
    """``message.reaction``: WEBJS processMessageReaction names the reacting person in
    ``from`` and ``participant`` and the chat in ``to`` (reaction.id.remote); NOWEB and
    GOWS processMessageReaction use getFromToParticipant like a message."""
    bare = "3EB0RB" if from_me else "3EB0RA"
    rid = f"{str(from_me).lower()}_{CHAT}_{bare}"
    target = f"false_{CHAT}_3EB0M1" if from_me else f"true_{CHAT}_3EB0AC"
    reaction = {"text": "👍", "messageId": target}
    sender = BOT if from_me else CHAT
    common = {"id": rid, "timestamp": T, "fromMe": from_me, "source": "app",
              "reaction": reaction}  # fmt: skip
    return {
        "WEBJS": {**common, "from": sender, "participant": sender, "to": CHAT},
        "NOWEB": {**common, "from": CHAT},
        "GOWS": {**common, "from": CHAT, "to": None, "participant": None},
    }


def _revocations() -> dict[str, dict[str, Any]]:
    """``message.revoked`` of the person's message 3EB0M1: on WEBJS ``after`` is the
    revoked message itself (its _data.protocolMessageKey names it); on NOWEB and GOWS the
    revocation, a protocol message of its own id, with ``before`` null."""
    webjs_after = _webjs(False, "3EB0M1", "")
    webjs_after["_data"] = {**webjs_after["_data"], "type": "revoked",
                            "protocolMessageKey": {"id": "3EB0M1", "fromMe": False,
                                                   "remote": CHAT}}  # fmt: skip
    return {
        "WEBJS": {"after": webjs_after, "before": _webjs(False, "3EB0M1", "amanhã 15h"),
                  "revokedMessageId": "3EB0M1"},
        "NOWEB": {"after": _noweb(False, "3EB0RV", None), "before": None,
                  "revokedMessageId": "3EB0M1", "_data": {}},
        "GOWS": {"after": _gows(False, "3EB0RV", None), "before": None,
                 "revokedMessageId": "3EB0M1", "_data": {}},
    }  # fmt: skip


def _edits() -> dict[str, dict[str, Any]]:
    """``message.edited`` of the person's message 3EB0M1 into "amanhã às 16h": the edit
    as a message with the new body and the edited message's bare id. WEBJS's
    MESSAGE_EDIT handler keeps the edited message's own id; NOWEB and GOWS give the
    protocol message its own."""
    new = "amanhã às 16h"
    return {
        "WEBJS": {**_webjs(False, "3EB0M1", new), "editedMessageId": "3EB0M1",
                  "_data": {"newBody": new, "prevBody": "amanhã às 15h"}},
        "NOWEB": {**_noweb(False, "3EB0ED", new), "editedMessageId": "3EB0M1"},
        "GOWS": {**_gows(False, "3EB0ED", new), "editedMessageId": "3EB0M1"},
    }  # fmt: skip


def _as(engine: str, event: str, payload: dict[str, Any], n: int) -> dict[str, Any]:
    return webhook(event, payload, webhook_id=f"evt_{engine}_{n}", engine=engine)


def corpus() -> list[Shape]:
    """Every shape of the corpus, engine by engine."""
    shapes: list[Shape] = []
    acks, mine, theirs = _acks(), _reactions(True), _reactions(False)
    revocations, edits = _revocations(), _edits()
    for engine, message in MESSAGES.items():
        n = iter(range(100))
        inbound = message(False, "3EB0M1", "quero marcar amanhã às 15h")
        audio = message(False, "3EB0M2", "" if engine == "WEBJS" else None,
                        hasMedia=True, media=AUDIO)  # fmt: skip
        staff = message(True, "3EB0S1", "Bom dia, aqui é a recepção")
        echo = {**message(True, "3EB0AC", "Olá!"), "source": "api"}
        status = {"name": "default", "status": "SCAN_QR_CODE",
                  "statuses": [{"status": "WORKING", "timestamp": T * 1000},
                               {"status": "SCAN_QR_CODE", "timestamp": T * 1000 + 5}],
                  "data": None}  # fmt: skip
        handled: list[tuple[str, str, dict[str, Any], type[DomainEvent], str | None]] = [
            ("a person writes", "message", inbound, MessageReceived, f"false_{CHAT}_3EB0M1"),
            ("a person sends audio", "message.audio", audio, MessageReceived, None),
            ("the clinic's phone writes", "message.any", staff, MessageSentByBusiness,
             f"true_{CHAT}_3EB0S1"),
            ("a reply is read", "message.ack", acks[engine], MessageAcknowledged,
             f"true_{CHAT}_3EB0AC"),
            ("a person reacts", "message.reaction", theirs[engine], ReactionReceived, None),
            ("the clinic reacts", "message.reaction", mine[engine], ReactionReceived, None),
            ("a person deletes a message", "message.revoked", revocations[engine],
             MessageRevoked, f"false_{CHAT}_3EB0M1"),
            ("a person edits a message", "message.edited", edits[engine], MessageEdited,
             f"false_{CHAT}_3EB0M1"),
            ("the session needs a QR code", "session.status", status, SessionStatusChanged,
             None),
        ]  # fmt: skip
        for name, event, payload, becomes, message_id in handled:
            kind = "message" if event == "message.audio" else event
            body = _as(engine, kind, payload, next(n))
            shapes.append(Shape(engine, name, body, becomes, message_id))
        ignored = [
            ("the echo of the bot's own reply", "message.any", echo, "own_message"),
            # waha-docs content/docs/how-to/events/index.md: message.waiting, presence.update
            ("a message still on its way", "message.waiting", inbound, "unsupported_event"),
            ("a person is typing", "presence.update",
             {"id": CHAT, "presences": [{"participant": CHAT, "lastKnownPresence": "typing",
                                         "lastSeen": None}]}, "unsupported_event"),
            ("a call", "call.received", {"id": "C1", "from": CHAT, "timestamp": T,
                                         "isVideo": False, "isGroup": False},
             "unsupported_event"),
        ]  # fmt: skip
        for name, event, payload, reason in ignored:
            shapes.append(Shape(engine, name, _as(engine, event, payload, next(n)), reason))
    # waha-docs content/docs/how-to/events/index.md: "a minimum amount that all engines send".
    minimal = {"id": f"true_{CHAT}_3EB0AC", "from": CHAT, "participant": None, "fromMe": True,
               "ack": 3, "ackName": "READ"}  # fmt: skip
    shapes.append(Shape("any", "the documented minimal ack", _as("WEBJS", "message.ack",
                        minimal, 99), MessageAcknowledged, f"true_{CHAT}_3EB0AC"))  # fmt: skip
    return shapes


CORPUS = corpus()
