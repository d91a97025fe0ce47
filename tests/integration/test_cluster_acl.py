"""The shipped Redis users (ops/redis/users.acl) on a Redis Cluster: the gateway, as its
own user, learns the layout, appends, waits for replicas and answers readiness, and no
node refuses any of its commands."""

from __future__ import annotations

import dataclasses
import os
import secrets
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis as sync_redis
from aiohttp.test_utils import TestClient, TestServer

from events.replication import ReplicaWait
from services.ingest.app import create_app
from services.ingest.settings import IngestSettings
from tests.support.redis_cluster import LocalCluster
from tests.support.waha import encode, signed_headers, text_message

ROOT = Path(__file__).resolve().parents[2]
USERS = ("ingest", "conductor", "projector", "operator", "console")


def rendered_users(directory: Path, passwords: dict[str, str]) -> list[list[str]]:
    """The shipped users as ops/redis/render-acl.sh renders them: name and rules each."""
    target = directory / "users.acl"
    env = {**os.environ, **{f"REDIS_{u.upper()}_PASSWORD": passwords[u] for u in USERS}}
    subprocess.run(["sh", str(ROOT / "ops/redis/render-acl.sh"),
                    str(ROOT / "ops/redis/users.acl"), str(target)],
                   env=env, check=True, timeout=10)  # fmt: skip
    lines = [line.split()[1:] for line in target.read_text().splitlines()]
    # The default user stays on here: the test's own harness (flush, roles) uses it.
    return [line for line in lines if line and line[0] != "default"]


@pytest.fixture
def users_on_every_node(redis_cluster: LocalCluster, tmp_path: Path) -> Iterator[dict[str, str]]:
    passwords = {user: secrets.token_hex(32) for user in USERS}
    users = rendered_users(tmp_path, passwords)
    nodes = [node for node in redis_cluster.nodes if node.running]
    for node in nodes:
        with sync_redis.Redis(port=node.port) as client:
            for name, *rules in users:
                client.execute_command("ACL", "SETUSER", name, "reset", *rules)
            client.execute_command("ACL", "LOG", "RESET")
    yield passwords
    for node in nodes:
        with sync_redis.Redis(port=node.port) as client:
            client.execute_command("ACL", "DELUSER", *USERS)


def refusals(cluster: LocalCluster) -> list[object]:
    found = []
    for node in cluster.nodes:
        if node.running:
            with sync_redis.Redis(port=node.port) as client:
                found += client.execute_command("ACL", "LOG")
    return found


@pytest.mark.timeout(60)
async def test_the_gateways_user_may_do_all_it_does_on_a_cluster(
    redis_cluster: LocalCluster,
    users_on_every_node: dict[str, str],
    ingest_settings: IngestSettings,
) -> None:
    redis_cluster.flush()
    password = users_on_every_node["ingest"]
    url = redis_cluster.url.replace("://", f"://ingest:{password}@", 1)
    store = dataclasses.replace(ingest_settings.store, redis_url=url)
    settings = dataclasses.replace(ingest_settings, store=store, replica_wait=ReplicaWait(1, 1000))
    async with TestClient(TestServer(create_app(settings))) as client:
        statuses = []
        for n in range(6):
            raw = encode(text_message(f"8200{n}", chat=f"55119555{n:04d}@c.us"))
            response = await client.post("/webhooks/waha", data=raw, headers=signed_headers(raw))
            statuses.append(response.status)
        ready = (await client.get("/readyz")).status
    assert (statuses, ready) == ([200] * 6, 200)
    assert refusals(redis_cluster) == []
