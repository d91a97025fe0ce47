"""A no-show recorded by an operator: by the command line and by the admin API, once,
only for an appointment that began; shown in the appointments read model."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime, timedelta

from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace, new_envelope
from events.schema import AppointmentBooked, AppointmentNoShow
from services.actions.read_models import ReadModels
from services.cli.appointments import no_show
from services.domain.calendar import Booking
from services.domain.embedded_calendar import EmbeddedCalendar
from services.projector.admin_api import create_admin_app
from tests.support.console import SECRET, registered_patient
from tests.support.kek import kek_env
from tests.support.projecting import caught_up, projecting

TOKEN = "an admin token of this test, long enough"


async def booked_at(log: EventLog, chat: str, start: datetime, appointment_id: str) -> None:
    """An appointment as the bot books it: claimed in the calendar, then recorded."""
    calendar = EmbeddedCalendar(log.redis, log.keyspace)
    await calendar.book(Booking(appointment_id, chat, start, start + timedelta(minutes=30)))
    event = AppointmentBooked(appointment_id=appointment_id, calendar_entry_id=appointment_id,
                              start=start, end=start + timedelta(minutes=30))  # fmt: skip
    await log.append(new_envelope(event, chat=chat, session="default"))


async def no_shows(log: EventLog, chat: str) -> int:
    return sum(isinstance(r.envelope.event, AppointmentNoShow)
               for r in await log.chat_history(chat))  # fmt: skip


def cli_env(redis: Redis, keyspace: Keyspace) -> dict[str, str]:
    kwargs = redis.connection_pool.connection_kwargs
    return {
        "REDIS_URL": f"redis://{kwargs['host']}:{kwargs['port']}/0",
        "PARTITIONS": str(keyspace.partitions),
        "DEVELOPMENT_MODE": "true",
        **kek_env(),
    }


async def test_the_cli_records_a_no_show_once_and_the_read_model_shows_it(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    await booked_at(log, chat, datetime.now(UTC) - timedelta(hours=2), "a-past")
    args = argparse.Namespace(action="no-show", appointment="a-past", by="recepcao")
    said = [io.StringIO(), io.StringIO()]
    statuses = [await no_show(args, cli_env(redis, keyspace), out) for out in said]
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace)
    [view] = await ReadModels(redis, keyspace).appointments_of(chat)
    assert statuses == [0, 1]  # the second mark is refused (saying why, on stderr)
    assert "recorded" in said[0].getvalue() and said[1].getvalue() == ""
    assert await no_shows(log, chat) == 1
    assert view.status == "no_show"


async def test_a_second_no_show_mark_long_after_the_first_is_refused(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    await booked_at(log, chat, datetime.now(UTC) - timedelta(hours=2), "a-past")
    args = argparse.Namespace(action="no-show", appointment="a-past", by="recepcao")
    assert await no_show(args, cli_env(redis, keyspace), io.StringIO()) == 0
    # The append's idempotency window over: its key expired.
    await redis.delete(*[keyspace.dedup(p, "no-show:a-past") for p in keyspace.all_partitions()])
    assert await no_show(args, cli_env(redis, keyspace), io.StringIO()) == 1
    assert await no_shows(log, chat) == 1


async def test_the_cli_refuses_a_no_show_before_the_appointment(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    await booked_at(log, chat, datetime.now(UTC) + timedelta(days=1), "a-future")
    args = argparse.Namespace(action="no-show", appointment="a-future", by="recepcao")
    assert await no_show(args, cli_env(redis, keyspace), io.StringIO()) == 1
    assert await no_shows(log, chat) == 0


async def test_the_admin_api_records_a_no_show(
    log: EventLog, redis: Redis, keyspace: Keyspace
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    await booked_at(log, chat, datetime.now(UTC) - timedelta(hours=2), "a-past")
    app = create_admin_app(log, token=TOKEN, chat_key_secret=SECRET)
    async with TestClient(TestServer(app)) as admin:
        response = await admin.post("/v1/appointments/a-past/no-show",
                                    json={"requested_by": "recepcao"},
                                    headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        assert response.status == 202
        unknown = await admin.post("/v1/appointments/nothing/no-show",
                                   json={"requested_by": "recepcao"},
                                   headers={"Authorization": f"Bearer {TOKEN}"})  # fmt: skip
        assert unknown.status == 404
    assert await no_shows(log, chat) == 1
