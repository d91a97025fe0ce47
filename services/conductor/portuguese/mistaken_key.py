"""An answer sent by a slip of the finger, put right in the same message.

"nao pera, apertei errado kkk SIM pode", "sim.. ops cliquei errado, não autorizo",
"não — foi sem querer, pode confirmar": what comes before the key pressed by mistake is
taken back, and the answer is what follows it. So is an answer followed by second
thoughts ("sim! ah não pera, terça de manhã eu trabalho... tem de tarde?"), and one put
right in words ("sim! quer dizer nao, ...", "não, digo, sim", round 16). "me
enganei" and "errei" are not read here: they put a fact right ("não, me enganei, é
quinta"), not a slip of the key.
Nothing said after the mark leaves the message as it was.
"""

from __future__ import annotations

import re
import unicodedata

_SLIP = re.compile(
    r"\b(?:apertei|cliquei|digitei|toquei|mandei|enviei|escrevi|respondi|marquei)\s+"
    r"(?:(?:no|o|a)\s+)?(?:errado|errada|sem\s+querer|o\s+botao\s+errado)\b"
    r"|\bfoi\s+sem\s+querer\b"
    # Second thoughts after an answer ("sim! ah não pera, terça de manhã eu trabalho").
    r"|(?<=[!.,\s])(?:ah\s+|opa\s+)?nao\s+pera(?:\s+ai)?\b"
    # An answer put right in words, the new one said at once ("sim! quer dizer nao, terça
    # eu levo minha mae na hemodialise", "não, digo, sim", round 16).
    r"|(?<=[!.,\s])(?:ou\s+melhor|quer\s+dizer|digo)(?=[\s,.!]+(?:nao|n|sim|s|pode)\b)"
)
_AFTER = re.compile(r"^[\s,.;:!\u2026\u2014-]*(?:k{2,}|rs+|haha\w*|\s)*[\s,.;:!\u2026\u2014-]*")


def after_slip(text: str) -> str | None:
    """What ``text`` says after its last key pressed by mistake; None without one or with
    nothing after it."""
    plain = _plain(text)
    marks = list(_SLIP.finditer(plain))
    if not marks:
        return None
    rest = plain[marks[-1].end() :]
    rest = rest[_AFTER.match(rest).end() :]  # type: ignore[union-attr]
    return rest if rest.strip() else None


def _plain(text: str) -> str:
    """Lower case, no accents, punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
