"""The simulator's WAHA sessions: their status, and what WAHA does while one is not WORKING.

From devlikeapro/waha: the statuses (src/structures/enums.dto.ts, WAHASessionStatus);
``GET /api/sessions/{session}`` answering a SessionInfo, ``{"name", "status", "me",
...}``, or 404 (src/api/sessions.controller.ts, src/structures/sessions.dto.ts); a send
on a session that is not WORKING waits for it, polling every 0.5 s for 5 s, then answers
422 with ``{"error", "session", "status", "expected"}`` (src/core/abc/manager.abc.ts,
getWorkingSession and waitUntilStatus); each change is a ``session.status`` webhook whose
payload is ``{"name", "status"}`` (src/core/abc/session.abc.ts, the status setter;
src/structures/webhooks.dto.ts, WASessionStatusBody).

The phone's side: ``POST /sim/session {"session", "status", "phone_online"}`` changes a
session's status, as a phone that must scan a QR code again or a restarting socket does;
``phone_online: false`` keeps it but leaves every send unacknowledged.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

import msgspec
from aiohttp import web

Status = Literal["STOPPED", "STARTING", "SCAN_QR_CODE", "WORKING", "FAILED"]
WAIT_INTERVAL_S = 0.5  # WAHA's WAIT_STATUS_INTERVAL
WAIT_TIMEOUT_S = 5.0  # WAHA's WAIT_STATUS_TIMEOUT
NOT_AS_EXPECTED = "Session status is not as expected. Try again later or restart the session"


class StatusChange(msgspec.Struct, forbid_unknown_fields=True):
    """Body of ``POST /sim/session``; ``phone_online`` false: WAHA keeps the status but
    WhatsApp acknowledges nothing it sends, as when the phone lost its connection."""

    status: Status
    session: Annotated[str, msgspec.Meta(pattern=r"^[A-Za-z0-9_.-]{1,64}$")] = "default"
    phone_online: bool = True


Webhook = Callable[[dict[str, Any]], Awaitable[tuple[int, Any] | None]]
"""Posts a webhook body to the gateway, signed: the gateway's status and answer (None
when there is no gateway to post to)."""


@dataclass
class Sessions:
    """Every session's status; a session not named yet is ``default``, WORKING."""

    me: dict[str, str]
    wait_s: float = WAIT_TIMEOUT_S
    statuses: dict[str, Status] = field(default_factory=lambda: {"default": "WORKING"})
    offline: set[str] = field(default_factory=set)
    """Sessions whose phone lost its connection: their sends are never acknowledged."""
    _ids: int = 0

    async def require_working(self, session: str) -> None:
        """Return at once while the session works; else wait as WAHA does, then 422."""
        deadline = time.monotonic() + self.wait_s
        while self.statuses.get(session) != "WORKING":
            if time.monotonic() >= deadline:
                body = {"error": NOT_AS_EXPECTED, "session": session,
                        "status": self.statuses.get(session, "STOPPED"),
                        "expected": ["WORKING"]}  # fmt: skip
                raise web.HTTPUnprocessableEntity(
                    text=msgspec.json.encode(body).decode(), content_type="application/json"
                )
            await asyncio.sleep(min(WAIT_INTERVAL_S, self.wait_s))

    def info(self, session: str) -> dict[str, Any] | None:
        """The session's SessionInfo; None when WAHA has no such session."""
        status = self.statuses.get(session)
        if status is None:
            return None
        return {"name": session, "status": status, "config": None,
                "me": self.me if status == "WORKING" else None}  # fmt: skip

    def status_webhook(self, session: str) -> dict[str, Any]:
        """The ``session.status`` webhook WAHA posts for the session's current status."""
        self._ids += 1
        now_ms = int(time.time() * 1000)
        return {"id": f"evt_status_{now_ms}_{self._ids}", "timestamp": now_ms,
                "event": "session.status", "session": session, "metadata": {},
                "me": self.me, "payload": {"name": session, "status": self.statuses[session]},
                "engine": "WEBJS"}  # fmt: skip


def add_routes(
    app: web.Application,
    sessions: Sessions,
    authorize: Callable[[web.Request], None],
    post_webhook: Webhook,
) -> None:
    """``GET /api/sessions/{session}`` (behind the API key) and ``POST /sim/session``."""

    async def get_session(request: web.Request) -> web.Response:
        authorize(request)
        info = sessions.info(request.match_info["session"])
        if info is None:
            return web.json_response(
                {"message": "Session not found", "error": "Not Found", "statusCode": 404},
                status=404,
            )
        return web.json_response(info)

    async def change(request: web.Request) -> web.Response:
        try:
            body = msgspec.json.decode(await request.read(), type=StatusChange)
        except (msgspec.DecodeError, msgspec.ValidationError) as exc:
            return web.json_response({"error": str(exc)}, status=400)
        sessions.statuses[body.session] = body.status
        if body.phone_online:
            sessions.offline.discard(body.session)
        else:
            sessions.offline.add(body.session)
        posted = await post_webhook(sessions.status_webhook(body.session))
        if posted is None:
            return web.json_response({"session": body.session, "status": body.status})
        status, answer = posted
        return web.json_response(
            {"session": body.session, "status": body.status, "gateway": answer}, status=status
        )

    app.router.add_get("/api/sessions/{session}", get_session)
    app.router.add_post("/sim/session", change)
