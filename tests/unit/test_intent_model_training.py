"""The intent model as trained: deterministic, from intents only, never from a held-out
message, and the shipped file exactly what the tuning corpus trains."""

from __future__ import annotations

from datetime import datetime
from importlib.resources import files
from pathlib import Path

from services.cli.eval import load
from services.conductor.evaluation import Corpus, Example
from services.conductor.portuguese.intent_model import MODEL_FILE, encode
from services.conductor.portuguese.intent_model_training import train

CORPUS = Path(__file__).parents[1] / "corpus"
SHIPPED = files("services.conductor.portuguese") / MODEL_FILE
REFERENCE = datetime(2026, 11, 24, 9)


def corpus(*examples: Example) -> Corpus:
    return Corpus(REFERENCE, examples)


def test_the_shipped_model_is_exactly_what_the_tuning_corpus_trains() -> None:
    assert encode(train(load(CORPUS))) == SHIPPED.read_bytes()


def test_the_shipped_model_is_compact() -> None:
    # It grows with the corpus, some 35 bytes a feature: 8,349 features for 10,692 messages.
    assert len(SHIPPED.read_bytes()) < 500_000


def test_training_does_not_depend_on_the_order_of_the_files() -> None:
    corpora = load(CORPUS)
    assert encode(train(corpora)) == encode(train(reversed(corpora)))


def test_a_held_out_message_is_never_learnt() -> None:
    seen = Example("quero falar com a zuleica", "human")
    held_out = Example("quero falar com a zuleica", "human", held_out=True)
    model = train([corpus(seen, seen, held_out)])
    assert sum(model.messages) == 2
    assert model.counts["w:zuleica"][model.intents.index("human")] == 2


def test_a_message_labelled_in_a_booking_under_way_is_not_learnt() -> None:
    bare = Example("amanha as 15h", "schedule", context="booking")
    model = train([corpus(bare, bare, Example("quero marcar", "schedule"))])
    assert sum(model.messages) == 1


def test_answers_and_names_are_not_learnt() -> None:
    model = train([corpus(
        Example("sim, podem usar a vontade", "consent_yes"),
        Example("pode confirmar", "confirm_yes"),
        Example("Carla dos Anjos Moreira aqui", "name", name="Carla dos Anjos Moreira"),
    )])  # fmt: skip
    assert sum(model.messages) == 0
    assert "unknown" in model.intents and "consent_yes" not in model.intents


def test_a_feature_of_a_single_message_is_dropped() -> None:
    model = train([corpus(Example("quero falar com a zuleica", "human"))])
    assert "w:zuleica" not in model.counts
