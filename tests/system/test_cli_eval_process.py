"""``wsm eval`` run as an operator runs it: its own process, the real entry point."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CORPUS = Path(__file__).parents[1] / "corpus"


def wsm_eval(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "services.cli", "eval", *args],
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def test_wsm_eval_prints_the_report_of_the_corpus() -> None:
    result = wsm_eval(str(CORPUS))
    assert result.stdout.startswith("tuned share: ")
    assert "\nheld-out share: " in result.stdout
    assert "Traceback" not in result.stderr


def test_wsm_eval_on_an_unreadable_corpus_answers_in_one_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"reference": "2026-11-24T09:00:00"}\n{"text": "oi", "label": "x"}\n')
    result = wsm_eval(str(broken))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == f"wsm eval: {broken}:2: unknown label 'x'\n"
