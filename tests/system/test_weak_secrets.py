"""A process refuses to start on a weak secret: one line naming the variable, never its
value, and exit 2 — whichever process reads it."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys

import pytest

from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET
from services.runtime.ports import free_port

# The values .env.example ships, a short one, and a long one typed rather than generated.
WEAK = ("change-me", "change-me-too", "Zq7", "0123456789abcdef", "Zq" * 40)


def strong_env() -> dict[str, str]:
    """Every secret strong, Redis nowhere: a process that wrongly starts waits for it."""
    return {
        **os.environ,
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",
        "WEBHOOK_HMAC_KEY": secrets.token_hex(32),
        "CHAT_KEY_SECRET": secrets.token_hex(32),
        "ADMIN_API_TOKEN": secrets.token_hex(32),
        "WAHA_API_KEY": secrets.token_hex(32),
        "PARTITIONS": "4",
    }


def start(command: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    arguments = {
        "ingest": ["ingest", "--port", str(free_port())],
        "projector": ["projector", "--admin-port", str(free_port()),
                      "--metrics-port", str(free_port())],
        "conductor": ["conductor", "--metrics-port", str(free_port())],
        "events": ["events"],
        "handoff": ["handoff", "release", "5511988887777@c.us"],
    }[command]  # fmt: skip
    return subprocess.run([sys.executable, "-m", "services.cli", *arguments], env=env,
                          capture_output=True, text=True, timeout=30)  # fmt: skip


def assert_refused(result: subprocess.CompletedProcess[str], variable: str, value: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 2, result.stderr
    assert len(lines) == 1, result.stderr
    assert variable in lines[0]
    assert value not in result.stderr + result.stdout


READERS = [
    ("ingest", "WEBHOOK_HMAC_KEY"),
    ("ingest", "WEBHOOK_HMAC_PREVIOUS_KEYS"),
    ("ingest", "CHAT_KEY_SECRET"),
    ("projector", "CHAT_KEY_SECRET"),
    ("handoff", "CHAT_KEY_SECRET"),
    ("projector", "ADMIN_API_TOKEN"),
    ("conductor", "WAHA_API_KEY"),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("command", "variable"), READERS, ids=lambda v: str(v))
def test_each_process_refuses_every_weak_value_of_a_secret_it_reads(
    command: str, variable: str
) -> None:
    for value in WEAK:
        result = start(command, {**strong_env(), variable: value})
        assert_refused(result, variable, value)


@pytest.mark.parametrize("command", ["ingest", "projector", "conductor", "events"])
def test_each_process_refuses_a_weak_redis_password(command: str) -> None:
    env = strong_env()
    weak = "change-me-redis"
    env["REDIS_URL"] = f"redis://{command}:{weak}@127.0.0.1:{free_port()}/0"
    assert_refused(start(command, env), "REDIS_URL", weak)


@pytest.mark.parametrize("command", ["ingest", "projector"])
def test_the_development_chat_key_secret_is_refused_outside_development_mode(
    command: str,
) -> None:
    result = start(command, {**strong_env(), "CHAT_KEY_SECRET": DEVELOPMENT_CHAT_KEY_SECRET})
    assert_refused(result, "CHAT_KEY_SECRET", DEVELOPMENT_CHAT_KEY_SECRET)


@pytest.mark.parametrize("command", ["ingest", "projector"])
def test_an_unset_chat_key_secret_is_refused_outside_development_mode(command: str) -> None:
    env = strong_env()
    del env["CHAT_KEY_SECRET"]
    result = start(command, env)
    assert_refused(result, "CHAT_KEY_SECRET", DEVELOPMENT_CHAT_KEY_SECRET)
    assert "DEVELOPMENT_MODE" in result.stderr
