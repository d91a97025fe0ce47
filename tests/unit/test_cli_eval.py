"""``wsm eval`` as an operator runs it."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.cli import build_parser

CORPUS = Path(__file__).parents[1] / "corpus"


def wsm_eval(*argv: str) -> int:
    """``wsm eval`` with these arguments, its exit code (logging left as the tests have it)."""
    args = build_parser("eval").parse_args(["eval", *argv])
    status: int = args.run(args, {})
    return status


def test_wsm_eval_prints_the_figures_of_a_corpus_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Two of the corpus's files: the whole corpus is measured by test_evaluation.
    for name in ("blind1_names.jsonl", "blind1_answers.jsonl"):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    wsm_eval(str(tmp_path))
    out = capsys.readouterr().out
    assert out.startswith("tuned share: ")
    assert "held-out share: " in out
    assert "\nwrong bookings: " in out


def test_wsm_eval_lists_the_misses_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "one.jsonl"
    corpus.write_text('{"reference": "2026-11-24T09:00:00"}\n{"text": "oi", "label": "cancel"}\n')
    assert wsm_eval(str(corpus), "--misses") == 0
    assert "  'oi': not read as cancel" in capsys.readouterr().out


def test_wsm_eval_exits_0_on_a_corpus_without_wrong_booking(tmp_path: Path) -> None:
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(
        '{"reference": "2026-11-24T09:00:00"}\n'
        '{"text": "amanha as 15h", "label": "schedule",'
        ' "slot": {"day": "2026-11-25", "at": "15:00:00"}}\n'
    )
    assert wsm_eval(str(corpus)) == 0


def test_wsm_eval_exits_1_on_a_wrong_booking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(
        '{"reference": "2026-11-24T09:00:00"}\n{"text": "amanha as 15h", "label": "schedule"}\n'
    )
    assert wsm_eval(str(corpus)) == 1
    assert capsys.readouterr().out.rstrip().endswith("wrong bookings: 1")


def test_wsm_eval_on_a_missing_corpus_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wsm_eval(str(tmp_path / "none.jsonl")) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("wsm eval: ") and "cannot be read" in err
