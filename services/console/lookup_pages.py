"""The front desk's patient lookup: by phone number (and by name, through the blind
index); each patient shown is a recorded view. Searches are POSTed forms answered with
their results, so no phone number or name is ever in a URL (proxy logs, history)."""

from __future__ import annotations

from aiohttp import web

from services.console.accountability import Action, record
from services.console.agenda import STATUS_NAMES
from services.console.lookup import NameInvalid, by_name, by_phone, patient
from services.console.staff import Role
from services.console.web import console_of, form_of, login_of, render, requires
from services.domain.phones import PhoneInvalid

MAX_ASKED = 200


def _page(request: web.Request, status: int = 200, **values: object) -> web.Response:
    console = console_of(request)
    shown: dict[str, object] = {
        "phone": "",
        "name": "",
        "patients": [],
        "error": None,
        "searched": False,
    }
    return render(request, "patients.html", status=status, zone=console.zone,
                  status_names=STATUS_NAMES, **(shown | values))  # fmt: skip


@requires(Role.RECEPTIONIST)
async def lookup_page(request: web.Request) -> web.Response:
    return _page(request)


@requires(Role.RECEPTIONIST)
async def lookup(request: web.Request) -> web.Response:
    console = console_of(request)
    form = await form_of(request)
    phone = form.get("telefone", "")[:MAX_ASKED].strip()
    name = form.get("nome", "")[:MAX_ASKED].strip()
    if name and not phone:
        return await _by_name(request, name)
    if not phone:
        return _page(request)
    try:
        found = await by_phone(console.models, console.identities, console.chat_key_secret, phone)
    except PhoneInvalid as exc:
        return _page(request, status=400, phone=phone, error=f"Telefone não aceito: {exc}.")
    return await _found(request, found, "por telefone", phone=phone)


async def _by_name(request: web.Request, name: str) -> web.Response:
    console = console_of(request)
    try:
        found = await by_name(console.models, console.identities, console.chat_key_secret, name)
    except NameInvalid as exc:
        return _page(request, status=400, name=name, error=f"Nome não aceito: {exc}.")
    return await _found(request, found, "por nome", name=name)


async def _found(
    request: web.Request, found: list[str], detail: str, **searched: str
) -> web.Response:
    """The patients a search found, each view of them recorded in the access log."""
    console = console_of(request)
    patients = [await patient(console.models, console.identities, chat) for chat in found]
    if found:
        await record(console.log, login_of(request).staff, Action.VIEWED_PATIENT, found,
                     detail=detail)  # fmt: skip
    return _page(request, 200, patients=patients, searched=True, **searched)


def add_routes(app: web.Application) -> None:
    app.router.add_get("/pacientes", lookup_page)
    app.router.add_post("/pacientes", lookup)
