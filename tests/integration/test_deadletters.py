"""Poison entries: dead-lettered after the retry bound, the partition flowing on, and an
operator's list, retry and drop."""

from __future__ import annotations

import argparse
import asyncio
import io
import json

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived, Record
from events.checkpoint import Command
from events.subscription import Subscription
from services.cli.deadletters import act
from services.ingest.settings import IngestSettings
from tests.support.factories import message
from tests.support.kek import kek_env
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import FAST


class Handler:
    """Records what it applied; fails on "crash" until fixed."""

    def __init__(self, name: str, keyspace: Keyspace) -> None:
        self.name = name
        self.keyspace = keyspace
        self.fixed = False

    async def __call__(self, record: Record) -> list[Command]:
        event = record.envelope.event
        assert isinstance(event, MessageReceived)
        if event.text == "crash" and not self.fixed:
            raise ValueError("cannot handle this one")
        key = self.keyspace.in_partition(record.partition, "applied", self.name)
        return [("RPUSH", key, event.text)]


async def consuming(redis: Redis, keyspace: Keyspace, handler: Handler) -> None:
    subscription = Subscription(redis, keyspace, group=handler.name, consumer="c1",
                                handler=handler, options=FAST)  # fmt: skip
    task = asyncio.create_task(subscription.run())
    try:
        await groups_caught_up(redis, keyspace, handler.name)
    finally:
        subscription.stop()
        await task


async def applied(redis: Redis, keyspace: Keyspace, name: str) -> list[bytes]:
    lists = [keyspace.in_partition(p, "applied", name) for p in keyspace.all_partitions()]
    return [text for key in lists for text in await redis.lrange(key, 0, -1)]


async def cli(ingest_settings: IngestSettings, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    env = {"REDIS_URL": ingest_settings.store.redis_url, "PARTITIONS": "4", **kek_env()}
    args = argparse.Namespace(action=argv[0], ref=argv[1] if len(argv) > 1 else None,
                              json="--json" in argv)  # fmt: skip
    return await act(args, env, out), out.getvalue()


@pytest.fixture
async def poisoned(log: EventLog, redis: Redis, keyspace: Keyspace) -> Handler:
    """Group "g" dead-lettered a poison entry and handled the rest."""
    await log.append(message(chat="chat-1", text="crash", message_id="m1"))
    await log.append(message(chat="chat-1", text="after", message_id="m2"))
    await log.append(message(chat="chat-2", text="other", message_id="m3"))
    handler = Handler("g", keyspace)
    await consuming(redis, keyspace, handler)
    return handler


async def test_a_poison_entry_is_dead_lettered_and_its_partition_flows_on(
    poisoned: Handler, redis: Redis, keyspace: Keyspace
) -> None:
    assert sorted(await applied(redis, keyspace, "g")) == [b"after", b"other"]
    assert sum([await redis.xlen(keyspace.dead_letters(p)) for p in range(4)]) == 1


async def test_the_list_shows_the_group_the_event_and_the_error(
    poisoned: Handler, ingest_settings: IngestSettings
) -> None:
    status, out = await cli(ingest_settings, "list", "--json")
    [letter] = [json.loads(line) for line in out.splitlines()]
    assert status == 0
    assert (letter["group"], letter["event_type"], letter["chat"]) == (
        "g", "message.received", "chat-1",
    )  # fmt: skip
    assert letter["attempts"] == 5 and letter["error"] == "ValueError"


async def test_retry_gives_it_back_to_its_group_alone_once(
    poisoned: Handler, redis: Redis, keyspace: Keyspace, log: EventLog,
    ingest_settings: IngestSettings,
) -> None:  # fmt: skip
    other = Handler("h", keyspace)
    other.fixed = True  # a group for which the entry was fine
    await consuming(redis, keyspace, other)
    _, out = await cli(ingest_settings, "list", "--json")
    ref = json.loads(out)["ref"]
    poisoned.fixed = True
    status, said = await cli(ingest_settings, "retry", ref)
    assert status == 0, said
    await consuming(redis, keyspace, poisoned)
    await consuming(redis, keyspace, other)
    assert sorted(await applied(redis, keyspace, "g")) == [b"after", b"crash", b"other"]
    assert sorted(await applied(redis, keyspace, "h")) == [b"after", b"crash", b"other"]
    assert (await cli(ingest_settings, "list"))[1] == ""
    texts = [r.envelope.event.text async for r in log.scan()]  # type: ignore[union-attr]
    assert sorted(texts) == ["after", "crash", "other"]  # the redelivery is not a new event
    assert (await cli(ingest_settings, "retry", ref))[0] == 1


async def test_drop_forgets_it(poisoned: Handler, ingest_settings: IngestSettings) -> None:
    _, out = await cli(ingest_settings, "list", "--json")
    ref = json.loads(out)["ref"]
    assert (await cli(ingest_settings, "drop", ref))[0] == 0
    assert (await cli(ingest_settings, "list"))[1] == ""
    assert (await cli(ingest_settings, "drop", ref))[0] == 1


@pytest.mark.parametrize("ref", [None, "x", "9:1-0", "1:abc", "1:1", "-1:1-0"])
async def test_a_bad_reference_is_refused(ingest_settings: IngestSettings, ref: str | None) -> None:
    argv = ("retry",) if ref is None else ("retry", ref)
    assert (await cli(ingest_settings, *argv))[0] == 2
