"""What every page of the console shares: the console's parts, rendering, the logged-in
member of staff, role checks, and the middlewares (login, CSRF, headers, errors)."""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from events import EventLog
from events.error_text import describe
from services.actions.read_models import ReadModels
from services.console.sessions import Login, Sessions
from services.console.settings import ConsoleSettings
from services.console.staff import ROLE_NAMES, Role, StaffDirectory
from services.console.throttle import LoginThrottle
from services.domain.calendar import Calendar
from services.domain.calendar_settings import calendar_of
from services.domain.clinic import Clinic
from services.domain.clinic_model import ClinicModel
from services.domain.identities import IdentityMap

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
COOKIE = "wsm_console"
CHAT_KEY = re.compile(r"c[0-9a-f]{32}")
PUBLIC = ("/login", "/static/", "/healthz")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Console:
    log: EventLog
    models: ReadModels
    staff: StaffDirectory
    sessions: Sessions
    throttle: LoginThrottle
    settings: ConsoleSettings
    zone: ZoneInfo
    chat_key_secret: bytes
    identities: IdentityMap
    clock: Callable[[], datetime] = _now
    templates: jinja2.Environment = field(
        default_factory=lambda: jinja2.Environment(
            loader=jinja2.FileSystemLoader(HERE / "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
    )
    # Today's settings as a one-professional clinic unless the clinic file is given.
    clinic: ClinicModel = field(default_factory=lambda: ClinicModel.single(Clinic()))

    @cached_property
    def calendar(self) -> Calendar:
        """The calendar the conductor books in (``CALENDAR``), every slot claimed through
        the records of the bot's script."""
        return calendar_of(self.log.redis, self.log.keyspace, self.settings.google, self.clinic)


CONSOLE: web.AppKey[Console] = web.AppKey("console", Console)
LOGIN: web.RequestKey[Login] = web.RequestKey("login", Login)


def console_of(request: web.Request) -> Console:
    return request.app[CONSOLE]


def login_of(request: web.Request) -> Login:
    return request[LOGIN]


def render(request: web.Request, template: str, status: int = 200, **values: Any) -> web.Response:
    console = console_of(request)
    login = request.get(LOGIN)
    page = console.templates.get_template(template).render(
        login=login,
        role_names=ROLE_NAMES,
        roles=Role,
        refresh_s=console.settings.refresh_s,
        **values,
    )
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8")


def chat_of(request: web.Request) -> str:
    """The chat key the path names; 404 for anything else."""
    chat = request.match_info["chat"]
    if not CHAT_KEY.fullmatch(chat):
        raise web.HTTPNotFound()
    return chat


def requires(*roles: Role) -> Callable[[Handler], Handler]:
    """A page for these roles only (the admin's role is not implied: it manages accounts
    and sees no patient's data unless a page names it); anyone else gets the 403 page."""
    allowed = set(roles)

    def wrap(handler: Handler) -> Handler:
        async def guarded(request: web.Request) -> web.StreamResponse:
            if login_of(request).staff.role not in allowed:
                return render(request, "refused.html", status=403)
            return await handler(request)

        return guarded

    return wrap


async def form_of(request: web.Request) -> dict[str, str]:
    """A POSTed form's text fields."""
    data = await request.post()
    return {k: v for k, v in data.items() if isinstance(v, str)}


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    response = await handler(request)
    headers = response.headers
    # Own scripts and styles only: no inline script can run, nothing is framed.
    headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    )
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    if console_of(request).settings.secure_cookies:
        # Cookies only over HTTPS: browsers then keep to HTTPS for the console's host.
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    if not request.path.startswith("/static/"):
        headers.setdefault("Cache-Control", "no-store")  # pages hold personal data
    return response


@web.middleware
async def logged_in(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Every page but the login's needs a session; every POST its session's CSRF token."""
    if request.path.startswith(PUBLIC):
        return await handler(request)
    console = console_of(request)
    # A page's own refresh (…/versao) is no activity: an open page left alone still ends.
    active = not request.path.endswith("/versao")
    login = await console.sessions.find(request.cookies.get(COOKIE, ""), active)
    account = await console.staff.account(login.staff.name) if login else None
    if (
        login is None
        or account is None
        or account.staff != login.staff
        or (not hmac.compare_digest(account.generation, login.generation))
    ):
        # No session, an expired one, or its account removed (even if made again since),
        # its password reset or its role changed.
        raise web.HTTPSeeOther("/login")
    request[LOGIN] = login
    if request.method == "POST":
        given = (await form_of(request)).get("csrf", "")
        if not login.csrf_matches(given):
            return render(request, "refused.html", status=403,
                          reason="O formulário expirou ou não veio desta página. "
                                 "Volte e tente de novo.")  # fmt: skip
    return await handler(request)


@web.middleware
async def error_pages(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        return render(request, "error.html", status=exc.status,
                      message="Página não encontrada." if exc.status == 404
                      else "Pedido não aceito.")  # fmt: skip
    except Exception as exc:
        # Described by its type and safe words only: a page may have held personal data.
        log.error("console: a page failed: %s", describe(exc))
        return render(request, "error.html", status=500,
                      message="Algo deu errado. Tente de novo em instantes.")  # fmt: skip
