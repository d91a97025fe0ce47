"""Every wsm failure is one clear line and an exit code: 2 for bad input, 1 for a failure
of the world; the traceback only on request."""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import subprocess
import sys
from collections.abc import Iterator

import pytest
import redis as sync_redis
from redis.asyncio import Redis as AsyncRedis

from events import EventLog, Keyspace
from services.cli import COMMANDS, build_parser
from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support.cli import one_clear_line, wsm
from tests.support.factories import message

PASSWORD = "s3cret-in-the-url"


@pytest.fixture
def env(redis_server: RedisServer) -> dict[str, str]:
    sync_redis.Redis.from_url(redis_server.url).flushdb()
    return {**os.environ, "REDIS_URL": redis_server.url, "CHAT_KEY_SECRET": secrets.token_hex(32),
            "WEBHOOK_HMAC_KEY": secrets.token_hex(32), "PARTITIONS": "16"}  # fmt: skip


@pytest.fixture
def nothing_listening() -> str:
    return f"redis://127.0.0.1:{free_port()}/0"


def test_redis_down_is_a_failure_of_the_world(env: dict[str, str], nothing_listening: str) -> None:
    result = wsm("events", env={**env, "REDIS_URL": nothing_listening})
    assert result.returncode == 1
    assert "Redis cannot be reached" in one_clear_line(result)


def test_a_url_that_is_not_a_redis_one_is_bad_input_and_not_echoed(env: dict[str, str]) -> None:
    result = wsm("events", env={**env, "REDIS_URL": f"http://user:{PASSWORD}@localhost/0"})
    assert result.returncode == 2
    line = one_clear_line(result)
    assert "REDIS_URL" in line
    assert PASSWORD not in line


def test_an_unknown_log_level_is_bad_input(env: dict[str, str]) -> None:
    result = wsm("events", env={**env, "LOG_LEVEL": "verbose"})
    assert result.returncode == 2
    assert "LOG_LEVEL" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_log_level_in_lower_case_is_taken(env: dict[str, str]) -> None:
    assert wsm("events", env={**env, "LOG_LEVEL": "warning"}).returncode == 0


@pytest.mark.parametrize(
    "command",
    [("deadletters", "list"), ("events",), ("audit", "5511988887777@c.us"),
     ("consent", "history", "5511988887777@c.us")],
)  # fmt: skip
def test_a_partition_count_the_log_does_not_have_is_bad_input(
    env: dict[str, str], command: tuple[str, ...]
) -> None:
    assert wsm("deadletters", "list", env=env).returncode == 0  # the log now has 16
    result = wsm(*command, env={**env, "PARTITIONS": "8"})
    assert result.returncode == 2
    assert "PARTITIONS=16" in one_clear_line(result)


def test_a_reader_of_an_empty_redis_records_no_layout(env: dict[str, str]) -> None:
    assert wsm("events", env=env).returncode == 0
    assert not sync_redis.Redis.from_url(env["REDIS_URL"]).exists("wsm:layout")


@pytest.mark.parametrize("grace", ["-1", "nan", "inf", "soon"])
def test_a_grace_that_is_no_duration_is_bad_input(env: dict[str, str], grace: str) -> None:
    result = wsm("replay", "--grace", grace, env=env)
    assert result.returncode == 2
    assert "--grace" in result.stderr and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(env: dict[str, str], nothing_listening: str) -> None:
    result = wsm("--debug", "events", env={**env, "REDIS_URL": nothing_listening})
    assert result.returncode == 1
    assert "Traceback" in result.stderr


def test_a_gateway_port_already_taken_is_one_line(env: dict[str, str], taken_port: int) -> None:
    result = wsm("ingest", "--port", str(taken_port), env=env)
    assert result.returncode == 1
    assert "already in use" in one_clear_line(result)


def test_output_piped_into_a_reader_that_leaves_early_is_no_error(env: dict[str, str]) -> None:
    async def patients_wrote() -> None:
        async with AsyncRedis.from_url(env["REDIS_URL"]) as redis:
            log = EventLog(redis, Keyspace(prefix="wsm", partitions=16))
            for i in range(3000):  # far more output than a pipe holds
                await log.append(message(chat=f"chat-{i}", text="oi", message_id=f"m{i}"))

    asyncio.run(patients_wrote())
    listing = subprocess.Popen(
        [sys.executable, "-m", "services.cli", "events"], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert listing.stdout is not None and listing.stderr is not None
    listing.stdout.readline()
    listing.stdout.close()  # as `head -1` does
    errors = listing.stderr.read().decode()
    assert listing.wait(timeout=30) == 141  # as a writer stopped by SIGPIPE
    assert "Traceback" not in errors
    assert "BrokenPipe" not in errors


def options_without_help(parser: argparse.ArgumentParser) -> Iterator[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from options_without_help(sub)
        elif action.dest != "help" and not action.help:
            yield f"{parser.prog} {'/'.join(action.option_strings) or action.dest}"


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_option_of_every_command_says_what_it_is_for(command: str) -> None:
    assert list(options_without_help(build_parser(command))) == []


def test_help_imports_no_command() -> None:
    probe = (
        "import sys, contextlib\n"
        "from services import cli\n"
        "with contextlib.suppress(SystemExit):\n"
        "    cli.main(['--help'])\n"
        "heavy = ('redis', 'aiohttp', 'services.conductor.main')\n"
        "print([m for m in heavy if m in sys.modules])\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=30)  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "[]"
