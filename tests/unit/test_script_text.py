"""What Redis Cluster requires of a script, read in its text: every key it touches comes
from KEYS (on a cluster, a key it was not given may live on another node)."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from events.command_keys import UnknownCommand, key_positions

SCRIPT_DIRS = (("events", "lua"), ("services.conductor", "lua"), ("services.domain", "lua"))
# commit_batch.lua runs one-key effects, each naming its key by its index in KEYS (the
# caller refuses a command of more keys: tests/unit/test_batch_commit.py).
RUNS_ONE_KEY_EFFECTS = {"commit_batch.lua"}
# commit_many.lua runs the effects of its entries, each key named by its index in KEYS (the
# caller places them by position, which the flows' audit checks as it runs).
RUNS_INDEXED_EFFECTS = {"commit_many.lua"}
_CALL = re.compile(r"redis\.p?call\(\s*([^,)]+)\s*(?:,\s*([^,)]+))?")
KEYLESS = {"'TIME'"}
# Commands whose keys follow the word STREAMS rather than the command's name.
_STREAMS_KEY = re.compile(r"'STREAMS',\s*([^,)]+)")
READS_STREAMS = {"'XREAD'", "'XREADGROUP'"}


def scripts() -> list[tuple[str, str]]:
    found = []
    for package, folder in SCRIPT_DIRS:
        for path in resources.files(package).joinpath(folder).iterdir():
            if path.name.endswith(".lua"):
                found.append((path.name, path.read_text()))
    return found


def keys_not_from_keys(source: str) -> list[str]:
    """Every Redis call of a script whose key is not one of KEYS (or that names its
    command other than literally)."""
    wrong = []
    for call in _CALL.finditer(source):
        command, key = call.group(1), call.group(2)
        if command in KEYLESS:
            continue
        if command in READS_STREAMS:
            streams = _STREAMS_KEY.search(source, call.end())
            key = streams.group(1) if streams else None
        if not command.startswith("'") or key is None or not key.startswith("KEYS["):
            wrong.append(call.group(0))
    return wrong


@pytest.mark.parametrize(("name", "source"), scripts(), ids=[n for n, _ in scripts()])
def test_a_script_takes_every_key_it_touches_from_keys(name: str, source: str) -> None:
    if name in RUNS_INDEXED_EFFECTS:
        assert keys_not_from_keys(source) == ["redis.pcall(unpack(parts"]
        assert "part = KEYS[-part]" in source
    elif name in RUNS_ONE_KEY_EFFECTS:
        assert keys_not_from_keys(source) == ["redis.call(command[1], KEYS[command[2]]"]
    else:
        assert keys_not_from_keys(source) == []


def test_a_key_built_from_argv_is_found_in_a_scripts_text() -> None:
    source = "redis.call('SET', 'wsm:{p1}:' .. ARGV[1], 1)\nredis.call('GET', KEYS[1])"
    assert keys_not_from_keys(source) == ["redis.call('SET', 'wsm:{p1}:' .. ARGV[1]"]


def test_an_effect_whose_keys_are_unknown_is_refused() -> None:
    with pytest.raises(UnknownCommand, match="SUNIONSTORE"):
        key_positions(("SUNIONSTORE", "dest", "a", "b"))
