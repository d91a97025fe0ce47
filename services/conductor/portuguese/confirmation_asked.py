"""Refusals of a proposal said by asking for another option or another professional
(round 12).

- The message opens by asking for another option ("não pode ser dia 3 às 14h?", "não
  pode ser mais tarde? tipo depois das 15", "tem mais cedo? tipo 7h30 no mesmo dia"):
  asking whether it cannot be otherwise is no yes to what was proposed, and the time
  asked, with an hour or not, is read as the new request. A plain no naming a new hour
  ("não, às 16h") is not asked and stays unread; "tem mais cedo?" alone asks what there
  is before answering and stays unread too (round 8).
- Round 13: a no, then the question for another option with an example ("não consigo
  nesse horário, mais cedo tem? tipo 8h"): the no holds, the option asked is the request.
- Round 14: another option asked by name alone ("tem outro?", "teria outra data?") or
  by the negated question ("não tem mais tarde não?", "não teria outro horário?"): no
  yes to the one proposed, a no. "tem mais tarde?" alone still stays unread.
- A no, then the professional wished ("não, queria com a Dra. e não com o Dr."): the
  proposal refused for whom it is with, naming no time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date

from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
# "não pode ser ...?", "não dava pra ser ...?", "tem mais cedo?", "teria algo mais tarde?".
_CANNOT_BE = (
    r"(?:nao|n|num)\s+(?:pode|podia|poderia|daria|dava|da)\s+(?:pra\s+|para\s+)?ser\b[^?.!]*"
)
# The proposal's own day said with it ("mais tarde no mesmo dia tem?", round 18).
_SAME_DAY = r"(?:\s+(?:no\s+mesmo\s+dia|nesse\s+(?:mesmo\s+)?dia|na\s+mesma\s+data))?"
_EARLIER_OR_LATER = (
    r"(?:(?:e\s+)?(?:tem|teria|tinha|nao tem|nao teria)\s+(?:algo\s+|algum horario\s+"
    rf"|horario\s+|vaga\s+)?(?:mais cedo|mais tarde|antes|depois){_SAME_DAY}"
    # The verb after what is asked, as speech orders it ("mais cedo tem?", round 13).
    rf"|(?:e\s+)?(?:algo\s+|horario\s+)?(?:mais cedo|mais tarde){_SAME_DAY}\s+(?:tem|teria|tinha))"
)
# What would suit given as an example ("tipo depois das 15", "tipo 7h30 no mesmo dia").
_EXAMPLE = (
    r"\s*(?:tipo|por exemplo|de preferencia|quem sabe"
    # The bound itself said after it ("tem mais cedo? antes das 8 no mesmo dia").
    r"|(?:antes|depois|a partir)\s+(?:d[ao]s?|as)\s+\d+)\b[^?]*[?.!]*"
)
# "não pode ser ...?" with or without an example; "tem mais cedo?" only with one: alone it
# asks for what there is before any answer (round 8) and stays unread.
_OTHER_ASKED = re.compile(
    rf"^\s*(?:{_CANNOT_BE}\s*\?+(?:{_EXAMPLE})?|{_EARLIER_OR_LATER}\s*\?+{_EXAMPLE})\s*$"
)
# The one who attends wished in place of the one proposed.
_WISHED = r"(?:queria|quero|prefiro|preferia|gostaria|seria)"
# Named by title, or by a name, written capitalised as names are.
_PROFESSIONAL = (
    r"(?:(?i:dra|dr|doutora|doutor|m[eé]dica|m[eé]dico|enfermeira|enfermeiro|profissional)"
    r"|[A-ZÀ-Ý]\w+)"
)
_NO_THEN_PROFESSIONAL = re.compile(
    rf"^\s*(?P<said>[^,.;!?]+)[,.;!]+\s*(?:eu\s+)?(?i:{_WISHED}\s+(?:que fosse\s+"
    rf"|ser atendid[oa]\s+)?com\s+(?:(?:a|o)\s+)?){_PROFESSIONAL}\b"
)

_OTHER_ONE = r"(?:algum\s+|alguma\s+)?outr[oa]s?(?:\s+(?:dia|horario|data|hora|opcao|vaga)s?)?"
_ANOTHER_NAMED = re.compile(
    r"^\s*(?:e\s+|mas\s+)?(?:(?:nao|n)\s+(?:tem|teria|tinha)\s+(?:algo\s+|nada\s+|horario\s+"
    rf"|vaga\s+)?(?:mais cedo|mais tarde|antes|{_OTHER_ONE})"
    rf"|(?:(?:vc|voce|voces|vcs)\s+)?(?:tem|teria|tinha|tm)\s+{_OTHER_ONE})"
    r"(?:\s+(?:nao|n))?\s*\?+\s*$"
)


def another_named_asked(text: str) -> bool:
    """Whether ``text`` asks only for another option by name ("tem outro?") or asks, by
    a negated question, for any other ("não tem mais tarde não?")."""
    return _ANOTHER_NAMED.match(_plain(text)) is not None


def other_option_asked(text: str) -> bool:
    """Whether ``text`` opens by asking for another option than the one proposed ("não
    pode ser dia 3 às 14h?", "tem mais cedo?")."""
    return _OTHER_ASKED.match(_plain(text)) is not None


def _plain(text: str) -> str:
    """Lower case, no accents; the question marks kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def no_then_professional_wished(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a no (as ``read`` reads it), then another professional wished,
    naming no time ("não, queria com a Dra.")."""
    found = _NO_THEN_PROFESSIONAL.match(text)
    if found is None or "?" in text or read(found["said"]) is not False:
        return False
    return parse_when(text, _ANY_DAY) is None


# A first clause, then the rest after a comma or a stop.
_NO_THEN_ASKED = re.compile(r"^\s*(?P<said>[^,.;!?]+)[,.;!]+\s*(?P<asked>[^,.;!].*)$", re.DOTALL)


def no_then_other_option_asked(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a no (as ``read`` reads it), then a question for an earlier or
    later option with an example ("não consigo nesse horário, mais cedo tem? tipo 8h")."""
    found = _NO_THEN_ASKED.match(text)
    if found is None or not other_option_asked(found["asked"]):
        return False
    return read(found["said"]) is False
