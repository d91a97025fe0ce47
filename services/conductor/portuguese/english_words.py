"""English request words read as the Portuguese ones (round 16).

Expatriates in Rio write in English ("Can we move my appointment to Wednesday the 2nd at
3pm?", "I'd like Thursday the 3rd, in the afternoon if possible"). Once their times are
read (``english_times``) a time and a question mark make a booking request, so the words
that say a booking of one's own is moved or asked about must be read too. Only English
words no Portuguese message uses are replaced ("move" only before whose booking it is).

Folded text (see ``fold``: "I'd" is "i d").
"""

from __future__ import annotations

import re

_PHRASES = (
    (re.compile(r"\bi (?:d|would) like\b|\bid like\b"), "queria"),
    (re.compile(r"\bi (?:want|need)\b"), "quero"),
    (re.compile(r"\bdo (?:i|we) (?:have|still have)\b"), "tenho"),
    (re.compile(r"\bif (?:possible|you can)\b"), "se possivel"),
    (re.compile(r"\breschedule\b|\bmove (?=my |the |our |his |her )"), "remarcar "),
    (
        re.compile(r"\bchange (?=(?:my|the|our|his|her) (?:appointment|appt|booking)\b)"),
        "remarcar ",
    ),
    (re.compile(r"\bbook\b"), "marcar"),
    # Said to close a time ("Monday at 9am works for me", "... please").
    (
        re.compile(r"\b(?:works|suits) (?:for )?me$|\bis (?:fine|good|ok) (?:for|with) me$"),
        "ta bom",
    ),
    (re.compile(r"\bplease\b"), "por favor"),
    (re.compile(r"\bmy (?:appointment|appt|booking)\b"), "minha consulta"),
    (re.compile(r"\b(?:an |the )?(?:appointment|appt)\b"), "consulta"),
)


def english_read(folded: str) -> str:
    """Folded text with the English words of a request written as the Portuguese ones."""
    for phrase, said in _PHRASES:
        folded = phrase.sub(said, folded)
    return " ".join(folded.split())
