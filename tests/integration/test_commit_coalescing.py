"""The commits a partition's lanes make at the same moment go in one script call, each
entry still applied with its own checkpoint and acknowledged, or not at all."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest
from redis.exceptions import OutOfMemoryError, ResponseError

from events import Keyspace
from events.checkpoint import Checkpoints, Command, LeaseLost
from events.command_keys import UnknownCommand
from events.commit_coalescing import CommitCoalescer
from events.redis_client import RedisClient

GROUP = "g"
TOKEN = 7
PARTITION = 0
CHATS = ("chat-a", "chat-b", "chat-c")


async def delivered(redis: RedisClient, keyspace: Keyspace) -> dict[str, str]:
    """An entry of each chat in the partition, read by the group (pending), by chat."""
    stream = keyspace.stream(PARTITION)
    ids = {chat: (await redis.xadd(stream, {"chat": chat})).decode() for chat in CHATS}
    await redis.xgroup_create(stream, GROUP, id="0")
    await redis.xreadgroup(GROUP, "c1", {stream: ">"})
    await redis.set(keyspace.fence(PARTITION, GROUP), TOKEN)
    return ids


def said(keyspace: Keyspace, chat: str) -> str:
    return keyspace.in_partition(PARTITION, "said", chat)


def effects_of(keyspace: Keyspace, chat: str) -> Sequence[Command]:
    return [("RPUSH", said(keyspace, chat), b"\x00binary", "text", 3), ("DEL", said(keyspace, "x"))]


async def commit_all(
    commits: CommitCoalescer, keyspace: Keyspace, ids: dict[str, str]
) -> list[bool | BaseException]:
    return await asyncio.gather(
        *(
            commits.commit(chat=chat, entry_id=entry_id, effects=effects_of(keyspace, chat))
            for chat, entry_id in ids.items()
        ),
        return_exceptions=True,
    )


async def pending(redis: RedisClient, keyspace: Keyspace) -> int:
    summary = await redis.xpending(keyspace.stream(PARTITION), GROUP)
    return int(summary["pending"])


async def positions(redis: RedisClient, keyspace: Keyspace) -> list[bytes | None]:
    found = await redis.hmget(keyspace.checkpoint(PARTITION, GROUP), list(CHATS))
    return list(found)


@pytest.mark.on_cluster_too
async def test_entries_committed_together_are_each_applied_checkpointed_and_acknowledged(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    assert await commit_all(commits, keyspace, ids) == [True, True, True]
    for chat in CHATS:
        assert await redis.lrange(said(keyspace, chat), 0, -1) == [b"\x00binary", b"text", b"3"]
    assert await positions(redis, keyspace) == [ids[chat].encode() for chat in CHATS]
    assert await pending(redis, keyspace) == 0


@pytest.mark.single_redis("the calls are counted on the one server")
async def test_commits_asked_at_the_same_moment_are_one_script_call(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    await commit_all(commits, keyspace, {CHATS[0]: ids[CHATS[0]]})  # the script loaded
    await redis.config_resetstat()
    await commit_all(commits, keyspace, {chat: ids[chat] for chat in CHATS[1:]})
    stats = await redis.info("commandstats")
    assert stats["cmdstat_evalsha"]["calls"] == 1


async def test_an_entry_applied_before_is_only_acknowledged_beside_new_ones(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    checkpoint = keyspace.checkpoint(PARTITION, GROUP)
    await redis.hset(checkpoint, CHATS[0], ids[CHATS[0]])  # its commit landed, unseen
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    assert await commit_all(commits, keyspace, ids) == [False, True, True]
    assert await redis.lrange(said(keyspace, CHATS[0]), 0, -1) == []
    assert await pending(redis, keyspace) == 0


async def test_an_effect_that_fails_fails_its_own_entry_alone(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    await redis.set(said(keyspace, CHATS[1]), "not a list")
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    first, failed, last = await commit_all(commits, keyspace, ids)
    assert (first, last) == (True, True)
    assert isinstance(failed, ResponseError) and "WRONGTYPE" in str(failed)
    assert await positions(redis, keyspace) == [
        ids[CHATS[0]].encode(),
        None,
        ids[CHATS[2]].encode(),
    ]
    assert await pending(redis, keyspace) == 1  # left for its lane to handle again


@pytest.mark.single_redis("one server's memory limit")
async def test_a_call_redis_refuses_fails_every_lane_and_each_commits_when_retried(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    await redis.config_set("maxmemory", 1)
    try:
        refused = await commit_all(commits, keyspace, ids)
    finally:
        await redis.config_set("maxmemory", 0)
    assert all(isinstance(outcome, OutOfMemoryError) for outcome in refused)
    assert await positions(redis, keyspace) == [None, None, None]
    assert await pending(redis, keyspace) == 3
    assert await commit_all(commits, keyspace, ids) == [True, True, True]
    for chat in CHATS:
        assert await redis.llen(said(keyspace, chat)) == 3  # applied once


async def test_an_owner_fenced_out_commits_nothing(redis: RedisClient, keyspace: Keyspace) -> None:
    ids = await delivered(redis, keyspace)
    await redis.set(keyspace.fence(PARTITION, GROUP), TOKEN + 1)  # the lease moved on
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    outcomes = await commit_all(commits, keyspace, ids)
    assert all(isinstance(outcome, LeaseLost) for outcome in outcomes)
    assert await positions(redis, keyspace) == [None, None, None]
    assert await pending(redis, keyspace) == 3
    for chat in CHATS:
        assert await redis.llen(said(keyspace, chat)) == 0


async def test_an_effect_whose_keys_are_not_known_fails_its_own_entry_alone(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    unknown = [("LSET", said(keyspace, CHATS[0]), 0, "x")]
    outcomes = await asyncio.gather(
        commits.commit(chat=CHATS[0], entry_id=ids[CHATS[0]], effects=unknown),
        *(
            commits.commit(chat=chat, entry_id=ids[chat], effects=effects_of(keyspace, chat))
            for chat in CHATS[1:]
        ),
        return_exceptions=True,
    )
    assert isinstance(outcomes[0], UnknownCommand)
    assert outcomes[1:] == [True, True]
    assert await pending(redis, keyspace) == 1


@pytest.mark.on_cluster_too
async def test_an_effect_naming_a_key_of_another_slot_fails_no_entry_beside_it(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    elsewhere = [("SET", keyspace.in_partition(PARTITION + 1, "said", CHATS[0]), "x")]
    outcomes = await asyncio.gather(
        commits.commit(chat=CHATS[0], entry_id=ids[CHATS[0]], effects=elsewhere),
        *(
            commits.commit(chat=chat, entry_id=ids[chat], effects=effects_of(keyspace, chat))
            for chat in CHATS[1:]
        ),
        return_exceptions=True,
    )
    # As if each had been committed alone: on a cluster the stray key fails its own entry.
    assert outcomes[1:] == [True, True]
    assert await positions(redis, keyspace) == [
        *([ids[CHATS[0]].encode()] if outcomes[0] is True else [None]),
        ids[CHATS[1]].encode(),
        ids[CHATS[2]].encode(),
    ]


async def test_a_script_error_of_one_entry_fails_no_entry_after_it(
    redis: RedisClient, keyspace: Keyspace
) -> None:
    ids = await delivered(redis, keyspace)
    commits = CommitCoalescer(Checkpoints(redis, keyspace, GROUP), PARTITION, TOKEN)
    # More parts than Lua can unpack: the script stops there, the entries before it done.
    too_long = [("RPUSH", said(keyspace, CHATS[1]), *(["x"] * 9000))]
    first, failed, last = await asyncio.gather(
        *(
            commits.commit(
                chat=chat,
                entry_id=ids[chat],
                effects=too_long if chat == CHATS[1] else effects_of(keyspace, chat),
            )
            for chat in CHATS
        ),
        return_exceptions=True,
    )
    assert isinstance(failed, ResponseError)
    assert last is True
    assert first in (True, False)  # applied once, by the call that failed or alone
    assert await redis.llen(said(keyspace, CHATS[0])) == 3
    assert await positions(redis, keyspace) == [
        ids[CHATS[0]].encode(),
        None,
        ids[CHATS[2]].encode(),
    ]
    assert await pending(redis, keyspace) == 1
