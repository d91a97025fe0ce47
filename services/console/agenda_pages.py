"""The agenda page, and the fingerprint its script polls to refresh it when it changes."""

from __future__ import annotations

from datetime import date, timedelta

from aiohttp import web

from services.console.accountability import Action, record
from services.console.agenda import agenda, appointments, fingerprint, today_in, week_of
from services.console.bookings import STAFF_HORIZON
from services.console.staff import Role
from services.console.web import console_of, login_of, render, requires

# How far back the agenda shows a day: past appointments, no-shows, years of them.
AGENDA_REACH_BACK = timedelta(days=10 * 366)


def shown_days(request: web.Request, today: date) -> tuple[str, list[date]]:
    """``?ver=semana`` the week, ``?dia=YYYY-MM-DD`` that day, else today."""
    if request.query.get("ver") == "semana":
        return "semana", week_of(today)
    try:
        asked = date.fromisoformat(request.query.get("dia", ""))
    except ValueError:
        return "dia", [today]
    if not today - AGENDA_REACH_BACK <= asked <= today + STAFF_HORIZON:
        return "dia", [today]  # a mistyped year: today rather than a day of no use
    return ("dia", [today]) if asked == today else ("data", [asked])


@requires(Role.RECEPTIONIST)
async def agenda_page(request: web.Request) -> web.Response:
    console = console_of(request)
    today = today_in(console.zone, console.clock())
    view, days = shown_days(request, today)
    built, subjects, version = await agenda(console.models, days, console.zone, today)
    if subjects:
        await record(console.log, login_of(request).staff, Action.VIEWED_AGENDA, subjects,
                     detail=f"{days[0].isoformat()}..{days[-1].isoformat()}")  # fmt: skip
    return render(request, "agenda.html", days=built, view=view, now=console.clock(),
                  version=version, zone=console.zone.key)  # fmt: skip


@requires(Role.RECEPTIONIST)
async def agenda_version(request: web.Request) -> web.Response:
    console = console_of(request)
    today = today_in(console.zone, console.clock())
    _, days = shown_days(request, today)
    held = [v for views in (await appointments(console.models, days)).values() for v in views]
    return web.json_response({"version": fingerprint(held)})


async def home(request: web.Request) -> web.StreamResponse:
    role = login_of(request).staff.role
    first = {Role.DPO: "/dpo/acessos", Role.ADMIN: "/equipe"}
    raise web.HTTPSeeOther(first.get(role, "/agenda"))


def add_routes(app: web.Application) -> None:
    app.router.add_get("/", home)
    app.router.add_get("/agenda", agenda_page)
    app.router.add_get("/agenda/versao", agenda_version)
