"""The chaos soak's Redis as a Redis Cluster (``python -m tests.support.chaos --redis
cluster``): "killing Redis" kills a primary at random (SIGKILL), whose replica takes over
once the cluster sees it gone; "restarting" brings the node back, which rejoins as its
shard's replica. Every node fsyncs each write (as the single Redis of the soak does), and
the gateway waits for a replica before acknowledging (``REDIS_WAIT_REPLICAS=1``)."""

from __future__ import annotations

import random
from pathlib import Path

from services.runtime.embedded_redis import RedisServer
from tests.support.redis_cluster import LocalCluster

ENV = {"REDIS_WAIT_REPLICAS": "1", "REDIS_WAIT_TIMEOUT_MS": "1000"}
"""What the stack's processes are given besides the cluster's URL."""


class FailingOverCluster:
    """A six-node cluster standing in for the soak's ``RedisServer``."""

    def __init__(self, directory: Path, rng: random.Random) -> None:
        self.cluster = LocalCluster(directory)
        for node in self.cluster.nodes:
            node.appendfsync = "always"
        self.rng = rng
        self.killed: RedisServer | None = None
        self._url = ""

    @property
    def url(self) -> str:
        """Every node as a seed (fixed at start: a process started while a node is down
        still names it, and the client skips it)."""
        return self._url

    def start(self) -> None:
        if self.killed is None:
            self.cluster.start()
            self._url = self.cluster.url
            return
        # Back as it was: it rejoins from its saved configuration (as a replica, once its
        # replica was promoted). Not waited for: the soak goes on meanwhile.
        self.killed.start()
        self.killed = None

    def kill(self) -> None:
        self.killed = self.rng.choice(self.cluster.primaries())
        self.killed.kill()

    def stop(self) -> None:
        self.cluster.stop()
