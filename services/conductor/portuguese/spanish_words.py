"""Spanish and Portunhol words read as the Portuguese ones (round 13).

Tourists and neighbours from the River Plate write to clinics on the coast in Spanish or
half of it: "necesito un turno", "queria cambiar el horario de mi cita", "hola buenas".
Each word that asks something is read as the Portuguese word for it; words Portuguese
also has ("la", "turno" but after a Spanish article) are left alone, and times are read by
``parse_when`` on the message as written.
"""

from __future__ import annotations

import re

from services.conductor.portuguese.english_words import english_read

# Whole phrases first ("buenos dias" is "bom dia", not "bom dias").
_PHRASES = (
    (re.compile(r"\bbuen(?:os|as) dias\b"), "bom dia"),
    (re.compile(r"\bbuenas tardes\b"), "boa tarde"),
    (re.compile(r"\bbuenas noches\b"), "boa noite"),
    # A booking is "un turno" only after a Spanish word: "turno da noite" is a work shift.
    # "tengo turno" too (round 18: "¿Tengo turno agendado?").
    (re.compile(r"\b(un|mi|el|su|tu|al|del|otro|tengo) turno\b"), r"\1 consulta"),
    # "no" is also Portuguese ("no dia"): refused only before a Spanish verb (round 17: "no
    # quiero recibir más mensajes"); "si" only opening the message ("si, voy a ir").
    (re.compile(r"\bno (quiero|puedo|voy|necesito)\b"), r"nao \1"),
    (re.compile(r"^si\b"), "sim"),
)

SPANISH = {
    "necesito": "preciso", "necesitaba": "precisava", "necesitaria": "precisaria",
    "quiero": "quero", "quisiera": "queria", "puedo": "posso", "podria": "poderia",
    "cita": "consulta", "citas": "consultas", "cambiar": "mudar", "cambio": "mudo",
    "hola": "ola", "buenas": "boa", "mi": "minha", "el": "o", "hay": "tem",
    "gracias": "obrigado", "ayuda": "ajuda", "donde": "onde", "cuanto": "quanto",
    "cuesta": "custa",
    # Data and messages, their erasure and their refusal (round 17: "quiero que borren mis
    # datos"); going ("voy a ir").
    "borren": "apaguem", "borrar": "apagar", "borra": "apaga", "datos": "dados",
    "mis": "meus", "recibir": "receber", "mensajes": "mensagens", "voy": "vou",
    "ustedes": "voces",
    # One's booking asked, one's data's use refused (round 18: "¿Tengo turno agendado?",
    # "ya no quiero que usen mis datos").
    "tengo": "tenho", "usen": "usem", "ya": "ja", "promociones": "promocoes",
    "publicidad": "publicidade",
}  # fmt: skip
"""Each Spanish word, folded (see ``fold``), and the Portuguese word read for it."""


def in_portuguese(folded: str) -> str:
    """Folded text with each Spanish (and English, see ``english_words``) word of a
    request replaced by the Portuguese one."""
    folded = english_read(folded)
    for phrase, said in _PHRASES:
        folded = phrase.sub(said, folded)
    return " ".join(SPANISH.get(word, word) for word in folded.split())
