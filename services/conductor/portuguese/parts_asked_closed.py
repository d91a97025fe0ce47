"""A part of the day that ends a question, before a sentence that starts with "não"
(round 17).

"ainda tô marcada pra quinta de manhã? não recebi lembrete", "passa pra terça que vem de
tarde? hoje não dá": the "não" belongs to the next sentence (what was not received, what
day cannot be made), not to the part of the day asked about, as "de manhã não" said in
one breath would refuse it. Folding drops the question mark, so the end of the question
is written as a word before folding. A "não" followed by a part of the day or a comma
("de tarde? não, de manhã") corrects the question and is left as it is.

Read on the text as written; then ``questions_closed``.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.hesitant_no import hesitant_no_marked
from services.conductor.portuguese.questions_closed import questions_closed

_ASKED_PART = re.compile(
    r"\b(manh[aã]|tarde|noite)\s*\?+\s*"
    r"(?=(?:hoje |hj |amanh[aã] |eu |ainda |mas )?n[aã]o (?!de |da |a |pela |[,.!])\w)",
    re.IGNORECASE,
)


def sentences_closed(text: str) -> str:
    """``text`` with a part of the day that ends a question kept apart from a "não" that
    starts the next sentence, then ``questions_closed``; a "não," after a trailing off
    marked as a correction (``hesitant_no``)."""
    return questions_closed(_ASKED_PART.sub(r"\1 e ", hesitant_no_marked(text)))
