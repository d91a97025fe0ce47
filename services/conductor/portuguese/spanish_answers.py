"""Spanish answers to the consent and confirmation questions (blind set 36).

At the border (Foz do Iguaçu) patients answer in Spanish or in Portunhol: "Sí, autorizo.
Pero no me manden publicidad por favor", "Sí, está bien el martes". Where the message
shows it is Spanish by a word Portuguese has not ("pero", "manden", "martes"), the few
words an answer is made of are read as the Portuguese ones, and the answer is read as
any other: the yes, the advertising refused (``consent_scope``), the proposal's weekday
pointed at (``proposal_weekday``). "no" is Portuguese too ("no dia 3"): it is read as
"não" only in a Spanish message and before a pronoun or a verb of wish or ability ("no
me manden", "no puedo"). Times are read by the time grammar on the message as written.
"""

from __future__ import annotations

import re

# Words an answer is made of that Portuguese has not, and the Portuguese read for them.
_WORDS = {
    "pero": "mas", "acepto": "aceito", "aceptamos": "aceitamos", "manden": "mandem",
    "envien": "enviem", "mandes": "mande",
    "publicidad": "publicidade", "promocion": "promocao", "promociones": "promocoes",
    "mensajes": "mensagens", "lunes": "segunda", "martes": "terca", "miercoles": "quarta",
    "jueves": "quinta", "viernes": "sexta", "puedo": "posso", "quiero": "quero",
    "bien": "bem", "gracias": "obrigado", "muchas": "muito", "usted": "voce",
    # Round 18: another time asked ("No, ¿tiene el jueves 3 a las 9?").
    "tiene": "tem", "tienen": "tem",
}  # fmt: skip
_SPANISH = re.compile(r"\b(?:" + "|".join(_WORDS) + r")\b", re.IGNORECASE)
# "no" before what it negates in Spanish ("no me manden", "no puedo", "no quiero").
# Round 18: and a "no" that is a clause of its own ("No, ¿tiene el jueves?").
_NO = re.compile(
    r"\bno(?=\s+(?:me|nos|le|les|lo|la|te|puedo|quiero|acepto|autorizo)\b|\s*(?:[,.;!]|$))", re.I
)
# "está bien" is "tá bom": its "está" is no "esta" (this) of a week ("esta terça").
_FINE = re.compile(r"\best[aá]\s+bien\b", re.IGNORECASE)
# The hour's article ("a las 10" is "às 10"); "hasta las 17" is left to the time grammar.
_HOUR_ARTICLE = re.compile(r"\ba\s+las(?=\s+\d)", re.IGNORECASE)
# The article before a weekday ("el martes"): Portuguese says none ("terça").
_ARTICLE = re.compile(r"\bel\s+(?=(?:lunes|martes|miercoles|miércoles|jueves|viernes)\b)", re.I)


def in_portuguese(text: str) -> str:
    """``text`` with a Spanish answer's words read as the Portuguese ones; ``text``
    unchanged when no word shows it Spanish."""
    if _SPANISH.search(text.replace("é", "e")) is None:
        return text
    text = _NO.sub("não", _ARTICLE.sub("", text.replace("miércoles", "miercoles")))
    text = _HOUR_ARTICLE.sub("às", _FINE.sub("tá bom", text))
    return _SPANISH.sub(lambda found: _WORDS[found.group().lower()], text)
