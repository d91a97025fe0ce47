"""The console beside a test: served on a free loopback port against the test's Redis,
with staff accounts and patients written into the log as the bot would have, and a
member of staff's steps through its pages."""

from __future__ import annotations

import contextlib
import re
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import TypedDict, TypeVar, Unpack
from zoneinfo import ZoneInfo

import aiohttp
from aiohttp.test_utils import TestServer

from events import EventLog, new_envelope
from events.schema import (
    AppointmentBooked,
    ConsentGranted,
    DomainEvent,
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
from tests.support.projecting import caught_up, projecting

SP = ZoneInfo("America/Sao_Paulo")
SECRET = DEVELOPMENT_CHAT_KEY_SECRET.encode()
PASSWORD = "uma senha bem longa"
SETTINGS = ConsoleSettings(limits=Limits(per_account=3, per_address=10, window_s=60))
# The hidden fields of the console's forms: the session's CSRF token and the form's
# one-use id (a double submit is recorded once).
HIDDEN = re.compile(r'name="(csrf|form_id)" value="([^"]+)"')
E = TypeVar("E", bound=DomainEvent)


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


@contextlib.asynccontextmanager
async def login_posted(
    http: aiohttp.ClientSession,
    name: str,
    password: str = PASSWORD,
    headers: dict[str, str] | None = None,
) -> AsyncIterator[aiohttp.ClientResponse]:
    """The answer to the login form, its redirect not followed."""
    form = {"name": name, "password": password}
    async with http.post("/login", data=form, headers=headers, allow_redirects=False) as response:
        yield response


async def log_in(
    http: aiohttp.ClientSession,
    name: str,
    password: str = PASSWORD,
    headers: dict[str, str] | None = None,
) -> int:
    """The status of the answer to the login form (303 when logged in)."""
    async with login_posted(http, name, password, headers) as response:
        return response.status


class Serving(TypedDict, total=False):
    """How a test's console is served: ``projected``, with a projector running, caught up
    before the console serves; its ``settings`` (SETTINGS) and ``clock`` (the time now)."""

    projected: bool
    settings: ConsoleSettings
    clock: Callable[[], datetime]


@contextlib.asynccontextmanager
async def staffed_console(
    log: EventLog, name: str, role: Role, **serving: Unpack[Serving]
) -> AsyncIterator[str]:
    """The console's base URL, with ``name`` a member of staff in ``role`` (made unless
    there already)."""
    if await StaffDirectory(log.redis, log.keyspace).get(name) is None:
        await add_staff(log, name, role)
    async with contextlib.AsyncExitStack() as stack:
        if serving.get("projected", False):
            await stack.enter_async_context(projecting(log.redis, log.keyspace))
            await caught_up(log.redis, log.keyspace)
        settings, clock = serving.get("settings", SETTINGS), serving.get("clock", _now)
        yield await stack.enter_async_context(serving_console(log, settings, clock))


@contextlib.asynccontextmanager
async def console_for(
    log: EventLog, name: str, role: Role, **serving: Unpack[Serving]
) -> AsyncIterator[aiohttp.ClientSession]:
    """A browser at the console of ``staffed_console``, not logged in yet."""
    async with staffed_console(log, name, role, **serving) as base, browser(base) as http:
        yield http


@contextlib.asynccontextmanager
async def console_as(
    log: EventLog, name: str, role: Role, **serving: Unpack[Serving]
) -> AsyncIterator[aiohttp.ClientSession]:
    """As ``console_for``, logged in as ``name``."""
    async with console_for(log, name, role, **serving) as http:
        assert await log_in(http, name) == 303
        yield http


async def hidden_fields(
    http: aiohttp.ClientSession, path: str, params: dict[str, str] | None = None
) -> dict[str, str]:
    """The CSRF token and (where the form has one) the form id of the page at ``path``."""
    async with http.get(path, params=params) as response:
        return {m[1]: m[2] for m in HIDDEN.finditer(await response.text())}


async def csrf_of(http: aiohttp.ClientSession, path: str) -> str:
    return (await hidden_fields(http, path))["csrf"]


@contextlib.asynccontextmanager
async def submitted(
    http: aiohttp.ClientSession,
    path: str,
    form: dict[str, str],
    *,
    token_from: str | None = None,
    allow_redirects: bool = True,
) -> AsyncIterator[aiohttp.ClientResponse]:
    """The answer to a form POSTed to ``path`` with the CSRF token of the page at
    ``token_from`` (by default ``path`` itself), as that page sends it."""
    csrf = await csrf_of(http, token_from or path)
    data = form | {"csrf": csrf}
    async with http.post(path, data=data, allow_redirects=allow_redirects) as response:
        yield response


async def fetched(
    http: aiohttp.ClientSession, path: str, params: dict[str, str] | None = None
) -> tuple[int, str]:
    """The status and the text of the page at ``path``."""
    async with http.get(path, params=params) as response:
        return response.status, await response.text()


async def posted(
    http: aiohttp.ClientSession, path: str, form: dict[str, str], *, token_from: str | None = None
) -> tuple[int, str]:
    """The status and the page of the answer to a form POSTed as ``submitted`` does."""
    async with submitted(http, path, form, token_from=token_from) as response:
        return response.status, await response.text()


def next_weekday_at(hour: int, weeks: int = 1) -> datetime:
    """A Wednesday ``weeks`` from now, at ``hour`` in the clinic's time zone."""
    day = datetime.now(SP).date() + timedelta(weeks=weeks)
    day += timedelta(days=(2 - day.weekday()) % 7)
    return datetime(day.year, day.month, day.day, hour, tzinfo=SP)


async def booking_form(http: aiohttp.ClientSession, chat: str, at: datetime) -> dict[str, str]:
    """The booking page's form for the patient ``chat`` at ``at``, as a member of staff
    fills it in."""
    hidden = await hidden_fields(http, "/agenda/marcar", {"paciente": chat})
    return hidden | {"paciente": chat, "dia": at.date().isoformat(), "hora": f"{at:%H:%M}"}


async def events_of(log: EventLog, chat: str, kind: type[E]) -> list[E]:
    """The events of type ``kind`` in the chat's history, oldest first."""
    return [r.envelope.event for r in await log.chat_history(chat)
            if isinstance(r.envelope.event, kind)]  # fmt: skip


async def booked_by_hand(
    http: aiohttp.ClientSession, log: EventLog, chat: str, at: datetime
) -> AppointmentBooked:
    """The patient's one appointment, booked at ``at`` through the console's form."""
    async with http.post("/agenda/marcar", data=await booking_form(http, chat, at)) as done:
        assert done.status == 200
    [made] = await events_of(log, chat, AppointmentBooked)
    return made
