"""The right of access (LGPD arts. 18 and 19): the export holds what the calendar holds."""

from __future__ import annotations

import argparse
import io
import json
from typing import Any

from redis.asyncio import Redis

from events import Keyspace
from services.cli.lgpd import erase, export
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.ingest.settings import IngestSettings
from tests.support.cli import operator_env
from tests.support.projecting import caught_up, groups_caught_up, projecting
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511977770077"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")


async def lgpd(verb: Any, action: str, ingest_settings: IngestSettings) -> dict[str, Any]:
    out = io.StringIO()
    env = operator_env(ingest_settings.store.redis_url, USER="dpo")
    args = argparse.Namespace(
        action=action, subject=f"{NUMBER}@c.us", session="default", requested_by=None
    )
    assert await verb(args, env, out) == 0
    return json.loads(out.getvalue()) if action == "export" else {}


async def test_the_export_lists_the_calendars_bookings_live_and_cancelled(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    async with projecting(redis, keyspace):
        for text in ("oi", "sim", "Olga", "marcar amanhã às 15h", "sim", "cancelar", "sim"):
            await phone.say(text)
        await phone.say("marcar amanhã às 16h")
        await phone.say("sim")
        await caught_up(redis, keyspace, "conductor")
    bookings = (await lgpd(export, "export", ingest_settings))["calendar_bookings"]
    assert [(b["start"], b["status"], b["subject"]) for b in bookings] == [
        ("2026-11-25T18:00:00Z", "cancelled", SUBJECT),
        ("2026-11-25T19:00:00Z", "booked", SUBJECT),
    ]


async def test_after_erasure_the_export_lists_no_booking(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in ("oi", "sim", "Olga", "marcar amanhã às 15h", "sim"):
        await phone.say(text)
    await lgpd(erase, "erase", ingest_settings)
    await groups_caught_up(redis, keyspace, "conductor")
    assert (await lgpd(export, "export", ingest_settings))["calendar_bookings"] == []
