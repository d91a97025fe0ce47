"""``wsm staff``: the console's accounts from the command line, as an operator runs it."""

from __future__ import annotations

import os
import subprocess
import sys

from redis.asyncio import Redis

from events import Keyspace
from services.console.staff import StaffDirectory
from services.runtime.embedded_redis import RedisServer
from tests.support.cli import one_clear_line, wsm


def env_of(redis_server: RedisServer) -> dict[str, str]:
    return {**os.environ, "REDIS_URL": redis_server.url}


def staff(
    redis_server: RedisServer, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", "staff", *args],
                          env=env_of(redis_server), input=stdin, capture_output=True,
                          text=True, timeout=60)  # fmt: skip


async def test_a_member_of_staff_is_added_with_the_password_read_from_stdin(
    redis_server: RedisServer, redis: Redis
) -> None:
    added = staff(redis_server, "add", "julia", "--role", "receptionist",
                  stdin="uma senha bem longa\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert added.stdout == "added julia (receptionist)\n"
    listed = staff(redis_server, "list")
    assert listed.stdout == "julia\treceptionist\n"


async def test_a_generated_password_is_printed_once(
    redis_server: RedisServer, redis: Redis
) -> None:
    added = staff(redis_server, "add", "root", "--role", "admin", "--generate")
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added root (admin)\npassword: ")
    assert staff(redis_server, "list").stdout == "root\tadmin\n"


async def test_a_short_password_is_refused_in_one_line_and_nothing_is_added(
    redis_server: RedisServer, redis: Redis
) -> None:
    added = staff(redis_server, "add", "julia", "--role", "dpo", stdin="curta\n")
    assert added.returncode == 2
    assert one_clear_line(added) == "wsm staff: a password has 12 to 256 characters"
    assert staff(redis_server, "list").stdout == ""


async def test_a_taken_name_is_refused(redis_server: RedisServer, redis: Redis) -> None:
    staff(redis_server, "add", "julia", "--role", "dpo", "--generate")
    again = staff(redis_server, "add", "julia", "--role", "admin", "--generate")
    assert again.returncode == 2
    assert "already" in one_clear_line(again)
    assert staff(redis_server, "list").stdout == "julia\tdpo\n"


async def test_a_member_of_staff_is_removed(redis_server: RedisServer, redis: Redis) -> None:
    staff(redis_server, "add", "julia", "--role", "dpo", "--generate")
    removed = staff(redis_server, "remove", "julia")
    assert removed.stdout == "removed julia\n"
    assert staff(redis_server, "list").stdout == ""
    assert staff(redis_server, "remove", "julia").returncode == 1


def test_a_role_that_is_none_is_bad_input(redis_server: RedisServer) -> None:
    result = wsm("staff", "add", "julia", "--role", "doctor", env=env_of(redis_server))
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


async def test_a_password_is_reset_from_the_command_line(
    redis_server: RedisServer, redis: Redis
) -> None:
    staff(redis_server, "add", "julia", "--role", "dpo", stdin="uma senha bem longa\n")
    reset = staff(redis_server, "reset", "julia", stdin="outra senha bem longa\n")
    assert reset.returncode == 0, reset.stderr
    assert reset.stdout == "new password for julia; their open sessions have ended\n"
    directory = StaffDirectory(redis, Keyspace(prefix="wsm"))
    assert await directory.verify("julia", "outra senha bem longa") is not None
    assert await directory.verify("julia", "uma senha bem longa") is None


async def test_resetting_the_password_of_no_account_fails(
    redis_server: RedisServer, redis: Redis
) -> None:
    reset = staff(redis_server, "reset", "nobody", "--generate")
    assert reset.returncode == 1
    assert "no member of staff called nobody" in one_clear_line(reset)
