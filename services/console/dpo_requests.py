"""A data subject's requests, carried out by the data-protection officer: access (the
export), correction of the name and erasure (LGPD art. 18), each behind a confirmation
page, each recorded as a staff action beside the event the action itself appends."""

from __future__ import annotations

import msgspec
from aiohttp import web

from services.actions.correction import NothingToCorrect, clean_name, correct_name
from services.actions.erasure import ErasureReason, erase_person
from services.actions.export import export_person
from services.console.accountability import Action, record
from services.console.staff import Role
from services.console.web import chat_of, console_of, form_of, login_of, render, requires

ERASE_WORD = "APAGAR"
REQUESTS = {
    "exportar": "Exportar os dados do titular (acesso e portabilidade, LGPD art. 18, II e V)",
    "corrigir": "Corrigir o nome do titular (LGPD art. 18, III)",
    "apagar": "Apagar os dados pessoais do titular (LGPD art. 18, VI)",
}


def request_of(request: web.Request) -> str:
    kind = request.match_info["pedido"]
    if kind not in REQUESTS:
        raise web.HTTPNotFound()
    return kind


def confirm(request: web.Request, status: int = 200, error: str | None = None) -> web.Response:
    kind = request_of(request)
    return render(request, "request.html", status=status, kind=kind, title=REQUESTS[kind],
                  subject=chat_of(request), error=error, erase_word=ERASE_WORD)  # fmt: skip


@requires(Role.DPO)
async def confirmation_page(request: web.Request) -> web.Response:
    return confirm(request)


@requires(Role.DPO)
async def carry_out(request: web.Request) -> web.StreamResponse:
    console, staff = console_of(request), login_of(request).staff
    kind, chat = request_of(request), chat_of(request)
    form = await form_of(request)
    if kind == "exportar":
        document = await export_person(console.log, console.models, console.identities, chat)
        if document is None:
            return confirm(request, 404, "Nada é mantido sobre este titular.")
        await record(console.log, staff, Action.EXPORTED, [chat])
        body = msgspec.json.format(msgspec.json.encode(document), indent=2)
        return web.Response(
            body=body, content_type="application/json", headers={
                "Content-Disposition": f'attachment; filename="titular-{chat}.json"'},
        )  # fmt: skip
    if kind == "corrigir":
        try:
            name = clean_name(form.get("name", ""))
            await correct_name(console.log, console.models, chat, name, staff.name)
        except (ValueError, NothingToCorrect) as exc:
            # clean_name's and NothingToCorrect's words are the project's own, in English;
            # the page says what to do in Portuguese.
            reason = "não há conversa deste titular" if isinstance(exc, NothingToCorrect) else (
                "um nome tem de 2 a 60 caracteres: letras, espaços, apóstrofos, hífens e "
                "pontos")  # fmt: skip
            return confirm(request, 400, f"Não foi possível corrigir: {reason}.")
        await record(console.log, staff, Action.CORRECTED, [chat])
        raise web.HTTPSeeOther(f"/dpo/consentimento?titular={chat}&feito=corrigir")
    if form.get("confirmacao", "").strip() != ERASE_WORD:
        return confirm(request, 400, f"Digite {ERASE_WORD} para confirmar o apagamento.")
    erased = await erase_person(console.log, console.models, console.identities, chat,
                                ErasureReason.SUBJECT_REQUEST, staff.name)  # fmt: skip
    if erased is None:
        return confirm(request, 404, "Nenhum dado pessoal é mantido sobre este titular.")
    await record(console.log, staff, Action.ERASED, [chat])
    raise web.HTTPSeeOther(f"/dpo/consentimento?titular={chat}&feito=apagar")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/dpo/titular/{chat}/{pedido}", confirmation_page)
    app.router.add_post("/dpo/titular/{chat}/{pedido}", carry_out)
