"""Subject keys are wrapped in Redis with a key-encryption key from outside it: a copy of
Redis alone opens no subject's data, and a process with the wrong key refuses to start."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace, MessageReceived, Record, decode_entry
from events.checkpoint import Command
from events.consumer import SubscriptionOptions
from events.key_wrapping import KekMismatch, KeyEncryptionKey, KeyRing, new_kek_text
from events.log import WrongKeyEncryptionKey
from events.subscription import Subscription
from tests.support.factories import message

FAST = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05)


def ring(tmp_path: Path, name: str = "kek") -> KeyRing:
    path = tmp_path / name
    path.write_text(new_kek_text())
    return KeyRing(KeyEncryptionKey.from_file(path))


async def held_subject_keys(redis: Redis, keyspace: Keyspace) -> dict[str, bytes]:
    held: dict[str, bytes] = {}
    for partition in keyspace.all_partitions():
        found = await redis.hgetall(keyspace.subject_keys(partition))
        held |= {k.decode(): v for k, v in cast(dict[bytes, bytes], found).items()}
    return held


async def test_a_copy_of_redis_alone_opens_no_subjects_data(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    log = EventLog(redis, keyspace, keys=ring(tmp_path))
    await log.ensure_layout()
    result = await log.append(message("c1", "moro na rua Pitangueiras"))
    [(_, stored)] = (await held_subject_keys(redis, keyspace)).items()
    [(entry_id, fields)] = await redis.xrange(keyspace.stream(result.partition))
    # What the copy holds, taken as the key, opens nothing: the person reads as erased.
    assert decode_entry(entry_id.decode(), result.partition, fields, stored).erased
    [opened] = await log.read(result.partition)
    assert isinstance(opened.envelope.event, MessageReceived)
    assert opened.envelope.event.text == "moro na rua Pitangueiras"
    assert opened.subject_key is not None and opened.subject_key not in stored


async def test_a_consumer_given_the_kek_opens_the_subjects_data(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    keys = ring(tmp_path)
    log = EventLog(redis, keyspace, keys=keys)
    await log.ensure_layout()
    await log.append(message("c1", "oi, tudo bem?"))
    seen: asyncio.Queue[Record] = asyncio.Queue()

    async def handler(record: Record) -> Sequence[Command]:
        await seen.put(record)
        return ()

    subscription = Subscription(
        redis, keyspace, group="g", consumer="c", handler=handler, options=FAST, keys=keys
    )
    task = asyncio.create_task(subscription.run())
    try:
        record = await asyncio.wait_for(seen.get(), 10)
    finally:
        subscription.stop()
        await task
    assert not record.erased
    assert isinstance(record.envelope.event, MessageReceived)
    assert record.envelope.event.text == "oi, tudo bem?"


async def test_a_process_with_another_kek_refuses_to_start(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    log = EventLog(redis, keyspace, keys=ring(tmp_path, "right"))
    await log.ensure_layout()
    await log.append(message("c1", "oi"))
    wrong = EventLog(redis, keyspace, keys=ring(tmp_path, "wrong"))
    with pytest.raises(WrongKeyEncryptionKey, match=r"^SUBJECT_KEY_KEK_FILE does not open"):
        await wrong.ensure_layout()


async def test_a_process_without_a_kek_refuses_to_start_on_wrapped_keys(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    log = EventLog(redis, keyspace, keys=ring(tmp_path))
    await log.ensure_layout()
    await log.append(message("c1", "oi"))
    with pytest.raises(WrongKeyEncryptionKey, match="set SUBJECT_KEY_KEK_FILE"):
        await EventLog(redis, keyspace).check_layout()


async def test_a_reader_without_a_kek_is_told_rather_than_shown_everyone_erased(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    log = EventLog(redis, keyspace, keys=ring(tmp_path))
    await log.ensure_layout()
    result = await log.append(message("c1", "oi"))
    with pytest.raises(KekMismatch, match="no key-encryption key was given"):
        await EventLog(redis, keyspace).read(result.partition)


async def test_an_entry_whose_key_this_consumer_cannot_open_waits_and_is_not_dead_lettered(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    # Past the start check (one key of a partition is sampled): a rotation's old key
    # taken away too soon.
    log = EventLog(redis, keyspace, keys=ring(tmp_path, "old"))
    await log.ensure_layout()
    result = await log.append(message("c1", "oi"))

    async def handler(record: Record) -> Sequence[Command]:
        raise AssertionError("handled without its key")

    options = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05, retry_cap_s=0.05,
                                  max_attempts=2)  # fmt: skip
    subscription = Subscription(redis, keyspace, group="g", consumer="c", handler=handler,
                                options=options, keys=ring(tmp_path, "new"))  # fmt: skip
    task = asyncio.create_task(subscription.run())
    try:
        await asyncio.sleep(1.5)  # many more tries than max_attempts
    finally:
        subscription.stop()
        await task
    assert await redis.xlen(keyspace.dead_letters(result.partition)) == 0
    assert (await redis.xpending(keyspace.stream(result.partition), "g"))["pending"] == 1


async def test_an_entry_taken_over_by_a_consumer_that_cannot_open_it_is_not_dead_lettered(
    redis: Redis, keyspace: Keyspace, tmp_path: Path
) -> None:
    old = ring(tmp_path, "old")
    log = EventLog(redis, keyspace, keys=old)
    await log.ensure_layout()
    result = await log.append(message("c1", "oi"))
    stuck = asyncio.Event()

    async def hanging(record: Record) -> Sequence[Command]:
        stuck.set()
        await asyncio.Event().wait()  # a consumer that dies mid-way
        return ()

    async def handler(record: Record) -> Sequence[Command]:
        raise AssertionError("handled without its key")

    # Leases long enough that a busy machine's stalled loop does not lose them: a lease lost
    # between counting a taken-over attempt and taking the count back is another case.
    options = SubscriptionOptions(block_ms=50, rebalance_interval_s=0.05, retry_cap_s=0.05,
                                  lease_ttl_ms=1000, member_ttl_ms=1000,
                                  max_attempts=2)  # fmt: skip
    dead = Subscription(redis, keyspace, group="g", consumer="dead", handler=hanging,
                        options=options, keys=old)  # fmt: skip
    dead_task = asyncio.create_task(dead.run())
    await asyncio.wait_for(stuck.wait(), 10)
    dead_task.cancel()  # its leases simply expire; the next owner takes the entry over
    with contextlib.suppress(asyncio.CancelledError):
        await dead_task
    wrong = Subscription(redis, keyspace, group="g", consumer="c", handler=handler,
                         options=options, keys=ring(tmp_path, "new"))  # fmt: skip
    task = asyncio.create_task(wrong.run())
    try:
        await asyncio.sleep(3.0)  # many more tries than max_attempts
    finally:
        wrong.stop()
        await task
    assert await redis.xlen(keyspace.dead_letters(result.partition)) == 0
