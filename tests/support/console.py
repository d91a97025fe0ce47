"""The console beside a test: served on a free loopback port against the test's Redis,
with staff accounts and patients written into the log as the bot would have."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp.test_utils import TestServer

from events import EventLog, new_envelope
from events.schema import (
    AppointmentBooked,
    ConsentGranted,
    HandoffStarted,
    MessageReceived,
    NameRegistered,
    PrivacyNoticeShown,
)
from services.console.app import create_app
from services.console.settings import ConsoleSettings
from services.console.staff import Role, StaffDirectory
from services.console.throttle import Limits
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key

SP = ZoneInfo("America/Sao_Paulo")
SECRET = DEVELOPMENT_CHAT_KEY_SECRET.encode()
PASSWORD = "uma senha bem longa"
SETTINGS = ConsoleSettings(limits=Limits(per_account=3, per_address=10, window_s=60))


def _now() -> datetime:
    return datetime.now(UTC)


@contextlib.asynccontextmanager
async def serving_console(
    log: EventLog, settings: ConsoleSettings = SETTINGS, clock: Callable[[], datetime] = _now
) -> AsyncIterator[str]:
    """The console's base URL (``http://127.0.0.1:PORT``) while the block runs."""
    app = create_app(log, settings, SP, SECRET, clock)
    async with TestServer(app, host="127.0.0.1") as server:
        yield str(server.make_url("")).rstrip("/")


async def add_staff(log: EventLog, name: str, role: Role) -> None:
    await StaffDirectory(log.redis, log.keyspace).add(name, role, PASSWORD)


def chat_of(number: str) -> tuple[str, str]:
    """The WhatsApp chat id of a phone number, and its chat key."""
    chat_id = f"{number}@c.us"
    return chat_id, chat_key(SECRET, "default", chat_id)


async def registered_patient(log: EventLog, number: str, name: str, at: datetime) -> str:
    """A patient who wrote, consented and gave their name, as the bot records it; their
    chat key."""
    chat_id, chat = chat_of(number)
    said = MessageReceived(message_id=f"false_{chat_id}_1", chat_id=chat_id, sender=chat_id,
                           text="oi", sent_at=at)  # fmt: skip
    events = [
        said,
        PrivacyNoticeShown(policy_version="2026-11", notice_sha256="ab" * 32,
                           purposes=("agendamento",), in_reply_to=said.message_id),
        ConsentGranted(policy_version="2026-11", notice_sha256="ab" * 32,
                       purposes=("agendamento",), legal_basis="LGPD art. 11, I",
                       evidence_message_id=f"false_{chat_id}_2", evidence_text="sim, aceito"),
        NameRegistered(name=name, evidence_message_id=f"false_{chat_id}_3"),
    ]  # fmt: skip
    for event in events:
        await log.append(new_envelope(event, chat=chat, session="default", occurred_at=at))
    return chat


async def booked(log: EventLog, chat: str, start: datetime) -> None:
    event = AppointmentBooked(appointment_id=f"a-{chat[:8]}-{start:%H%M}",
                              calendar_entry_id="e1", start=start.astimezone(UTC),
                              end=start.astimezone(UTC) + timedelta(minutes=30))  # fmt: skip
    await log.append(new_envelope(event, chat=chat, session="default"))


async def handed_over(log: EventLog, chat: str, quiet_s: int = 12 * 3600) -> None:
    await log.append(new_envelope(HandoffStarted(quiet_s=quiet_s), chat=chat, session="default"))


@contextlib.asynccontextmanager
async def browser(
    base: str, tracing: aiohttp.TraceConfig | None = None
) -> AsyncIterator[aiohttp.ClientSession]:
    # Secure cookies over http://127.0.0.1, as browsers treat loopback as a secure origin.
    jar = aiohttp.CookieJar(unsafe=True, treat_as_secure_origin=[base])
    traces = [tracing] if tracing else None
    async with aiohttp.ClientSession(base, cookie_jar=jar, trace_configs=traces) as session:
        yield session


async def log_in(http: aiohttp.ClientSession, name: str, password: str = PASSWORD) -> int:
    async with http.post("/login", data={"name": name, "password": password},
                         allow_redirects=False) as response:  # fmt: skip
        return response.status


async def csrf_of(http: aiohttp.ClientSession, path: str) -> str:
    async with http.get(path) as response:
        found = re.search(r'name="csrf" value="([^"]+)"', await response.text())
    assert found is not None
    return found[1]


@contextlib.asynccontextmanager
async def submitted(
    http: aiohttp.ClientSession, path: str, form: dict[str, str]
) -> AsyncIterator[aiohttp.ClientResponse]:
    """The answer to a form POSTed as the page at ``path`` sends it (with its CSRF
    token)."""
    csrf = await csrf_of(http, path)
    async with http.post(path, data=form | {"csrf": csrf}) as response:
        yield response
