"""The front desk's bookings by hand: book for a patient found by lookup, move, cancel,
block a slot or a whole day, and mark a no-show. Each is recorded as a staff action."""

from __future__ import annotations

import re
from datetime import date

from aiohttp import web

from services.actions.no_show import NoShowRefused, calendar_record, mark_no_show
from services.console import bookings
from services.console.accountability import Action, record
from services.console.agenda import today_in
from services.console.bookings import BookingRefused, bookable_day, day_halves, wanted_of
from services.console.inbox import new_form_id
from services.console.staff import Role
from services.console.web import CHAT_KEY, console_of, form_of, login_of, render, requires

FORM_ID = re.compile(r"[0-9a-f]{32}")
APPOINTMENT = re.compile(r"[\w.:-]{1,128}")


def _form_id(form: dict[str, str]) -> str:
    form_id = form.get("form_id", "")
    if not FORM_ID.fullmatch(form_id):
        raise web.HTTPBadRequest()
    return form_id


def _appointment_of(request: web.Request) -> str:
    appointment_id = request.match_info["appointment"]
    if not APPOINTMENT.fullmatch(appointment_id):
        raise web.HTTPNotFound()
    return appointment_id


async def _form_page(
    request: web.Request, action: str, chat: str = "", error: str | None = None,
    status: int = 200, form: dict[str, str] | None = None,
) -> web.Response:  # fmt: skip
    console = console_of(request)
    name = None
    if chat:
        view = await console.models.session(chat)
        name = view.conversation.name if view else None
        await record(console.log, login_of(request).staff, Action.VIEWED_PATIENT, [chat],
                     detail="marcação")  # fmt: skip
    return render(request, "booking.html", status=status, action=action, chat=chat,
                  name=name, error=error, form=form or {}, form_id=new_form_id(),
                  clinic=console.clinic)  # fmt: skip


def _today(request: web.Request) -> date:
    console = console_of(request)
    return today_in(console.zone, console.clock())


@requires(Role.RECEPTIONIST)
async def booking_form(request: web.Request) -> web.Response:
    chat = request.query.get("paciente", "")
    if chat and not CHAT_KEY.fullmatch(chat):
        raise web.HTTPNotFound()
    return await _form_page(request, "/agenda/marcar", chat)


@requires(Role.RECEPTIONIST)
async def book(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    form = await form_of(request)
    chat = form.get("paciente", "")
    if not CHAT_KEY.fullmatch(chat) or await console.models.session(chat) is None:
        raise web.HTTPBadRequest()  # only a patient the lookup finds is booked for
    try:
        wanted = wanted_of(form, console.clinic, console.zone, _today(request))
        if wanted.start <= console.clock():
            raise BookingRefused("Esse horário já passou.")
        booked = await bookings.book(console.log, console.models, console.calendar, chat,
                                     wanted, f"staff-{_form_id(form)}")  # fmt: skip
    except BookingRefused as exc:
        status = 409 if str(exc) == bookings.TAKEN else 400
        return await _form_page(request, "/agenda/marcar", chat, str(exc), status, form)
    await record(console.log, staff, Action.BOOKED, [chat], detail=booked.appointment_id)
    raise web.HTTPSeeOther(f"/agenda?dia={booked.start.astimezone(console.zone).date()}")


@requires(Role.RECEPTIONIST)
async def move_form(request: web.Request) -> web.Response:
    return await _form_page(request, f"/agenda/consulta/{_appointment_of(request)}/remarcar")


@requires(Role.RECEPTIONIST)
async def move(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    appointment_id = _appointment_of(request)
    form = await form_of(request)
    action = f"/agenda/consulta/{appointment_id}/remarcar"
    try:
        wanted = wanted_of(form, console.clinic, console.zone, _today(request))
        if wanted.start <= console.clock():
            raise BookingRefused("Esse horário já passou.")
        booked = await bookings.move(console.log, console.models, console.calendar,
                                     appointment_id, wanted, f"staff-{_form_id(form)}")  # fmt: skip
    except BookingRefused as exc:
        status = 409 if str(exc) == bookings.TAKEN else 400
        return await _form_page(request, action, "", str(exc), status, form)
    await record(console.log, staff, Action.MOVED, [booked.subject], detail=appointment_id)
    raise web.HTTPSeeOther(f"/agenda?dia={booked.start.astimezone(console.zone).date()}")


@requires(Role.RECEPTIONIST)
async def cancel(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    appointment_id = _appointment_of(request)
    try:
        held = await bookings.cancel(console.log, console.models, console.calendar,
                                     appointment_id)  # fmt: skip
    except BookingRefused as exc:
        return render(request, "error.html", status=409, message=str(exc))
    await record(console.log, staff, Action.CANCELLED, [held.subject], detail=appointment_id)
    raise web.HTTPSeeOther(f"/agenda?dia={held.start.astimezone(console.zone).date()}")


@requires(Role.RECEPTIONIST)
async def no_show(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    appointment_id = _appointment_of(request)
    try:
        await mark_no_show(console.log, console.models, appointment_id, staff.name,
                           console.clock())  # fmt: skip
    except NoShowRefused as exc:
        return render(request, "error.html", status=409, message=f"Falta não marcada: {exc}.")
    marked = await calendar_record(console.log, appointment_id)
    subjects = [marked.subject] if marked else []
    await record(console.log, staff, Action.MARKED_NO_SHOW, subjects, detail=appointment_id)
    day = marked.start.astimezone(console.zone).date() if marked else None
    raise web.HTTPSeeOther(f"/agenda?dia={day}" if day else "/agenda")


@requires(Role.RECEPTIONIST)
async def block_form(request: web.Request) -> web.Response:
    return await _form_page(request, "/agenda/bloquear")


@requires(Role.RECEPTIONIST)
async def block(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    form = await form_of(request)
    try:
        block_id = f"block-{_form_id(form)}"
        if form.get("hora"):
            wanted = wanted_of(form, console.clinic, console.zone, _today(request))
            spans, professional = [(wanted.start, wanted.until)], wanted.professional
        else:
            day = bookable_day(form.get("dia", ""), _today(request))
            professional = form.get("profissional", "")
            if professional not in console.clinic.professionals:
                raise BookingRefused("Escolha um profissional da clínica.")
            spans = day_halves(day, console.zone)
        held = await bookings.block(console.log, console.calendar, spans, professional,
                                    block_id)  # fmt: skip
    except BookingRefused as exc:
        return await _form_page(request, "/agenda/bloquear", "", str(exc), 409, form)
    await record(console.log, staff, Action.BLOCKED, detail=block_id)
    raise web.HTTPSeeOther(f"/agenda?dia={held[0].start.astimezone(console.zone).date()}")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/agenda/marcar", booking_form)
    app.router.add_post("/agenda/marcar", book)
    app.router.add_get("/agenda/bloquear", block_form)
    app.router.add_post("/agenda/bloquear", block)
    app.router.add_get("/agenda/consulta/{appointment}/remarcar", move_form)
    app.router.add_post("/agenda/consulta/{appointment}/remarcar", move)
    app.router.add_post("/agenda/consulta/{appointment}/cancelar", cancel)
    app.router.add_post("/agenda/consulta/{appointment}/faltou", no_show)
