"""The WAHA simulator's HTTP app: WAHA's API as the product uses it, speaking one engine.

WAHA's side: ``POST /api/sendText``, ``/api/sendSeen``, ``/api/startTyping``,
``/api/stopTyping``, ``GET /api/sessions``, ``GET /api/sessions/{session}``,
``GET /api/{session}/chats/{chatId}/messages``,
``GET /api/{session}/chats/overview``. Answers follow WAHA's: 201 for a message
taken, 401 ``{"message": "Unauthorized", "statusCode": 401}`` without the API key
(src/core/auth/api-key-auth.middleware.ts), and 422 after waiting up to 5 s for a session
that is not WORKING (src/core/abc/manager.abc.ts, waitUntilStatus). The phone's side,
under ``/sim`` (``phone.py``), makes people and the clinic's phone do things, posted to
the gateway as that engine's signed webhooks. ``POST /sim/faults`` makes sends fail or
answer late, for tests: the next ``fail_sends`` of them, and from then on a share
(``fail_rate``) failing and another (``stall_rate``) taken but answered ``stall_seconds``
late, as a slow WAHA does; and the next ``drop_webhooks`` inbound messages kept in their
chat with no webhook sent, as WAHA loses webhooks under load or after quiet periods.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import time
from collections import Counter, defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

import aiohttp
import msgspec
from aiohttp import web

from events.codec import DECODE_ERRORS
from services.waha.client import message_id_only
from services.waha.signature import sign
from services.waha_sim import phone
from services.waha_sim.api_key import key_matches
from services.waha_sim.engines import Engine, Payload

ME = "5511900000000@c.us"
Body = TypeVar("Body", bound=msgspec.Struct)
# WAHA's answer to a request without the right key.
UNAUTHORIZED = {"message": "Unauthorized", "statusCode": 401}
NOT_WORKING = "Session status is not as expected. Try again later or restart the session"


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


Share = Annotated[float, msgspec.Meta(ge=0, le=1)]


class Faults(msgspec.Struct, forbid_unknown_fields=True):
    """Body of ``POST /sim/faults``: how sends fail or stall from now on."""

    fail_sends: Annotated[int, msgspec.Meta(ge=0)] = 0
    status: Annotated[int, msgspec.Meta(ge=400, le=599)] = 500
    fail_rate: Share = 0.0
    stall_rate: Share = 0.0
    stall_seconds: Annotated[float, msgspec.Meta(ge=0, le=60)] = 0.0
    seed: int | None = None
    drop_webhooks: Annotated[int, msgspec.Meta(ge=0)] = 0

    def __post_init__(self) -> None:
        if self.fail_rate + self.stall_rate > 1:
            raise ValueError("fail_rate + stall_rate must be at most 1")


@dataclass
class Simulator:
    """WAHA's state as the simulator keeps it: each chat's messages, the indicators shown,
    and each session's status history."""

    webhook_url: str | None
    hmac_key: bytes
    api_key: str | None = None
    engine: str = "WEBJS"
    status_wait_s: float = 5.0
    messages: dict[tuple[str, str], list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    # (route, chatId) of every indicator and every send taken, in the order WAHA got them.
    actions: list[tuple[str, str]] = field(default_factory=list)
    # What was read of WAHA's store, by route ("overview", "messages"), for tests of cost.
    reads: Counter[str] = field(default_factory=Counter)
    faults: Faults = field(default_factory=Faults)
    statuses: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    _rng: random.Random = field(default_factory=random.Random)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _client: aiohttp.ClientSession | None = None
    _background: set[asyncio.Task[Any]] = field(default_factory=set)
    offline: set[str] = field(default_factory=set)
    """Sessions whose phone lost its connection: WAHA still says WORKING, but WhatsApp
    acknowledges nothing sent (POST /sim/session with "phone_online": false)."""

    def authorize(self, request: web.Request) -> None:
        """401 without the API key, in WAHA's body (waha-docs, how-to/security)."""
        given = request.headers.get("X-Api-Key", "")
        if self.api_key is not None and not key_matches(self.api_key, given):
            raise web.HTTPUnauthorized(
                text=msgspec.json.encode(UNAUTHORIZED).decode(), content_type="application/json"
            )

    @property
    def shapes(self) -> Engine:
        return Engine(self.engine, ME)

    def new_id(self) -> str:
        """A fresh message id, in the engines' hexadecimal form."""
        return f"3EB0{next(self._ids):016X}"

    def set_status(self, session: str, status: str) -> None:
        """The session changes state (``session.status``), now."""
        self.statuses.setdefault(session, []).append((status, int(time.time() * 1000)))

    def status(self, session: str) -> str:
        """The session's status: WORKING until told otherwise."""
        history = self.statuses.get(session)
        return history[-1][0] if history else "WORKING"

    async def body(self, request: web.Request, kind: type[Body]) -> Body:
        """The request's JSON as ``kind``; 400 if malformed."""
        try:
            return msgspec.json.decode(await request.read(), type=kind)
        except DECODE_ERRORS as exc:
            raise web.HTTPBadRequest(
                text=msgspec.json.encode({"error": str(exc)}).decode(),
                content_type="application/json",
            ) from None

    async def working(self, session: str) -> bool:
        """Whether the session is WORKING, waiting for it as WAHA does (every 0.5 s)."""
        deadline = time.monotonic() + self.status_wait_s
        while self.status(session) != "WORKING":
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(min(0.5, self.status_wait_s))
        return True

    async def send_text(self, request: web.Request) -> web.Response:
        """``POST /api/sendText``: the message is kept in its chat, unless a fault says no."""
        body = await self.body(request, SendText)
        if not await self.working(body.session):
            return self._not_working(body.session)
        faults, roll = self.faults, self._rng.random()
        if faults.fail_sends > 0 or roll < faults.fail_rate:
            faults.fail_sends = max(0, faults.fail_sends - 1)
            return web.json_response({"error": "simulated failure"}, status=faults.status)
        quoted = message_id_only(body.reply_to) if body.reply_to else None
        message = self.shapes.message(
            bare=self.new_id(), chat=body.chatId, from_me=True, body=body.text,
            timestamp=int(time.time()), source="api", reply_to=quoted,
        )  # fmt: skip
        # received_at (seconds, float), the simulator's own: when WAHA took the reply.
        self.messages[(body.session, body.chatId)].append({**message, "received_at": time.time()})
        self.actions.append(("sendText", body.chatId))
        if body.session not in self.offline:  # WhatsApp's server took it: ack 1 (SERVER)
            self._in_background("message.ack", body.session, self.shapes.ack(message, 1))
        if roll < faults.fail_rate + faults.stall_rate:
            await asyncio.sleep(faults.stall_seconds)  # sent, but the answer comes late
        return web.json_response(self.shapes.send_answer(message), status=201)

    async def chat_action(self, request: web.Request) -> web.Response:
        """Read and typing indicators: recorded, for tests to see."""
        body = await self.body(request, ChatAction)
        self.actions.append((request.path.rsplit("/", 1)[-1], body.chatId))
        return web.json_response({})

    def _not_working(self, session: str) -> web.Response:
        """WAHA's 422 once it waited for a session that stays out of WORKING
        (src/core/abc/manager.abc.ts, getWorkingSession and waitUntilStatus)."""
        answer = {"error": NOT_WORKING, "session": session, "status": self.status(session),
                  "expected": ["WORKING"]}  # fmt: skip
        return web.json_response(answer, status=422)

    def _in_background(self, event: str, session: str, payload: Payload) -> None:
        """Post a webhook once the current answer is out, as WAHA posts its events; a
        gateway that is away misses it, as it would miss WAHA's."""

        async def post() -> None:
            with contextlib.suppress(aiohttp.ClientError, TimeoutError, ValueError):
                await self.post_webhook(event, session, payload)

        task = asyncio.create_task(post())
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    def _session(self, name: str) -> Payload:
        me = {"id": ME, "pushName": "Clínica"} if self.status(name) == "WORKING" else None
        return {"name": name, "status": self.status(name), "me": me,
                "engine": {"engine": self.engine}}  # fmt: skip

    async def sessions(self, request: web.Request) -> web.Response:
        """``GET /api/sessions``: the sessions known, "default" always among them."""
        names = sorted({"default", *self.statuses})
        return web.json_response([self._session(name) for name in names])

    async def session(self, request: web.Request) -> web.Response:
        """``GET /api/sessions/{session}``: one session's status; 404 for one WAHA does not
        know (src/api/sessions.controller.ts)."""
        name = request.match_info["session"]
        if name != "default" and name not in self.statuses:
            return web.json_response({"message": "Session not found", "statusCode": 404},
                                     status=404)  # fmt: skip
        return web.json_response(self._session(name))

    async def chat_messages(self, request: web.Request) -> web.Response:
        """A chat's latest ``limit`` messages, both ways, oldest first unless ``sortOrder``
        says; ``offset``, ``filter.timestamp.gte`` and ``filter.timestamp.lte`` as WAHA
        reads them (devlikeapro/waha src/structures/chats.dto.ts, GetChatMessagesFilter)."""
        key = (request.match_info["session"], request.match_info["chat_id"])
        if not await self.working(key[0]):
            return self._not_working(key[0])
        try:
            limit, offset = (int(request.query.get(name, default))
                             for name, default in (("limit", "100"), ("offset", "0")))  # fmt: skip
            gte = int(request.query.get("filter.timestamp.gte", "0"))
            lte = int(request.query.get("filter.timestamp.lte", str(2**53)))
        except ValueError:
            return web.json_response({"error": "limit, offset and filters are integers"},
                                     status=400)  # fmt: skip
        self.reads["messages"] += 1
        found = [m for m in self.messages.get(key, []) if gte <= m["timestamp"] <= lte]
        if request.query.get("sortOrder") == "desc":
            return web.json_response(found[::-1][offset : offset + limit])
        end = max(0, len(found) - offset)
        return web.json_response(found[max(0, end - limit) : end])

    async def chats_overview(self, request: web.Request) -> web.Response:
        """``GET /api/{session}/chats/overview``: chats by their latest message, newest
        first, as WAHA's ChatSummary (id, name, picture, lastMessage, _chat)."""
        session = request.match_info["session"]
        try:
            limit = int(request.query.get("limit", "20"))
            offset = int(request.query.get("offset", "0"))
        except ValueError:
            return web.json_response({"error": "limit and offset are integers"}, status=400)
        self.reads["overview"] += 1
        chats = [(chat, kept[-1]) for (s, chat), kept in self.messages.items()
                 if s == session and kept]  # fmt: skip
        chats.sort(key=lambda pair: pair[1]["timestamp"], reverse=True)
        return web.json_response(
            [{"id": chat, "name": None, "picture": None, "lastMessage": last, "_chat": {}}
             for chat, last in chats[offset : offset + limit]]
        )  # fmt: skip

    async def post_webhook(self, event: str, session: str, payload: Payload) -> web.Response:
        """Sign ``payload`` as this engine's ``event`` webhook and post it to the gateway;
        the gateway's answer, with its status."""
        if self.webhook_url is None:
            return web.json_response({"error": "no webhook URL configured"}, status=409)
        now_ms = int(time.time() * 1000)
        me = {"id": ME, "pushName": "Clínica"} if self.status(session) == "WORKING" else None
        webhook = {"id": f"evt_{self.new_id().lower()}", "timestamp": now_ms, "event": event,
                   "session": session, "metadata": {}, "me": me, "payload": payload,
                   "engine": self.engine,
                   "environment": {"version": "simulated", "engine": self.engine,
                                   "tier": "CORE"}}  # fmt: skip
        raw = msgspec.json.encode(webhook)
        headers = {"Content-Type": "application/json", "X-Webhook-Hmac": sign(raw, self.hmac_key),
                   "X-Webhook-Hmac-Algorithm": "sha512",
                   "X-Webhook-Request-Id": str(webhook["id"]),
                   "X-Webhook-Timestamp": str(now_ms)}  # fmt: skip
        if self._client is None:
            self._client = aiohttp.ClientSession()
        async with self._client.post(self.webhook_url, data=raw, headers=headers) as response:
            answer = await response.json(content_type=None)
            return web.json_response(
                {"message_id": payload.get("id"), "gateway": answer}, status=response.status
            )

    def webhook_lost(self) -> bool:
        """Whether the next inbound message's webhook is lost (``drop_webhooks``)."""
        if self.faults.drop_webhooks > 0:
            self.faults.drop_webhooks -= 1
            return True
        return False

    async def set_faults(self, request: web.Request) -> web.Response:
        """``POST /sim/faults``: replace the faults; a ``seed`` makes the rolls repeatable."""
        self.faults = await self.body(request, Faults)
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
# WAHA asks for the key on every route under these (devlikeapro/waha src/app.module.ts:
# its ApiKeyAuthMiddleware ``forRoutes('api', 'health')``); ``/sim`` is the phone's side.
_KEYED = ("/api/", "/health")
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def _api_key_required(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path.startswith(_KEYED):
        request.app[SIMULATOR].authorize(request)
    return await handler(request)


def create_app(simulator: Simulator) -> web.Application:
    """The simulator's routes: WAHA's API, and the phone's side under ``/sim``."""
    app = web.Application(middlewares=[_api_key_required])
    app[SIMULATOR] = simulator
    app.router.add_post("/api/sendText", simulator.send_text)
    for action in ("sendSeen", "startTyping", "stopTyping"):
        app.router.add_post(f"/api/{action}", simulator.chat_action)
    app.router.add_get("/api/sessions", simulator.sessions)
    app.router.add_get("/api/sessions/{session}", simulator.session)
    app.router.add_get("/api/{session}/chats/overview", simulator.chats_overview)
    app.router.add_get("/api/{session}/chats/{chat_id}/messages", simulator.chat_messages)
    app.router.add_post("/sim/faults", simulator.set_faults)
    phone.add_routes(app.router, simulator)

    async def close(app: web.Application) -> None:
        await simulator.close()

    app.on_cleanup.append(close)
    return app
