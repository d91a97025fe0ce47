"""A parent consenting for a child's data, saying so (round 13).

The LGPD (art. 14) asks a child's consent of a parent or legal guardian. A yes that names
the data as the child's and says who gives it ("sim pode usar os dados da minha filha,
sou a mãe dela") is the guardian's consent, as "autorizo meus dados e os do meu filho,
que ele é menor" is (round 8): both phrases are taken out and the rest read as the
answer. The child's data named without the parent declaring herself, or the parent
declared without the data named as the child's, are left as they were; a consent given
by anyone else for the patient ("sou a neta dela, ela disse que sim", "a empresa
autoriza o uso dos dados do colaborador") is no consent of the person whose data it is,
and stays unread.
"""

from __future__ import annotations

import re
import unicodedata

_CHILD = r"(?:minha filha|meu filho|minhas filhas|meus filhos|minha menina|meu menino)"
_CHILD_DATA = re.compile(rf"\b(?:(?:os|as)\s+)?(?:dados|informacoes)\s+d(?:a|o|as|os)\s+{_CHILD}\b")
_PARENT_SAID = re.compile(
    r"\b(?:(?:eu\s+)?sou\s+(?:a\s+|o\s+)?(?:mae|pai|responsavel(?:\s+legal)?)"
    r"(?:\s+del[ae]s?)?|(?:a\s+|o\s+)?(?:mae|pai)\s+(?:sou\s+eu|aqui))\b"
)


def without_guardian_said(text: str) -> str:
    """``text`` in lower case without accents and without the child's data named and the
    parent declared, when it says both; otherwise ``text`` unchanged."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    if _CHILD_DATA.search(folded) is None or _PARENT_SAID.search(folded) is None:
        return text
    return _PARENT_SAID.sub(" ", _CHILD_DATA.sub(" dados ", folded))
