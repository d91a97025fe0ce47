"""What a refusal carries around it without ceasing to be one.

- The errand the patient came for instead, after the no: "não, só queria saber se
  aceitam unimed", "nao kkk so tava vendo o horario de funcionamento", "não não quero
  não, eu só queria saber se vocês atendem unimed". Its "só" says what alone was
  wanted and its "se" asks indirectly: no condition on the no.
- Something else wanted, named after the no: "nao moça so queria o endereço" (round 16).
- The South's "capaz!" (no way) before a no: "capaz! não autorizo nada".

The part before the errand, or after "capaz", must still read as a no by itself; a yes
before the errand ("sim, só queria saber se...") is not touched.
"""

from __future__ import annotations

import re
import unicodedata

# "só queria saber", "só tava vendo", "eu só to pesquisando", "só estava olhando".
_ERRAND = re.compile(
    r"\b(?:eu\s+)?(?:so|somente|apenas)\s+(?:(?:queria|quero|quis|tava|estava|to|tou|estou|vim)"
    r"\s+)?(?:saber|ver|vendo|olhando|pesquisando|perguntando|perguntar|tirar\s+uma\s+duvida"
    r"|consultando|conferindo|procurando)\b.*$"
    # Something else wanted, named ("so queria o endereço", "eu só queria uma informação
    # mesmo sobre o parto", round 16).
    r"|\b(?:eu\s+)?(?:so|somente|apenas)\s+(?:queria|quero|precisava|preciso)\s+"
    r"(?:um|uma|o|a|os|as)\s+[a-z]+.*$"
)
_CAPAZ = re.compile(r"^\s*(?:bah\s*,?\s*)?capaz\s*[!.,]+\s*")


def before_errand(text: str) -> str | None:
    """The answer before the errand told after it; None when there is no errand."""
    folded = _punctuated(text)
    found = _ERRAND.search(folded)
    if found is None or found.start() == 0:
        return None
    return folded[: found.start()]


def after_capaz(text: str) -> str | None:
    """The answer after a leading "capaz!"; None when it does not open with one."""
    folded = _punctuated(text)
    found = _CAPAZ.search(folded)
    return None if found is None else folded[found.end() :]


# Blind set 31: the South's "capaz que eu vou ..., não" (as if I would ...!), a refusal
# said as mock doubt and sealed by the "não" at its end ("capaz que eu vou autorizar, nao",
# "bah, capaz q vou deixar usar meus dados, né não"). Elsewhere "capaz que" is "likely";
# without the "não" at its end, or with a yes, a condition or a question in it, it is
# left unread.
_CAPAZ_THAT = re.compile(
    r"^\s*(?:bah\s*,?\s*)?capaz\s+(?:que|q)\s+(?:eu\s+)?(?:vou|iria|ia|vo)\s+"
    r"(?:autorizar|aceitar|deixar|concordar|permitir|liberar|dar)\b"
    r"(?:(?!\b(?:sim|se|mas|so|caso)\b)[^?])*?[\s,.!]+(?:ne\s+)?(?:nao|n)\s*[.!]*\s*$"
)


def capaz_that_refuses(text: str) -> bool:
    """Whether ``text`` is the South's mock doubt that refuses ("capaz que eu vou
    autorizar, não")."""
    return _CAPAZ_THAT.match(_punctuated(text)) is not None


def _punctuated(text: str) -> str:
    """Lower case, no accents, punctuation kept."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
