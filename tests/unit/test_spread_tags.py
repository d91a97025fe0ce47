"""On Redis Cluster the partitions' hash tags spread them evenly over the shards; a
single Redis keeps the plain tags its log was written with."""

from __future__ import annotations

import fnmatch

import pytest

from events.keys import Keyspace
from events.slots import SLOTS, slot_of, spread_tags
from services.runtime.store import StoreSettings


def shares(tags: tuple[str, ...], primaries: int) -> list[int]:
    """How many tags fall on each of ``primaries`` even, contiguous slot ranges (as
    ``redis-cli --cluster create`` splits them: 0-5460, 5461-10922, 10923-16383 for 3)."""
    bounds = [round(n * SLOTS / primaries) for n in range(primaries + 1)]
    return [
        sum(1 for tag in tags if bounds[n] <= slot_of(tag) < bounds[n + 1])
        for n in range(primaries)
    ]


def test_the_plain_tags_fall_unevenly_on_three_primaries() -> None:
    plain = tuple(f"p{n}" for n in range(16))
    assert sorted(shares(plain, 3)) == [4, 5, 7]


def test_sixteen_spread_partitions_fall_5_6_5_on_three_primaries() -> None:
    assert shares(spread_tags(16), 3) == [5, 6, 5]


@pytest.mark.parametrize("primaries", [2, 4, 8, 16])
def test_sixteen_spread_partitions_fall_evenly_on_a_grown_cluster(primaries: int) -> None:
    assert shares(spread_tags(16), primaries) == [16 // primaries] * primaries


@pytest.mark.parametrize("partitions", [3, 12, 30, 64, 240])
def test_any_partition_count_falls_within_one_of_even_on_three_primaries(
    partitions: int,
) -> None:
    counts = shares(spread_tags(partitions), 3)
    assert sum(counts) == partitions and max(counts) - min(counts) <= 1


def test_the_spread_tags_never_change() -> None:
    # They name every key of a cluster's log: a change would hide the log from itself.
    assert spread_tags(16)[:4] == ("p0.141", "p1.46", "p2.262", "p3.228")
    assert spread_tags(16)[15] == "p15.15"


def test_every_key_of_a_spread_partition_is_in_its_slot() -> None:
    keys = Keyspace(partitions=16, spread=True)
    names = [keys.stream(7), keys.dedup(7, "m1"), keys.checkpoint(7, "g"),
             keys.in_partition(7, "rm", "x")]  # fmt: skip
    assert {slot_of(name.split("{")[1].split("}")[0]) for name in names} == {
        slot_of(spread_tags(16)[7])
    }


def test_spread_keys_match_the_patterns_of_every_partition() -> None:
    # The services' ACLs (ops/redis/users.acl) and SCANs name partitions as {p*}.
    keys = Keyspace(partitions=16, spread=True)
    assert fnmatch.fnmatchcase(keys.stream(3), "wsm:{p*}:log")
    assert fnmatch.fnmatchcase(keys.in_partition(3, "rm", "x"), keys.in_every_partition("rm", "*"))


def test_a_single_redis_keeps_the_plain_tags() -> None:
    assert StoreSettings(redis_url="redis://a:6379/0").keyspace.stream(7) == "wsm:{p7}:log"


def test_a_cluster_gets_the_spread_tags() -> None:
    keyspace = StoreSettings(redis_url="redis+cluster://a:7000").keyspace
    assert keyspace.stream(7) == "wsm:{p7.440}:log"
