"""The calendar client the conductor uses with ``CALENDAR=google``, against the fake
Google of tests/support/fake_google_calendar.py, with a service account of its own."""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from redis.asyncio import Redis

from services.domain.embedded_calendar import EmbeddedCalendar
from services.domain.google_calendar import GoogleCalendar, authorised_http
from tests.support.fake_google_calendar import FakeGoogleCalendar

CALENDAR_ID = "clinica@group.calendar.google.com"


def service_account_file(directory: Path, token_uri: str) -> Path:
    """A service account's key file in ``directory``, with a new key, that asks
    ``token_uri`` for its tokens."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    info = {
        "type": "service_account",
        "project_id": "clinica",
        "private_key_id": "k1",
        "private_key": pem,
        "client_email": "wsm@clinica.iam.gserviceaccount.com",
        "client_id": "1",
        "token_uri": token_uri,
    }
    path = directory / "service-account.json"
    path.write_text(json.dumps(info))
    return path


@contextlib.asynccontextmanager
async def served_google(
    redis: Redis, directory: Path, professional_calendars: Mapping[str, str] | None = None
) -> AsyncIterator[tuple[GoogleCalendar, FakeGoogleCalendar]]:
    """The clinic's calendar (CALENDAR_ID) in Google, and the fake Google serving it while
    the block runs; the service account's file is written in ``directory``."""
    fake = FakeGoogleCalendar()
    async with fake.serving() as url:
        new_http = authorised_http(str(service_account_file(directory, f"{url}/token")))
        calendar = GoogleCalendar(new_http, CALENDAR_ID, EmbeddedCalendar(redis), api_endpoint=url,
                                  professional_calendars=professional_calendars)  # fmt: skip
        yield calendar, fake
