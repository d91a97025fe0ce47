"""A yes or a no read from its parts, the grammar shared by the consent and the
confirmation answers (``consent``, ``confirmation``).

An answer is read clause by clause (commas, stops and the like set clauses apart). Every
word must belong to a known part: a yes ("sim", "uhum", "de acordo"), an acknowledgement
("ok", "tá bom", "blz", "pode seguir"), a no ("nunca", "discordo", "deus me livre"), a
negator ("não", "n", "prefiro não"), a verb whose yes a negator turns into a no
("aceito", "autorizo", "vai dar", "consigo"), or words that change nothing (courtesies,
fillers, what the answer is about). Then:

- a negator turns the verbs after it in its clause into a no ("prefiro não autorizar",
  "não vai dar"), and said again at the clause's end only repeats it ("não vai dar não");
- a negator after a yes in one clause ("aceito não", "sim não"), or a yes and a no in two,
  is no clean answer;
- a condition or contrast ("sim, mas ...", "se ..."), a question, or any unknown word
  leaves the message unread, and the question is asked again.

Words are matched as written (folded, letters written long once, shorthand written out),
then as a slip of one of the grammar's words ("autoriso"), then by a verb's stem
("autorizar", "concordamos").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from services.conductor.portuguese.shorthand import written_out
from services.conductor.portuguese.slips import Slips
from services.conductor.portuguese.text import fold

# Runs of a letter written long for emphasis ("siiim", "nãooo") count once.
_ELONGATED = re.compile(r"(\w)\1+")
# Text faces (":)", ";-D", "=P") carry no answer; their letters must not read as words.
_EMOTICON = re.compile(r"[:;=][-'^]?[()\[\]DPpOo3|/\\*]+")
_NOT_LETTERS = re.compile(r"[\W_]+")
# What ends a clause: "não, pera, esse dia não" is three. A line break does not: a burst
# of messages is read joined by them ("de" then "acordo" is "de acordo").
_CLAUSE_END = re.compile(r"[,.;!\u2026]+")
# "sô" (Minas Gerais' "senhor") is told from "só" (only, a condition) by its accent alone;
# written "so" it stays a condition, and the question is asked again.
_SO_ADDRESS = re.compile(r"\bs[ôÔ]\b")
_QUESTION = ("?", "¿", "\u061f", "\u2e2e")  # and the Arabic and reversed question marks


class Part(StrEnum):
    """What a phrase is to an answer."""

    YES = "yes"
    ACK = "ack"
    """An acknowledgement: a yes to a proposal, too weak to be consent ("ok", "blz")."""
    NO = "no"
    NOT = "not"
    """A negator: a no alone, and turns the verbs after it in its clause into one."""
    REFUSE = "refuse"
    """A verb of refusing ("discordo", "recuso"): a no, negated no answer ("não discordo")."""
    VERB = "verb"
    """A verb whose yes is a yes ("aceito", "autorizo"), negated a no."""
    SOFT = "soft"
    """A verb whose yes is an acknowledgement ("pode", "consigo", "vai dar")."""
    SAID = "said"
    """Changes nothing: courtesies, fillers, what the answer is about."""
    IF = "if"
    """A condition or a contrast ("se", "mas"): no clean answer."""


def collapsed(text: str) -> str:
    """Each word with its letters written long counted once."""
    return " ".join(_ELONGATED.sub(r"\1", word) for word in text.split())


def phrases(*written: str) -> frozenset[tuple[str, ...]]:
    """Phrases as the answers' words are compared (folded, collapsed, written out)."""
    return frozenset(
        tuple(_ELONGATED.sub(r"\1", w) for w in written_out(collapsed(p)).split()) for p in written
    )


def asks(text: str) -> bool:
    """Whether the message has a question mark, in any of its written forms (the
    full-width one too)."""
    shown = unicodedata.normalize("NFKC", text)
    return any(mark in shown for mark in _QUESTION)


def without_so_address(text: str) -> str:
    """``text`` with "sô" (a form of address) written "senhor", before accents are folded."""
    return _SO_ADDRESS.sub("senhor", text)


def answer_words(text: str) -> tuple[str, ...]:
    """The words of a message, shorthand written out ("n" is "não", "vcs" "vocês")."""
    shown = without_so_address(_EMOTICON.sub(" ", unicodedata.normalize("NFKC", text)))
    plain = _NOT_LETTERS.sub(" ", fold(shown))
    # Collapsed before shorthand is written out, so that "nn" is "n", that is "não".
    return tuple(_ELONGATED.sub(r"\1", w) for w in written_out(collapsed(plain)).split())


def clauses(text: str) -> tuple[tuple[str, ...], ...]:
    """The message's clauses, each as its words; empty ones left out."""
    shown = _EMOTICON.sub(" ", unicodedata.normalize("NFKC", text))
    return tuple(words for part in _CLAUSE_END.split(shown) if (words := answer_words(part)))


@dataclass(frozen=True, slots=True)
class AnswerGrammar:
    """The phrases of one question's answers, by part, and the stems of its verbs."""

    lexicon: Mapping[tuple[str, ...], Part]
    stems: tuple[tuple[str, Part], ...]
    """Word beginnings read as a part ("autoriz": "autorizo", "autorizar", "autorizamos")."""
    not_stemmed: frozenset[str]
    """Words that begin like a verb and are none ("consentimento", "autorizacao")."""
    slips: Slips
    longest: int
    soft_yes: Part | None
    """What a verb of ability said unnegated is: an acknowledgement, or unclear (None)."""

    @classmethod
    def of(
        cls,
        parts: Mapping[Part, Iterable[tuple[str, ...]]],
        stems: Mapping[str, Part],
        not_stemmed: Iterable[str] = (),
        soft_yes: Part | None = Part.ACK,
        verb_forms: Iterable[str] = (),
    ) -> AnswerGrammar:
        """``verb_forms``: forms of the stemmed verbs a slip is put right to ("autoriso")."""
        lexicon = {phrase: part for part, found in parts.items() for phrase in found}
        words = [" ".join(phrase) for phrase in lexicon] + [collapsed(f) for f in verb_forms]
        slips = Slips.of(words, ())
        longest = max(len(phrase) for phrase in lexicon)
        # Stems and nouns are compared as the words are: letters written long once.
        stemmed = tuple((collapsed(stem), part) for stem, part in stems.items())
        nouns = frozenset(collapsed(noun) for noun in not_stemmed)
        return cls(lexicon, stemmed, nouns, slips, longest, soft_yes)

    def parts_of(self, words: tuple[str, ...]) -> list[Part] | None:
        """The parts a clause is made of, reading the longest known phrase at each point;
        None when some word belongs to no part."""
        found = self.loose_parts(words)
        return None if None in found else [part for part in found if part is not None]

    def loose_parts(self, words: tuple[str, ...]) -> list[Part | None]:
        """The parts a clause is made of, each unknown word as None."""
        words = self.slips.corrected(words)
        found: list[Part | None] = []
        at = 0
        while at < len(words):
            for size in range(min(self.longest, len(words) - at), 0, -1):
                part = self.lexicon.get(words[at : at + size])
                if part is None and size == 1:
                    part = self._stemmed(words[at])
                if part is not None:
                    found.append(part)
                    at += size
                    break
            else:
                found.append(None)
                at += 1
        return found

    def _stemmed(self, word: str) -> Part | None:
        if word in self.not_stemmed:
            return None
        return next((part for stem, part in self.stems if word.startswith(stem)), None)


class Mixed(Exception):
    """A clause that says yes and no at once."""


def clause_says(parts: list[Part], soft_yes: Part | None) -> set[Part]:
    """What one clause says: a set of YES, ACK and NO; Mixed when it says both, an
    unclear part (a condition, an unnegated verb of ability with no reading) as None."""
    said: set[Part] = set()
    if _negated_after(parts):
        return {Part.NO}  # "quero não", "dá não", "posso não não": the negator said after
    negated = False  # a negator said, whose scope runs to the clause's end
    for part in parts:
        if part is Part.REFUSE and negated:
            raise Mixed  # "não concordo nem discordo", "não recuso"
        if part in (Part.NOT, Part.NO, Part.REFUSE):
            if said & {Part.YES, Part.ACK}:
                raise Mixed  # "aceito não", "sim nunca"
            negated = True
            said.add(Part.NO)
        elif part in (Part.VERB, Part.SOFT) and negated:
            said.add(Part.NO)  # "prefiro não autorizar", "não vai dar"
        elif negated and part in (Part.YES, Part.ACK):
            said.add(Part.NO)  # "não tô de acordo", "não está certo"
        elif part is Part.VERB:
            said.add(Part.YES)
        elif part is Part.SOFT:
            if soft_yes is None:
                raise Mixed  # "sim quero": no clean consent
            said.add(soft_yes)
        elif part in (Part.YES, Part.ACK):
            said.add(part)
        elif part is Part.IF:
            raise Mixed
    return said


def _negated_after(parts: list[Part]) -> bool:
    """Whether a clause is a verb of wish or ability with its negator said after it, as
    the North-East and speech say a no ("quero não", "dá não", "posso não"). Round 14: a
    verb of consent too ("oxe, autorizo não", "aceito não"), as the North-East says "não
    autorizo"; a no is never read as consent. A yes word before the negator ("sim não")
    stays a yes and a no (no answer)."""
    meant = [part for part in parts if part is not Part.SAID]
    return (
        len(meant) >= 2
        and meant[-1] is Part.NOT
        and meant[-2] in (Part.SOFT, Part.VERB)
        and all(part in (Part.SOFT, Part.NOT) for part in meant[:-2])
    )
