"""The WAHA simulator's HTTP app.

WAHA's side: ``POST /api/sendText``, ``/api/sendSeen``, ``/api/startTyping``,
``/api/stopTyping``, ``GET /api/sessions``, ``GET /api/sessions/{session}``,
``GET /api/{session}/chats/{chatId}/messages``; sends wait for a session that is not
WORKING, then answer 422, as WAHA does (``services.waha_sim.sessions``).
The phone's side: ``POST /sim/inbound`` {"from": "5511…", "text": "…"} (or a "mimetype" for a media
message) makes a WhatsApp
user write to the bot: the simulator signs a ``message`` webhook as WAHA does and posts
it to the gateway. ``POST /sim/session`` {"session", "status", "phone_online"} changes a
session's status and posts its ``session.status`` webhook; each send is acknowledged by a
``message.ack`` webhook unless the phone is offline (``services.waha_sim.acks``).
``POST /sim/faults`` makes sends fail or answer late, for tests: the
next ``fail_sends`` of them, and from then on a share (``fail_rate``) failing and another
(``stall_rate``) taken but answered ``stall_seconds`` late, as a slow WAHA does.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

import aiohttp
import msgspec
from aiohttp import web

from events.codec import DECODE_ERRORS
from services.waha.client import message_id_only
from services.waha.signature import sign
from services.waha_sim import acks
from services.waha_sim import sessions as waha_sessions
from services.waha_sim.api_key import key_matches

ME = "5511900000000@c.us"
Body = TypeVar("Body", bound=msgspec.Struct)


class SendText(msgspec.Struct):
    """Body of ``POST /api/sendText``."""

    session: str
    chatId: str
    text: str
    reply_to: str | None = None


class ChatAction(msgspec.Struct):
    """Body of ``/api/sendSeen``, ``/api/startTyping`` and ``/api/stopTyping``."""

    session: str
    chatId: str


class Inbound(msgspec.Struct):
    """Body of ``POST /sim/inbound``: what the simulated WhatsApp user writes."""

    from_: str = msgspec.field(name="from")
    text: str = ""
    session: str = "default"
    mimetype: str | None = None  # a media message (e.g. audio/ogg), as WAHA reports it


Share = Annotated[float, msgspec.Meta(ge=0, le=1)]


class Faults(msgspec.Struct, forbid_unknown_fields=True):
    """Body of ``POST /sim/faults``: how sends fail or stall from now on."""

    fail_sends: Annotated[int, msgspec.Meta(ge=0)] = 0
    status: Annotated[int, msgspec.Meta(ge=400, le=599)] = 500
    fail_rate: Share = 0.0
    stall_rate: Share = 0.0
    stall_seconds: Annotated[float, msgspec.Meta(ge=0, le=60)] = 0.0
    seed: int | None = None

    def __post_init__(self) -> None:
        if self.fail_rate + self.stall_rate > 1:
            raise ValueError("fail_rate + stall_rate must be at most 1")


@dataclass
class Simulator:
    """WAHA's state as the simulator keeps it: each chat's messages and the indicators shown."""

    webhook_url: str | None
    hmac_key: bytes
    api_key: str | None = None
    messages: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    actions: list[tuple[str, str]] = field(default_factory=list)
    faults: Faults = field(default_factory=Faults)
    _rng: random.Random = field(default_factory=random.Random)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _client: aiohttp.ClientSession | None = None
    _background: set[asyncio.Task[Any]] = field(default_factory=set)
    session_states: waha_sessions.Sessions = field(
        default_factory=lambda: waha_sessions.Sessions(me={"id": ME, "pushName": "Clínica"})
    )

    def authorize(self, request: web.Request) -> None:
        """401 without the API key, in WAHA's body (waha-docs, how-to/security)."""
        given = request.headers.get("X-Api-Key", "")
        if self.api_key is not None and not key_matches(self.api_key, given):
            raise web.HTTPUnauthorized(
                text='{"message": "Unauthorized", "statusCode": 401}',
                content_type="application/json",
            )

    async def _body(self, request: web.Request, kind: type[Body], *, api: bool = True) -> Body:
        """The request's JSON as ``kind``; 401 without the API key, 400 if malformed."""
        if api:
            self.authorize(request)
        try:
            return msgspec.json.decode(await request.read(), type=kind)
        except DECODE_ERRORS as exc:
            raise web.HTTPBadRequest(
                text=msgspec.json.encode({"error": str(exc)}).decode(),
                content_type="application/json",
            ) from None

    async def send_text(self, request: web.Request) -> web.Response:
        """``POST /api/sendText``: the message is kept in its chat, unless a fault says no."""
        body = await self._body(request, SendText)
        await self.session_states.require_working(body.session)
        faults, roll = self.faults, self._rng.random()
        if faults.fail_sends > 0 or roll < faults.fail_rate:
            faults.fail_sends = max(0, faults.fail_sends - 1)
            return web.json_response({"error": "simulated failure"}, status=faults.status)
        message_id = f"true_{body.chatId}_{next(self._ids):020d}"
        # received_at (seconds, float) lets a benchmark measure webhook-to-reply latency.
        message = {"id": message_id, "timestamp": int(time.time()), "from": ME,
                   "to": body.chatId, "fromMe": True, "body": body.text,
                   "replyTo": {"id": message_id_only(body.reply_to)} if body.reply_to else None,
                   "received_at": time.time()}  # fmt: skip
        self.messages[(body.session, body.chatId)].append(message)
        if body.session not in self.session_states.offline:
            self._in_background(acks.ack_webhook(body.session, message, self.session_states.me))
        if roll < faults.fail_rate + faults.stall_rate:
            await asyncio.sleep(faults.stall_seconds)  # sent, but the answer comes late
        return web.json_response({**message, "_data": {}}, status=201)

    async def chat_action(self, request: web.Request) -> web.Response:
        """Read and typing indicators: recorded, for tests to see."""
        body = await self._body(request, ChatAction)
        self.actions.append((request.path.rsplit("/", 1)[-1], body.chatId))
        return web.json_response({})

    async def sessions(self, request: web.Request) -> web.Response:
        """``GET /api/sessions``: every session, with its status."""
        states = self.session_states
        return web.json_response([states.info(name) for name in states.statuses])

    async def chat_messages(self, request: web.Request) -> web.Response:
        """A chat's latest ``limit`` messages, both ways, oldest first."""
        key = (request.match_info["session"], request.match_info["chat_id"])
        await self.session_states.require_working(key[0])
        try:
            limit = int(request.query.get("limit", "100"))
        except ValueError:
            return web.json_response({"error": "limit must be an integer"}, status=400)
        return web.json_response(self.messages.get(key, [])[-limit:])

    async def inbound(self, request: web.Request) -> web.Response:
        """A WhatsApp user writes to the bot."""
        body = await self._body(request, Inbound, api=False)
        if self.webhook_url is None:
            return web.json_response({"error": "no webhook URL configured"}, status=409)
        chat_id = body.from_ if "@" in body.from_ else f"{body.from_}@c.us"
        message = {"id": f"false_{chat_id}_{next(self._ids):020d}", "timestamp": int(time.time()),
                   "from": chat_id, "fromMe": False, "source": "app", "to": ME,
                   "body": body.text, "hasMedia": body.mimetype is not None,
                   "media": {"mimetype": body.mimetype, "url": None, "filename": None}
                   if body.mimetype else None,
                   "ack": 1, "ackName": "SERVER"}  # fmt: skip
        self.messages[(body.session, chat_id)].append(message)
        webhook = {"id": f"evt_{message['id']}", "timestamp": int(time.time() * 1000),
                   "event": "message", "session": body.session, "metadata": {},
                   "me": {"id": ME, "pushName": "Clínica"}, "payload": message,
                   "engine": "WEBJS"}  # fmt: skip
        raw = msgspec.json.encode(webhook)
        headers = {"Content-Type": "application/json", "X-Webhook-Hmac": sign(raw, self.hmac_key),
                   "X-Webhook-Hmac-Algorithm": "sha512",
                   "X-Webhook-Request-Id": str(webhook["id"]),
                   "X-Webhook-Timestamp": str(webhook["timestamp"])}  # fmt: skip
        if self._client is None:
            self._client = aiohttp.ClientSession()
        async with self._client.post(self.webhook_url, data=raw, headers=headers) as response:
            answer = await response.json(content_type=None)
            return web.json_response(
                {"message_id": message["id"], "gateway": answer}, status=response.status
            )

    def _in_background(self, webhook: dict[str, Any]) -> None:
        """Post ``webhook`` once the current answer is out, as WAHA posts its events."""
        task = asyncio.create_task(self._post_quietly(webhook))
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _post_quietly(self, webhook: dict[str, Any]) -> None:
        # A gateway that is away misses it, as it would miss WAHA's.
        with contextlib.suppress(aiohttp.ClientError, TimeoutError, ValueError):
            await self.post_webhook(webhook)

    async def post_webhook(self, webhook: dict[str, Any]) -> tuple[int, Any] | None:
        """Sign ``webhook`` as WAHA does and post it to the gateway: its status and answer;
        None without a gateway to post to."""
        if self.webhook_url is None:
            return None
        raw = msgspec.json.encode(webhook)
        headers = {"Content-Type": "application/json", "X-Webhook-Hmac": sign(raw, self.hmac_key),
                   "X-Webhook-Hmac-Algorithm": "sha512",
                   "X-Webhook-Request-Id": str(webhook["id"]),
                   "X-Webhook-Timestamp": str(webhook["timestamp"])}  # fmt: skip
        if self._client is None:
            self._client = aiohttp.ClientSession()
        async with self._client.post(self.webhook_url, data=raw, headers=headers) as response:
            return response.status, await response.json(content_type=None)

    async def set_faults(self, request: web.Request) -> web.Response:
        """``POST /sim/faults``: replace the faults; a ``seed`` makes the rolls repeatable."""
        self.faults = await self._body(request, Faults, api=False)
        self._rng = random.Random(self.faults.seed)
        return web.json_response(msgspec.to_builtins(self.faults))

    async def close(self) -> None:
        """Close the client that posts webhooks to the gateway."""
        for task in list(self._background):
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        if self._client is not None:
            await self._client.close()


SIMULATOR = web.AppKey("simulator", Simulator)


def create_app(simulator: Simulator) -> web.Application:
    """The simulator's routes: WAHA's API, and the phone's side under ``/sim``."""
    app = web.Application()
    app[SIMULATOR] = simulator
    app.router.add_post("/api/sendText", simulator.send_text)
    for action in ("sendSeen", "startTyping", "stopTyping"):
        app.router.add_post(f"/api/{action}", simulator.chat_action)
    app.router.add_get("/api/sessions", simulator.sessions)
    app.router.add_get("/api/{session}/chats/{chat_id}/messages", simulator.chat_messages)
    app.router.add_post("/sim/inbound", simulator.inbound)
    app.router.add_post("/sim/faults", simulator.set_faults)
    waha_sessions.add_routes(
        app, simulator.session_states, simulator.authorize, simulator.post_webhook
    )

    async def close(app: web.Application) -> None:
        await simulator.close()

    app.on_cleanup.append(close)
    return app
