"""The data-protection officer's pages: the access log and a subject's consent history
with its evidence."""

from __future__ import annotations

from aiohttp import web

from services.console.accountability import ACTION_NAMES, Action, recent, record
from services.console.staff import Role
from services.console.web import CHAT_KEY, console_of, form_of, login_of, render, requires
from services.domain.subjects import SubjectInvalid, subject_of

KIND_NAMES = {
    "requested": "aviso de privacidade mostrado",
    "granted": "consentimento dado",
    "refused": "consentimento recusado",
    "revoked": "consentimento revogado",
    "erased": "dados apagados",
}

DONE = {
    "corrigir": "Nome corrigido; o robô e os registros passam a usá-lo.",
    "apagar": "Dados pessoais do titular apagados.",
}


def subject_from(raw: str, secret: bytes) -> str:
    """A chat key, a WhatsApp chat id, or a phone number with its country code."""
    value = raw.strip().replace(" ", "").replace("-", "").lstrip("+")
    if value.isdigit():
        value = f"{value}@c.us"
    return subject_of(value, "default", secret)


@requires(Role.DPO)
async def access_log(request: web.Request) -> web.Response:
    console = console_of(request)
    entries = await recent(console.log)
    await record(console.log, login_of(request).staff, Action.VIEWED_ACCESS_LOG)
    return render(request, "access_log.html", entries=entries, action_names=ACTION_NAMES,
                  zone=console.zone)  # fmt: skip


def _consent_page(request: web.Request, status: int = 200, **values: object) -> web.Response:
    shown: dict[str, object] = {"asked": "", "subject": None, "records": [], "error": None,
                                "done": None}  # fmt: skip
    return render(request, "consent.html", status=status, kind_names=KIND_NAMES,
                  zone=console_of(request).zone, **(shown | values))  # fmt: skip


NOT_A_SUBJECT = ("Informe a chave do titular (c seguido de 32 dígitos hexadecimais) ou o "
                 "telefone com DDI e DDD.")  # fmt: skip


@requires(Role.DPO)
async def consent(request: web.Request) -> web.Response:
    """A subject's history, named in the URL by their chat key only."""
    console = console_of(request)
    asked = request.query.get("titular", "")[:200].strip()
    if not asked:
        return _consent_page(request)
    if not CHAT_KEY.fullmatch(asked):
        # A phone number goes through the form (POST), never in a URL.
        return _consent_page(request, status=400, error=NOT_A_SUBJECT)
    subject = await console.identities.identity(asked)  # a folded @lid: its person
    records = await console.models.consent_history(subject)
    await record(console.log, login_of(request).staff, Action.VIEWED_CONSENT, [subject])
    return _consent_page(request, asked=subject, subject=subject, records=records,
                         done=DONE.get(request.query.get("feito", "")))  # fmt: skip


@requires(Role.DPO)
async def find_subject(request: web.Request) -> web.Response:
    """The form's subject (a chat key or a phone number), then its page by chat key."""
    console = console_of(request)
    raw = (await form_of(request)).get("titular", "")[:200]
    try:
        subject = subject_from(raw, console.chat_key_secret)
    except SubjectInvalid:
        return _consent_page(request, status=400, error=NOT_A_SUBJECT)
    subject = await console.identities.identity(subject)
    raise web.HTTPSeeOther(f"/dpo/consentimento?titular={subject}")


def add_routes(app: web.Application) -> None:
    app.router.add_get("/dpo/acessos", access_log)
    app.router.add_get("/dpo/consentimento", consent)
    app.router.add_post("/dpo/consentimento", find_subject)
