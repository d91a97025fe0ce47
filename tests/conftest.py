"""Fixtures: a real redis-server per test session, a clean database per test."""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.key_wrapping import KeyRing, new_kek_text
from events.redis_client import RedisClient
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from tests.support.log_capture import log_lines  # noqa: F401  (the fixture, for every module)
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import HMAC_KEY
from tests.support.whole_stack import (  # noqa: F401  (the fixtures, for every module)
    brain,
    clock,
    sim_engine,
    stack,
    subject_key_ring,
)


@pytest.fixture(scope="session", autouse=True)
def subject_key_kek_file(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A key-encryption key for every process a test starts from this environment (a
    service refuses to start without one)."""
    path = tmp_path_factory.mktemp("kek") / "subject-key-kek"
    path.write_text(new_kek_text())
    path.chmod(0o600)
    before = os.environ.get("SUBJECT_KEY_KEK_FILE")
    os.environ["SUBJECT_KEY_KEK_FILE"] = str(path)
    yield path
    if before is None:
        del os.environ["SUBJECT_KEY_KEK_FILE"]
    else:
        os.environ["SUBJECT_KEY_KEK_FILE"] = before


@pytest.fixture(scope="session", autouse=True)
def unpaced_processes() -> Iterator[None]:
    """The conductors a test starts send at once: pacing waits seconds per reply on
    purpose, which tests of other behaviours do not need; the tests of pacing, and those
    that check a conductor's Redis commands, turn it on in their own environment."""
    before = os.environ.get("PACING")
    os.environ["PACING"] = "off"
    yield
    if before is None:
        del os.environ["PACING"]
    else:
        os.environ["PACING"] = before


@pytest.fixture(scope="session", autouse=True)
def unfolded_processes() -> Iterator[None]:
    """The conductors a test starts answer each message at once: folding bursts waits the
    window after every message, which tests of other behaviours do not need (the tests of
    bursts set the window themselves)."""
    before = os.environ.get("BURST_WINDOW_SECONDS")
    os.environ["BURST_WINDOW_SECONDS"] = "0"
    yield
    if before is None:
        del os.environ["BURST_WINDOW_SECONDS"]
    else:
        os.environ["BURST_WINDOW_SECONDS"] = before


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(Path(tmp_path_factory.mktemp("redis")))
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    client = StoreSettings(redis_url=redis_server.url).connect()  # the services' own client
    await client.flushdb()
    yield client
    await client.aclose()


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port another process listens on."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.fixture
def keyspace() -> Keyspace:
    return Keyspace(prefix="wsm", partitions=4)


@pytest.fixture
async def log(redis: Redis, keyspace: Keyspace) -> EventLog:
    event_log = EventLog(redis, keyspace)
    await event_log.ensure_layout()
    return event_log


@pytest.fixture
def ingest_settings(
    redis_server: RedisServer,
    keyspace: Keyspace,
    subject_key_ring: KeyRing | None,  # noqa: F811  (the fixture, by name)
) -> IngestSettings:
    store = StoreSettings(
        redis_url=redis_server.url, partitions=keyspace.partitions, keys=subject_key_ring
    )
    return IngestSettings(
        hmac_keys=(HMAC_KEY, b"previous-key"),
        store=store,
        max_body_bytes=64 * 1024,
    )


@pytest.fixture
async def ingest(redis: Redis, ingest_settings: IngestSettings) -> AsyncIterator[TestClient]:
    app = create_app(ingest_settings, redis=redis)
    async with TestClient(TestServer(app)) as client:
        yield client


@pytest.fixture(scope="session")
def redis_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalCluster]:
    """A real six-node Redis Cluster (three primaries, three replicas), one per session:
    tests that kill a node make their own ``LocalCluster``."""
    cluster = LocalCluster(Path(tmp_path_factory.mktemp("redis-cluster")))
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
async def cluster_redis(redis_cluster: LocalCluster) -> AsyncIterator[RedisClient]:
    """The services' own client on the cluster, every primary emptied first."""
    redis_cluster.flush()
    client = StoreSettings(redis_url=redis_cluster.url).connect()
    yield client
    await client.aclose()
