"""A primary killed while webhooks flow: with REDIS_WAIT_REPLICAS=1 every webhook the
gateway acknowledged is in the log after the failover, once, whatever WAHA retried; the
shard that lost its primary takes webhooks again once it has a replica again."""

from __future__ import annotations

import asyncio
import dataclasses
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from events.keys import Keyspace
from events.replication import ReplicaWait
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.store import StoreSettings
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import encode, signed_headers, text_message

WORKERS = 4
AFTER_FAILOVER = 10
"""Webhooks each sender still sends once the promoted replica serves."""


@pytest.fixture
def own_cluster(tmp_path: Path) -> Iterator[LocalCluster]:
    """A cluster of the test's own: it loses a primary."""
    cluster = LocalCluster(tmp_path)
    cluster.start()
    yield cluster
    cluster.stop()


async def deliver(client: TestClient, message_id: str, deadline: float) -> str:
    """Post a webhook as WAHA does: again after every 503, until it is acknowledged; the
    entry id the gateway answered."""
    raw = encode(text_message(message_id, chat=f"55119666{message_id}@c.us"))
    while time.monotonic() < deadline:
        response = await client.post("/webhooks/waha", data=raw, headers=signed_headers(raw))
        if response.status == 200:
            return str((await response.json())["id"])
        assert response.status == 503
        await asyncio.sleep(0.1)
    raise AssertionError(f"webhook {message_id} was never acknowledged")


async def entry_ids(url: str, keyspace: Keyspace) -> list[str]:
    """Every entry id of the log, as the cluster serves it after the failover."""
    redis = StoreSettings(redis_url=url).connect()
    try:
        ids = []
        for partition in keyspace.all_partitions():
            entries = await redis.xrange(keyspace.stream(partition))
            ids += [entry_id.decode() for entry_id, _ in entries]
        return ids
    finally:
        await redis.aclose()


@pytest.mark.timeout(120)
async def test_every_acknowledged_webhook_outlives_a_failover_once(
    own_cluster: LocalCluster, ingest_settings: IngestSettings
) -> None:
    store = dataclasses.replace(ingest_settings.store, redis_url=own_cluster.url)
    settings = dataclasses.replace(ingest_settings, store=store, replica_wait=ReplicaWait(1, 1000))
    acknowledged: dict[str, str] = {}
    failed_over = asyncio.Event()
    deadline = time.monotonic() + 90
    async with TestClient(TestServer(create_app(settings))) as client:

        async def send(worker: int) -> None:
            sent_after = 0
            for n in range(10_000):
                message_id = f"9{worker}{n:05d}"
                acknowledged[message_id] = await deliver(client, message_id, deadline)
                sent_after += failed_over.is_set()
                if sent_after >= AFTER_FAILOVER:
                    return

        senders = [asyncio.create_task(send(worker)) for worker in range(WORKERS)]
        await asyncio.sleep(0.5)  # webhooks flowing to every shard
        killed = own_cluster.primaries()[0]
        await asyncio.to_thread(own_cluster.kill_primary, killed)
        # The promoted replica has no replica of its own: its shard's webhooks are refused
        # (nothing it alone holds is acknowledged) until the killed node is back, as its
        # replica now.
        await asyncio.to_thread(own_cluster.restart, [killed])
        failed_over.set()
        await asyncio.gather(*senders)
    in_log = await entry_ids(own_cluster.url, store.keyspace)
    assert set(acknowledged.values()) <= set(in_log)  # nothing acknowledged was lost
    assert len(in_log) == len(acknowledged)  # and nothing was appended twice
