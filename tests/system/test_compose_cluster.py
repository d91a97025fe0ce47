"""The compose Redis Cluster as compose.cluster.yml makes it: six nodes started by
ops/redis/start.sh with the cluster's password, made a cluster by
ops/redis/create-cluster.sh as the cluster's own user; the replicas follow their primaries
as that user, every service's user is in on every node, the replication password is in no
file once Redis has read it, and making the cluster again changes nothing."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis as sync_redis
from redis.cluster import RedisCluster

from services.runtime.ports import free_port

pytestmark = pytest.mark.timeout(120)

ROOT = Path(__file__).resolve().parents[2]
USERS = ("ingest", "conductor", "projector", "console", "operator", "cluster")
NODES = 6


@dataclass(frozen=True)
class ComposeCluster:
    ports: list[int]
    passwords: dict[str, str]
    directories: list[Path]

    def client(self, port: int, user: str) -> sync_redis.Redis:
        return sync_redis.Redis(port=port, username=user, password=self.passwords[user])


def create(passwords: dict[str, str], ports: list[int]) -> subprocess.CompletedProcess[str]:
    """ops/redis/create-cluster.sh, as compose's one-shot service runs it."""
    env = {**os.environ, "REDISCLI_AUTH": passwords["cluster"]}
    nodes = [f"127.0.0.1:{port}" for port in ports]
    command = ["sh", str(ROOT / "ops/redis/create-cluster.sh"), *nodes]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)


def wait_until(condition: object, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if callable(condition) and condition():
                return
        except (sync_redis.RedisError, OSError):
            pass
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def compose_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ComposeCluster]:
    passwords = {user: secrets.token_hex(32) for user in USERS}
    env = {**os.environ, "REDIS_CONF_DIR": str(ROOT / "ops/redis"),
           **{f"REDIS_{u.upper()}_PASSWORD": p for u, p in passwords.items()}}  # fmt: skip
    ports, directories, processes = [], [], []
    try:
        for n in range(NODES):
            directory = tmp_path_factory.mktemp(f"node{n}")
            port = free_port()
            processes.append(subprocess.Popen(
                ["sh", str(ROOT / "ops/redis/start.sh"), "--port", str(port),
                 "--bind", "127.0.0.1", "--dir", str(directory),
                 "--logfile", str(directory / "redis.log"),
                 "--cluster-port", str(free_port()), "--cluster-node-timeout", "1000",
                 "--repl-diskless-sync-delay", "0"],
                env={**env, "TMPDIR": str(directory)}, stdout=subprocess.DEVNULL,
            ))  # fmt: skip
            ports.append(port)
            directories.append(directory)
        cluster = ComposeCluster(ports, passwords, directories)
        for port in ports:
            wait_until(lambda port=port: cluster.client(port, "ingest").ping(), "a node")
        made = create(passwords, ports)
        assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
        yield cluster
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=10)


def cluster_ok(cluster: ComposeCluster) -> bool:
    for port in cluster.ports:
        info = cluster.client(port, "cluster").execute_command("CLUSTER", "INFO")
        if b"cluster_state:ok" not in info:
            return False
    return True


def replicas_linked(cluster: ComposeCluster) -> bool:
    linked = 0
    for port in cluster.ports:
        replication = cluster.client(port, "cluster").info("replication")
        linked += replication["role"] == "slave" and replication["master_link_status"] == "up"
    return linked == NODES // 2


def test_the_nodes_become_a_cluster_whose_replicas_follow_as_the_clusters_user(
    compose_cluster: ComposeCluster,
) -> None:
    wait_until(lambda: cluster_ok(compose_cluster), "cluster_state:ok on every node")
    wait_until(lambda: replicas_linked(compose_cluster), "each replica linked to its primary")


def test_each_service_reaches_the_cluster_as_its_own_user(
    compose_cluster: ComposeCluster,
) -> None:
    wait_until(lambda: cluster_ok(compose_cluster), "cluster_state:ok on every node")
    for user in ("ingest", "conductor", "projector", "console", "operator"):
        client = RedisCluster(
            host="127.0.0.1", port=compose_cluster.ports[0], username=user,
            password=compose_cluster.passwords[user],
        )  # fmt: skip
        try:
            assert client.ping(target_nodes=RedisCluster.ALL_NODES) is True, user
        finally:
            client.close()


def test_no_service_may_act_as_the_clusters_user_nor_the_cluster_as_a_service(
    compose_cluster: ComposeCluster,
) -> None:
    port = compose_cluster.ports[0]
    with pytest.raises(sync_redis.exceptions.NoPermissionError):
        compose_cluster.client(port, "cluster").get("wsm:layout")
    with pytest.raises(sync_redis.exceptions.NoPermissionError):
        compose_cluster.client(port, "conductor").execute_command("CLUSTER", "MEET", "1.2.3.4", 1)


def test_the_replication_password_is_in_no_file_once_redis_has_read_it(
    compose_cluster: ComposeCluster,
) -> None:
    password = compose_cluster.passwords["cluster"].encode()

    def nowhere() -> bool:
        return not any(
            password in path.read_bytes()
            for directory in compose_cluster.directories
            for path in directory.rglob("*")
            if path.is_file()
        )

    wait_until(nowhere, "the replication password to leave the nodes' files", seconds=15)


def test_making_the_cluster_again_changes_nothing(compose_cluster: ComposeCluster) -> None:
    wait_until(lambda: cluster_ok(compose_cluster), "cluster_state:ok on every node")
    again = create(compose_cluster.passwords, compose_cluster.ports)
    assert again.returncode == 0, again.stderr
    assert "made already" in again.stdout
