"""Every command a Redis runs while a test works, read through MONITOR, and checked for
what Redis Cluster requires: a script touches only the keys it was given in KEYS, all in
one hash slot; a multi-key command, or a MULTI/EXEC block, stays in one slot.

MONITOR shows a script's call (EVALSHA with its KEYS) and, right after it, every command
the script ran (``[0 lua]``): a script runs atomically, so nothing comes in between.
Which arguments of a command are keys is asked of Redis itself (``COMMAND GETKEYS``).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from redis.asyncio import Redis
from redis.crc import key_slot

_LINE = re.compile(rb"^\+?[\d.]+ \[\d+ ([^\]]+)\] (.*)$")
_TOKEN = re.compile(rb'"((?:[^"\\]|\\.)*)"')
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"a": b"\a", b"b": b"\b",
            b'"': b'"', b"\\": b"\\"}  # fmt: skip
END = (b"ECHO", b"end-of-audit")
_SCRIPT_CALLS = {b"EVALSHA", b"EVAL", b"EVALSHA_RO", b"EVAL_RO", b"FCALL", b"FCALL_RO"}


@dataclass(frozen=True, slots=True)
class Ran:
    """One command as MONITOR showed it: who ran it (a client's address, or ``lua``)."""

    by: str
    args: tuple[bytes, ...]

    @property
    def name(self) -> bytes:
        return self.args[0].upper()


@dataclass
class Audit:
    """The commands seen, and what breaks Redis Cluster's rules among them."""

    ran: list[Ran] = field(default_factory=list)
    script_calls: int = 0
    violations: list[str] = field(default_factory=list)


def _unescape(quoted: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(quoted):
        char = quoted[i : i + 1]
        if char == b"\\" and i + 1 < len(quoted):
            following = quoted[i + 1 : i + 2]
            if following == b"x":
                out += bytes([int(quoted[i + 2 : i + 4], 16)])
                i += 4
                continue
            out += _ESCAPES.get(following, following)
            i += 2
            continue
        out += char
        i += 1
    return bytes(out)


def parse_line(line: bytes) -> Ran | None:
    """A MONITOR line (``TIME [DB CLIENT] "ARG" ...``) read; None for anything else."""
    found = _LINE.match(line.rstrip(b"\r\n"))
    if found is None:
        return None
    args = tuple(_unescape(token) for token in _TOKEN.findall(found.group(2)))
    return Ran(found.group(1).decode(), args) if args else None


@contextlib.asynccontextmanager
async def monitoring(host: str, port: int) -> AsyncIterator[Audit]:
    """Record every command the Redis at ``host:port`` runs while the block runs, then
    check them (``Audit.violations``; see the module's docstring)."""
    audit = Audit()
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"*1\r\n$7\r\nMONITOR\r\n")
    await writer.drain()
    assert (await reader.readline()).startswith(b"+OK")

    ended = asyncio.Event()

    async def read() -> None:
        while line := await reader.readline():
            ran = parse_line(line)
            if ran is not None and ran.args == END:
                ended.set()
                return
            if ran is not None:
                audit.ran.append(ran)

    reading = asyncio.create_task(read())
    try:
        yield audit
    finally:
        # A command of its own marks the end: every line before it has been read then.
        async with Redis(host=host, port=port) as client:
            # COMMAND GETKEYS's reply as Redis sends it: the keys, as bytes.
            client.set_response_callback("COMMAND", lambda reply, **_: reply)
            await client.execute_command(*END)
            async with asyncio.timeout(10):
                await ended.wait()
            await reading
            writer.close()
            await check(audit, client)


async def check(audit: Audit, client: Redis) -> None:
    """Fill ``audit.violations`` with every breach of the cluster's rules."""
    keys = await _keys_of(client, [ran.args for ran in audit.ran])
    in_multi: dict[str, list[bytes]] = {}
    script: tuple[Ran, set[bytes]] | None = None
    for ran, named in zip(audit.ran, keys, strict=True):
        if ran.by == "lua":
            if script is None:
                audit.violations.append(f"{_show(ran)} ran in a script the audit did not see")
                continue
            call, declared = script
            undeclared = [key for key in named if key not in declared]
            if undeclared:
                audit.violations.append(
                    f"a script ({_show(call)}) touched keys it was not given: "
                    f"{_show(ran)} named {undeclared!r}"
                )
            continue
        script = None
        if ran.name in _SCRIPT_CALLS:
            audit.script_calls += 1
            numkeys = int(ran.args[2])
            declared = set(ran.args[3 : 3 + numkeys])
            script = (ran, declared)
            _one_slot(audit, ran, list(declared))
        elif ran.name == b"MULTI":
            in_multi[ran.by] = []
        elif ran.name in (b"EXEC", b"DISCARD") and ran.by in in_multi:
            block = in_multi.pop(ran.by)
            _one_slot(audit, ran, block, what="a MULTI/EXEC block")
        elif ran.by in in_multi:
            in_multi[ran.by] += named
        else:
            _one_slot(audit, ran, named)


def _one_slot(audit: Audit, ran: Ran, keys: list[bytes], what: str = "") -> None:
    slots = {key_slot(key) for key in keys}
    if len(slots) > 1:
        audit.violations.append(
            f"{what or _show(ran)} names keys in {len(slots)} slots: {sorted(set(keys))!r}"
        )


def _show(ran: Ran) -> str:
    return " ".join(arg.decode(errors="replace") for arg in ran.args[:2])


async def _keys_of(client: Redis, commands: list[tuple[bytes, ...]]) -> list[list[bytes]]:
    """Each command's keys, as Redis's own key specifications say (none for a command
    that takes none, or one COMMAND GETKEYS cannot read)."""
    answers: dict[tuple[bytes, ...], list[bytes]] = {}
    unique = [c for c in dict.fromkeys(commands) if c[0].upper() not in _SCRIPT_CALLS]
    for start in range(0, len(unique), 500):
        batch = unique[start : start + 500]
        async with client.pipeline(transaction=False) as pipe:
            for command in batch:
                pipe.execute_command("COMMAND", "GETKEYS", *command)
            replies = await pipe.execute(raise_on_error=False)
        for command, reply in zip(batch, replies, strict=True):
            answers[command] = list(reply) if isinstance(reply, list) else []
    return [answers.get(command, []) for command in commands]
