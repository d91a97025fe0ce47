"""``wsm intents``: the intent model — trained from the labelled corpus into the file the
conductor ships, measured on a blind set it was not trained on, and compared with the
rules set by set (each blind set left out of training in turn)."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Mapping, Sequence
from importlib.resources import files
from pathlib import Path
from typing import TextIO

from services.cli.eval import DEFAULT_CORPUS, report
from services.conductor.evaluation import Corpus, CorpusError, evaluate, read_corpus
from services.conductor.portuguese import intent_model
from services.conductor.portuguese.intent_model import IntentModel, decode, encode
from services.conductor.portuguese.intent_model_training import learnt_from, train
from services.conductor.portuguese.intents import intent_of

SHIPPED = Path(str(files(intent_model.__package__) / intent_model.MODEL_FILE))
_BLIND_SET = re.compile(r"^(blind\d+)_")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    steps = parser.add_subparsers(dest="step", required=True, metavar="STEP")
    trains = steps.add_parser("train", help="train the model on a corpus and write it")
    trains.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                        help=f"a folder of .jsonl files (default: {DEFAULT_CORPUS})")  # fmt: skip
    trains.add_argument("--without", action="append", default=[], metavar="PREFIX",
                        help="leave out the files whose name starts so (e.g. blind5_)")  # fmt: skip
    trains.add_argument("--out", type=Path, default=SHIPPED,
                        help="the model file to write (default: the one shipped)")  # fmt: skip
    measures = steps.add_parser("eval", help="wsm eval with a given model, or the rules alone")
    measures.add_argument("corpus", type=Path, help="a .jsonl file or a folder of them")
    chosen = measures.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--model", type=Path, help="a model file written by train")
    chosen.add_argument("--rules-only", action="store_true", help="no model consulted")
    measures.add_argument("--misses", action="store_true", help="list every message misread")
    sets = steps.add_parser(
        "sets", help="each blind set left out of training: the model alone against the rules"
    )
    sets.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS,
                      help=f"a folder of .jsonl files (default: {DEFAULT_CORPUS})")  # fmt: skip


def _files(folder: Path, without: Sequence[str] = ()) -> list[Path]:
    # Only the folder's own files: a blind set being written in a subfolder is never read.
    found = sorted(folder.glob("*.jsonl"))
    if not found:
        raise CorpusError(f"{folder}: no .jsonl corpus file there")
    return [f for f in found if not f.name.startswith(tuple(without))]


def _read(paths: Sequence[Path]) -> list[Corpus]:
    corpora = []
    for path in paths:
        try:
            content = path.read_bytes()
        except OSError as exc:
            raise CorpusError(f"{path}: cannot be read ({exc.strerror})") from None
        corpora.append(read_corpus(content, str(path)))
    return corpora


def _train(args: argparse.Namespace, out: TextIO) -> int:
    model = train(_read(_files(args.corpus, args.without)))
    args.out.write_bytes(encode(model))
    learnt = sum(model.messages)
    print(f"{args.out}: {learnt} messages, {len(model.counts)} features", file=out)
    return 0


def _eval(args: argparse.Namespace, out: TextIO) -> int:
    model: IntentModel | None = None
    if args.model is not None:
        try:
            model = decode(args.model.read_bytes())
        except (OSError, ValueError) as exc:
            raise CorpusError(f"{args.model}: not a model file ({exc})") from None
    paths = _files(args.corpus) if args.corpus.is_dir() else [args.corpus]
    with intent_model.measuring(model):
        evaluation = evaluate(_read(paths))
    print("\n".join(report(evaluation, args.misses)), file=out)
    return 0 if evaluation.wrong_bookings == 0 else 1


def _sets(args: argparse.Namespace, out: TextIO) -> int:
    paths = _files(args.corpus)
    names = sorted({m[1] for p in paths if (m := _BLIND_SET.match(p.name))})
    print("left out    model alone          rules alone (today's)", file=out)
    for name in names:
        model = train(_read([p for p in paths if not p.name.startswith(f"{name}_")]))
        blind = _read([p for p in paths if p.name.startswith(f"{name}_")])
        examples = [e for corpus in blind for e in corpus.examples if learnt_from(e)]
        by_model = sum(model.guess(e.text)[0].value == e.label for e in examples)
        with intent_model.measuring(None):  # the rules alone, beside the model alone
            by_rules = sum(intent_of(e.text).value == e.label for e in examples)
        print(f"{name:<11} {_percent(by_model, len(examples)):<20} "
              f"{_percent(by_rules, len(examples))}", file=out)  # fmt: skip
    return 0


def _percent(right: int, total: int) -> str:
    return f"{right}/{total} ({100 * right / total:.1f} %)" if total else "0/0"


def run(args: argparse.Namespace, env: Mapping[str, str], out: TextIO | None = None) -> int:
    step = {"train": _train, "eval": _eval, "sets": _sets}[args.step]
    try:
        return step(args, out or sys.stdout)
    except CorpusError as exc:
        print(f"wsm intents {args.step}: {exc}", file=sys.stderr)
        return 2
