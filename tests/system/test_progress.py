"""Long operator work shows how far it is: a bar on a terminal, a line now and then
elsewhere, and its final figures as before."""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import io
import os
import pty
import struct
import subprocess
import sys
import termios
import threading
import time

import redis as sync_redis
from redis.asyncio import Redis

from events import EventLog, Keyspace
from services.runtime.embedded_redis import RedisServer
from services.runtime.progress import Progress
from tests.support.factories import message


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_elsewhere_than_a_terminal_a_summary_line_comes_now_and_then() -> None:
    out = io.StringIO()
    progress = Progress("replay", 2000, out, every_s=0.05)
    progress.reached(500)  # too soon for a line
    time.sleep(0.06)
    progress.reached(1000)
    progress.close()
    [line] = out.getvalue().splitlines()
    assert line.startswith("replay: 1,000 of 2,000 entries (50%), ")
    assert line.endswith("/s")


def test_without_a_total_the_summary_counts_what_is_done() -> None:
    progress = Progress("archive", None, io.StringIO())
    progress.reached(1234)
    assert progress.summary(time.monotonic()).startswith("archive: 1,234 entries, ")


def test_on_a_terminal_a_bar_is_drawn_instead_of_lines() -> None:
    out = Terminal()
    progress = Progress("replay", 2000, out, every_s=0)
    progress.reached(1000)
    progress.close()
    assert "replay" in out.getvalue() and "\r" in out.getvalue()


def test_a_replay_in_a_terminal_shows_its_progress_and_prints_its_figures(
    redis_server: RedisServer,
) -> None:
    sync_redis.Redis.from_url(redis_server.url).flushdb()

    async def patients_wrote() -> None:
        async with Redis.from_url(redis_server.url) as redis:
            log = EventLog(redis, Keyspace(prefix="wsm", partitions=16))
            for i in range(3000):
                await log.append(message(chat=f"chat-{i % 7}", text=str(i), message_id=f"m{i}"))

    asyncio.run(patients_wrote())
    env = {**os.environ, "REDIS_URL": redis_server.url, "PARTITIONS": "16"}
    controller, terminal = pty.openpty()
    # As a terminal window has, and a bare pseudo-terminal has not.
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    shown = bytearray()

    def read_the_terminal() -> None:
        with contextlib.suppress(OSError):  # EIO once the other side is closed
            while chunk := os.read(controller, 65536):
                shown.extend(chunk)

    reader = threading.Thread(target=read_the_terminal)
    reader.start()
    try:
        result = subprocess.run(
            [sys.executable, "-m", "services.cli", "replay", "--grace", "0"],
            env=env, stdout=subprocess.PIPE, stderr=terminal, text=True, timeout=60,
        )  # fmt: skip
    finally:
        os.close(terminal)
        reader.join(timeout=10)
        os.close(controller)
    assert result.returncode == 0
    assert "entries read" in result.stdout
    assert b"replay" in shown and b"entries" in shown
