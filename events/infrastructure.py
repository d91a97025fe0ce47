"""Failures of Redis or the network, not of the entry being handled: they are waited out
and retried, never counted against an entry."""

from __future__ import annotations

from redis.exceptions import (
    ClusterDownError,
    OutOfMemoryError,
    ReadOnlyError,
    RedisClusterUnreachableError,
    ResponseError,
    SlotNotCoveredError,
    TryAgainError,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from events.replication import NotReplicated

# A Redis Cluster settling: down while a failover runs (CLUSTERDOWN, MASTERDOWN), a slot
# moving (TRYAGAIN), a slot no node serves yet, no node reachable. The client follows
# MOVED and ASK itself; what it gives up on is waited out like a lost Redis.
CLUSTER_SETTLING = (
    ClusterDownError,
    TryAgainError,
    SlotNotCoveredError,
    RedisClusterUnreachableError,
)

INFRASTRUCTURE_ERRORS = (
    RedisConnectionError,
    RedisTimeoutError,
    OSError,
    # A Redis that refuses writes for a while: full (maxmemory), or a replica after a
    # failover. Counting these against entries would dead-letter good ones.
    OutOfMemoryError,
    ReadOnlyError,
    # Replicas lagging behind (REDIS_WAIT_REPLICAS): the write is on the primary, and
    # the retry, recognised there, waits for them again.
    NotReplicated,
    *CLUSTER_SETTLING,
)

# Replies redis-py has no class of its own for, which say the same: a failing disk
# (MISCONF), a blocked read cut short by a change of role (UNBLOCKED), a cluster settling.
_WAITED_OUT_REPLIES = frozenset({"MISCONF", "UNBLOCKED", "MASTERDOWN", "TRYAGAIN", "CLUSTERDOWN"})


def is_infrastructure_failure(exc: BaseException) -> bool:
    """Whether ``exc`` is Redis or the network failing, to be waited out."""
    if isinstance(exc, INFRASTRUCTURE_ERRORS):
        return True
    return isinstance(exc, ResponseError) and str(exc).split(" ", 1)[0] in _WAITED_OUT_REPLIES
