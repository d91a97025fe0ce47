"""With REDIS_WAIT_REPLICAS a consumer's commit counts, and the outbox sends a reply, only
once that many replicas hold what was written: on a Redis whose replica is missing, the
commit is refused (and recognised when retried) and the reply is not sent."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis as sync_redis

from events import Keyspace
from events.checkpoint import Checkpoints, LeaseLost
from events.commit_coalescing import CommitCoalescer
from events.holding import Lease, hold
from events.redis_client import RedisClient
from events.replication import NotReplicated, ReplicaWait
from services.conductor.outbox import Outbox, sending_key
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from tests.support.outbox_records import CHAT, reply_record
from tests.support.redis_cluster import LocalCluster

pytestmark = pytest.mark.timeout(60)

WAIT = ReplicaWait(1, 100)
KEYSPACE = Keyspace()


@pytest.fixture
def primary(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of the test's own, without a replica until the test gives it one."""
    server = RedisServer(tmp_path / "primary")
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def redis(primary: RedisServer) -> AsyncIterator[RedisClient]:
    client = StoreSettings(redis_url=primary.url).connect()
    await client.set(KEYSPACE.fence(0, "g"), 1)  # the partition's lease, token 1
    yield client
    await client.aclose()


def start_replica(primary: RedisServer, directory: Path) -> RedisServer:
    replica = RedisServer(directory, options=("--replicaof", "127.0.0.1", str(primary.port)))
    replica.start()

    def linked() -> bool:
        with sync_redis.Redis(port=replica.port) as client:
            return bool(client.info("replication")["master_link_status"] == "up")

    LocalCluster.wait_until(linked, time.monotonic() + 20, "the replica to sync")
    return replica


async def commit(checkpoints: Checkpoints) -> bool:
    return await checkpoints.commit(
        partition=0, token=1, chat=CHAT, entry_id="5-0",
        effects=[("SET", KEYSPACE.in_partition(0, "seen"), "1")],
    )  # fmt: skip


async def test_a_commit_no_replica_confirms_is_refused_though_written(redis: RedisClient) -> None:
    with pytest.raises(NotReplicated):
        await commit(Checkpoints(redis, KEYSPACE, "g", WAIT))
    # On the primary all the same: the retry finds it applied.
    assert await commit(Checkpoints(redis, KEYSPACE, "g")) is False


async def commit_together(checkpoints: Checkpoints) -> list[bool | BaseException]:
    """Two chats' entries committed at the same moment: one script call."""
    commits = CommitCoalescer(checkpoints, 0, 1)
    return await asyncio.gather(
        *(
            commits.commit(chat=chat, entry_id="5-0",
                           effects=[("SET", KEYSPACE.in_partition(0, "seen", chat), "1")])
            for chat in ("chat-a", "chat-b")
        ),
        return_exceptions=True,
    )  # fmt: skip


async def test_commits_made_together_no_replica_confirms_are_each_refused_though_written(
    redis: RedisClient, primary: RedisServer, tmp_path: Path
) -> None:
    refused = await commit_together(Checkpoints(redis, KEYSPACE, "g", WAIT))
    assert all(isinstance(outcome, NotReplicated) for outcome in refused)
    replica = start_replica(primary, tmp_path / "replica")
    try:
        # Retried once a replica holds them: applied before, only acknowledged.
        assert await commit_together(Checkpoints(redis, KEYSPACE, "g", WAIT)) == [False, False]
    finally:
        replica.stop()


async def test_a_commit_refused_for_want_of_a_replica_is_recognised_once_one_holds_it(
    redis: RedisClient, primary: RedisServer, tmp_path: Path
) -> None:
    waiting = Checkpoints(redis, KEYSPACE, "g", WAIT)
    with pytest.raises(NotReplicated):
        await commit(waiting)
    replica = start_replica(primary, tmp_path / "replica")
    try:
        assert await commit(waiting) is False  # applied before: only acknowledged
    finally:
        replica.stop()


async def test_a_reply_whose_sending_mark_no_replica_holds_is_not_sent(
    redis: RedisClient, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    with pytest.raises(NotReplicated):
        await Outbox(KEYSPACE, client, replicated=(redis, WAIT))(reply_record())
    assert not [m for m in simulator.messages[("default", CHAT)] if m["fromMe"]]


async def test_a_sent_reply_clears_its_sending_mark_in_its_commit(
    redis: RedisClient, primary: RedisServer, waha: tuple[Simulator, WahaClient], tmp_path: Path
) -> None:
    _, client = waha
    replica = start_replica(primary, tmp_path / "replica")
    try:
        record = reply_record()
        effects = await Outbox(KEYSPACE, client, replicated=(redis, WAIT))(record)
        mark = sending_key(KEYSPACE, record.partition)
        assert await redis.hexists(mark, "r1")
        assert ("HDEL", mark, "r1") in effects
    finally:
        replica.stop()


async def test_a_reply_is_not_sent_by_a_worker_whose_lease_was_taken(
    redis: RedisClient, waha: tuple[Simulator, WahaClient]
) -> None:
    simulator, client = waha
    await redis.set(KEYSPACE.fence(0, "outbox"), 2)  # taken by another: token 2
    hold(Lease(KEYSPACE.fence(0, "outbox"), 1))
    with pytest.raises(LeaseLost):
        await Outbox(KEYSPACE, client, replicated=(redis, WAIT))(reply_record())
    assert not [m for m in simulator.messages[("default", CHAT)] if m["fromMe"]]
