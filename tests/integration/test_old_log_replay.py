"""A log recorded by the code before appointments named their professional and service
(tests/integration/logs/README.md) replays into the same read models: its appointment
events are read as with the clinic's one professional and service, and everything that
existed then is as it was."""

from __future__ import annotations

import base64
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import msgspec
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import AppointmentBooked, AppointmentCancelled
from services.projector.store import ReadModels
from tests.support.projecting import caught_up, projecting

LOGS = Path(__file__).parent / "logs"
RECORDED = json.loads((LOGS / "before-professionals.read-models.json").read_text())
NEW_FIELDS = {"professional": "", "service": ""}  # what the old entries are read with
# What a conversation has learnt to keep since (no-shows, the waiting list, confirmations),
# as a conversation of the old log holds it.
NEW_CONVERSATION_FIELDS = {"no_shows": 0, "missed": [], "waiting": None, "offer": None}
NEW_UPCOMING_FIELDS = {"confirmed": False}


async def load_recorded_log(redis: Redis, keyspace: Keyspace) -> None:
    entries = json.loads((LOGS / "before-professionals.log.json").read_text())
    for entry in entries:
        fields = {name: base64.b64decode(value) for name, value in entry["fields"].items()}
        await redis.xadd(keyspace.stream(entry["partition"]), fields, id=entry["id"])


def plain(value: object) -> Any:
    """A read model as the recording has it: JSON."""
    return json.loads(msgspec.json.encode(value))


def session_as_recorded(session: object) -> dict[str, Any]:
    """The session as the older code kept it: without the conversation's new fields, which
    must hold their defaults."""
    built: dict[str, Any] = plain(session)
    conversation = built["conversation"]
    assert {name: conversation.pop(name) for name in NEW_CONVERSATION_FIELDS} == (
        NEW_CONVERSATION_FIELDS
    )
    for upcoming in conversation["upcoming"]:
        assert {name: upcoming.pop(name) for name in NEW_UPCOMING_FIELDS} == NEW_UPCOMING_FIELDS
    return built


def as_recorded(views: list[Any]) -> list[dict[str, Any]]:
    """The views as the older code's read models had them: without the new fields, which
    must hold what the old entries are read with."""
    built: list[dict[str, Any]] = plain(views)
    for view in built:
        assert {name: view.pop(name) for name in NEW_FIELDS} == NEW_FIELDS
    return built


async def test_the_old_appointment_events_read_as_with_the_clinics_one_professional(
    redis: Redis, keyspace: Keyspace, log: EventLog
) -> None:
    await load_recorded_log(redis, keyspace)
    appointments = [
        record.envelope.event
        for partition in keyspace.all_partitions()
        for record in await log.read(partition)
        if isinstance(record.envelope.event, AppointmentBooked | AppointmentCancelled)
    ]
    assert len(appointments) == 6
    assert {(e.professional, e.service) for e in appointments} == {("", "")}


async def test_a_replay_of_the_old_log_builds_the_read_models_it_built_then(
    redis: Redis, keyspace: Keyspace
) -> None:
    await load_recorded_log(redis, keyspace)
    async with projecting(redis, keyspace):
        await caught_up(redis, keyspace)
    models = ReadModels(redis, keyspace)
    for subject, recorded in RECORDED.items():
        if subject == "by_day":
            continue
        assert as_recorded(await models.appointments_of(subject)) == recorded["appointments"]
        assert session_as_recorded(await models.session(subject)) == recorded["session"]
        assert plain(await models.consent_history(subject)) == recorded["consent"]
    for n in range(7):
        day = date(2026, 11, 24) + timedelta(days=n)
        on_day = as_recorded(await models.appointments_on(day))
        assert on_day == RECORDED["by_day"][day.isoformat()]
