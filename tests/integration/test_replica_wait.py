"""With REDIS_WAIT_REPLICAS the gateway acknowledges a webhook only once that many
replicas hold its append (WAIT on the connection that wrote it); otherwise it answers 503
and WAHA's retry is deduplicated."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import redis as sync_redis
from aiohttp.test_utils import TestClient, TestServer

from events.keys import Keyspace
from events.replication import ReplicaWait
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.embedded_redis import RedisServer
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import encode, signed_headers, text_message

pytestmark = pytest.mark.timeout(90)


def waiting(settings: IngestSettings, url: str, timeout_ms: int = 1000) -> IngestSettings:
    store = dataclasses.replace(settings.store, redis_url=url)
    return dataclasses.replace(settings, store=store, replica_wait=ReplicaWait(1, timeout_ms))


async def post(client: TestClient, message_id: str) -> tuple[int, dict[str, str]]:
    raw = encode(text_message(message_id, chat=f"55119777{message_id}@c.us"))
    response = await client.post("/webhooks/waha", data=raw, headers=signed_headers(raw))
    return response.status, await response.json()


async def acknowledged(client: TestClient, message_id: str, attempts: int = 3) -> bool:
    """Posted again after a 503, as WAHA does; whether it was acknowledged in the end."""
    for _ in range(attempts):
        if (await post(client, message_id))[0] == 200:
            return True
    return False


@pytest.fixture
def lone_primary(tmp_path: Path) -> Iterator[RedisServer]:
    """A Redis of the test's own, without replicas until the test gives it one."""
    server = RedisServer(tmp_path / "primary")
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def gateway_without_replicas(
    lone_primary: RedisServer, ingest_settings: IngestSettings
) -> AsyncIterator[TestClient]:
    settings = waiting(ingest_settings, lone_primary.url, timeout_ms=500)
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


def start_replica(primary: RedisServer, directory: Path) -> RedisServer:
    replica = RedisServer(directory, options=("--replicaof", "127.0.0.1", str(primary.port)))
    replica.start()
    LocalCluster.wait_until(lambda: _link_up(replica), _deadline(), "the replica to sync")
    return replica


def _link_up(replica: RedisServer) -> bool:
    with sync_redis.Redis(port=replica.port) as client:
        return bool(client.info("replication")["master_link_status"] == "up")


def _deadline() -> float:
    return time.monotonic() + 20


async def test_a_webhook_no_replica_confirmed_is_answered_503(
    gateway_without_replicas: TestClient,
) -> None:
    status, body = await post(gateway_without_replicas, "80001")
    assert (status, body["error"]) == (503, "not_replicated")


async def test_the_retry_of_a_refused_webhook_is_acknowledged_once_a_replica_holds_it(
    gateway_without_replicas: TestClient, lone_primary: RedisServer, tmp_path: Path
) -> None:
    assert (await post(gateway_without_replicas, "80002"))[0] == 503
    replica = start_replica(lone_primary, tmp_path / "replica")
    try:
        # WAHA's retries: the first attempt's append stands (its WAIT timed out, not the
        # write), so each retry finds it, and is acknowledged once the replica has it.
        answers = [await post(gateway_without_replicas, "80002") for _ in range(3)]
        assert (200, {"status": "duplicate"}) in [
            (status, {"status": body.get("status")}) for status, body in answers
        ]
        keyspace = Keyspace(prefix="wsm", partitions=4)
        with sync_redis.Redis(port=replica.port) as client:
            held = sum(client.xlen(keyspace.stream(p)) for p in keyspace.all_partitions())
        assert held == 1
    finally:
        replica.stop()


async def test_on_the_cluster_an_acknowledged_webhook_is_on_its_primarys_replica(
    redis_cluster: LocalCluster, ingest_settings: IngestSettings
) -> None:
    redis_cluster.flush()
    # The longest wait: on a machine this busy a replica may take a while to confirm.
    settings = waiting(ingest_settings, redis_cluster.url, timeout_ms=4000)
    async with TestClient(TestServer(create_app(settings))) as client:
        for n in range(6):
            assert await acknowledged(client, f"8100{n}")
    keyspace = Keyspace(prefix="wsm", partitions=4, spread=True)
    replicas = [role for role in redis_cluster.roles() if not role.primary]
    held = 0
    for role in replicas:
        with sync_redis.Redis(port=role.port) as client:
            client.execute_command("READONLY")
            for partition in keyspace.all_partitions():
                stream = keyspace.stream(partition)
                # MOVED: that partition's slot is another shard's.
                with contextlib.suppress(sync_redis.ResponseError):
                    held += client.xlen(stream)
    assert held == 6
