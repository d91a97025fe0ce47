"""Spanish and Portunhol words read as the Portuguese ones (round 13).

Tourists and neighbours from the River Plate write to clinics on the coast in Spanish or
half of it: "necesito un turno", "queria cambiar el horario de mi cita", "hola buenas".
Each word that asks something is read as the Portuguese word for it; words Portuguese
also has ("la", "manana" for the morning) are left alone, and times are read by
``parse_when`` on the message as written.
"""

from __future__ import annotations

import re

# Greetings first, as whole phrases ("buenos dias" is "bom dia", not "bom dias").
_GREETINGS = (
    (re.compile(r"\bbuen(?:os|as) dias\b"), "bom dia"),
    (re.compile(r"\bbuenas tardes\b"), "boa tarde"),
    (re.compile(r"\bbuenas noches\b"), "boa noite"),
)

SPANISH = {
    "necesito": "preciso", "necesitaba": "precisava", "necesitaria": "precisaria",
    "quiero": "quero", "quisiera": "queria", "puedo": "posso", "podria": "poderia",
    "turno": "consulta", "turnos": "consultas", "cita": "consulta", "citas": "consultas",
    "cambiar": "mudar", "cambio": "mudo", "hola": "ola", "buenas": "boa",
    "mi": "minha",
    "el": "o", "hay": "tem", "gracias": "obrigado", "ayuda": "ajuda", "donde": "onde",
    "cuanto": "quanto", "cuesta": "custa", "medica": "medica",
}  # fmt: skip
"""Each Spanish word, folded (see ``fold``), and the Portuguese word read for it."""


def in_portuguese(folded: str) -> str:
    """Folded text with each Spanish word of a request replaced by the Portuguese one."""
    for greeting, said in _GREETINGS:
        folded = greeting.sub(said, folded)
    return " ".join(SPANISH.get(word, word) for word in folded.split())
