"""Parts of the day run together with the word before them, as hurried typing writes them
("hoje atarde", "sexta denoite", "quinta pelamanha"): written apart again before the time
is read. "amanha" is a day of its own, never "a manha".

Already folded text.
"""

from __future__ import annotations

import re

_RUN_TOGETHER = re.compile(r"\b(a|de|da|pela|na)(tarde|noite)\b|\b(de|da|pela|na)(manha)\b")


def parts_of_day_apart(folded: str) -> str:
    """``folded`` with its parts of the day written apart from the word run into them."""
    return _RUN_TOGETHER.sub(lambda m: " ".join(w for w in m.groups() if w), folded)
