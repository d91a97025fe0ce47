"""What each WAHA engine puts in its webhooks and API answers, for the simulator.

Taken from devlikeapro/waha: the DTOs in src/structures/responses.dto.ts (WAMessage,
WAMessageReaction) and src/structures/webhooks.dto.ts (WAMessageAckBody,
WAMessageRevokedBody, WAMessageEditedBody, WASessionStatusBody), and each engine's
conversions: toWAMessage, processMessageReaction and the message.revoked and
message.edited handlers of src/core/engines/webjs/session.webjs.core.ts,
src/core/engines/noweb/session.noweb.core.ts (getFromToParticipant,
convertMessageUpdateToMessageAck, buildMessageId) and
src/core/engines/gows/session.gows.core.ts (getFromToParticipant, receiptToMessageAck,
messageResponse). Where they differ: WEBJS names the business in ``from`` of what it
sends and the chat in ``to``; NOWEB leaves ``to`` and ``participant`` out outside groups,
GOWS sets them to null; both name the chat in ``from`` whoever wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ENGINES = ("WEBJS", "NOWEB", "GOWS")
# src/structures/enums.dto.ts, WAMessageAck
ACK_NAMES = {-1: "ERROR", 0: "PENDING", 1: "SERVER", 2: "DEVICE", 3: "READ", 4: "PLAYED"}

Payload = dict[str, Any]


def serialized(from_me: bool, chat: str, bare: str) -> str:
    """``{fromMe}_{chat}_{id}``, as every engine names a message outside groups."""
    return f"{str(from_me).lower()}_{chat}_{bare}"


def jid(chat: str) -> str:
    """A chat id as NOWEB's Baileys and GOWS's whatsmeow spell it (toJID)."""
    return chat.replace("@c.us", "@s.whatsapp.net")


@dataclass(frozen=True, slots=True)
class Engine:
    """One engine's shapes; ``me`` is the business's own number."""

    name: str
    me: str

    def _places(self, chat: str, from_me: bool) -> Payload:
        """Who is named where, in a chat of two."""
        if self.name == "WEBJS":
            return {"from": self.me if from_me else chat, "to": chat if from_me else self.me}
        if self.name == "NOWEB":
            return {"from": chat}  # to and participant: undefined, so absent
        return {"from": chat, "to": None, "participant": None}

    def _data(self, chat: str, from_me: bool, bare: str, content: Payload) -> Payload:
        """The engine's own message, as ``_data`` carries it."""
        if self.name == "WEBJS":
            key = {"fromMe": from_me, "remote": chat, "id": bare,
                   "_serialized": serialized(from_me, chat, bare)}  # fmt: skip
            return {"id": key, **content}
        if self.name == "NOWEB":
            return {"key": {"remoteJid": jid(chat), "fromMe": from_me, "id": bare},
                    "message": content}  # fmt: skip
        sender = jid(self.me if from_me else chat)
        info = {"Chat": jid(chat), "Sender": sender, "ID": bare, "IsFromMe": from_me,
                "IsGroup": False}  # fmt: skip
        return {"Info": info, "Message": content}

    def message(
        self, *, bare: str, chat: str, from_me: bool, body: str, timestamp: int,
        source: str = "app", media: Payload | None = None, reply_to: str | None = None,
        ack: int | None = None,
    ) -> Payload:  # fmt: skip
        """A message, as ``message``, ``message.any`` and a chat's message list give it."""
        if ack is None:
            # GOWS marks what it receives DeliveryAck and what it sends ServerAck.
            ack = 1 if from_me or self.name == "WEBJS" else 2
        payload: Payload = {
            "id": serialized(from_me, chat, bare), "timestamp": timestamp,
            **self._places(chat, from_me), "fromMe": from_me, "source": source,
            "body": body if body or self.name == "WEBJS" else None,
            "hasMedia": media is not None, "media": media,
            "ack": ack, "ackName": ACK_NAMES.get(ack, "UNKNOWN"),
            "replyTo": {"id": reply_to, "body": None} if reply_to else None,
            "_data": self._data(chat, from_me, bare, {"conversation": body}),
        }  # fmt: skip
        if self.name == "WEBJS":
            # extractLocation gives null, extractReplyTo undefined when nothing is quoted.
            payload.update(location=None, vCards=[])
            if reply_to is None:
                del payload["replyTo"]
        if media is not None and self.name != "WEBJS":
            payload["mediaUrl"] = media.get("url")
        return payload

    def ack(self, sent: Payload, ack: int) -> Payload:
        """``message.ack`` of a message the business sent: WEBJS sends the whole message,
        NOWEB the fields of WAMessageAckBody it knows, GOWS those and the receipt."""
        if self.name == "WEBJS":
            return {**sent, "ack": ack, "ackName": ACK_NAMES[ack]}
        chat = sent["from"]
        body = {"id": sent["id"], "from": chat, "fromMe": True, "ack": ack,
                "ackName": ACK_NAMES[ack]}  # fmt: skip
        if self.name == "NOWEB":
            return body
        receipt = {"Chat": jid(chat), "Sender": jid(chat), "IsFromMe": False, "IsGroup": False,
                   "MessageIDs": [sent["id"].rsplit("_", 1)[1]],
                   "Type": "read" if ack == 3 else ""}  # fmt: skip
        return {**body, "to": None, "participant": None, "_data": receipt}

    def reaction(
        self, *, bare: str, chat: str, from_me: bool, text: str, target: str, timestamp: int
    ) -> Payload:
        """``message.reaction``: WEBJS names the reacting person in ``from`` and
        ``participant`` and the chat in ``to``."""
        payload: Payload = {"id": serialized(from_me, chat, bare), "timestamp": timestamp,
                            "fromMe": from_me, "source": "app",
                            "reaction": {"text": text, "messageId": target}}  # fmt: skip
        if self.name == "WEBJS":
            sender = self.me if from_me else chat
            return {**payload, "from": sender, "participant": sender, "to": chat}
        return {**payload, **self._places(chat, from_me)}

    def revoked(
        self, *, bare: str, chat: str, from_me: bool, original: Payload, timestamp: int
    ) -> Payload:
        """``message.revoked`` of ``original``: on WEBJS ``after`` is the revoked message
        itself; on NOWEB and GOWS the revocation, a message of its own."""
        revoked_bare = str(original["id"]).rsplit("_", 1)[1]
        if self.name == "WEBJS":
            after = {
                **original,
                "body": "",
                "_data": {
                    **original["_data"],
                    "type": "revoked",
                    "protocolMessageKey": {"id": revoked_bare, "fromMe": from_me, "remote": chat},
                },
            }
            return {"after": after, "before": original, "revokedMessageId": revoked_bare}
        after = self.message(bare=bare, chat=chat, from_me=from_me, body="", timestamp=timestamp)
        return {"after": after, "before": None, "revokedMessageId": revoked_bare,
                "_data": after["_data"]}  # fmt: skip

    def edited(
        self, *, bare: str, chat: str, from_me: bool, original: Payload, text: str,
        timestamp: int,
    ) -> Payload:  # fmt: skip
        """``message.edited``: the edit as a message with the new body and the edited
        message's bare id; on WEBJS the edit carries the edited message's own id."""
        edited_bare = str(original["id"]).rsplit("_", 1)[1]
        if self.name == "WEBJS":
            return {**original, "body": text, "editedMessageId": edited_bare,
                    "_data": {"newBody": text, "prevBody": original.get("body")}}  # fmt: skip
        edit = self.message(bare=bare, chat=chat, from_me=from_me, body="", timestamp=timestamp)
        return {**edit, "body": text, "editedMessageId": edited_bare}

    def send_answer(self, sent: Payload) -> Payload:
        """What ``POST /api/sendText`` answers: whatsapp-web.js's message on WEBJS,
        Baileys' message (the id under ``key.id``) on NOWEB, ``{id, _data}`` on GOWS."""
        chat = str(sent["to"] if self.name == "WEBJS" else sent["from"])
        bare = str(sent["id"]).rsplit("_", 1)[1]
        content = {"extendedTextMessage": {"text": sent["body"]}}
        if self.name == "WEBJS":
            return {**sent, "_data": self._data(chat, True, bare, {"body": sent["body"]})}
        if self.name == "NOWEB":
            return {"key": {"remoteJid": jid(chat), "fromMe": True, "id": bare},
                    "message": content, "messageTimestamp": str(sent["timestamp"]),
                    "status": "PENDING"}  # fmt: skip
        return {"id": sent["id"], "_data": content}


def session_status(name: str, statuses: list[tuple[str, int]]) -> Payload:
    """``session.status``: the status now and the last three with their times (ms)."""
    recent = [{"status": status, "timestamp": at} for status, at in statuses[-3:]]
    return {"name": name, "status": statuses[-1][0], "statuses": recent, "data": None}
