"""Running ``wsm`` as an operator does: a process of its own, its exit and its words."""

from __future__ import annotations

import subprocess
import sys


def wsm(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``wsm ARGS`` in a process of its own, its output captured as text."""
    return subprocess.run([sys.executable, "-m", "services.cli", *args],
                          env=env, capture_output=True, text=True, timeout=timeout)  # fmt: skip


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    """The one line a failing command said, with no traceback."""
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]
