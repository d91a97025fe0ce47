"""``wsm eval``: the offline brain measured on a labelled corpus of patient messages —
accuracy per intent, slot accuracy and wrong bookings, the held-out share apart."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from services.conductor.evaluation import (
    Corpus,
    CorpusError,
    Evaluation,
    Reading,
    Share,
    evaluate,
    read_corpus,
)

DEFAULT_CORPUS = Path("tests/corpus")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
        help=f"a .jsonl file or a folder of them (default: {DEFAULT_CORPUS})",
    )  # fmt: skip
    parser.add_argument("--misses", action="store_true", help="list every message misread")


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f} %)" if total else "0/0"


def _share_lines(title: str, share: Share) -> list[str]:
    lines = [f"{title}: {len(share.readings)} messages"]
    lines += [f"  {label:<12} {_percent(*counts)}" for label, counts in share.per_label.items()]
    lines.append(f"  {'labels':<12} {_percent(*share.label_accuracy)}")
    lines.append(f"  {'slots':<12} {_percent(*share.slot_accuracy)}")
    lines.append(f"  {'wrong bookings':<12} {len(share.wrong_bookings)}")
    return lines


def _miss(reading: Reading) -> str:
    why = []
    if not reading.label_right:
        why.append(f"not read as {reading.example.label}")
    if reading.slot_right is False:
        why.append("time misread")
    if reading.wrong_booking:
        why.append(f"WRONG BOOKING at {reading.proposed:%Y-%m-%d %H:%M}")
    return f"  {reading.example.text!r}: {'; '.join(why)}"


def report(evaluation: Evaluation, misses: bool) -> list[str]:
    """The lines ``wsm eval`` prints."""
    lines = _share_lines("tuned share", evaluation.tuned)
    lines += _share_lines("held-out share", evaluation.held_out)
    lines.append(f"wrong bookings: {evaluation.wrong_bookings}")
    if misses:
        for title, share in (("tuned", evaluation.tuned), ("held out", evaluation.held_out)):
            missed = [r for r in share.readings if not r.label_right or r.slot_right is False
                      or r.wrong_booking]  # fmt: skip
            lines.append(f"misread ({title}): {len(missed)}")
            lines += [_miss(r) for r in missed]
    return lines


def load(path: Path) -> list[Corpus]:
    """The corpora at ``path``: one file, or every .jsonl file of a folder."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    if not files:
        raise CorpusError(f"{path}: no .jsonl corpus file there")
    corpora = []
    for file in files:
        try:
            content = file.read_bytes()
        except OSError as exc:
            raise CorpusError(f"{file}: cannot be read ({exc.strerror})") from None
        corpora.append(read_corpus(content, str(file)))
    return corpora


def run(args: argparse.Namespace, env: Mapping[str, str], out: TextIO | None = None) -> int:
    try:
        evaluation = evaluate(load(args.corpus))
    except CorpusError as exc:
        print(f"wsm eval: {exc}", file=sys.stderr)
        return 2
    print("\n".join(report(evaluation, args.misses)), file=out or sys.stdout)
    return 0 if evaluation.wrong_bookings == 0 else 1
