"""Accents restored to common Brazilian names typed without them (round 11).

Patients type on phones that drop accents, or in capitals: "JOSE CARLOS DOS SANTOS",
"joao pedro lima", "Sebastiao Rodrigues Neto". A name is written back with its accents
only where the spelling without them is no usual name anywhere: "Joao", "Sebastiao",
"Goncalves" are only ever "João", "Sebastião", "Gonçalves", and "Jose" is "José" in
Portuguese and Spanish alike. Spellings that are names of their own are left as typed:
"Antonio" (Italian and Spanish, and common in Brazilian registries), "Lucia", "Marcia",
"Cicero", "Luis"; and no ending is accented by rule, for "-ao" ends Chinese names too
("Zhao", "Xiao", "Cao").
"""

from __future__ import annotations

_ACCENTED = {
    "jose": "josé", "joao": "joão", "sebastiao": "sebastião", "conceicao": "conceição",
    "assuncao": "assunção", "simoes": "simões", "magalhaes": "magalhães",
    "goncalves": "gonçalves", "goncalo": "gonçalo", "araujo": "araújo",
    "guimaraes": "guimarães", "damiao": "damião", "estevao": "estevão", "adao": "adão",
    "brandao": "brandão", "falcao": "falcão", "aragao": "aragão", "jordao": "jordão",
    "gusmao": "gusmão", "galvao": "galvão",
    # "Maria das Graças": the plain "gracas" is no word of a name (round 15).
    "gracas": "graças",
}  # fmt: skip


def accented(word: str) -> str:
    """``word`` with its accents restored when it is a common name typed without them,
    in the case it was typed in; otherwise ``word`` unchanged."""
    restored = _ACCENTED.get(word.lower())
    if restored is None:
        return word
    if word.isupper():
        return restored.upper()
    return restored.capitalize() if word[:1].isupper() else restored
