"""A clear no said in a sentence of its own beside a question (round 8).

"oxe e pra que vcs querem meus dados? não autorizo não", "Não. Tem mais cedo?": the
question does not undo the no said apart from it, and a no read is the safe side (nothing
is kept, nothing booked; the patient may say yes later). A yes beside a question stays
unread, as every yes with a question does: the question may be its condition.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from services.conductor.portuguese.answer_parts import asks

_SENTENCE = re.compile(r"[^.?!\n]+[.?!]*")


def no_beside_question(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether a message with a question says a no, and no yes, in the sentences that ask
    nothing (``read`` reads one sentence as an answer)."""
    if not asks(text):
        return False
    said = [read(s) for s in _SENTENCE.findall(text) if s.strip() and not asks(s)]
    return False in said and True not in said
