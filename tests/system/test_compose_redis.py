"""The compose Redis as ops/redis/start.sh starts it with the shipped redis.conf and
users: nobody in without a user, each service's user in with its password, the health
check's way in working, the passwords in no file and not in Redis's environment."""

from __future__ import annotations

import os
import secrets
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis as sync_redis

from services.runtime.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
USERS = ("ingest", "conductor", "projector", "console", "operator")


@dataclass(frozen=True)
class ComposeRedis:
    port: int
    passwords: dict[str, str]
    pid: int
    directory: Path


@pytest.fixture(scope="module")
def compose_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ComposeRedis]:
    directory = tmp_path_factory.mktemp("compose-redis")
    passwords = {user: secrets.token_hex(32) for user in USERS}
    env = {**os.environ, "REDIS_CONF_DIR": str(ROOT / "ops/redis"), "TMPDIR": str(directory),
           **{f"REDIS_{u.upper()}_PASSWORD": p for u, p in passwords.items()}}  # fmt: skip
    port = free_port()
    # Loopback and a free port here; compose's network and 6379 there.
    process = subprocess.Popen(
        ["sh", str(ROOT / "ops/redis/start.sh"), "--port", str(port), "--bind", "127.0.0.1",
         "--dir", str(directory), "--logfile", str(directory / "redis.log")],
        env=env, stdout=subprocess.DEVNULL)  # fmt: skip
    client = sync_redis.Redis(port=port, username="ingest", password=passwords["ingest"])
    try:
        deadline = time.monotonic() + 10
        while True:
            assert process.poll() is None, (directory / "redis.log").read_text()[-1000:]
            try:
                client.ping()
                break
            except sync_redis.ConnectionError:
                assert time.monotonic() < deadline, "the compose Redis did not answer"
                time.sleep(0.05)
        yield ComposeRedis(port, passwords, process.pid, directory)
    finally:
        client.close()
        process.terminate()
        process.wait(timeout=10)


def test_a_client_without_a_user_is_refused(compose_redis: ComposeRedis) -> None:
    with pytest.raises(sync_redis.AuthenticationError):
        sync_redis.Redis(port=compose_redis.port).get("wsm:layout")


def test_each_service_gets_in_as_its_own_user(compose_redis: ComposeRedis) -> None:
    for user, password in compose_redis.passwords.items():
        client = sync_redis.Redis(port=compose_redis.port, username=user, password=password)
        assert client.ping(), user


def test_the_health_check_of_compose_answers_as_the_gateways_user(
    compose_redis: ComposeRedis,
) -> None:
    env = {**os.environ, "REDISCLI_AUTH": compose_redis.passwords["ingest"]}
    command = ["redis-cli", "-p", str(compose_redis.port), "--user", "ingest", "ping"]
    answer = subprocess.run(command, env=env, capture_output=True, text=True, timeout=10)
    assert answer.stdout.strip() == "PONG"


def test_no_password_is_in_a_file_it_makes(compose_redis: ComposeRedis) -> None:
    files = [p.read_bytes() for p in compose_redis.directory.rglob("*") if p.is_file()]
    assert (compose_redis.directory / "users.acl").exists()
    for password in compose_redis.passwords.values():
        assert not [f for f in files if password.encode() in f]


def test_redis_is_started_without_the_passwords_in_its_environment(tmp_path: Path) -> None:
    # Redis overwrites its own environment block (for its process title), so what it was
    # given is seen by a redis-server that records it instead.
    recorder = tmp_path / "bin" / "redis-server"
    recorder.parent.mkdir()
    recorder.write_text('#!/bin/sh\nenv > "$TMPDIR/given-env"\n')
    recorder.chmod(0o700)
    passwords = {f"REDIS_{u.upper()}_PASSWORD": secrets.token_hex(32) for u in USERS}
    env = {**os.environ, **passwords, "REDIS_CONF_DIR": str(ROOT / "ops/redis"),
           "TMPDIR": str(tmp_path), "PATH": f"{recorder.parent}:{os.environ['PATH']}"}  # fmt: skip
    subprocess.run(["sh", str(ROOT / "ops/redis/start.sh")], env=env, check=True, timeout=10)
    given = (tmp_path / "given-env").read_text()
    assert [name for name, value in passwords.items() if value in given] == []
