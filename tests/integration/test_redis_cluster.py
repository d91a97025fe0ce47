"""The test fixture's Redis Cluster is a real one: three primaries with a replica each,
serving every slot, and a primary killed is replaced by its replica."""

from __future__ import annotations

from pathlib import Path

import pytest
import redis

from tests.support.redis_cluster import LocalCluster


def test_the_cluster_has_three_primaries_each_followed_by_a_replica(
    redis_cluster: LocalCluster,
) -> None:
    roles = redis_cluster.roles()
    primaries = {role.node_id for role in roles if role.primary}
    followed = [role.primary_id for role in roles if not role.primary]
    assert len(primaries) == 3
    assert sorted(followed) == sorted(primaries)


def test_the_cluster_serves_every_slot(redis_cluster: LocalCluster) -> None:
    node = redis_cluster.nodes[0]
    with redis.Redis(port=node.port) as client:
        info = client.execute_command("CLUSTER", "INFO").decode()
    assert "cluster_state:ok" in info
    assert "cluster_slots_assigned:16384" in info


@pytest.mark.timeout(60)  # a cluster of its own, just started
def test_once_started_every_node_knows_which_primary_each_replica_follows(
    tmp_path: Path,
) -> None:
    cluster = LocalCluster(tmp_path)
    cluster.start()
    try:
        # Each replica's own word, against what every node has heard of it.
        followed = {
            (replica.port, primary.port)
            for primary in cluster.primaries()
            for replica in cluster.replicas_of(primary)
        }
        assert len(followed) == 3
        for node in cluster.nodes:
            roles = cluster.roles(seen_by=node)
            port_of = {role.node_id: role.port for role in roles}
            heard = {(role.port, port_of[role.primary_id]) for role in roles if role.primary_id}
            assert heard == followed
    finally:
        cluster.stop()


@pytest.mark.timeout(90)  # a cluster of its own, started, then a failover
def test_a_killed_primary_is_replaced_by_its_replica(tmp_path: Path) -> None:
    cluster = LocalCluster(tmp_path)
    cluster.start()
    try:
        killed = cluster.primaries()[0]
        promoted = cluster.kill_primary(killed)
        assert promoted.port != killed.port
        assert promoted in cluster.primaries()
        assert len(cluster.primaries()) == 3
    finally:
        cluster.stop()
