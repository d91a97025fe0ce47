"""What the clinic tells about itself (address, hours, prices, insurance, preparation for
exams), from a Markdown file the deployment provides, and a search over it.

Each ``## heading`` starts a section; a line ``palavras: a, b, c`` right under it adds
words people use for it ("onde fica" for the address). The info agent answers only from
what the search returns, so it can say it does not know rather than invent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from services.conductor.portuguese.text import fold

MAX_FILE_BYTES = 256 * 1024
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_KEYWORDS = re.compile(r"^palavras\s*:\s*(.+)$", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]{3,}")
_STOPWORDS = frozenset(
    [
        "que",
        "qual",
        "quais",
        "como",
        "onde",
        "quando",
        "quanto",
        "quanta",
        "para",
        "por",
        "com",
        "sem",
        "uma",
        "uns",
        "umas",
        "dos",
        "das",
        "nos",
        "nas",
        "voce",
        "voces",
        "tem",
        "ter",
        "sao",
        "esta",
        "estao",
        "isso",
        "essa",
        "esse",
        "aqui",
        "ali",
        "clinica",
        "gostaria",
        "saber",
        "queria",
        "pode",
        "poderia",
        "favor",
        "obrigado",
        "obrigada",
        "ola",
        "bom",
        "dia",
        "boa",
        "tarde",
        "noite",
    ]
)


class KnowledgeInvalid(ValueError):
    """The knowledge file cannot be used."""


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    text: str
    words: frozenset[str]
    heading_words: frozenset[str]


def words_of(text: str) -> frozenset[str]:
    """The words that carry meaning, plurals folded ("preços" and "preço" meet)."""
    return frozenset(
        w[:-1] if len(w) > 4 and w.endswith("s") else w
        for w in _WORD.findall(fold(text))
        if w not in _STOPWORDS
    )


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
                    Section(title, body, words_of(f"{title} {body} {keywords}"),
                            words_of(f"{title} {keywords}"))
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

        A section must cover at least half of the question's words: "the price of an MRI"
        shares only "price" with the price list, which does not answer it.
        """
        asked = words_of(question)
        scored = [
            (3 * len(asked & s.heading_words) + len(asked & s.words), i, s)
            for i, s in enumerate(self.sections)
            if asked and len(asked & s.words) * 2 >= len(asked)
        ]
        return [s for _, _, s in sorted(scored, key=lambda x: (-x[0], x[1]))][:limit]
