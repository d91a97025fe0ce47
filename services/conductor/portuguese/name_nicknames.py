"""A nickname alone is no full name (round 16).

Asked "Qual é o seu nome completo?", some answer with what they are called: "Duda",
"Zezinho", "Dona Cida", "é o zé da farmacia kkk". None is a name to book under, so the
brain asks again. Read as a nickname, when nothing but it is said:

- a short form Brazilians are called by, or a diminutive in "-zinho"/"-zinha" ("Duda",
  "Zezinho", "Cida"); those some are registered with ("Lulu", "Dudu", "Xuxa", "Bebel")
  are left as names;
- a form of address with one word ("Dona Cida", "Seu Zé");
- a short form with the place one is known by ("o Zé da farmácia", "a Cida do posto").

A first name alone is a name as before ("Carlos", "Julia"), and a nickname given after an
introduction stays the name it was ("sou eu, a Dona Cida" is Cida, "pode me chamar de
Bia" is Bia), as earlier rounds read them.
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
    rf"(?: d[aoe] {_PLACES})?|(?:dona|seu|sr|sra|tia|tio) [a-z]+)"
    r"(?: (?:k+|rs+|haha\w*))?$"
)


def nickname_only(text: str) -> bool:
    """Whether ``text`` gives only a nickname, no full name."""
    return _NICKNAME.match(fold(text)) is not None
