"""The test cluster is settled only once every node says the same of each node: a replica
knows its role before the other nodes hear of it, and a shard killed by the view of a node
that takes the replica for a primary without slots would keep its replica."""

from __future__ import annotations

from tests.support.redis_cluster import layouts_agree

# Lines of CLUSTER NODES: id, address, flags, primary followed, pings, epoch, link, slots.
PRIMARY = "aaaa 127.0.0.1:7000@17000 master - 0 0 1 connected 0-16383"
REPLICA = "bbbb 127.0.0.1:7001@17001 slave aaaa 0 0 1 connected"
REPLICA_NOT_YET_HEARD_OF = "bbbb 127.0.0.1:7001@17001 master - 0 0 2 connected"
LIVE = {7000, 7001}


def view(*lines: str) -> str:
    return "\n".join(lines)


def test_nodes_that_name_the_same_primaries_and_replicas_agree() -> None:
    views = [view(PRIMARY, REPLICA), view(PRIMARY, REPLICA)]
    assert layouts_agree(views, LIVE)


def test_a_replica_another_node_still_takes_for_a_primary_is_a_disagreement() -> None:
    views = [view(PRIMARY, REPLICA_NOT_YET_HEARD_OF), view(PRIMARY, REPLICA)]
    assert not layouts_agree(views, LIVE)


def test_what_the_nodes_say_of_a_dead_node_is_not_compared() -> None:
    dead_as_primary = "cccc 127.0.0.1:7002@17002 master,fail - 0 0 3 disconnected"
    dead_as_replica = "cccc 127.0.0.1:7002@17002 slave,fail aaaa 0 0 3 disconnected"
    views = [view(PRIMARY, REPLICA, dead_as_primary), view(PRIMARY, REPLICA, dead_as_replica)]
    assert layouts_agree(views, LIVE)
