"""A local server speaking Google Calendar v3's wire format, and Google's OAuth token
endpoint, for the real google-api-python-client to talk to.

Taken from Google's Calendar API v3 reference: events.list (``privateExtendedProperty``,
``showDeleted``: deleted events are listed with status "cancelled" only when asked,
``maxResults`` and ``pageToken``, answered with ``nextPageToken`` while more remain) and
events.patch (patch semantics: the fields sent replace those held, the others stay; and,
from the guide "Extended properties", a property patched to null is deleted).

freebusy.query answers with the ``FreeBusyResponse`` of the discovery document bundled
with google-api-python-client (googleapiclient/discovery_cache/documents/calendar.v3.json):
``calendars`` maps each id asked to a ``FreeBusyCalendar`` — ``busy``, a list of
``TimePeriod`` (``start`` inclusive, ``end`` exclusive, RFC 3339), and ``errors``, a list
of ``Error`` (``domain``, ``reason``; "notFound" among the reasons it lists), set when
the computation for that calendar failed, as for a calendar not shared with the caller.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

TOKEN = "fake-access-token"
# Google refuses a freebusy query spanning more than about three months with a 400 saying
# this (the limit is not in the reference; clients report it at 90 days).
LONGEST_FREEBUSY = timedelta(days=90)
TOO_LONG = "The requested time range is too long."
# Google's error response for a request it refuses; "forbidden" is not among the reasons
# the client library retries.
FORBIDDEN = {"error": {"code": 403, "message": "Forbidden",
                       "errors": [{"domain": "global", "reason": "forbidden"}]}}  # fmt: skip


class FakeGoogleCalendar:
    def __init__(self) -> None:
        self.events: dict[str, dict[str, Any]] = {}
        self.calendar_of: dict[str, str] = {}  # event id -> the calendar holding it
        self.blocked: list[tuple[datetime, datetime]] = []  # booked outside the product
        self.authorizations: list[str] = []
        self.unshared: set[str] = set()  # calendar ids the service account cannot see
        self.answer_after_s = 0.0  # how long Google takes to answer a freebusy query
        self.tokens_issued = 0
        self.patches: list[str] = []  # the ids of the events patched, in order
        # Run once a list is answered: what someone at the clinic does just then.
        self.after_list: Callable[[], object] = lambda: None
        # When set, every calendar request is refused with a 403 (FORBIDDEN).
        self.refusing = False
        self.refusing_gets = False  # the same, for events.get alone

    def _authorised(self, request: web.Request) -> None:
        header = request.headers.get("Authorization", "")
        self.authorizations.append(header)
        if header != f"Bearer {TOKEN}":
            raise web.HTTPUnauthorized()
        if self.refusing:
            raise web.HTTPForbidden(text=json.dumps(FORBIDDEN), content_type="application/json")

    async def token(self, request: web.Request) -> web.Response:
        form = await request.post()
        assert form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer"
        assert str(form["assertion"]).count(".") == 2  # a signed JWT
        self.tokens_issued += 1
        return web.json_response(
            {"access_token": TOKEN, "expires_in": 3600, "token_type": "Bearer"}
        )

    async def freebusy(self, request: web.Request) -> web.Response:
        self._authorised(request)
        await asyncio.sleep(self.answer_after_s)
        body = await request.json()
        low = datetime.fromisoformat(body["timeMin"])
        high = datetime.fromisoformat(body["timeMax"])
        if high - low > LONGEST_FREEBUSY:
            reason = {"domain": "calendar", "reason": "timeRangeTooLong", "message": TOO_LONG}
            error = {"errors": [reason], "code": 400, "message": TOO_LONG}
            return web.json_response({"error": error}, status=400)
        not_found = {"errors": [{"domain": "global", "reason": "notFound"}], "busy": []}
        calendars = {
            item["id"]: not_found
            if item["id"] in self.unshared
            else self._busy(item["id"], low, high)
            for item in body["items"]
        }
        return web.json_response({"kind": "calendar#freeBusy", "calendars": calendars})

    def _busy(self, calendar_id: str, low: datetime, high: datetime) -> dict[str, Any]:
        """A ``FreeBusyCalendar``: what was blocked by hand (on every calendar, here) and
        the calendar's events, whole, as they are held."""
        periods = self.blocked + [
            (
                datetime.fromisoformat(e["start"]["dateTime"]),
                datetime.fromisoformat(e["end"]["dateTime"]),
            )
            for event_id, e in self.events.items()
            if e.get("status") != "cancelled" and self.calendar_of[event_id] == calendar_id
        ]
        busy = [{"start": s.isoformat(), "end": e.isoformat()} for s, e in periods
                if s < high and e > low]  # fmt: skip
        return {"busy": busy}

    async def insert(self, request: web.Request) -> web.Response:
        self._authorised(request)
        event = await request.json()
        if event["id"] in self.events:
            return web.json_response(
                {"error": {"code": 409, "message": "The requested identifier already exists."}},
                status=409,
            )
        self.events[event["id"]] = {**event, "status": "confirmed", "kind": "calendar#event"}
        self.calendar_of[event["id"]] = request.match_info["calendar_id"]
        return web.json_response(self.events[event["id"]])

    async def get(self, request: web.Request) -> web.Response:
        self._authorised(request)
        if self.refusing_gets:
            return web.json_response(FORBIDDEN, status=403)
        event = self.events.get(request.match_info["event_id"])
        if event is None:
            return web.json_response({"error": {"code": 404, "message": "Not Found"}}, status=404)
        return web.json_response(event)

    async def delete(self, request: web.Request) -> web.Response:
        self._authorised(request)
        event = self.events.get(request.match_info["event_id"])
        if event is None or event["status"] == "cancelled":
            return web.json_response({"error": {"code": 410, "message": "Deleted"}}, status=410)
        event["status"] = "cancelled"
        return web.Response(status=204)

    async def list(self, request: web.Request) -> web.Response:
        self._authorised(request)
        wanted = request.query.get("privateExtendedProperty", "=")
        key, _, value = wanted.partition("=")
        deleted_too = request.query.get("showDeleted") == "true"
        items = [
            e
            for event_id, e in self.events.items()
            if self.calendar_of[event_id] == request.match_info["calendar_id"]
            and e.get("extendedProperties", {}).get("private", {}).get(key) == value
            and (deleted_too or e["status"] != "cancelled")
        ]
        items.sort(key=lambda e: e["start"]["dateTime"])
        first = int(request.query.get("pageToken", "0"))
        last = first + int(request.query.get("maxResults", "250"))
        page: dict[str, Any] = {"kind": "calendar#events", "items": items[first:last]}
        if last < len(items):
            page["nextPageToken"] = str(last)
        self.after_list()
        return web.json_response(page)

    async def patch(self, request: web.Request) -> web.Response:
        self._authorised(request)
        event = self.events.get(request.match_info["event_id"])
        if event is None:
            return web.json_response({"error": {"code": 404, "message": "Not Found"}}, status=404)
        _merge(event, await request.json())
        self.patches.append(request.match_info["event_id"])
        return web.json_response(event)

    @asynccontextmanager
    async def serving(self) -> AsyncIterator[str]:
        app = web.Application()
        app.router.add_post("/token", self.token)
        app.router.add_post("/freeBusy", self.freebusy)
        app.router.add_post("/calendars/{calendar_id}/events", self.insert)
        app.router.add_get("/calendars/{calendar_id}/events", self.list)
        app.router.add_get("/calendars/{calendar_id}/events/{event_id}", self.get)
        app.router.add_delete("/calendars/{calendar_id}/events/{event_id}", self.delete)
        app.router.add_patch("/calendars/{calendar_id}/events/{event_id}", self.patch)
        async with TestServer(app) as server:
            yield str(server.make_url("")).rstrip("/")


def _merge(held: dict[str, Any], patch: dict[str, Any]) -> None:
    """Patch semantics: a null deletes, an object merges into the one held, anything else
    replaces."""
    for name, value in patch.items():
        if value is None:
            held.pop(name, None)
        elif isinstance(value, dict) and isinstance(held.get(name), dict):
            _merge(held[name], value)
        else:
            held[name] = value
