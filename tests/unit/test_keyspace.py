"""Keyspace is the one place that spells a Redis key: the hash tags that keep each
script's keys in one slot (and so the same code on one Redis or a cluster) rest on it."""

from __future__ import annotations

import re
from pathlib import Path

from events import Keyspace

ROOT = Path(__file__).resolve().parents[2]
KEYSPACE_MODULE = ROOT / "events" / "keys.py"
# A literal hash tag in an f-string ("{{p7}}", "{{cal}}") or a key built on the prefix.
HAND_SPELLED_KEY = re.compile(r"\{\{[A-Za-z*]|prefix\}:")


def test_no_code_spells_a_key_outside_the_keyspace() -> None:
    sources = [p for d in ("events", "services") for p in (ROOT / d).rglob("*.py")]
    spelled = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sources
        if path != KEYSPACE_MODULE
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if HAND_SPELLED_KEY.search(line)
    ]
    assert spelled == []


def test_the_check_finds_a_key_spelled_by_hand() -> None:
    assert HAND_SPELLED_KEY.search('return f"{keyspace.prefix}:{{p{partition}}}:timers"')
    assert not HAND_SPELLED_KEY.search('_NAME = re.compile(rf"^{_WORD}{{0,5}}$")')


def test_a_partitions_keys_share_its_hash_tag() -> None:
    keyspace = Keyspace(prefix="wsm", partitions=16)
    keys = [keyspace.stream(7), keyspace.checkpoint(7, "g"), keyspace.in_partition(7, "timers")]
    assert {re.search(r"\{[^}]*\}", key)[0] for key in keys} == {"{p7}"}  # type: ignore[index]


def test_a_scan_pattern_matches_the_key_in_every_partition() -> None:
    keyspace = Keyspace()
    pattern = keyspace.in_every_partition("rm", "sessions", "v1", "*")
    as_regex = re.escape(pattern).replace(r"\*", ".*")
    for partition in keyspace.all_partitions():
        assert re.fullmatch(as_regex, keyspace.in_partition(partition, "rm", "sessions", "v1", "x"))
