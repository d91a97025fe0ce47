"""A Redis Cluster that cannot serve is an outage the gateway says (readiness, 503 to
WAHA, which retries), never a silent partial one; and it ends when the cluster is back."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import encode, signed_headers, text_message


@pytest.fixture
def own_cluster(tmp_path: Path) -> AsyncIterator[LocalCluster]:
    """A cluster of the test's own: it loses nodes."""
    cluster = LocalCluster(tmp_path)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
async def gateway(
    own_cluster: LocalCluster, ingest_settings: IngestSettings
) -> AsyncIterator[TestClient]:
    store = dataclasses.replace(ingest_settings.store, redis_url=own_cluster.url)
    settings = dataclasses.replace(ingest_settings, store=store)
    async with TestClient(TestServer(create_app(settings))) as client:
        yield client


async def post_message(client: TestClient, message_id: str) -> int:
    raw = encode(text_message(message_id, chat=f"55119888{message_id}@c.us"))
    response = await client.post("/webhooks/waha", data=raw, headers=signed_headers(raw))
    return response.status


@pytest.mark.timeout(90)
async def test_a_shard_down_makes_the_gateway_unready_and_refuse_every_webhook(
    own_cluster: LocalCluster, gateway: TestClient
) -> None:
    assert await post_message(gateway, "70001") == 200
    own_cluster.kill_shard(own_cluster.primaries()[0])
    assert (await gateway.get("/readyz")).status == 503
    # Whatever shard each chat's partition is on: nothing is half accepted. (Each
    # refusal comes after the client's retries, seconds: a few chats are enough.)
    statuses = {await post_message(gateway, f"7{n:04d}") for n in range(2, 5)}
    assert statuses == {503}


@pytest.mark.timeout(90)
async def test_the_gateway_serves_again_once_the_shard_is_back(
    own_cluster: LocalCluster, gateway: TestClient
) -> None:
    assert await post_message(gateway, "70001") == 200
    shard = own_cluster.kill_shard(own_cluster.primaries()[0])
    assert await post_message(gateway, "70002") == 503
    own_cluster.restart(shard)
    assert (await gateway.get("/readyz")).status == 200
    statuses = {await post_message(gateway, f"7{n:04d}") for n in range(2, 12)}
    assert statuses == {200}


@pytest.mark.timeout(150)  # the failover itself may take up to a minute on a busy machine
async def test_the_gateway_follows_a_failover_to_the_promoted_replica(
    own_cluster: LocalCluster, gateway: TestClient
) -> None:
    assert await post_message(gateway, "70001") == 200
    own_cluster.kill_primary(own_cluster.primaries()[0])
    # The client learns the new layout from the nodes left; WAHA's retries cover the
    # moment it takes (each refusal is a 503, never a webhook half taken).
    statuses = [await post_message(gateway, f"7{n:04d}") for n in range(2, 12)]
    assert statuses[-5:] == [200] * 5
    assert set(statuses) <= {200, 503}
    assert (await gateway.get("/readyz")).status == 200
