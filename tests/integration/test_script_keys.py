"""Every script is given every key it touches, all in one slot, and every multi-key
command stays in one slot: what Redis Cluster requires, checked on the product's own
flows (tests/support/command_audit.py); the scripts' text: tests/unit/test_script_text.py."""

from __future__ import annotations

import argparse
import io
from pathlib import Path

import pytest
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.command_keys import key_positions
from services.cli.lgpd import erase
from services.conductor.pacer import Pacer
from services.conductor.pacing import PacingRules
from services.ingest.settings import IngestSettings
from services.runtime.embedded_redis import RedisServer
from tests.support.cli import operator_env
from tests.support.command_audit import monitoring
from tests.support.projecting import caught_up, projecting, rebuilt_equals_live
from tests.support.whole_stack import Phone, Stack

# MONITOR on the test's redis-server sees every command, the scripts' own among them.
pytestmark = pytest.mark.single_redis("reads MONITOR of the test's redis-server")

COMMANDS = [
    ("SET", "k", "v", "PX", "10"), ("HSET", "k", "f", "v"), ("HDEL", "k", "f", "g"),
    ("ZADD", "k", "1", "m"), ("ZREM", "k", "m"), ("RPUSH", "k", "a", "b"),
    ("XADD", "k", "*", "f", "v"), ("DEL", "a", "b", "c"), ("MSET", "a", "1", "b", "2"),
    ("SADD", "k", "m"), ("PEXPIRE", "k", "10"), ("INCR", "k"),
]  # fmt: skip


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
async def test_the_effects_keys_are_those_redis_names(redis: Redis, command: tuple[str]) -> None:
    said = await redis.command_getkeys(*command)
    assert [command[p] for p in key_positions(command)] == said


async def test_a_script_touching_a_key_it_was_not_given_is_caught(
    redis: Redis, redis_server: RedisServer
) -> None:
    async with monitoring("127.0.0.1", redis_server.port) as audit:
        await redis.eval("redis.call('SET', 'wsm:{p1}:' .. ARGV[1], 1)", 1, "wsm:{p1}:a", "b")
    assert len(audit.violations) == 1
    assert "touched keys it was not given" in audit.violations[0]


async def test_a_script_given_keys_in_two_slots_is_caught(
    redis: Redis, redis_server: RedisServer
) -> None:
    async with monitoring("127.0.0.1", redis_server.port) as audit:
        await redis.eval("return 1", 2, "wsm:{p1}:a", "wsm:{p2}:a")
    assert len(audit.violations) == 1
    assert "2 slots" in audit.violations[0]


async def _the_products_flows(
    stack: Stack, redis: Redis, keyspace: Keyspace, ingest_settings: IngestSettings
) -> None:
    """Consent, a name, a booking and its cancellation, read models, a paced send, an
    erasure and a rebuild of the read models: every script the product has."""
    http, sim_url, _ = stack
    async with projecting(redis, keyspace):
        phone = Phone(http, sim_url, "5511977770077")
        for text in ("oi", "sim", "Ana Lima", "marcar amanhã às 15h", "sim",
                     "quero cancelar", "sim", "marcar amanhã às 16h", "sim"):  # fmt: skip
            await phone.say(text)
        await caught_up(redis, keyspace, "conductor", "outbox")
        await Pacer(redis, keyspace, PacingRules()).book("default", "chat", "r1", 1000)
        env = operator_env(ingest_settings.store.redis_url, USER="dpo")
        args = argparse.Namespace(action="erase", subject="5511977770077@c.us",
                                  session="default", requested_by=None)  # fmt: skip
        assert await erase(args, env, io.StringIO()) == 0
        await caught_up(redis, keyspace, "conductor", "outbox")
        # A rebuild writes the read models its own way (pipelines of MSET, DEL, RPUSH).
        await rebuilt_equals_live(redis, EventLog(redis, keyspace))


@pytest.mark.timeout(120)
async def test_the_products_flows_keep_every_command_in_one_slot(
    stack: Stack,
    redis: Redis,
    redis_server: RedisServer,
    keyspace: Keyspace,
    ingest_settings: IngestSettings,
    tmp_path: Path,
) -> None:
    async with monitoring("127.0.0.1", redis_server.port) as audit:
        await _the_products_flows(stack, redis, keyspace, ingest_settings)
    assert audit.script_calls > 50  # the flows ran their scripts
    ran = {r.args[0].decode().upper() for r in audit.ran}
    assert {"EVALSHA", "XADD", "XREADGROUP"} <= ran
    assert audit.violations == []
