"""The console's aiohttp application: its parts, pages and static files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp import web

from events import EventLog
from services.actions.read_models import ReadModels
from services.console import (
    agenda_pages,
    auth_pages,
    booking_pages,
    dpo_pages,
    dpo_requests,
    inbox_pages,
    lookup_pages,
    staff_pages,
)
from services.console.sessions import Sessions
from services.console.settings import ConsoleSettings
from services.console.staff import StaffDirectory
from services.console.throttle import LoginThrottle
from services.console.web import (
    CONSOLE,
    HERE,
    Console,
    _now,
    error_pages,
    logged_in,
    security_headers,
)
from services.domain.clinic_model import ClinicModel
from services.domain.identities import IdentityMap


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_app(
    log: EventLog,
    settings: ConsoleSettings,
    zone: ZoneInfo,
    chat_key_secret: bytes,
    clock: Callable[[], datetime] = _now,
    clinic: ClinicModel | None = None,
) -> web.Application:
    redis, keyspace = log.redis, log.keyspace
    app = web.Application(
        middlewares=[security_headers, error_pages, logged_in], client_max_size=64 * 1024
    )
    app[CONSOLE] = Console(
        log=log,
        models=ReadModels(redis, keyspace, log.subject_keys),
        staff=StaffDirectory(redis, keyspace),
        sessions=Sessions(redis, keyspace, settings.session_s, settings.idle_s),
        throttle=LoginThrottle(redis, keyspace, settings.limits, chat_key_secret),
        settings=settings,
        zone=zone,
        chat_key_secret=chat_key_secret,
        identities=IdentityMap(redis, keyspace, chat_key_secret),
        clock=clock,
    )
    if clinic is not None:
        app[CONSOLE].clinic = clinic
    app.router.add_get("/healthz", healthz)
    app.router.add_static("/static/", HERE / "static")
    for pages in (
        auth_pages,
        agenda_pages,
        inbox_pages,
        dpo_pages,
        dpo_requests,
        staff_pages,
        lookup_pages,
        booking_pages,
    ):
        pages.add_routes(app)
    return app
