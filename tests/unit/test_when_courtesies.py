"""Greetings, thanks and pleasantries around a time never change the time read from it:
every exact time of the corpus, dressed as patients dress them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from services.cli.eval import load
from services.conductor.portuguese.when import parse_when

CORPUS = Path(__file__).parents[1] / "corpus" / "times.jsonl"
DRESSED: list[Callable[[str], str]] = [
    lambda text: f"bom dia, {text}",
    lambda text: f"boa tarde! {text}",
    lambda text: f"boa noite {text}",
    lambda text: f"Olá, tudo bem? {text}",
    lambda text: f"{text} obrigado 🙏",
    lambda text: f"{text} se tiver vaga",
    lambda text: text.upper(),
    lambda text: f"oii {text} pode ser?",
]


def exact_times() -> list[tuple[str, datetime]]:
    corpus = load(CORPUS)[0]
    return [
        (e.text, start)
        for e in corpus.examples
        if e.slot is not None and (start := e.slot.start()) is not None
    ]


@pytest.mark.parametrize("dress", DRESSED)
def test_a_time_dressed_in_courtesies_is_read_as_meant_or_asked_about(
    dress: Callable[[str], str],
) -> None:
    today = load(CORPUS)[0].reference.date()
    proposed = {}
    for text, meant in exact_times():
        when = parse_when(dress(text), today)
        start = when.start() if when is not None else None
        if start is not None and start != meant:
            proposed[dress(text)] = start
    assert proposed == {}
