"""Running ``wsm`` as an operator does: a process of its own, its exit and its words, and
the environment its commands read."""

from __future__ import annotations

import subprocess
import sys

from tests.support.kek import kek_env


def wsm(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``wsm ARGS`` in a process of its own, its output captured as text."""
    return subprocess.run([sys.executable, "-m", "services.cli", *args],
                          env=env, capture_output=True, text=True, timeout=timeout)  # fmt: skip


def operator_env(redis_url: str, **more: str) -> dict[str, str]:
    """The environment of an operator's ``wsm`` command in development against the test's
    Redis (4 partitions, the test key-encryption key), with ``more``."""
    return {"REDIS_URL": redis_url, "PARTITIONS": "4", "DEVELOPMENT_MODE": "true",
            **kek_env(), **more}  # fmt: skip


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a failing command said, with no traceback."""
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]
