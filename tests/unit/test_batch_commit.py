"""What a run's commit carries: every key in KEYS, all in the partition's slot."""

from __future__ import annotations

import msgspec
import pytest

from events.batch_commit import BatchCommit, applied
from events.keys import Keyspace

KEYSPACE = Keyspace(prefix="wsm", partitions=4)


def run(*effects: tuple[str | bytes | int | float, ...]) -> BatchCommit:
    batch = BatchCommit(KEYSPACE, 1, "g", {"ana": None})
    batch.add("ana", "5-0", effects)
    return batch


def test_every_key_an_effect_writes_is_passed_in_keys() -> None:
    view = KEYSPACE.in_partition(1, "rm", "x")
    keys, args = run(("SET", view, b"\x00raw"), ("ZADD", view + ":i", 3, "ana")).script_call()
    assert keys[4:] == [view, view + ":i"]
    chats, ids, commands = msgspec.msgpack.decode(args[2])
    assert commands == [["SET", 5, 4], ["ZADD", 6, "3", "ana"]]
    assert args[3] == b"\x00raw"  # a binary value travels in ARGV, named by its index
    assert chats == [["ana", "", "5-0"]] and ids == ["5-0"]


def test_an_effect_outside_the_partitions_slot_is_refused() -> None:
    with pytest.raises(ValueError, match="slot"):
        run(("SET", KEYSPACE.in_partition(2, "rm", "x"), b"v")).script_call()


def test_a_command_naming_several_keys_is_refused() -> None:
    view = KEYSPACE.in_partition(1, "rm", "x")
    with pytest.raises(ValueError, match="one key"):
        run(("DEL", view, view + ":y")).script_call()
    with pytest.raises(ValueError, match="one key"):
        run(("MSET", view, b"v")).script_call()


def test_an_entry_at_or_before_its_chats_checkpoint_is_applied() -> None:
    assert applied("10-2", "10-2") and applied("9-9", "10-0")
    assert not applied("10-3", "10-2") and not applied("1-0", None)
