"""The data-protection officer's pages: the access log and a subject's consent history
with its evidence."""

from __future__ import annotations

from aiohttp import web

from services.console.accountability import ACTION_NAMES, Action, recent, record
from services.console.staff import Role
from services.console.web import console_of, login_of, render, requires
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


@requires(Role.DPO)
async def consent(request: web.Request) -> web.Response:
    console = console_of(request)
    raw = request.query.get("titular", "")[:200]
    if not raw.strip():
        return render(request, "consent.html", asked="", subject=None, records=[],
                      kind_names=KIND_NAMES, error=None, zone=console.zone, done=None)  # fmt: skip
    try:
        subject = subject_from(raw, console.chat_key_secret)
    except SubjectInvalid:
        return render(request, "consent.html", status=400, asked=raw, subject=None, records=[],
                      kind_names=KIND_NAMES, zone=console.zone, done=None,
                      error="Informe a chave do titular (c seguido de 32 dígitos "
                            "hexadecimais) ou o telefone com DDI e DDD.")  # fmt: skip
    subject = await console.identities.identity(subject)  # a folded @lid: its person
    records = await console.models.consent_history(subject)
    await record(console.log, login_of(request).staff, Action.VIEWED_CONSENT, [subject])
    return render(request, "consent.html", asked=raw, subject=subject, records=records,
                  kind_names=KIND_NAMES, error=None, zone=console.zone,
                  done=DONE.get(request.query.get("feito", "")))  # fmt: skip


def add_routes(app: web.Application) -> None:
    app.router.add_get("/dpo/acessos", access_log)
    app.router.add_get("/dpo/consentimento", consent)
