"""The admin's page of staff accounts: list, add (password generated and shown once),
remove."""

from __future__ import annotations

from aiohttp import web

from services.console.accountability import Action, record
from services.console.staff import Role, StaffError, check_role, new_password
from services.console.web import console_of, form_of, login_of, render, requires


async def _page(request: web.Request, status: int = 200, **values: object) -> web.Response:
    members = await console_of(request).staff.all()
    values.setdefault("error", None)
    values.setdefault("created", None)
    return render(request, "staff.html", status=status, members=members, **values)


@requires(Role.ADMIN)
async def staff_page(request: web.Request) -> web.Response:
    return await _page(request)


@requires(Role.ADMIN)
async def add(request: web.Request) -> web.Response:
    console, admin = console_of(request), login_of(request).staff
    form = await form_of(request)
    password = new_password()
    try:
        staff = await console.staff.add(form.get("name", ""), check_role(form.get("role", "")),
                                        password)  # fmt: skip
    except StaffError as exc:
        return await _page(request, status=400, error=str(exc))
    await record(console.log, admin, Action.ADDED_STAFF, detail=f"{staff.name} ({staff.role})")
    return await _page(request, created=(staff, password))


@requires(Role.ADMIN)
async def remove(request: web.Request) -> web.StreamResponse:
    console, admin = console_of(request), login_of(request).staff
    name = (await form_of(request)).get("name", "")
    if name == admin.name:
        return await _page(request, status=400, error="Você não pode remover a própria conta.")
    if await console.staff.remove(name):
        await record(console.log, admin, Action.REMOVED_STAFF, detail=name)
    raise web.HTTPSeeOther("/equipe")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/equipe", staff_page)
    app.router.add_post("/equipe/adicionar", add)
    app.router.add_post("/equipe/remover", remove)
