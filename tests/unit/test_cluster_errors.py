"""A Redis Cluster settling (a failover, a slot moving, a shard down) is infrastructure
failing, waited out and retried, never held against the entry being handled; a command
that spans slots is a fault of ours, not waited out."""

from __future__ import annotations

import pytest
from redis._parsers.base import BaseParser
from redis.exceptions import RedisClusterUnreachableError, SlotNotCoveredError

from events.infrastructure import is_infrastructure_failure
from services.runtime.operator_errors import known_failure


@pytest.mark.parametrize(
    "reply",
    [
        "CLUSTERDOWN The cluster is down",
        "CLUSTERDOWN Hash slot not served",
        "TRYAGAIN Multiple keys request during rehashing of slot",
        "MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to 'no'.",
    ],
)
def test_a_cluster_settling_is_waited_out(reply: str) -> None:
    # As redis-py raises a server's error reply (its parser: the code picks the class).
    assert is_infrastructure_failure(BaseParser.parse_error(reply))


@pytest.mark.parametrize(
    "error",
    [SlotNotCoveredError("slot 7 is not covered"), RedisClusterUnreachableError("no node")],
)
def test_a_cluster_the_client_cannot_reach_is_waited_out(error: Exception) -> None:
    assert is_infrastructure_failure(error)


def test_keys_in_several_slots_are_not_waited_out() -> None:
    error = BaseParser.parse_error("CROSSSLOT Keys in request don't hash to the same slot")
    assert not is_infrastructure_failure(error)


def test_an_operator_is_told_the_cluster_is_not_serving_without_its_nodes() -> None:
    failure = known_failure(RedisClusterUnreachableError("10.0.0.7:7001 refused"))
    assert failure is not None
    assert failure.message == "Redis is not serving (RedisClusterUnreachableError)"
