"""scripts/audit, as CI runs it, on a machine from which no vulnerability source answers."""

from __future__ import annotations

import os
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def unreachable_proxy() -> Iterator[str]:
    """A proxy address on this machine where nothing listens: a socket bound there but not
    listening refuses every connection, and keeps the port from anyone else meanwhile."""
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{held.getsockname()[1]}"


@pytest.mark.timeout(300)  # bootstrap first, then two pip-audit runs
def test_with_no_source_reachable_the_audit_says_nothing_was_checked(
    unreachable_proxy: str, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if k.lower() != "no_proxy"}
    env.pop("VIRTUAL_ENV", None)
    env |= {"HTTPS_PROXY": unreachable_proxy, "HTTP_PROXY": unreachable_proxy}
    # pip-audit keeps answers in pip's cache: an empty one, so that none stands in for a source.
    env["PIP_CACHE_DIR"] = str(tmp_path / "cache")
    result = subprocess.run([str(ROOT / "scripts" / "audit")], env=env, capture_output=True,
                            text=True, timeout=280)  # fmt: skip
    said = " ".join((result.stdout + result.stderr).split())
    assert result.returncode == 0, said
    assert "PyPI (the package registry's JSON API): could not be reached" in said
    assert "OSV (the Open Source Vulnerabilities database): could not be reached" in said
    assert "NOTHING WAS AUDITED" in said
    assert "No known vulnerabilities found" not in said
    assert "Traceback" not in said
