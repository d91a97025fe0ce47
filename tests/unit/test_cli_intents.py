"""``wsm intents`` as an operator runs it: train, measure with a model, compare by set."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.cli import build_parser
from services.conductor.portuguese.intent_model import decode

REFERENCE = '{"reference": "2026-11-24T09:00:00"}\n'
# Words no rule names: the rules leave the message unknown.
UNNAMED = "esquece aquilo que eu falei la atras"


def wsm_intents(*argv: str) -> int:
    args = build_parser("intents").parse_args(["intents", *argv])
    status: int = args.run(args, {})
    return status


def write(folder: Path, name: str, *lines: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(REFERENCE + "".join(f"{line}\n" for line in lines))


def example(text: str, label: str) -> str:
    return f'{{"text": "{text}", "label": "{label}"}}'


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    write(folder, "intents.jsonl", *[example(UNNAMED, "human")] * 3,
          *(example(f"mensagem numero {n}", label) for n, label in enumerate(
              ("schedule", "consult", "cancel", "reschedule", "info", "lgpd", "revoke",
               "confirm", "help", "unknown"))))  # fmt: skip
    write(folder, "blind1_intents.jsonl", example(UNNAMED, "human"))
    return folder


def test_train_writes_the_model_of_the_corpus(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    assert wsm_intents("train", str(corpus), "--out", str(out)) == 0
    assert sum(decode(out.read_bytes()).messages) == 14


def test_train_leaves_out_the_files_named(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    assert wsm_intents("train", str(corpus), "--without", "blind1_", "--out", str(out)) == 0
    assert sum(decode(out.read_bytes()).messages) == 13


def test_eval_with_a_model_reads_what_the_rules_leave_unknown(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    model = tmp_path / "model.json"
    wsm_intents("train", str(corpus), "--without", "blind1_", "--out", str(model))
    capsys.readouterr()
    assert wsm_intents("eval", str(corpus / "blind1_intents.jsonl"), "--model", str(model)) == 0
    assert "  human        1/1 (100.0 %)" in capsys.readouterr().out


def test_eval_with_the_rules_only_consults_no_model(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wsm_intents("eval", str(corpus / "blind1_intents.jsonl"), "--rules-only") == 0
    assert "  human        0/1 (0.0 %)" in capsys.readouterr().out


def test_sets_compares_the_model_and_the_rules_on_each_blind_set_left_out(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wsm_intents("sets", str(corpus)) == 0
    assert capsys.readouterr().out.splitlines()[1].split() == [
        "blind1", "1/1", "(100.0", "%)", "0/1", "(0.0", "%)",
    ]  # fmt: skip


def test_a_folder_without_corpus_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert wsm_intents("train", str(tmp_path), "--out", str(tmp_path / "m.json")) == 2
    said = capsys.readouterr().err
    assert said == f"wsm intents train: {tmp_path}: no .jsonl corpus file there\n"
