"""A thumb or an "ok" hand sent alone to "Posso confirmar?" (round 14).

On WhatsApp a 👍 or a 👌 alone, of any skin tone and sent once or more, answers a
question as "ok" does, and "ok" is a yes to a proposal; a 👎 alone is a no. For consent
they stay what "ok" is there, an acknowledgement and no consent (LGPD): this reads the
confirmation only.
"""

from __future__ import annotations

import re

# Skin tones (U+1F3FB to U+1F3FF) and the variation selector that may follow an emoji.
_MODIFIERS = "\U0001f3fb-\U0001f3ff\ufe0f"
_AGREEING = re.compile(rf"^(?:[\U0001f44d\U0001f44c][{_MODIFIERS}]*\s*)+$")
_REFUSING = re.compile(rf"^(?:\U0001f44e[{_MODIFIERS}]*\s*)+$")


def emoji_answer(text: str) -> bool | None:
    """True for thumbs up or "ok" hands alone, False for thumbs down alone, None else."""
    plain = text.strip()
    if _AGREEING.match(plain):
        return True
    if _REFUSING.match(plain):
        return False
    return None
