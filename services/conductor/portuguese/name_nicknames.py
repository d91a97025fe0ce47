"""A nickname tied to a place or a title alone is no name (rounds 16 and 17).

Asked how they are called, some answer with how the neighbourhood knows them: "é o zé da
farmacia kkk", "a Cida do posto", "Dona Cida", "Seu Tonho". None is a name to book under,
so the brain asks again. A short form or a diminutive alone ("Bia", "Duda", "Zezinho")
is what the person is called, and the question ("como você se chama? Escreva só o seu
nome") asks for no more: it is taken as the name. A nickname given after an introduction
stays the name it was ("sou eu, a Dona Cida" is Cida).
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_SHORT_FORMS = (
    r"(?:duda|cida|ze|zeca|beto|kiko|guga|zezinho|zezinha|bia|tati|binho|tiquinho|juju|manu|gabi"
    r"|rafa|nando|guto|lipe|dani|pri|fer|malu|nana|tata|tonho|toninho|chico"
    r"|quinho|neno|nenem|cacau|dede|didi|dinho|tete|titi|vivi|zuzu)"
)
# A diminutive made of a name ("Zezinho", "Joaozinho", "Luizinha", "Juninho", "Pedrinho");
# not the names that end so ("Agostinho", "Martinho", "Terezinha").
_DIMINUTIVE = r"(?!terezinha\b|agostinho\b|martinho\b|marinho\b)(?:[a-z]+zinh[oa]|[a-z]+inho)"
_PLACES = (
    r"(?:farmacia|padaria|mercado|mercadinho|feira|esquina|posto|oficina|igreja|banca|bar"
    r"|loja|academia|escola|quitanda|borracharia|lanchonete|rua|praca|vila|sitio|roca)"
)
_NICKNAME = re.compile(
    rf"^(?:(?:e|eh) )?(?:(?:a|o) )?(?:(?:{_SHORT_FORMS}|{_DIMINUTIVE})"
    rf" d[aoe] {_PLACES}|(?:dona|seu|sr|sra|tia|tio) [a-z]+)"
    r"(?: (?:k+|rs+|haha\w*))?$"
)


def nickname_only(text: str) -> bool:
    """Whether ``text`` gives only a nickname tied to a place or a title, no name."""
    return _NICKNAME.match(fold(text)) is not None
