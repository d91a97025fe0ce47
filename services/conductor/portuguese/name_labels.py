"""A name given after a label or in Spanish (round 13).

- A role or whom the booking is for, then a colon, as companies and relatives write a
  form: "Colaborador: Ricardo Nunes Barbosa", "Funcionária: ...", "é pro meu pai: José
  Wilson Cardoso". The colon sets the name apart as a comma would.
- Spanish introductions, in the tourist towns of the south and the coast: "me llamo
  Martín Sosa", "mi nombre es ...", "Nombre: ...", and English ones ("My name is ...",
  round 17), read as "me chamo" and "meu nome é" are.

The line: the label must be one of whom or of a role; any other words before a colon
("a consulta: amanhã") give no name.
"""

from __future__ import annotations

import re
import unicodedata

# A person's role in a company's or a clinic's form, folded.
_ROLE = (
    r"(?:nome (?:completo )?(?:d[oa] )?)?(?:colaborador|colaboradora|funcionario|funcionaria"
    r"|empregado|empregada|candidato|candidata|paciente|titular|dependente|beneficiario"
    r"|beneficiaria)"
)
_ROLE_LABEL = re.compile(rf"^{_ROLE}\s*:\s*(?=\S)", re.IGNORECASE)
# Whom the booking is for before a colon ("é pro meu pai: ..."): the colon as a comma.
_FOR_WHOM_COLON = re.compile(
    r"^((?:(?:a |o )?(?:consulta|vaga|horario|agendamento) )?(?:e|é|eh) (?:pro|pra|para) "
    r"(?:o |a )?(?:meu|minha)\s+[^\W\d_]+)\s*:\s*(?=\S)",
    re.IGNORECASE,
)
# A form's label in Spanish, and English introductions, at the border and in tourist towns
# (round 17: "Nombre: María José Giménez", "My name is John Peter Miller").
_SPANISH = re.compile(
    r"^(?:me llamo|mi nombre(?: completo)? es|nombre(?: completo)?\s*:|my (?:full )?name is)"
    r"\s+(?=\S)",
    re.IGNORECASE,
)


def without_label(text: str) -> str:
    """``text`` with a role label dropped, a colon after whom it is for made a comma, and a
    Spanish introduction said as a Portuguese one."""
    stripped = text.strip()
    if label := _ROLE_LABEL.match(_folded_letters(stripped)):
        return stripped[label.end() :]
    if for_whom := _FOR_WHOM_COLON.match(stripped):
        return f"{for_whom[1]}, {stripped[for_whom.end() :]}"
    return _SPANISH.sub("me chamo ", stripped)


def _folded_letters(text: str) -> str:
    """``text`` without accents, letter for letter, so matches index the original."""
    return "".join(unicodedata.normalize("NFKD", c)[0] for c in text)
