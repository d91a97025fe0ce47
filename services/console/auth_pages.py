"""Logging in and out."""

from __future__ import annotations

from aiohttp import web
from yarl import URL

from services.console.accountability import Action, record, record_failed_login
from services.console.client_address import client_address
from services.console.web import COOKIE, console_of, form_of, login_of, render

MAX_FIELD_CHARS = 256


async def login_page(request: web.Request) -> web.Response:
    return render(request, "login.html", error=None, name="")


def cross_site(request: web.Request) -> bool:
    """Whether a browser says this POST came from another site (login CSRF: a page
    elsewhere logging the browser in to an account of the attacker's). Clients that send
    neither header (scripts, probes) are not browsers to protect."""
    fetched_from = request.headers.get("Sec-Fetch-Site")
    if fetched_from is not None and fetched_from not in ("same-origin", "none"):
        return True
    origin = request.headers.get("Origin")
    if origin is None or origin == "null":
        # "null": the pages' no-referrer policy makes browsers send that even from the
        # console's own login page; Sec-Fetch-Site above has told where it came from.
        return False
    # The host name only: behind a TLS-terminating proxy the scheme and port the console
    # sees differ from the browser's.
    try:
        return URL(origin).host != URL.build(scheme="http", authority=request.host).host
    except ValueError:
        return True


async def login(request: web.Request) -> web.StreamResponse:
    console = console_of(request)
    if cross_site(request):
        return render(request, "refused.html", status=403,
                      reason="O formulário de entrada não veio desta página. Abra o console "
                             "pelo endereço dele e tente de novo.")  # fmt: skip
    form = await form_of(request)
    name = form.get("name", "").strip().lower()[:MAX_FIELD_CHARS]
    password = form.get("password", "")[:MAX_FIELD_CHARS]
    address = client_address(request.remote, request.headers.get("X-Forwarded-For", ""),
                             console.settings.trusted_proxies)  # fmt: skip
    if not await console.throttle.reserve(name, address):
        return render(request, "login.html", status=429, name=name,
                      error="Muitas tentativas sem sucesso. Aguarde alguns minutos e tente "
                            "de novo.")  # fmt: skip
    account = await console.staff.check(name, password)
    if account is None:
        await record_failed_login(console.log, await console.staff.get(name))
        return render(request, "login.html", status=401, name=name,
                      error="Nome ou senha incorretos.")  # fmt: skip
    await console.throttle.succeeded(name, address)
    session = await console.sessions.open(account)
    await record(console.log, account.staff, Action.LOGGED_IN)
    response = web.HTTPSeeOther("/")
    response.set_cookie(
        COOKIE, session.token, max_age=console.settings.session_s, path="/",
        secure=console.settings.secure_cookies, httponly=True, samesite="Strict",
    )  # fmt: skip
    raise response


async def logout(request: web.Request) -> web.StreamResponse:
    console, login_ = console_of(request), login_of(request)
    await console.sessions.close(login_.token)
    await record(console.log, login_.staff, Action.LOGGED_OUT)
    response = web.HTTPSeeOther("/login")
    response.del_cookie(COOKIE, path="/")
    raise response


def add_routes(app: web.Application) -> None:
    app.router.add_get("/login", login_page)
    app.router.add_post("/login", login)
    app.router.add_post("/logout", logout)
