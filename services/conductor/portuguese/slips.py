"""Slips of the keyboard in the words that say what a message asks for, put right one
word at a time: "consuta" is "consulta", "cancelr" is "cancelar", "enderço" is
"endereço". A word is put right only when it is no known word, is long enough to tell
apart (six letters: "algum" is no slip of "alguém"), keeps its first letter, and is
alike one word of the phrases (see ``SLIP_RATIO``) more than any other: a slip between
two is left as written. A word that is a known one without its silent "h" ("orario") is
that word.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

from services.conductor.portuguese.vocabulary import SLIP_MAX_LENGTH_GAP, SLIP_RATIO

TYPED_MIN_LENGTH = 6
"""Shorter words are too often other words to be taken for slips."""
TARGET_MIN_LENGTH = 5


@dataclass(frozen=True, slots=True)
class Slips:
    """The words a slip may be put right to, and those never taken for a slip."""

    targets: frozenset[str]
    known: frozenset[str]
    shortest: int = TYPED_MIN_LENGTH
    """The shortest word taken for a slip."""

    @classmethod
    def of(
        cls, phrases: Iterable[str], known: Iterable[str], shortest: int = TYPED_MIN_LENGTH
    ) -> Slips:
        words = {word for phrase in phrases for word in phrase.split()}
        targets = frozenset(w for w in words if len(w) >= TARGET_MIN_LENGTH and w.isalpha())
        return cls(targets, frozenset(words) | frozenset(known), shortest)

    def corrected(self, words: Iterable[str]) -> tuple[str, ...]:
        """The words, each slip put right."""
        return tuple(self._right(word) for word in words)

    def _right(self, word: str) -> str:
        if word not in self.known and f"h{word}" in self.known:
            return f"h{word}"  # the silent h left out: "orario", "umano", "oje"
        if len(word) < self.shortest or word in self.known or not word.isalpha():
            return word
        matcher = SequenceMatcher(None, b=word)
        scored = []
        for target in self.targets:
            if target[0] != word[0] or abs(len(target) - len(word)) > SLIP_MAX_LENGTH_GAP:
                continue
            matcher.set_seq1(target)
            if matcher.quick_ratio() >= SLIP_RATIO and (ratio := matcher.ratio()) >= SLIP_RATIO:
                scored.append((ratio, target))
        scored.sort(reverse=True)
        if not scored or (len(scored) > 1 and scored[1][0] == scored[0][0]):
            return word
        return scored[0][1]
