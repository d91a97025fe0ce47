"""Fixtures: a real redis-server per test session, a clean database per test.

The tests that take ``redis`` (and what is built on it: the log, the gateway, the whole
stack) run on a single Redis, or on a real six-node Redis Cluster with ``--redis=cluster``;
those marked ``on_cluster_too`` run on both in every run.
"""

from __future__ import annotations

import os
import socket
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from redis.asyncio import Redis
from redis.asyncio.cluster import RedisCluster

from events import EventLog, Keyspace
from events.key_wrapping import KeyRing, new_kek_text
from events.redis_client import RedisClient
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from services.runtime.embedded_redis import RedisServer
from services.runtime.store import StoreSettings
from services.waha.client import WahaClient
from services.waha_sim.app import Simulator
from services.waha_sim.app import create_app as create_sim
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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--redis",
        choices=("single", "cluster"),
        default="single",
        help="the Redis the tests taking `redis` run on: one redis-server, or a Redis Cluster",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "on_cluster_too: run on a single Redis and on a Redis Cluster, always"
    )
    config.addinivalue_line(
        "markers", "single_redis(why): run on a single Redis only, even with --redis=cluster"
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "redis_kind" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("single_redis"):
        metafunc.parametrize("redis_kind", ["single"], indirect=True)
    elif metafunc.definition.get_closest_marker("on_cluster_too"):
        metafunc.parametrize("redis_kind", ["single", "cluster"], indirect=True)


@pytest.fixture
def redis_kind(request: pytest.FixtureRequest) -> str:
    """``single`` or ``cluster``: the Redis this test runs on."""
    return str(getattr(request, "param", None) or request.config.getoption("--redis"))


@pytest.fixture
def redis_url(request: pytest.FixtureRequest, redis_kind: str) -> str:
    """The services' REDIS_URL for this test's Redis (started on first use)."""
    if redis_kind == "cluster":
        cluster: LocalCluster = request.getfixturevalue("redis_cluster")
        return cluster.url
    server: RedisServer = request.getfixturevalue("redis_server")
    return server.url


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
async def redis(request: pytest.FixtureRequest, redis_url: str) -> AsyncIterator[RedisClient]:
    client = StoreSettings(redis_url=redis_url).connect()  # the services' own client
    if isinstance(client, RedisCluster):
        cluster: LocalCluster = request.getfixturevalue("redis_cluster")
        cluster.flush()
    else:
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
def keyspace(redis_kind: str) -> Keyspace:
    # As the services name keys on this Redis (StoreSettings.keyspace).
    return Keyspace(prefix="wsm", partitions=4, spread=redis_kind == "cluster")


@pytest.fixture
async def log(redis: Redis, keyspace: Keyspace) -> EventLog:
    event_log = EventLog(redis, keyspace)
    await event_log.ensure_layout()
    return event_log


@pytest.fixture
def ingest_settings(
    redis_url: str,
    keyspace: Keyspace,
    subject_key_ring: KeyRing | None,  # noqa: F811  (the fixture, by name)
) -> IngestSettings:
    store = StoreSettings(
        redis_url=redis_url, partitions=keyspace.partitions, keys=subject_key_ring
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


@pytest.fixture
async def waha() -> AsyncIterator[tuple[Simulator, WahaClient]]:
    """The WAHA simulator (no API key, no gateway) and a client of it, as the outbox uses
    one; a module needing another WAHA defines its own ``waha``."""
    simulator = Simulator(webhook_url=None, hmac_key=b"key")
    async with TestServer(create_sim(simulator), host="127.0.0.1") as server:
        client = WahaClient(str(server.make_url("")).rstrip("/"), None, backoff_s=0.01)
        yield simulator, client
        await client.close()
