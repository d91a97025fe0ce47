"""Which arguments of a command are keys: the effects a consumer commits are plain
commands, run inside ``commit_many.lua``, and a script must be given every key it touches in
KEYS (on Redis Cluster a key it was not given may live on another node).

The positions are those of Redis's own key specifications (``COMMAND GETKEYS`` agrees:
tests/integration/test_script_keys.py); a command not listed is refused, so a new kind
of effect is added here, with its keys, before it can be committed.
"""

from __future__ import annotations

from collections.abc import Sequence

_FIRST_ARGUMENT = frozenset(
    {
        "SET", "SETNX", "GETDEL", "INCR", "INCRBY", "DECR", "APPEND",
        "EXPIRE", "PEXPIRE", "PEXPIREAT", "PERSIST",
        "HSET", "HSETNX", "HDEL", "HINCRBY",
        "RPUSH", "LPUSH", "LTRIM", "LREM",
        "SADD", "SREM",
        "ZADD", "ZREM", "ZINCRBY", "ZREMRANGEBYSCORE",
        "XADD", "XDEL", "XTRIM",
    }
)  # fmt: skip
_EVERY_ARGUMENT = frozenset({"DEL", "UNLINK"})
_EVERY_OTHER_ARGUMENT = frozenset({"MSET"})


class UnknownCommand(ValueError):
    """A command whose key arguments are not known here."""


def key_positions(command: Sequence[object]) -> tuple[int, ...]:
    """The positions (the name is 0) of ``command``'s key arguments."""
    if not command:
        raise UnknownCommand("an empty command")
    name = command[0]
    name = (name.decode() if isinstance(name, bytes) else str(name)).upper()
    if name in _FIRST_ARGUMENT:
        return (1,)
    if name in _EVERY_ARGUMENT:
        return tuple(range(1, len(command)))
    if name in _EVERY_OTHER_ARGUMENT:
        return tuple(range(1, len(command), 2))
    raise UnknownCommand(f"{name}: its key arguments are not known (events/command_keys.py)")
