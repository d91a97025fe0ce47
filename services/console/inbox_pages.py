"""The handoff inbox: the list, one conversation with its reply box, the reply, and
giving the chat back to the bot."""

from __future__ import annotations

import re

from aiohttp import web

from services.actions.handoff import NotInHandoff, release_handoff
from services.console.accountability import Action, record
from services.console.inbox import (
    NotHeld,
    ReplyRefused,
    clean_reply,
    conversation_fingerprint,
    fingerprint,
    in_hands,
    new_form_id,
    send_reply,
    waited_words,
    waiting_of,
)
from services.console.staff import Role
from services.console.web import chat_of, console_of, form_of, login_of, render, requires

FORM_ID = re.compile(r"[0-9a-f]{32}")


@requires(Role.RECEPTIONIST)
async def inbox_page(request: web.Request) -> web.Response:
    console = console_of(request)
    now = console.clock()
    waiting = await in_hands(console.models, now)
    if waiting:
        await record(console.log, login_of(request).staff, Action.VIEWED_INBOX,
                     [w.chat for w in waiting])  # fmt: skip
    return render(request, "inbox.html", waiting=waiting, waited_words=waited_words,
                  zone=console.zone, version=fingerprint(waiting))  # fmt: skip


@requires(Role.RECEPTIONIST)
async def inbox_version(request: web.Request) -> web.Response:
    console = console_of(request)
    waiting = await in_hands(console.models, console.clock())
    return web.json_response({"version": fingerprint(waiting)})


@requires(Role.RECEPTIONIST)
async def conversation_version(request: web.Request) -> web.Response:
    view = await console_of(request).models.session(chat_of(request))
    if view is None:
        raise web.HTTPNotFound()
    return web.json_response({"version": conversation_fingerprint(view)})


@requires(Role.RECEPTIONIST)
async def conversation_page(request: web.Request) -> web.Response:
    return await conversation(request)


async def conversation(
    request: web.Request, error: str | None = None, status: int = 200
) -> web.Response:
    console = console_of(request)
    chat = chat_of(request)
    view = await console.models.session(chat)
    if view is None:
        raise web.HTTPNotFound()
    waiting = waiting_of(view, console.clock())
    await record(console.log, login_of(request).staff, Action.VIEWED_CONVERSATION, [chat])
    return render(request, "conversation.html", view=view, waiting=waiting,
                  waited_words=waited_words, zone=console.zone, form_id=new_form_id(),
                  sent="enviada" in request.query, error=error, status=status,
                  version=conversation_fingerprint(view))  # fmt: skip


@requires(Role.RECEPTIONIST)
async def reply(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    chat = chat_of(request)
    form = await form_of(request)
    form_id = form.get("form_id", "")
    if not FORM_ID.fullmatch(form_id):
        raise web.HTTPBadRequest()
    try:
        text = clean_reply(form.get("text", ""))
        await send_reply(console.log, console.models, chat, text, staff.name, form_id,
                         console.clock())  # fmt: skip
    except NotHeld as exc:
        return await conversation(request, error=f"Resposta não enviada: {exc}.", status=409)
    except ReplyRefused as exc:
        return await conversation(request, error=str(exc), status=400)
    await record(console.log, staff, Action.REPLIED, [chat])
    raise web.HTTPSeeOther(f"/atendimento/{chat}?enviada=1")


@requires(Role.RECEPTIONIST)
async def release(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    chat = chat_of(request)
    try:
        await release_handoff(console.log, console.models, chat, staff.name)
    except NotInHandoff:
        return await conversation(
            request, error="Esta conversa já não está com a equipe.", status=409
        )
    await record(console.log, staff, Action.RELEASED_HANDOFF, [chat])
    raise web.HTTPSeeOther("/atendimento?devolvida=1")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/atendimento", inbox_page)
    app.router.add_get("/atendimento/versao", inbox_version)
    app.router.add_get("/atendimento/{chat}", conversation_page)
    app.router.add_get("/atendimento/{chat}/versao", conversation_version)
    app.router.add_post("/atendimento/{chat}/responder", reply)
    app.router.add_post("/atendimento/{chat}/devolver", release)
