"""Time words spelled other than the grammar reads them (round 13).

- "dps das 10" bounds as "depois das 10" does: read as an hour, it would be proposed.
- "num posso" is "não posso" (round 16).
- Days shortened or spelled by ear (round 15): "amnh", "amenhã" are amanhã, "onti" and
  "onte" ontem, "semana q vem" "semana que vem"; too short for ``days``' slips.
- The Spanish a tourist writes: "mañana" alone is tomorrow ("amanhã"), "por/a la mañana"
  the morning; "a las 10", "a la tarde", "temprano", "hoy", and the weekdays ("viernes",
  "jueves") read as their Portuguese. "turno" and "cita" name no time and are left.

Folded text (no accents: "mañana" is "manana"), before number words become digits.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# The hours said in Spanish words after "a las" (round 17), as their Portuguese words.
_SPANISH_HOURS = {
    "dos": "duas", "tres": "tres", "cuatro": "quatro", "cinco": "cinco", "seis": "seis",
    "siete": "sete", "ocho": "oito", "nueve": "nove", "diez": "dez", "once": "onze",
    "doce": "doze",
}  # fmt: skip


def _spanish_hour(match: re.Match[str]) -> str:
    return f"as {_SPANISH_HOURS[match[1]]}"


_SAID: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(r"\bdps\b"), "depois"),
    (re.compile(r"\b(?:amnh|amnha|amenha|amanhan|amanh)\b"), "amanha"),
    (re.compile(r"\b(?:onti|onte)\b"), "ontem"),
    (re.compile(r"\bq vem\b"), "que vem"),
    # "num posso" is "não posso" said by ear (round 16); "num dia de semana" stays.
    (re.compile(r"\bnum (?=(?:posso|pode|consigo|consegue|da|vai dar|rola|vou)\b)"), "nao "),
    (re.compile(r"\bpasado manana\b"), "depois de amanha"),
    (re.compile(r"\b(?:por|de|en|a|pela) la manana\b"), "de manha"),
    (re.compile(r"\b(?:la|esta) manana\b"), "manha"),
    (re.compile(r"\bmanana\b"), "amanha"),
    (re.compile(r"\b(?:por|en) la (tarde|noche)\b"), r"de \1"),
    (re.compile(r"\ba la (tarde|noche)\b"), r"a \1"),
    (re.compile(r"\besta (tarde|noche)\b"), r"hoje a \1"),
    # "a las tres de la tarde" (round 17): an hour in Spanish words, of the afternoon.
    (re.compile(r"\bde la (tarde|noche)\b"), r"da \1"),
    (re.compile(rf"\ba las ({'|'.join(_SPANISH_HOURS)})\b"), _spanish_hour),
    (re.compile(r"\bnoche\b"), "noite"),
    (re.compile(r"\ba las (?=\d)"), "as "),
    (re.compile(r"\ba la una\b"), "a 1"),
    (re.compile(r"\btemprano\b"), "cedo"),
    (re.compile(r"\bhoy\b"), "hoje"),
    (re.compile(r"\blunes\b"), "segunda"),
    (re.compile(r"\bmartes\b"), "terca"),
    (re.compile(r"\bmiercoles\b"), "quarta"),
    (re.compile(r"\bjueves\b"), "quinta"),
    (re.compile(r"\bviernes\b"), "sexta"),
)


def time_words_read(folded: str) -> str:
    """``folded`` with shorthand and Spanish time words written as the grammar reads them."""
    for said, meant in _SAID:
        folded = said.sub(meant, folded)
    return folded
