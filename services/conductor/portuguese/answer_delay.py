"""The answer's delay remarked beside it (round 18).

"isso, autorizo sim kkk demorou pra chegar a msg aqui no interior", "sim, a mensagem só
chegou agora", "autorizo, o sinal aqui é ruim": the one answering says why the answer
comes late. It neither conditions nor doubts the yes, so it is taken out before the
answer is read, as an aside on the delay in brackets is (``spoken_answers.unsigned``).
What remains must still be a clear yes; a remark with a condition or a question in it
("se o sinal deixar, sim") is not matched.
"""

from __future__ import annotations

import re
import unicodedata

_MESSAGE = r"(?:(?:a|sua|essa|esta|tua)\s+)?(?:msg|mensagem|mensage|msgm)"
# Where it is said to be slow ("aqui no interior", "aqui na roça").
_WHERE = (
    r"(?:\s+(?:aqui|pra\s+mim|pra\s+ca))?(?:\s+(?:no|na)\s+(?:interior|roca|sitio|fazenda"
    r"|zona\s+rural|mato|interiorzao|ilha))?"
)
_DELAY = re.compile(
    # "demorou pra chegar a msg", "a msg demorou", "a mensagem só chegou agora".
    rf"\b(?:(?:so\s+)?demorou\s+(?:muito\s+|mt\s+)?(?:pra|para|a)\s+chegar(?:\s+{_MESSAGE})?"
    rf"|{_MESSAGE}\s+(?:(?:so|acabou\s+de)\s+)?(?:demorou(?:\s+(?:pra|para|a)\s+chegar)?"
    r"|cheg(?:ou|a)\s+(?:agora|atrasada|tarde|so\s+agora))"
    # A weak signal ("o sinal aqui é ruim", "a internet tá fraca").
    r"|(?:o\s+|a\s+)?(?:sinal|internet|net|rede)\s+(?:aqui\s+)?(?:e|ta|esta|anda)\s+"
    r"(?:muito\s+|mt\s+|meio\s+)?(?:ruim|fraco|fraca|pessimo|pessima|horrivel|caindo))"
    rf"{_WHERE}\b"
)


def without_delay_remarked(text: str) -> str:
    """``text`` (lower case, no accents) without the remark on the answer's delay;
    ``text`` as it is when it has none."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    kept = _DELAY.sub(" ", plain)
    return text if kept == plain else kept
