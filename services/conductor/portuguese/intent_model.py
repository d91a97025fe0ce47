"""A second reading of what a message asks for, by a naive Bayes model trained on the
labelled corpus (``intent_model_training``), for the messages the rules cannot place.

The rules decide; the model is consulted only where they found nothing named (and no time
or option the agent under way reads), and its answer is used only when it is confident
(``THRESHOLD``, chosen on blind sets it was not trained on, see docs/corpus.md). It never
answers a consent, a confirmation or a name, never says a revocation or a confirmation
(those come from a clear yes or no read by rules, as LGPD wants), and never overrides
one the rules found: ``intent_of`` returns before it on those.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from importlib.resources import files

import msgspec

from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intent_model_features import features_of, words_of
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

SMOOTHING = 0.1
"""Added to every count (Lidstone): a feature never seen with an intent is unlikely, not
impossible."""
THRESHOLD = 0.99999
"""How sure the model must be for its intent to be used. Naive Bayes counts each feature
as if independent of the others, so its probabilities run close to 1: on blind sets 2 to 5,
each unseen by its model, 0.99 misread five "unknown" messages ("nao quero falar meu
nome", "pra que vc quer saber?"), 0.99999 one, keeping 16 of the 18 messages gained
(docs/corpus.md)."""
CONSULTED_ON = frozenset({Intent.UNKNOWN})
"""The rules' answers the model may replace: a message that asks for nothing named. Not
a greeting (HELP): on blind sets 2 to 5 that gained one message and lost another."""
NEVER_SAID = frozenset({Intent.REVOKE, Intent.CONFIRM, Intent.UNKNOWN})
"""Intents the model never gives: a revocation or a confirmation only from the rules'
clear reading; and its UNKNOWN leaves the rules' answer as it was."""

MIN_WORDS = 3
"""A word or two ("Pessoal", "esqueci", "tudo certo") say too little for a model of words
(an acknowledgement, mostly): the rules alone read them."""

MODEL_FILE = "intent_model.json"
# An option picked ("2", "opção 2"): the agent under way reads it, as it does a time.
_OPTION = re.compile(r"^(?:a |o )?(?:opcao |numero |n )?\d{1,2}(?:a|o)?$")
_ANY_DAY = date(2026, 1, 5)


class IntentModel(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Counts of a multinomial naive Bayes over binary features: per intent, how many
    training messages had it, and per feature kept, how many of each intent had it."""

    intents: tuple[str, ...]
    messages: tuple[int, ...]
    counts: dict[str, tuple[int, ...]]

    def guess(self, text: str) -> tuple[Intent, float]:
        """The likeliest intent of ``text`` and its probability under the model."""
        return _scorer(self).guess(text)


class _Scorer:
    """A model's counts turned once into log-probabilities, for sub-millisecond guesses."""

    def __init__(self, model: IntentModel) -> None:
        self.intents = tuple(Intent(i) for i in model.intents)
        total = sum(model.messages) + SMOOTHING * len(model.messages)
        self.prior = [math.log((n + SMOOTHING) / total) for n in model.messages]
        seen = [SMOOTHING * len(model.counts)] * len(model.intents)
        for counts in model.counts.values():
            seen = [s + n for s, n in zip(seen, counts, strict=True)]
        self.denominators = [math.log(s) for s in seen]
        self.weights = {
            feature: [math.log(n + SMOOTHING) - d for n, d in zip(counts, self.denominators,
                                                                  strict=True)]
            for feature, counts in model.counts.items()
        }  # fmt: skip

    def guess(self, text: str) -> tuple[Intent, float]:
        scores = list(self.prior)
        for feature in features_of(text):
            weights = self.weights.get(feature)
            if weights is not None:
                scores = [s + w for s, w in zip(scores, weights, strict=True)]
        best = max(range(len(scores)), key=scores.__getitem__)
        top = scores[best]
        spread = sum(math.exp(s - top) for s in scores)
        return self.intents[best], 1 / spread


_SCORERS: dict[int, _Scorer] = {}


def _scorer(model: IntentModel) -> _Scorer:
    key = id(model)
    if key not in _SCORERS:
        _SCORERS.clear()  # one model in use at a time: the shipped one, or one measured
        _SCORERS[key] = _Scorer(model)
    return _SCORERS[key]


def decode(content: bytes) -> IntentModel:
    """A model as written by ``encode``."""
    return msgspec.json.decode(content, type=IntentModel)


def encode(model: IntentModel) -> bytes:
    """A model as the data file holds it: compact JSON, byte for byte the same for the
    same counts."""
    return msgspec.json.encode(model) + b"\n"


@cache
def shipped() -> IntentModel:
    """The model shipped in this package, trained on the tuning corpus."""
    return decode((files(__package__) / MODEL_FILE).read_bytes())


_IN_USE: list[IntentModel | None] = []


@contextmanager
def measuring(model: IntentModel | None) -> Iterator[None]:
    """Within: ``model`` consulted instead of the shipped one (None: the rules alone), to
    measure a model trained without a blind set on that set."""
    before = list(_IN_USE)
    _IN_USE[:] = [model]
    try:
        yield
    finally:
        _IN_USE[:] = before


def in_use() -> IntentModel | None:
    """The model ``second_reading`` consults."""
    return _IN_USE[0] if _IN_USE else shipped()


def second_reading(text: str, ruled: Intent) -> Intent:
    """The rules' intent, or the model's where the rules found nothing named in a message
    of ``MIN_WORDS`` naming no time or option (the agent under way reads those), and the
    model is sure."""
    model = in_use()
    if model is None or ruled not in CONSULTED_ON or len(words_of(text)) < MIN_WORDS:
        return ruled
    intent, confidence = model.guess(text)
    if intent in NEVER_SAID or confidence < THRESHOLD or _follows_up(text):
        return ruled  # a time last: reading one takes longer than the guess
    return intent


def _follows_up(text: str) -> bool:
    return _OPTION.match(fold(text)) is not None or parse_when(text, _ANY_DAY) is not None
