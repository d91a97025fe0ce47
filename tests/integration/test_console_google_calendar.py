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
from tests.support.console import (
    SETTINGS,
    booked_by_hand,
    console_as,
    next_weekday_at,
    registered_patient,
)
from tests.support.fake_google_calendar import FakeGoogleCalendar
from tests.support.google_calendar import CALENDAR_ID, service_account_file
from tests.support.projecting import caught_up


def test_the_console_reads_the_calendar_the_conductor_reads(tmp_path: Path) -> None:
    account = service_account_file(tmp_path, "http://127.0.0.1:1/token")
    env = {"CALENDAR": "google", "GOOGLE_CALENDAR_ID": CALENDAR_ID,
           "GOOGLE_SERVICE_ACCOUNT_FILE": str(account)}  # fmt: skip
    assert ConsoleSettings.from_env(env).google == GoogleSettings(CALENDAR_ID, str(account))


async def test_a_booking_by_hand_with_a_google_calendar_is_an_event_in_google(
    log: EventLog, redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    chat = await registered_patient(log, "5511987654321", "Ana Souza", datetime.now(UTC))
    at = next_weekday_at(10)
    fake = FakeGoogleCalendar()
    async with fake.serving() as url:
        account = service_account_file(tmp_path, f"{url}/token")
        google = GoogleSettings(CALENDAR_ID, str(account), api_endpoint=url)
        settings = dataclasses.replace(SETTINGS, google=google)
        async with console_as(
            log, "julia", Role.RECEPTIONIST, projected=True, settings=settings
        ) as http:
            await booked_by_hand(http, log, chat, at)
            await caught_up(redis, keyspace)
    [event] = fake.events.values()
    assert datetime.fromisoformat(event["start"]["dateTime"]) == at
    assert fake.calendar_of[event["id"]] == CALENDAR_ID
