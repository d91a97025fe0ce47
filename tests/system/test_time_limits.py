"""No test can hang the suite: past its limit it fails, showing where it hung."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

HANGING = """
import asyncio

async def wait_for_a_reply_that_never_comes():
    await asyncio.Event().wait()

async def test_that_hangs():
    await wait_for_a_reply_that_never_comes()
"""


Run = tuple[subprocess.CompletedProcess[str], float]


def run_suite(tmp_path: Path, source: str, *options: str) -> Run:
    test_file = tmp_path / "test_hanging.py"
    test_file.write_text(source)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"),
         "--rootdir", str(ROOT), "-p", "no:cacheprovider", *options, str(test_file)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    return result, time.monotonic() - started


def test_a_hanging_test_ends_the_run_within_its_limit(tmp_path: Path) -> None:
    result, took = run_suite(tmp_path, HANGING, "-o", "timeout=2")
    assert result.returncode == 1
    assert "Timeout" in result.stdout + result.stderr
    assert took < 30


def test_a_hanging_test_names_itself_and_the_await_it_hung_on(tmp_path: Path) -> None:
    result, _ = run_suite(tmp_path, HANGING, "-o", "timeout=2")
    report = result.stdout + result.stderr
    assert "test_that_hangs did not finish in 2 s" in report
    assert "wait_for_a_reply_that_never_comes" in report  # the hung task's own stack
    assert "Stack of MainThread" in report  # and every thread's


def test_a_longer_limit_can_be_given_to_one_test(tmp_path: Path) -> None:
    slow = "import time, pytest\n\n@pytest.mark.timeout(5)\ndef test_slow():\n    time.sleep(3)\n"
    result, _ = run_suite(tmp_path, slow, "-o", "timeout=1")
    assert result.returncode == 0, result.stdout + result.stderr
