"""The phone's side of the simulator: people and the clinic's own phone doing things.

Each route makes WAHA post the webhook its engine would (``engines.py``), signed, to the
gateway, and answers with the message's id and the gateway's answer:

- ``POST /sim/inbound`` {"from": "5511…", "text": "…"} (or a "mimetype" for a media
  message): a person writes to the clinic (``message``);
- ``POST /sim/phone`` {"to": "5511…", "text": "…"}: someone at the clinic writes from its
  phone (``message.any``, source "app");
- ``POST /sim/ack`` {"message_id": "true_…", "ack": 3}: a message the clinic sent is
  delivered (2), read (3) or played (4) (``message.ack``);
- ``POST /sim/react`` {"from": "5511…", "message_id": "…", "text": "👍"}: a person
  reacts to a message ("" takes the reaction back) (``message.reaction``);
- ``POST /sim/revoke`` and ``POST /sim/edit`` {"from": "5511…", "message_id": "…"
  (, "text": "…")}: a person deletes for everyone or edits what they wrote
  (``message.revoked``, ``message.edited``);
- ``POST /sim/session`` {"status": "SCAN_QR_CODE"[, "phone_online": false]}: the session
  changes state (``session.status``); sends wait for WORKING, then get 422; with the
  phone offline, sends are taken but never acknowledged.

Every body may name a "session" (default "default").
"""

from __future__ import annotations

import time
from typing import Annotated, Any, Literal, Protocol, TypeVar

import msgspec
from aiohttp import web

from services.waha_sim.engines import Engine, Payload, session_status

Body = TypeVar("Body", bound=msgspec.Struct)


class Simulator(Protocol):
    """What the phone's side needs of the simulator (``app.Simulator``)."""

    messages: dict[tuple[str, str], list[dict[str, Any]]]
    statuses: dict[str, list[tuple[str, int]]]
    offline: set[str]

    @property
    def shapes(self) -> Engine: ...

    def new_id(self) -> str: ...

    def set_status(self, session: str, status: str) -> None: ...

    async def body(self, request: web.Request, kind: type[Body]) -> Body: ...

    async def post_webhook(self, event: str, session: str, payload: Payload) -> web.Response: ...

    def webhook_lost(self) -> bool: ...


# WAHASessionStatus (devlikeapro/waha, src/structures/enums.dto.ts).
Status = Literal["STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"]


class Inbound(msgspec.Struct):
    """What a person writes."""

    from_: str = msgspec.field(name="from")
    text: str = ""
    session: str = "default"
    mimetype: str | None = None  # a media message (e.g. audio/ogg), as WAHA reports it


class FromPhone(msgspec.Struct):
    """What someone at the clinic writes from its phone."""

    to: str
    text: str
    session: str = "default"


class Ack(msgspec.Struct):
    """A receipt for a message the clinic sent."""

    message_id: str
    ack: Annotated[int, msgspec.Meta(ge=2, le=4)] = 3
    session: str = "default"


class Touch(msgspec.Struct):
    """A person reacting to, revoking or editing a message."""

    from_: str = msgspec.field(name="from")
    message_id: str
    text: str = ""
    session: str = "default"


class SessionChange(msgspec.Struct):
    """A new session status; ``phone_online`` false: WAHA keeps saying so, but WhatsApp
    acknowledges nothing sent, as when the phone lost its connection."""

    status: Status
    session: str = "default"
    phone_online: bool = True


def _chat(number: str) -> str:
    return number if "@" in number else f"{number}@c.us"


def _now() -> int:
    return int(time.time())


def _found(sim: Simulator, session: str, chat: str, message_id: str) -> Payload:
    for message in sim.messages.get((session, chat), []):
        if message["id"] == message_id:
            return message
    raise web.HTTPNotFound(text='{"error": "no such message"}', content_type="application/json")


def add_routes(router: web.UrlDispatcher, sim: Simulator) -> None:
    """The phone's routes, driving ``sim``."""

    async def inbound(request: web.Request) -> web.Response:
        body = await sim.body(request, Inbound)
        chat = _chat(body.from_)
        media = ({"url": None, "mimetype": body.mimetype, "filename": None}
                 if body.mimetype else None)  # fmt: skip
        message = sim.shapes.message(bare=sim.new_id(), chat=chat, from_me=False,
                                     body=body.text, timestamp=_now(), media=media)  # fmt: skip
        sim.messages[(body.session, chat)].append(message)
        if sim.webhook_lost():  # WAHA keeps the message and never tells
            return web.json_response({"message_id": message["id"], "dropped": True})
        return await sim.post_webhook("message", body.session, message)

    async def from_phone(request: web.Request) -> web.Response:
        body = await sim.body(request, FromPhone)
        chat = _chat(body.to)
        message = sim.shapes.message(bare=sim.new_id(), chat=chat, from_me=True,
                                     body=body.text, timestamp=_now())  # fmt: skip
        sim.messages[(body.session, chat)].append(message)
        return await sim.post_webhook("message.any", body.session, message)

    async def ack(request: web.Request) -> web.Response:
        body = await sim.body(request, Ack)
        parts = body.message_id.split("_")
        chat = parts[1] if len(parts) >= 3 else ""
        found = _found(sim, body.session, chat, body.message_id)
        sent = {name: value for name, value in found.items() if name != "received_at"}
        return await sim.post_webhook("message.ack", body.session, sim.shapes.ack(sent, body.ack))

    async def react(request: web.Request) -> web.Response:
        body = await sim.body(request, Touch)
        payload = sim.shapes.reaction(bare=sim.new_id(), chat=_chat(body.from_), from_me=False,
                                      text=body.text, target=body.message_id,
                                      timestamp=_now())  # fmt: skip
        return await sim.post_webhook("message.reaction", body.session, payload)

    async def revoke(request: web.Request) -> web.Response:
        body = await sim.body(request, Touch)
        chat = _chat(body.from_)
        original = _found(sim, body.session, chat, body.message_id)
        payload = sim.shapes.revoked(bare=sim.new_id(), chat=chat, from_me=False,
                                     original=original, timestamp=_now())  # fmt: skip
        return await sim.post_webhook("message.revoked", body.session, payload)

    async def edit(request: web.Request) -> web.Response:
        body = await sim.body(request, Touch)
        chat = _chat(body.from_)
        original = _found(sim, body.session, chat, body.message_id)
        payload = sim.shapes.edited(bare=sim.new_id(), chat=chat, from_me=False,
                                    original=original, text=body.text,
                                    timestamp=_now())  # fmt: skip
        original["body"] = body.text
        return await sim.post_webhook("message.edited", body.session, payload)

    async def session(request: web.Request) -> web.Response:
        body = await sim.body(request, SessionChange)
        (sim.offline.discard if body.phone_online else sim.offline.add)(body.session)
        sim.set_status(body.session, body.status)
        payload: dict[str, Any] = session_status(body.session, sim.statuses[body.session])
        posted = await sim.post_webhook("session.status", body.session, payload)
        if posted.status == 409:  # no gateway to tell: the session changed all the same
            return web.json_response({"session": body.session, "status": body.status})
        return posted

    routes = {"inbound": inbound, "phone": from_phone, "ack": ack, "react": react,
              "revoke": revoke, "edit": edit, "session": session}  # fmt: skip
    for name, handler in routes.items():
        router.add_post(f"/sim/{name}", handler)
