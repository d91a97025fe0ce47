"""Hash tags that spread a log's partitions evenly over a Redis Cluster's shards.

A cluster places a key by the CRC16 of its hash tag, modulo 16384 slots, and gives each
primary a contiguous range of slots (``redis-cli --cluster create`` and ``rebalance``
split them evenly). The plain tags ``p0``..``p15`` land where CRC16 puts them: 4, 5 and 7
partitions on three primaries. A spread tag ``pN.S`` takes the first salt ``S`` that puts
partition N at the middle of its 1/Nth of the slots (within a small tolerance), so the
partitions sit at evenly spaced slots, in order, and any even split of the slots into
contiguous ranges gives every primary the same number of partitions, give or take one:
16 partitions fall 5/6/5 on three primaries, 4/4/4/4 on four.
"""

from __future__ import annotations

import functools

from redis.crc import REDIS_CLUSTER_HASH_SLOTS, key_slot

SLOTS = REDIS_CLUSTER_HASH_SLOTS


def slot_of(tag: str) -> int:
    """The cluster slot of every key carrying the hash tag ``tag``."""
    return key_slot(tag.encode())


@functools.cache
def spread_tags(partitions: int) -> tuple[str, ...]:
    """Each partition's tag, at evenly spaced slots (see the module's docstring)."""
    # Tight enough that no partition strays into a neighbour's share, loose enough that
    # a salt is found in a few hundred tries even for 1024 partitions.
    tolerance = max(8, SLOTS // (16 * partitions))
    tags = []
    for partition in range(partitions):
        middle = (2 * partition + 1) * SLOTS // (2 * partitions)
        salt = 0
        while abs(slot_of(f"p{partition}.{salt}") - middle) > tolerance:
            salt += 1
        tags.append(f"p{partition}.{salt}")
    return tuple(tags)
