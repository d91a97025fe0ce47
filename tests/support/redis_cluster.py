"""A real Redis Cluster on loopback: six ``redis-server`` nodes (three primaries, three
replicas) on free ports, made a cluster by ``redis-cli --cluster create``.

The failure detection time (``cluster-node-timeout``) is short, so that a primary killed by
a test is replaced by its replica within seconds rather than the default 15 s.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import redis
from redis.asyncio.cluster import RedisCluster as AsyncRedisCluster

from events.redis_client import RedisClient
from services.runtime.embedded_redis import RedisServer, RedisUnavailable
from services.runtime.ports import free_port

NODE_TIMEOUT_MS = 1000
PRIMARIES = 3


class ClusterUnavailable(RuntimeError):
    """The cluster could not be made, or did not settle in time."""


@dataclass(frozen=True, slots=True)
class NodeRole:
    """One node as the cluster sees it (``CLUSTER NODES``)."""

    node_id: str
    port: int
    primary: bool
    primary_id: str | None
    """The primary a replica follows; None for a primary."""
    failed: bool


class LocalCluster:
    """Six nodes, three primaries with one replica each, all on 127.0.0.1."""

    def __init__(self, directory: Path, nodes: int = 2 * PRIMARIES) -> None:
        self.directory = directory
        self.nodes = [
            RedisServer(directory / f"node{n}", options=_node_options(free_port()))
            for n in range(nodes)
        ]

    @property
    def url(self) -> str:
        """The services' REDIS_URL for it: every node, as a seed list."""
        seeds = ",".join(f"127.0.0.1:{node.port}" for node in self.nodes if node.running)
        return f"redis+cluster://{seeds}"

    def start(self, timeout: float = 30.0) -> None:
        """Start the nodes, make the cluster and wait until every node says it is ok."""
        deadline = time.monotonic() + timeout
        try:
            for node in self.nodes:
                node.start()
            self._create(deadline - time.monotonic())
            self.wait_until(self._settled, deadline, "every node to report cluster_state:ok")
        except BaseException:
            self.stop()
            raise

    def _create(self, timeout: float) -> None:
        cli = shutil.which("redis-cli")
        if cli is None:
            raise RedisUnavailable("redis-cli not found; run scripts/bootstrap")
        addresses = [f"127.0.0.1:{node.port}" for node in self.nodes]
        command = [cli, "--cluster", "create", *addresses, "--cluster-replicas", "1",
                   "--cluster-yes"]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=max(timeout, 1))
        if done.returncode != 0:
            raise ClusterUnavailable(f"redis-cli --cluster create failed:\n{done.stdout[-2000:]}")

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def roles(self, seen_by: RedisServer | None = None) -> list[NodeRole]:
        """Every node's role, as ``seen_by`` (or the first live node) reports them."""
        for node in self.nodes if seen_by is None else [seen_by]:
            if node.running:
                with _client(node.port) as client:
                    text = client.execute_command("CLUSTER", "NODES")
                return _parse_nodes(_text(text))
        raise ClusterUnavailable("no node is running")

    def primaries(self) -> list[RedisServer]:
        """The nodes now primary (and alive)."""
        ports = {role.port for role in self.roles() if role.primary and not role.failed}
        return [node for node in self.nodes if node.port in ports and node.running]

    def replicas_of(self, primary: RedisServer) -> list[RedisServer]:
        """The live nodes that replicate ``primary``, by their own word: the other nodes
        learn a replica's role later, by gossip."""
        replicas = []
        for node in self.nodes:
            if node.running and node is not primary:
                with _client(node.port) as client:
                    replication = client.info("replication")
                if (
                    replication["role"] == "slave"
                    and int(replication["master_port"]) == primary.port
                ):
                    replicas.append(node)
        return replicas

    def flush(self) -> None:
        """Empty every primary (the replicas follow)."""
        for node in self.primaries():
            with _client(node.port) as client:
                client.flushall()

    def kill_primary(self, primary: RedisServer, timeout: float = 60.0) -> RedisServer:
        """Kill ``primary`` as a crash would; return its replica once it has been promoted
        and every live node reports the cluster ok again."""
        replicas = {node.port for node in self.replicas_of(primary)}
        primary.kill()
        deadline = time.monotonic() + timeout

        def promoted() -> bool:
            roles = {role.port: role for role in self.roles()}
            return any(roles[port].primary for port in replicas)

        # Apart, so that a timeout says which step a loaded machine did not finish.
        self.wait_until(promoted, deadline, "the killed primary's replica to be promoted")
        self.wait_until(self._settled, deadline, "the cluster to settle after the failover")
        roles = {role.port: role for role in self.roles()}
        return next(
            node for node in self.nodes if node.port in replicas and roles[node.port].primary
        )

    def kill_shard(self, primary: RedisServer, timeout: float = 30.0) -> list[RedisServer]:
        """Kill ``primary`` and its replicas, as a lost zone would; return them once every
        node left says the cluster is down (no node serves the shard's slots)."""
        shard = [primary, *self.replicas_of(primary)]
        for node in shard:
            node.kill()
        deadline = time.monotonic() + timeout
        self.wait_until(self._none_ok, deadline, "every node left to say the cluster is down")
        return shard

    def restart(self, nodes: list[RedisServer], timeout: float = 30.0) -> None:
        """Start ``nodes`` again (they rejoin from their saved cluster configuration) and
        wait until the cluster is ok everywhere."""
        for node in nodes:
            node.start()
        deadline = time.monotonic() + timeout
        self.wait_until(self._settled, deadline, "the cluster to be ok again")

    def _none_ok(self) -> bool:
        for node in self.nodes:
            if node.running:
                with _client(node.port) as client:
                    info = client.execute_command("CLUSTER", "INFO")
                if "cluster_state:ok" in _text(info):
                    return False
        return True

    def _settled(self) -> bool:
        views = []
        for node in self.nodes:
            if not node.running:
                continue
            with _client(node.port) as client:
                if "cluster_state:ok" not in _text(client.execute_command("CLUSTER", "INFO")):
                    return False
                replication = client.info("replication")
                # A replica still copying its primary's data could not take over from it.
                if replication["role"] == "slave" and replication["master_link_status"] != "up":
                    return False
                views.append(_text(client.execute_command("CLUSTER", "NODES")))
        return layouts_agree(views, {node.port for node in self.nodes if node.running})

    @staticmethod
    def wait_until(condition: Callable[[], bool], deadline: float, what: str) -> None:
        while time.monotonic() < deadline:
            try:
                if condition():
                    return
            except (redis.RedisError, OSError):
                pass  # a node still starting, or one just killed
            time.sleep(0.05)
        raise ClusterUnavailable(f"timed out waiting for {what}")


def _node_options(bus_port: int) -> tuple[str, ...]:
    return (
        "--cluster-enabled", "yes",
        "--cluster-config-file", "nodes.conf",
        "--cluster-node-timeout", str(NODE_TIMEOUT_MS),
        # The bus port is chosen free too: the default (port + 10000) may be taken.
        "--cluster-port", str(bus_port),
        # A replica's first copy starts at once rather than after the default 5 s.
        "--repl-diskless-sync-delay", "0",
        # A replica whose elections a busy machine delays past ten node timeouts would
        # otherwise judge its copy too old and never take over: here it always may.
        "--cluster-replica-validity-factor", "0",
    )  # fmt: skip


def _client(port: int) -> redis.Redis:
    return redis.Redis(port=port, socket_timeout=2, socket_connect_timeout=2)


def _text(reply: object) -> str:
    return reply.decode() if isinstance(reply, bytes) else str(reply)


def layouts_agree(views: list[str], live_ports: set[int]) -> bool:
    """Whether every node's ``CLUSTER NODES`` says the same of each live node: primary or
    replica, and of which primary.

    ``cluster_state:ok`` comes with the slots alone, and a replica knows its role before
    the others do: until its gossip reaches them they take it for a primary without slots.
    A shard killed by that view would keep its replica, which takes over, and the cluster
    said down would be up again a moment later.
    """
    layouts = {
        frozenset(
            (role.port, role.primary, role.primary_id)
            for role in _parse_nodes(view)
            if role.port in live_ports
        )
        for view in views
    }
    return len(layouts) == 1


def _parse_nodes(text: str) -> list[NodeRole]:
    """``CLUSTER NODES``: id, ip:port@bus, flags, primary id or '-', ..."""
    roles = []
    for line in text.strip().splitlines():
        fields = line.split()
        address, flags = fields[1], set(fields[2].split(","))
        port = int(address.split("@")[0].rsplit(":", 1)[1])
        roles.append(
            NodeRole(
                node_id=fields[0],
                port=port,
                primary="master" in flags,
                primary_id=None if fields[3] == "-" else fields[3],
                failed="fail" in flags or "fail?" in flags,
            )
        )
    return roles


async def config_set_everywhere(redis: RedisClient, name: str, value: str | int) -> None:
    """CONFIG SET on the test's Redis: every primary of a cluster (the cluster client
    would send it to one node)."""
    if isinstance(redis, AsyncRedisCluster):
        await redis.config_set(name, value, target_nodes=AsyncRedisCluster.PRIMARIES)
    else:
        await redis.config_set(name, value)
