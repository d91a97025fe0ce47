"""The admin HTTP API: the read models and a data subject's rights, for operators and the
data-protection officer.

Every route but the API's own description and the health check needs the bearer token.
Lists come in pages: ``limit`` items and an opaque ``next_cursor`` to pass back as
``cursor`` (null on the last page).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Generic, TypeVar

import msgspec
from aiohttp import web
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from events import EventLog
from events.codec import DECODE_ERRORS
from services.actions.correction import NothingToCorrect, clean_name, correct_name
from services.actions.erasure import ErasureReason, erase_person
from services.actions.export import export_person
from services.actions.handoff import NotInHandoff, release_handoff
from services.actions.no_show import NoShowRefused, calendar_record, mark_no_show
from services.domain.identities import IdentityMap
from services.domain.subjects import SubjectInvalid, subject_of
from services.projector.admin_openapi import DEFAULT_LIMIT, MAX_LIMIT, OPENAPI
from services.projector.store import Activity, ReadModels

log = logging.getLogger(__name__)

PUBLIC_PATHS = frozenset({"/v1/openapi.json", "/healthz"})
MAX_REQUESTED_BY_CHARS = 200

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True, slots=True)
class Admin:
    log: EventLog
    models: ReadModels
    token: bytes
    chat_key_secret: bytes
    identities: IdentityMap


ADMIN: web.AppKey[Admin] = web.AppKey("admin", Admin)


def json_response(body: Any, status: int = 200) -> web.Response:
    return web.Response(
        body=msgspec.json.encode(body), status=status, content_type="application/json"
    )


@web.middleware
async def errors_as_json(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except ApiError as exc:
        return json_response({"error": exc.message}, exc.status)
    except web.HTTPException as exc:  # unknown route, method not allowed
        if exc.status < 400:
            raise
        return json_response({"error": exc.reason}, exc.status)
    except (RedisConnectionError, RedisTimeoutError, OSError) as exc:
        log.warning("admin API: the store is unavailable: %s", exc)
        return json_response({"error": "the store is unavailable; try again"}, 503)


@web.middleware
async def bearer_token(request: web.Request, handler: Handler) -> web.StreamResponse:
    if request.path not in PUBLIC_PATHS:
        header = request.headers.get("Authorization", "")
        scheme, _, given = header.partition(" ")
        expected = request.app[ADMIN].token
        # Compared in constant time whatever was sent, so timing tells nothing of the token.
        valid = hmac.compare_digest(given.strip().encode(), expected)
        if scheme.lower() != "bearer" or not valid:
            raise ApiError(401, "a valid bearer token is required")
    return await handler(request)


def create_admin_app(log_: EventLog, *, token: str, chat_key_secret: bytes) -> web.Application:
    app = web.Application(middlewares=[errors_as_json, bearer_token])
    app[ADMIN] = Admin(
        log_,
        ReadModels(log_.redis, log_.keyspace, log_.subject_keys),
        token.encode(),
        chat_key_secret,
        IdentityMap(log_.redis, log_.keyspace, chat_key_secret),
    )
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/v1/openapi.json", openapi)
    app.router.add_get("/v1/sessions", sessions)
    app.router.add_get("/v1/sessions/{subject}", session)
    app.router.add_get("/v1/subjects/{subject}/consent", consent_history)
    app.router.add_get("/v1/subjects/{subject}/appointments", appointments_of)
    app.router.add_get("/v1/subjects/{subject}/export", export)
    app.router.add_post("/v1/subjects/{subject}/correction", correct)
    app.router.add_post("/v1/subjects/{subject}/erasure", erase)
    app.router.add_post("/v1/subjects/{subject}/handoff/release", release)
    app.router.add_get("/v1/appointments", appointments_on)
    app.router.add_post("/v1/appointments/{appointment}/no-show", no_show)
    return app


async def healthz(request: web.Request) -> web.Response:
    return json_response({"status": "ok"})


async def openapi(request: web.Request) -> web.Response:
    return json_response(OPENAPI)


async def sessions(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    limit = page_limit(request)
    cursor = request.query.get("cursor")
    after = activity_cursor(cursor) if cursor is not None else None
    views, following = await admin.models.recent_sessions(limit, after)
    next_cursor = encode_cursor(f"{following.at_ms}:{following.chat}") if following else None
    return json_response({"items": views, "next_cursor": next_cursor})


async def session(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    view = await admin.models.session(await subject(request))
    if view is None:
        raise ApiError(404, "no session for this subject")
    return json_response(view)


async def consent_history(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    limit, start = page_limit(request), offset_cursor(request)
    records = await admin.models.consent_history(await subject(request), start, limit + 1)
    return json_response(page(records, start, limit))


async def appointments_of(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    limit, start = page_limit(request), offset_cursor(request)
    views = await admin.models.appointments_of(await subject(request))
    return json_response(page(views[start : start + limit + 1], start, limit))


async def appointments_on(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    raw = request.query.get("day")
    if raw is None:
        raise ApiError(400, "day is required (YYYY-MM-DD)")
    try:
        day = date.fromisoformat(raw)
    except ValueError:
        raise ApiError(400, f"day must be a date (YYYY-MM-DD), got {raw[:40]!r}") from None
    limit, start = page_limit(request), offset_cursor(request)
    views = await admin.models.appointments_on(day)
    return json_response(page(views[start : start + limit + 1], start, limit))


async def export(request: web.Request) -> web.Response:
    admin = request.app[ADMIN]
    document = await export_person(
        admin.log, admin.models, admin.identities, await subject(request)
    )
    if document is None:
        raise ApiError(404, "nothing is held about this subject")
    return json_response(document)


class OperatorRequest(msgspec.Struct, forbid_unknown_fields=True):
    requested_by: str


class CorrectionRequest(OperatorRequest, forbid_unknown_fields=True):
    name: str


Body = TypeVar("Body", bound=OperatorRequest)


@dataclass(frozen=True, slots=True)
class Asked(Generic[Body]):
    """An operator's request about a subject, checked: the subject, the body, who asks."""

    admin: Admin
    chat: str
    body: Body
    by: str


async def asked(request: web.Request, kind: type[Body], shape: str) -> Asked[Body]:
    chat = await subject(request)
    try:
        body = msgspec.json.decode(await request.read(), type=kind)
    except DECODE_ERRORS as exc:
        raise ApiError(400, f"expected {shape}: {exc}") from None
    by = requester(body.requested_by)
    return Asked(request.app[ADMIN], chat, body, by)


async def erase(request: web.Request) -> web.Response:
    ask = await asked(request, OperatorRequest, '{"requested_by": "..."}')
    reason = ErasureReason.SUBJECT_REQUEST
    admin = ask.admin
    entry_id = await erase_person(
        admin.log, admin.models, admin.identities, ask.chat, reason, ask.by
    )
    if entry_id is None:
        raise ApiError(404, "no personal data is held about this subject")
    log.info("admin API: subject %s erased at the request of %s", ask.chat, ask.by)
    return json_response({"subject": ask.chat, "erasure_entry_id": entry_id}, 202)


async def correct(request: web.Request) -> web.Response:
    ask = await asked(request, CorrectionRequest, '{"name": "...", "requested_by": "..."}')
    try:
        name = clean_name(ask.body.name)
    except ValueError as exc:
        raise ApiError(400, f"name: {exc}") from None
    try:
        entry_id = await correct_name(ask.admin.log, ask.admin.models, ask.chat, name, ask.by)
    except NothingToCorrect as exc:
        raise ApiError(404, str(exc)) from None
    log.info("admin API: subject %s's name corrected at the request of %s", ask.chat, ask.by)
    return json_response({"subject": ask.chat, "correction_entry_id": entry_id}, 202)


async def release(request: web.Request) -> web.Response:
    ask = await asked(request, OperatorRequest, '{"requested_by": "..."}')
    try:
        entry_id = await release_handoff(ask.admin.log, ask.admin.models, ask.chat, ask.by)
    except NotInHandoff as exc:
        raise ApiError(409, str(exc)) from None
    return json_response({"subject": ask.chat, "release_entry_id": entry_id}, 202)


async def no_show(request: web.Request) -> web.Response:
    """The patient of an appointment did not come: 404 unknown, 409 not markable."""
    admin, appointment_id = request.app[ADMIN], request.match_info["appointment"]
    try:
        body = msgspec.json.decode(await request.read(), type=OperatorRequest)
    except DECODE_ERRORS as exc:
        raise ApiError(400, f'expected {{"requested_by": "..."}}: {exc}') from None
    by = requester(body.requested_by)
    if await calendar_record(admin.log, appointment_id) is None:
        raise ApiError(404, "no appointment has this id")
    try:
        entry_id = await mark_no_show(admin.log, admin.models, appointment_id, by,
                                      datetime.now(UTC))  # fmt: skip
    except NoShowRefused as exc:
        raise ApiError(409, str(exc)) from None
    return json_response({"appointment_id": appointment_id, "no_show_entry_id": entry_id}, 202)


def requester(raw: str) -> str:
    """Who asked, as it is recorded: 1 to 200 characters, none of them a control one."""
    who = raw.strip()
    if not who or len(who) > MAX_REQUESTED_BY_CHARS:
        raise ApiError(400, f"requested_by must be 1 to {MAX_REQUESTED_BY_CHARS} characters")
    if any(unicodedata.category(c).startswith("C") for c in who):
        raise ApiError(400, "requested_by has no control or invisible characters")
    return who


async def subject(request: web.Request) -> str:
    """The chat key of the person the path names: by any of their ids, their identity."""
    session_name = request.query.get("session", "default")
    admin = request.app[ADMIN]
    try:
        chat = subject_of(request.match_info["subject"], session_name, admin.chat_key_secret)
    except SubjectInvalid as exc:
        raise ApiError(400, str(exc)) from None
    return await admin.identities.identity(chat)


def page_limit(request: web.Request) -> int:
    raw = request.query.get("limit")
    if raw is None:
        return DEFAULT_LIMIT
    limit = natural(raw)
    if limit is None or not 1 <= limit <= MAX_LIMIT:
        raise ApiError(400, f"limit must be an integer from 1 to {MAX_LIMIT}")
    return limit


# No page of this API starts further in, nor at a later millisecond: a cursor past them
# was not given out here (and Redis refuses ranges past 64 bits).
MAX_CURSOR = 10**15


def natural(text: str) -> int | None:
    """A non-negative integer of ASCII digits within ``MAX_CURSOR``, or None."""
    if not (text.isascii() and text.isdigit() and len(text) <= 16):
        return None
    number = int(text)
    return number if number <= MAX_CURSOR else None


def page(items: list[Any], start: int, limit: int) -> dict[str, Any]:
    """``items`` fetched from ``start``, one more than a page if there is more."""
    following = encode_cursor(str(start + limit)) if len(items) > limit else None
    return {"items": items[:limit], "next_cursor": following}


def encode_cursor(position: str) -> str:
    return base64.urlsafe_b64encode(position.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ApiError(400, "cursor is not one this API gave out") from None


def offset_cursor(request: web.Request) -> int:
    cursor = request.query.get("cursor")
    if cursor is None:
        return 0
    position = natural(decode_cursor(cursor))
    if position is None:
        raise ApiError(400, "cursor is not one this API gave out")
    return position


def activity_cursor(cursor: str) -> Activity:
    at_ms, _, chat = decode_cursor(cursor).partition(":")
    at = natural(at_ms)
    if at is None or not chat:
        raise ApiError(400, "cursor is not one this API gave out")
    return Activity(at, chat)
