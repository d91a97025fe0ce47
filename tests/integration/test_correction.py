"""The right to correction: a subject's name corrected by an operator, taken up by the
conductor, the read models, the audit and any replay."""

from __future__ import annotations

import argparse
import io

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.schema import NameCorrected
from services.actions.correction import clean_name
from services.cli.lgpd import correct
from services.conductor.handler import read_snapshot, snapshot_key
from services.domain import chats
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.ingest.settings import IngestSettings
from services.projector.store import ReadModels
from tests.support.cli import operator_env
from tests.support.projecting import caught_up, projecting, rebuilt_equals_live
from tests.support.whole_stack import Phone, Stack

NUMBER = "5511977770055"
SUBJECT = chats.chat_key(DEVELOPMENT_CHAT_KEY_SECRET.encode(), "default", f"{NUMBER}@c.us")


async def register(stack: Stack) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, NUMBER)
    for text in ("oi", "sim", "Olga"):
        await phone.say(text)


async def correct_by_cli(
    ingest_settings: IngestSettings, name: str | None, subject: str = f"{NUMBER}@c.us"
) -> tuple[int, str]:
    out = io.StringIO()
    env = operator_env(ingest_settings.store.redis_url, USER="dpo")
    args = argparse.Namespace(
        action="correct", subject=subject, session="default", name=name, requested_by=None
    )
    return await correct(args, env, out), out.getvalue()


async def test_a_corrected_name_reaches_the_session_the_conductor_and_a_replay(
    stack: Stack, redis: Redis, keyspace: Keyspace, log: EventLog, ingest_settings: IngestSettings
) -> None:
    async with projecting(redis, keyspace):
        await register(stack)
        status, said = await correct_by_cli(ingest_settings, "  Olga   Benário ")
        assert status == 0 and "corrected" in said
        await caught_up(redis, keyspace, "conductor")
    view = await ReadModels(redis, keyspace).session(SUBJECT)
    assert view is not None and view.conversation.name == "Olga Benário"
    partition = keyspace.partition_of(SUBJECT)
    raw = await redis.get(snapshot_key(keyspace, partition, SUBJECT))
    subject_key = (await log.subject_keys.for_reading(partition, [SUBJECT]))[SUBJECT]
    assert read_snapshot(raw, SUBJECT, subject_key).name == "Olga Benário"
    [correction] = [
        r.envelope.event
        for r in await log.chat_history(SUBJECT)
        if isinstance(r.envelope.event, NameCorrected)
    ]
    assert correction.requested_by == "dpo"
    await rebuilt_equals_live(redis, log)


async def test_a_subject_nothing_is_held_about_cannot_be_corrected(
    redis: Redis, log: EventLog, ingest_settings: IngestSettings
) -> None:
    status, _ = await correct_by_cli(ingest_settings, "Olga", subject="5511900000001@c.us")
    assert status == 1
    assert [r async for r in log.scan()] == []


@pytest.mark.parametrize(
    "name",
    [None, "", "O", "x" * 61, "Olga\u200b", "Olga\x00Drop", "1234",
     "<script>alert(1)</script>", "Olga <b>", "Olga 2"],
)  # fmt: skip
async def test_a_name_that_cannot_be_one_is_refused_and_nothing_recorded(
    log: EventLog, ingest_settings: IngestSettings, name: str | None
) -> None:
    status, _ = await correct_by_cli(ingest_settings, name)
    assert status == 2
    assert [r async for r in log.scan()] == []


def test_a_name_is_recorded_with_its_spaces_collapsed() -> None:
    assert clean_name("  Maria \t da  Silva ") == "Maria da Silva"


@pytest.mark.parametrize("name", ["Maria D'Ávila", "João-Pedro Jr.", "Ana\u2019s"])
def test_a_name_keeps_its_apostrophes_hyphens_and_periods(name: str) -> None:
    assert clean_name(name) == name
