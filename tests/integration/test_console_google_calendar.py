"""The front desk books in the calendar the conductor is configured with: with
``CALENDAR=google``, a booking by hand is an event in Google, as the bot's are."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime
from pathlib import Path

from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.console.settings import ConsoleSettings
from services.console.staff import Role
from services.domain.calendar_settings import GoogleSettings
from tests.integration.test_console_bookings import booking_form, next_weekday_at
from tests.integration.test_google_calendar import CALENDAR_ID, service_account_file
from tests.support.console import (
    SETTINGS,
    add_staff,
    browser,
    log_in,
    registered_patient,
    serving_console,
)
from tests.support.fake_google_calendar import FakeGoogleCalendar
from tests.support.projecting import caught_up, projecting


def test_the_console_reads_the_calendar_the_conductor_reads(tmp_path: Path) -> None:
    account = service_account_file(tmp_path, "http://127.0.0.1:1/token")
    env = {"CALENDAR": "google", "GOOGLE_CALENDAR_ID": CALENDAR_ID,
           "GOOGLE_SERVICE_ACCOUNT_FILE": str(account)}  # fmt: skip
    assert ConsoleSettings.from_env(env).google == GoogleSettings(CALENDAR_ID, str(account))


async def test_a_booking_by_hand_with_a_google_calendar_is_an_event_in_google(
    log: EventLog, redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    await add_staff(log, "julia", Role.RECEPTIONIST)
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    fake = FakeGoogleCalendar()
    async with fake.serving() as url:
        account = service_account_file(tmp_path, f"{url}/token")
        google = GoogleSettings(CALENDAR_ID, str(account), api_endpoint=url)
        settings = dataclasses.replace(SETTINGS, google=google)
        async with (
            projecting(redis, keyspace),
            serving_console(log, settings) as base,
            browser(base) as http,
        ):
            await log_in(http, "julia")
            form = await booking_form(http, chat, at)
            async with http.post("/agenda/marcar", data=form) as done:
                assert done.status == 200
            await caught_up(redis, keyspace)
    [event] = fake.events.values()
    assert datetime.fromisoformat(event["start"]["dateTime"]) == at
    assert fake.calendar_of[event["id"]] == CALENDAR_ID
