"""Which calendar the clinic uses, read from the environment, and that calendar built:
the conductor and the console book through the same one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from events import Keyspace
from events.redis_client import RedisClient
from services.domain.calendar import Calendar
from services.domain.clinic_model import ClinicModel
from services.domain.embedded_calendar import DEFAULT_SLOT, EmbeddedCalendar
from services.domain.google_calendar import GoogleCalendar, authorised_http
from services.runtime import settings


@dataclass(frozen=True, slots=True)
class GoogleSettings:
    calendar_id: str
    service_account_file: str
    api_endpoint: str | None = None


def google_from_env(env: Mapping[str, str]) -> GoogleSettings | None:
    """Google's settings when ``CALENDAR=google``; None for the embedded calendar."""
    kind = settings.text(env, "CALENDAR", "embedded")
    if kind == "embedded":
        return None
    if kind != "google":
        raise settings.SettingsError(f"CALENDAR must be embedded or google, got {kind!r}")
    account = settings.text(env, "GOOGLE_SERVICE_ACCOUNT_FILE")
    if not Path(account).is_file():
        raise settings.SettingsError(f"GOOGLE_SERVICE_ACCOUNT_FILE {account!r} is not a file")
    return GoogleSettings(
        calendar_id=settings.text(env, "GOOGLE_CALENDAR_ID"),
        service_account_file=account,
        api_endpoint=env.get("GOOGLE_CALENDAR_API_ENDPOINT") or None,
    )


def calendar_of(
    redis: RedisClient,
    keyspace: Keyspace,
    google: GoogleSettings | None,
    model: ClinicModel | None = None,
    *,
    slot: timedelta = DEFAULT_SLOT,
) -> Calendar:
    """The embedded calendar, or Google's over its claims when ``google`` is given; each
    professional of ``model`` with a Google calendar of their own books in it."""
    embedded = EmbeddedCalendar(redis, keyspace, slot=slot)
    if google is None:
        return embedded
    own = {p.id: p.google_calendar_id for p in model.professionals.values()
           if p.google_calendar_id} if model else {}  # fmt: skip
    return GoogleCalendar(authorised_http(google.service_account_file), google.calendar_id,
                          embedded, api_endpoint=google.api_endpoint,
                          professional_calendars=own)  # fmt: skip
