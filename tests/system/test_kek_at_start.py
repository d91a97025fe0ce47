"""The key-encryption key missing or wrong is one clear line at start, and nothing runs."""

from __future__ import annotations

import asyncio
import os
import subprocess
from pathlib import Path

import pytest
import redis as sync_redis
from redis.asyncio import Redis

from events import EventLog, Keyspace
from events.key_wrapping import KeyEncryptionKey, KeyRing, new_kek_text
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support import cli
from tests.support.cli import one_clear_line
from tests.support.factories import message


def wsm(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return cli.wsm(*args, env=env, timeout=20)


@pytest.fixture
def env(redis_server: RedisServer) -> dict[str, str]:
    sync_redis.Redis.from_url(redis_server.url).flushdb()
    secret = "kek-at-start-test-chat-key-secret-0123456789"
    hmac_key = "kek-at-start-test-webhook-hmac-key-0123456789"
    return {
        **os.environ,
        "REDIS_URL": redis_server.url,
        "PARTITIONS": "4",
        "CHAT_KEY_SECRET": secret,
        "WEBHOOK_HMAC_KEY": hmac_key,
    }


def test_without_a_kek_a_service_does_not_start(env: dict[str, str]) -> None:
    del env["SUBJECT_KEY_KEK_FILE"]
    result = wsm("projector", "--name", "p1", env=env)
    assert result.returncode == 2
    assert "SUBJECT_KEY_KEK_FILE must be set" in one_clear_line(result)


def test_a_kek_file_that_is_not_there_is_named(env: dict[str, str], tmp_path: Path) -> None:
    result = wsm("events", env={**env, "SUBJECT_KEY_KEK_FILE": str(tmp_path / "gone")})
    assert result.returncode == 2
    assert "SUBJECT_KEY_KEK_FILE: cannot read" in one_clear_line(result)


def test_a_kek_that_does_not_open_the_stored_keys_stops_a_service(
    env: dict[str, str], redis_server: RedisServer, tmp_path: Path
) -> None:
    right = tmp_path / "right"
    right.write_text(new_kek_text())

    async def write_a_wrapped_key() -> None:
        async with Redis.from_url(redis_server.url) as redis:
            keys = KeyRing(KeyEncryptionKey.from_file(right))
            log = EventLog(redis, Keyspace(partitions=4), keys=keys)
            await log.ensure_layout()
            await log.append(message("c1", "oi"))

    asyncio.run(write_a_wrapped_key())
    wrong = tmp_path / "wrong"
    wrong.write_text(new_kek_text())
    for service in (["ingest", "--port", str(free_port())], ["projector"], ["conductor"]):
        result = wsm(
            "--log-level", "WARNING", *service, env={**env, "SUBJECT_KEY_KEK_FILE": str(wrong)}
        )
        assert result.returncode == 2, service
        assert "SUBJECT_KEY_KEK_FILE does not open the subject keys" in one_clear_line(result)
