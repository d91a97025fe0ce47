"""The intent model trained on labelled messages: deterministic (counts, sorted), so the
shipped file is exactly what the tuning corpus gives (a unit test holds it to that).

Only intents are learnt; answers to the consent and confirmation questions and names are
never its business. A message flagged ``held_out`` is never learnt from, nor one labelled
in the context of a booking under way (its label says the conversation, not the words).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from services.conductor.evaluation import Corpus, Example
from services.conductor.portuguese.intent import Intent
from services.conductor.portuguese.intent_model import IntentModel
from services.conductor.portuguese.intent_model_features import features_of

MIN_MESSAGES = 2
"""A feature of fewer training messages is dropped: it tells of one message, not a kind."""
INTENTS = tuple(sorted(i.value for i in Intent))


def learnt_from(example: Example) -> bool:
    """Whether training reads this example."""
    return example.label in INTENTS and not example.held_out and example.context is None


def train(corpora: Iterable[Corpus]) -> IntentModel:
    """The model of the intent-labelled messages of ``corpora``, held-out ones excluded."""
    examples = [e for corpus in corpora for e in corpus.examples if learnt_from(e)]
    per_intent: Counter[str] = Counter(e.label for e in examples)
    seen: dict[str, Counter[str]] = {}
    for example in examples:
        for feature in features_of(example.text):
            seen.setdefault(feature, Counter())[example.label] += 1
    counts = {
        feature: tuple(by_intent[i] for i in INTENTS)
        for feature, by_intent in sorted(seen.items())
        if by_intent.total() >= MIN_MESSAGES
    }
    return IntentModel(INTENTS, tuple(per_intent[i] for i in INTENTS), counts)
