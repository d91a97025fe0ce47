"""The shipped Redis users on a Redis Cluster: every service does its real work as its
own user (test_redis_acl.py's dialogue, admin API, console and operator's commands, an
erasure and its AOF rewrite last) on a six-node cluster with the users on every node,
waiting for a replica (REDIS_WAIT_REPLICAS=1), and no node refuses any command: the
cluster client's own (CLUSTER SLOTS/SHARDS, COMMAND, READONLY, ASKING), WAIT, and each
service's work on replicas as on primaries."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis as sync_redis

from services.actions.aof_rewrite import request_rewrite, rewrite_if_requested
from services.runtime.store import StoreSettings
from tests.support.redis_cluster import LocalCluster
from tests.system.test_redis_acl import USERS, render, working

pytestmark = pytest.mark.timeout(300)


@dataclass(frozen=True)
class AclCluster:
    cluster: LocalCluster
    passwords: dict[str, str]
    seeds: str

    def url(self, user: str) -> str:
        return f"redis+cluster://{user}:{self.passwords[user]}@{self.seeds}"

    def refusals(self) -> list[dict[str, Any]]:
        found = []
        for node in self.cluster.nodes:
            if node.running:
                with sync_redis.Redis(port=node.port) as client:
                    found += [
                        {k: entry[k] for k in ("username", "reason", "object", "context")}
                        for entry in client.acl_log()
                    ]
        return found


@pytest.fixture(scope="module")
def acl_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AclCluster]:
    """A cluster of the module's own, every node with the shipped users (the default user
    stays on: the cluster's own replication and the harness use it)."""
    directory = tmp_path_factory.mktemp("acl-cluster")
    cluster = LocalCluster(directory)
    cluster.start()
    try:
        passwords = {user: secrets.token_hex(32) for user in (*USERS, "observer")}
        rules = [line.split()[1:] for line in render(directory, passwords).read_text().splitlines()]
        for node in cluster.nodes:
            with sync_redis.Redis(port=node.port) as client:
                for name, *rule in rules:
                    if name != "default":
                        client.execute_command("ACL", "SETUSER", name, "reset", *rule)
                client.config_set("acllog-max-len", 1000)
                client.execute_command("ACL", "LOG", "RESET")
        seeds = ",".join(f"127.0.0.1:{node.port}" for node in cluster.nodes)
        yield AclCluster(cluster, passwords, seeds)
    finally:
        cluster.stop()


@dataclass(frozen=True)
class WorkedOnCluster:
    redis: AclCluster
    logs: Path
    operator: list[Any]


@pytest.fixture(scope="module")
def worked(
    acl_cluster: AclCluster, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[WorkedOnCluster]:
    logs = tmp_path_factory.mktemp("acl-cluster-logs")
    waiting = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "1000",
               "AOF_REWRITE_AFTER_ERASURE_MINUTES": "0"}  # fmt: skip
    with working(acl_cluster.url, acl_cluster.refusals, logs, waiting) as operator:
        yield WorkedOnCluster(acl_cluster, logs, operator)


def test_no_node_refuses_any_command_of_any_service(worked: WorkedOnCluster) -> None:
    assert worked.redis.refusals() == []


def test_the_operator_commands_succeed_as_the_operator_user_on_a_cluster(
    worked: WorkedOnCluster,
) -> None:
    failed = [(r.args[3:], r.returncode, r.stderr[-300:]) for r in worked.operator
              if r.returncode != 0]  # fmt: skip
    assert failed == []


def test_no_service_logged_a_refusal_on_a_cluster(worked: WorkedOnCluster) -> None:
    refused = [log.name for log in worked.logs.glob("*.log") if "NOPERM" in log.read_text()]
    assert refused == []


async def test_the_projectors_user_rewrites_the_aof_of_every_node(
    worked: WorkedOnCluster,
) -> None:
    store = StoreSettings(redis_url=worked.redis.url("projector"), partitions=4)
    redis = store.connect()
    try:
        await request_rewrite(redis, store.keyspace)
        await redis.delete(store.keyspace.shared("aof-rewrite", "window"))  # none lately
        assert await rewrite_if_requested(redis, store.keyspace, every_s=60)
    finally:
        await redis.aclose()
    assert worked.redis.refusals() == []
