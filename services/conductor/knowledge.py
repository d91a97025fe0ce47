"""What the clinic tells about itself (address, hours, prices, insurance, preparation for
exams), from a Markdown file the deployment provides, and a search over it.

Each ``## heading`` starts a section; a line ``palavras: a, b, c`` right under it adds
words people use for it ("onde fica" for the address). The info agent answers only from
what the search returns, so it can say it does not know rather than invent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import snowballstemmer

from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.text import fold

MAX_FILE_BYTES = 256 * 1024
FUZZY_RATIO = 0.85
"""How alike a typed word and a word of the file must be to meet ("estacionamneto")."""
FUZZY_MIN_LENGTH = 5
"""Shorter words meet only by their stem: "porto" is not "prato"."""

_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_KEYWORDS = re.compile(r"^palavras\s*:\s*(.+)$", re.IGNORECASE)
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


class KnowledgeInvalid(ValueError):
    """The knowledge file cannot be used."""


def words_of(text: str) -> tuple[str, ...]:
    """The words that carry meaning, in order: folded, shorthand written out ("vcs"),
    without the words every question has ("qual", "vocês", "preciso")."""
    return tuple(w for w in _WORD.findall(written_out(fold(text))) if w not in _STOPWORDS)


def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def _alike(typed: str, known: str) -> bool:
    """Whether a typed word is a slip of a known one ("enderço" for "endereço")."""
    if min(len(typed), len(known)) < FUZZY_MIN_LENGTH or abs(len(typed) - len(known)) > 2:
        return False
    return SequenceMatcher(None, typed, known).ratio() >= FUZZY_RATIO


def _one_starts_the_other(stem: str, known: str) -> bool:
    shorter, longer = sorted((stem, known), key=len)
    return len(shorter) >= 4 and longer.startswith(shorter)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words of some text, as written (folded) and as stems."""

    forms: frozenset[str]
    stems: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        forms = frozenset(words_of(text))
        return cls(forms, frozenset(_stem(form) for form in forms))

    def knows(self, word: str) -> bool:
        """Whether ``word`` (a word of ``words_of``) is one of these, or a slip of one."""
        stem = _stem(word)
        if word in self.forms or stem in self.stems:
            return True
        # The stemmer leaves some verb forms apart ("abrem", "abre"): one stem starting
        # the other, four letters at least, meets too.
        if any(_one_starts_the_other(stem, known) for known in self.stems):
            return True
        return any(_alike(word, form) for form in self.forms)

    def known(self, asked: tuple[str, ...]) -> set[int]:
        """The positions of the asked words known here; two asked words written together
        here count both ("sul américa" for "SulAmérica")."""
        found = {i for i, word in enumerate(asked) if self.knows(word)}
        for i in range(len(asked) - 1):
            if asked[i] + asked[i + 1] in self.forms:
                found |= {i, i + 1}
        return found


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    text: str
    words: Vocabulary
    heading_words: Vocabulary
    """The words of the title and of the ``palavras`` line: what the section is about."""


@dataclass(frozen=True, slots=True)
class Knowledge:
    sections: tuple[Section, ...] = ()

    @classmethod
    def from_markdown(cls, markdown: str) -> Knowledge:
        sections: list[Section] = []
        title: str | None = None
        keywords = ""
        lines: list[str] = []

        def close() -> None:
            if title is not None and "\n".join(lines).strip():
                body = "\n".join(lines).strip()
                sections.append(
                    Section(title, body, Vocabulary.of(f"{title} {body} {keywords}"),
                            Vocabulary.of(f"{title} {keywords}"))
                )  # fmt: skip

        for line in markdown.splitlines():
            if heading := _HEADING.match(line):
                close()
                title, keywords, lines = heading[1], "", []
            elif title is not None and not lines and (found := _KEYWORDS.match(line.strip())):
                keywords = found[1]
            elif title is not None:
                lines.append(line)
        close()
        return cls(tuple(sections))

    @classmethod
    def load(cls, path: Path) -> Knowledge:
        """The clinic's knowledge file; a clear error if it cannot serve."""
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise KnowledgeInvalid(f"cannot read {path}: {exc.strerror}") from None
        if len(raw) > MAX_FILE_BYTES:
            raise KnowledgeInvalid(f"{path} is over {MAX_FILE_BYTES // 1024} KiB")
        try:
            knowledge = cls.from_markdown(raw.decode())
        except UnicodeDecodeError:
            raise KnowledgeInvalid(f"{path} is not UTF-8 text") from None
        if not knowledge.sections:
            raise KnowledgeInvalid(f"{path} has no '## ' sections with text")
        return knowledge

    def search(self, question: str, limit: int = 2) -> list[Section]:
        """The sections that answer ``question`` best; none when nothing matches.

        Words meet by their stem or as a slip of the other ("estacionamneto"). A section
        must know more than half of the question's words ("the price of an MRI" shares
        only "price" with the price list, which does not answer it; "aceitam o plano Porto
        Seguro" shares only half with the insurers), and one of them must be what the
        section is about (its title or its ``palavras``), not a word its text happens to
        use ("sala" in the address).
        """
        asked = words_of(question)
        scored = []
        for index, section in enumerate(self.sections):
            known = section.words.known(asked)
            about = section.heading_words.known(asked)
            if about and len(known) * 2 > len(asked):
                scored.append((3 * len(about) + len(known), index, section))
        return [s for _, _, s in sorted(scored, key=lambda x: (-x[0], x[1]))][:limit]
