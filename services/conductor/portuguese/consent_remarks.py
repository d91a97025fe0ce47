"""Remarks beside a consent that neither condition nor doubt it (round 14).

- Trust in the clinic or in whom the patient sees ("tá, pode. Eu confio na doutora Ana",
  "pode sim eu confio em vcs", "claro q sim, vcs são a clínica né"): the reason for the
  yes, given freely.
- Having been told what the notice means ("pode, meu filho já me explicou o que é essa
  tal de lgpd"): being informed, which consent rests on.
- The notice's length remarked on, and the "mas" that turns from it to the answer ("vixe
  que textão kkkk mas blz, aceito"): a sigh at reading, no reservation on the yes.

- Round 16: a question that needs no answer ("oxe e precisa perguntar? sim kkkk").

They are taken out before the message is read; what remains must still be a clear yes
(``consent``), so "confio em vcs" alone grants nothing. A remark with a doubt or a
condition in it ("não sei se confio", "confio se for só pra consulta") is not matched and
leaves the message as unread as before. Not taken out, and still unread: a yes after
saying one does not understand ("eu nem entendo muito dessas coisas mas ..."), whose
consent is not informed.
"""

from __future__ import annotations

import re
import unicodedata

_WHOM = (
    r"(?:(?:em\s+)?(?:voces|vcs|vc|voce|vos|v6|senhora|senhor|todos)"
    r"|(?:n[ao]s?|em)\s+(?:clinica|equipe|voces|vcs|doutora|doutor|dotora|dra|dr|medica|medico)"
    r"(?:\s+(?!(?:se|mas|so|nao|n)\b)[a-z]+)?)"
)
_REMARKS = re.compile(
    # Trust: "eu confio em vcs", "confio muito na doutora Ana", "vcs são a clínica né".
    rf"\b(?:(?:eu|pq|porque|que)\s+)*confi(?:o|amos)\s+(?:muito\s+|demais\s+)?{_WHOM}"
    r"(?:\s+(?:demais|muito|ne|kk+))*"
    r"|\b(?:voces|vcs|vc|voce)\s+(?:sao|e)\s+(?:a\s+clinica|de\s+confianca|confiaveis)"
    r"(?:\s+(?:ne|kk+))*"
    # Told what it means: "meu filho já me explicou o que é essa tal de lgpd".
    r"|\b(?:(?:meu|minha)\s+[a-z]+|ele|ela)\s+(?:ja\s+)?me\s+explicou"
    r"(?:\s+(?:o\s+que\s+e|direitinho|certinho|tudo))?"
    r"(?:\s+(?:(?:essa\s+)?tal\s+de|essa|esse|a|o|os))?"
    r"(?:\s+(?:lgpd|lei|aviso|termos?|isso|tudo))?"
    # The notice's length: "que textão", "quanto texto", "mó textão", and its "mas".
    r"|\b(?:que|q|mo|quanto|muito|mt|maior)\s+text(?:ao|aum|o|inho)\b"
    r"(?:\s+(?:grande|enorme|hein|ein))?(?:\s*k+)*\s*,?\s*(?:mas|mais)?\b"
    # Round 18: one's care with one's data ("sou bem cuidadosa com isso"), a trait that
    # the yes after it weighed: no doubt on it, and no lack of being informed.
    r"|\b(?:eu\s+)?sou\s+(?:bem\s+|muito\s+|mt\s+|meio\s+)?(?:cuidados[ao]|zelos[ao]"
    r"|cautelos[ao])\s+com\s+(?:isso|essas\s+coisas?|meus\s+dados|dados)\b"
)


# Round 16: the question that needs no answer, beside a yes ("oxe e precisa perguntar?
# sim kkkk", "claro, nem precisava perguntar"): a yes made emphatic, its question mark
# none to answer. Beside a no or alone it is no answer, as before.
_NEEDLESS = re.compile(
    r"\b(?:e\s+)?(?:(?:nem|nao)\s+)?(?:precisa|precisava|precisaria)\s+(?:nem\s+|mesmo\s+|msm\s+)?"
    r"(?:perguntar|pedir|falar)(?:\s+(?:isso|nao|ne))?\s*[?!]*"
)


_NEGATOR = re.compile(r"\b(?:nao|n|num|nunca|jamais)\b")

# Blind set 31: thanks given in advance, as a formal letter closes ("Autorizo, desde já
# agradeço a atenção"): its "desde" is no condition. (The sign-off and the name after it
# are taken off by ``spoken_answers.unsigned``.)
_THANKS_AHEAD = re.compile(
    r"\b(?:desde\s+ja|antecipadamente)[\s,]+(?:agradec(?:o|emos)|(?:muito\s+)?obrigad[oa]|grat[oa])"
    r"(?:\s+(?:a|pela|sua|a\s+sua)\s+(?:atencao|ajuda|compreensao|gentileza))?\b"
    r"|\b(?:agradec(?:o|emos)|(?:muito\s+)?obrigad[oa])[\s,]+(?:desde\s+ja|antecipadamente)\b"
)


def without_courtesies(text: str) -> str:
    """``text`` (folded) without thanks given in advance."""
    plain = _plain(text)
    kept = _THANKS_AHEAD.sub(" ", plain)
    return text if kept == plain else kept


def without_remarks(text: str) -> str:
    """``text`` without its remarks of trust, of having been told, or on the length, and
    without a question that needs no answer."""
    kept = _REMARKS.sub(" ", _plain(text))
    unasked = _NEEDLESS.sub(" , ", kept)
    return kept if _NEGATOR.search(unasked) else unasked


def _plain(text: str) -> str:
    """Lower case, no accents; punctuation kept (it parts an answer's clauses)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
