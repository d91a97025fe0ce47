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

Since blind sets 21 to 24 the patient may be shown a minor another way: the child's age
said as under 18 ("sou a mãe dele, ele tem 12 anos, autorizo sim"), the child named as
one ("sou a mãe da menina"), or custody declared ("sou a avó e tenho a guarda dele",
"sou o responsável legal"). An age of 18 or more makes the patient an adult, whose
consent is her own, and the message stays unread. A parent declared with nothing that
shows a minor ("ta bom pode sim, sou o pai", "Autorizo. Sou a mãe do Davi") is left as
it was: the patient may be an adult child, and the LGPD line of round 13 keeps it unread.
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


# Whose parent: "dele", "dela", "do Davi", "da menina"; whose guardian: "pelo meu filho
# Davi" (round 16).
_WHOSE = (
    r"(?:\s+(?:del[ae]s?|d[ao]s?\s+(?!(?:meu|minha|seu|sua|paciente)\b)[a-z]+"
    r"|pel[ao]s?\s+(?:meu|minha|meus|minhas)\s+[a-z]+(?:\s+(?!(?:de|e|que)\b)[a-z]+)?))?"
)
_GUARDIAN_SAID = re.compile(
    r"\b(?:(?:eu\s+)?sou\s+(?:a\s+|o\s+)?(?:mae|pai|responsavel(?:\s+legal)?"
    # A guardian appointed by a court ("sou curadora do meu irmão", round 16).
    r"|curador[a]?|tutor[a]?\s+legal)"
    + r"(?:\s+d[ao]s?\s+(?:meu|minha|meus|minhas)\s+[a-z]+)?"
    + _WHOSE
    # Whose grandmother said ("sou a avó dela e tenho a guarda", round 17).
    + r"|(?:(?:eu\s+)?sou\s+(?:a\s+|o\s+)?[a-z]+(?:\s+del[ae])?\s+e\s+)?tenho\s+a\s+guarda"
    + _WHOSE
    + r")\b"
)
# What shows the patient a minor beside the one declared: custody, a child named as one.
_MINOR_SHOWN = re.compile(
    r"\b(?:tenho\s+a\s+guarda|responsavel\s+legal|curador[a]?|tutor[a]?\s+legal"
    r"|(?:mae|pai)\s+d[ao]s?\s+(?:menin[ao]s?|crianca|criancas|bebe|nene|pequen[ao])"
    # Round 16: a baby, a newborn, a school or a nursery named ("é pro meu bebê", "ele
    # precisa do atestado pra escola").
    r"|bebe|nene|recem\s*-?\s*nascid[ao]|escola|creche|bercario|colegio|pediatra)\b"
)
# One's own child named (round 16): "meu filho", "minha filha Ana", "meu bebê". Beside an
# age under 18 or a baby named, the one writing is shown the parent of a minor.
_OWN_CHILD = (
    r"(?:minha|meu)\s+(?:filh[ao]|bebe|nene|recem\s*-?\s*nascid[ao])"
    r"(?:\s+(?!(?:de|e|que|ta|tem|esta)\b)[a-z]+)?"
)
_FOR_OWN_CHILD = re.compile(
    rf"\b(?:(?:e|eh)\s+)?(?:(?:pra|para|pro|do|da)\s+(?:o\s+|a\s+)?)?{_OWN_CHILD}\b"
)
# The child's age: "ele tem 12 anos", "a menina tem 6 anos".
_AGE = re.compile(
    r"\b(?:ele|ela|o\s+menino|a\s+menina|a\s+crianca)\s+(?:tem|e\s+de)\s+(\d{1,3})\s+anos?\b"
    # The child named with the age ("pra minha filha de 15 anos", "meu filho Davi de 8
    # anos", round 16): "pra" before it goes with it.
    r"|\b(?:(?:e\s+)?(?:pra|para|pro|pela|pelo)\s+)?(?:minha|meu)\s+(?:filh[ao]|enteado|enteada"
    r"|net[ao]|sobrinh[ao]|menin[ao])(?:\s+(?!(?:de|e|que)\b)[a-z]+)?\s+de\s+(\d{1,2})\s+anos?\b"
)
# What the child needs the visit for, said after the minor is shown ("ele tem 15 anos e
# precisa do atestado pro futsal", round 16): the reason for the booking, no condition.
_CHILD_NEED = re.compile(
    r"\b(?:(?:e|que|pq|porque)\s+)?(?:(?:ele|ela)\s+)?precisa\s+d[eo]\s+(?:um\s+|uma\s+)?"
    r"(?:atestado|laudo|exame|receita|declaracao|vacina|vacinas|consulta)"
    r"(?:\s+(?:pra|para|pro|da|do|de)\s+(?:a\s+|o\s+)?[a-z]+)?\s*[.!]*\s*$"
)


# Blind sets 33 and 35: the visit the child will have, said beside the age ("ele tem 9
# anos e vai fazer o eco", "... q ele tem 12 anos e vai fazer fisio comigo"): the
# booking's reason, no condition. Only read once a minor and the parent are shown.
_CHILD_VISIT = re.compile(
    r"\b(?:(?:e|que|q|pq|porque)\s+)?(?:(?:ele|ela)\s+)?vai\s+fazer\s+(?:o\s+|a\s+|um\s+|uma\s+)?"
    r"(?:eco|ecocardiograma|holter|eletro|eletrocardiograma|fisio|fisioterapia|exames?"
    r"|consulta|vacina|vacinas|tratamento|raio\s*-?\s*x|ultrassom|check\s*-?\s*up)"
    r"(?:\s+(?:comigo|tambem|tbm|junto))?\b"
)
# "e tbm autorizo pro meu filho": the yes said again for the child, no new clause.
_ALSO = re.compile(r"\b(?:e\s+)?(?:tambem|tbm|tb)\s+(?=(?:autorizo|aceito|concordo)\b)")


def without_guardian_said(text: str) -> str:
    """``text`` in lower case without accents and without the guardian declared (with the
    child's data, or what shows a minor, beside it); otherwise ``text`` unchanged."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    if _CHILD_DATA.search(folded) is not None and _PARENT_SAID.search(folded) is not None:
        return _PARENT_SAID.sub(" ", _CHILD_DATA.sub(" dados ", folded))
    ages = [int(a or b) for a, b in _AGE.findall(folded)]
    if any(age >= 18 for age in ages):
        return text  # an adult's consent is her own
    minor = bool(ages) or _MINOR_SHOWN.search(folded) is not None
    if _GUARDIAN_SAID.search(folded) is None:
        # Round 16: one's own child with a minor shown ("é pro meu filho de 10 anos",
        # "é pro meu bebê") declares the parent as "sou a mãe" does.
        if not minor or _FOR_OWN_CHILD.search(folded) is None:
            return text
    elif not minor:
        return text  # a parent of whom? an adult child's consent is her own
    kept = _GUARDIAN_SAID.sub(" ", _AGE.sub(" ", folded))
    kept = _ALSO.sub(" , ", _CHILD_VISIT.sub(" ", kept))
    return _CHILD_NEED.sub(" ", _FOR_OWN_CHILD.sub(" ", kept))
