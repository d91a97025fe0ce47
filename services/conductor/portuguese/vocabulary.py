"""Words as people type them meeting the words of a text: by their Portuguese stem, as a
slip of the keyboard, written out from WhatsApp shorthand, or written apart.

A vocabulary is indexed once, when its text is read, so that a question is matched in
time that does not grow with every word of a long text (a clinic's file may hold 256 KiB).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

import snowballstemmer

from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.text import fold

SLIP_RATIO = 0.85
"""How alike a typed word and a known one must be to meet ("estacionamneto")."""
SLIP_MIN_LENGTH = 5
"""Shorter words meet only by their stem: "porto" is not "prato"."""
SLIP_MAX_LENGTH_GAP = 2
PREFIX_MIN_LENGTH = 4

_WORD = re.compile(r"[^\W_]{3,}")
# Snowball's Portuguese stemmer: "aceitam" meets "aceita", "preços" meets "preço".
_STEMMER = snowballstemmer.stemmer("portuguese")
_STOPWORDS = frozenset({
    "que", "qual", "quais", "como", "onde", "quando", "quanto", "quanta", "para", "por",
    "com", "sem", "uma", "uns", "umas", "dos", "das", "nos", "nas", "voce", "voces", "tem",
    "ter", "sao", "esta", "estao", "isso", "essa", "esse", "aqui", "ali", "clinica",
    "gostaria", "saber", "queria", "quero", "pode", "poderia", "favor", "obrigado",
    "obrigada", "ola", "bom", "dia", "boa", "tarde", "noite", "preciso", "precisa",
    "precisar", "precisam", "ficar", "fico", "posso", "podem", "devo", "vou", "tenho",
    "teria", "existe", "algum", "alguma", "mesmo", "tambem", "tudo", "todos", "porque",
    "passa", "passar", "manda", "mandar", "informa", "informar", "informacao",
    "informacoes", "dizer", "diz", "sabe", "comigo", "verdade",
})  # fmt: skip


def words_of(text: str) -> tuple[str, ...]:
    """The words that carry meaning, in order: folded, shorthand written out ("vcs"),
    without the words every question has ("qual", "vocês", "preciso")."""
    return tuple(w for w in _WORD.findall(written_out(fold(text))) if w not in _STOPWORDS)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Portuguese stem of a folded word."""
    return str(_STEMMER.stemWord(word))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of some text, as written (folded) and as stems, indexed for matching."""

    forms: frozenset[str]
    stems: frozenset[str]
    _sorted_stems: tuple[str, ...] = field(repr=False)
    # Slips keep the first letter ("enderço", "estacionamneto"): forms by it and length.
    _by_start: dict[tuple[str, int], tuple[str, ...]] = field(repr=False)

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        forms = frozenset(words_of(text))
        stems = frozenset(stem(form) for form in forms)
        by_start: defaultdict[tuple[str, int], list[str]] = defaultdict(list)
        for form in forms:
            if len(form) >= SLIP_MIN_LENGTH:
                by_start[form[0], len(form)].append(form)
        index = {key: tuple(sorted(found)) for key, found in by_start.items()}
        return cls(forms, stems, tuple(sorted(stems)), index)

    def knows(self, word: str) -> bool:
        """Whether ``word`` (one of ``words_of``) is one of these, in another form, or a
        slip of one."""
        stemmed = stem(word)
        if word in self.forms or stemmed in self.stems:
            return True
        return self._meets_by_prefix(stemmed) or self._meets_as_slip(word)

    def known(self, asked: tuple[str, ...]) -> set[int]:
        """The positions of the asked words known here; two asked words written together
        here count both ("sul américa" for "SulAmérica")."""
        found = {i for i, word in enumerate(asked) if self.knows(word)}
        for i in range(len(asked) - 1):
            if asked[i] + asked[i + 1] in self.forms:
                found |= {i, i + 1}
        return found

    def _meets_by_prefix(self, stemmed: str) -> bool:
        # The stemmer leaves some verb forms apart ("abrem", "abre"): one stem starting
        # the other, four letters at least, meets too.
        if len(stemmed) < PREFIX_MIN_LENGTH:
            return False
        if any(stemmed[:n] in self.stems for n in range(PREFIX_MIN_LENGTH, len(stemmed))):
            return True
        at = bisect_left(self._sorted_stems, stemmed)
        return at < len(self._sorted_stems) and self._sorted_stems[at].startswith(stemmed)

    def _meets_as_slip(self, word: str) -> bool:
        if len(word) < SLIP_MIN_LENGTH:
            return False
        matcher = SequenceMatcher(None, b=word)
        gap = SLIP_MAX_LENGTH_GAP
        for length in range(max(SLIP_MIN_LENGTH, len(word) - gap), len(word) + gap + 1):
            for form in self._by_start.get((word[0], length), ()):
                matcher.set_seq1(form)
                if (
                    matcher.real_quick_ratio() >= SLIP_RATIO
                    and matcher.quick_ratio() >= SLIP_RATIO
                    and matcher.ratio() >= SLIP_RATIO
                ):
                    return True
        return False
