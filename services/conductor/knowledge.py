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

from services.conductor.portuguese.vocabulary import Vocabulary, words_of

MAX_FILE_BYTES = 256 * 1024
_HEADING = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_KEYWORDS = re.compile(r"^palavras\s*:\s*(.+)$", re.IGNORECASE)


class KnowledgeInvalid(ValueError):
    """The knowledge file cannot be used."""


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
