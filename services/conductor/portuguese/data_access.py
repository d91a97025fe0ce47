"""Who sees one's health records, asked: a data-rights question (round 16).

"quem tem acesso aos meus exames ai?", "vcs passam meus exames pra minha empresa?": the
patient asks who may see or receive their results, not about the exams as a service
(which the phrases read as a question about the clinic). One's exams, results or record
named with access, or passed on to an employer or another, is the law's question.
"""

from __future__ import annotations

import re

_RECORDS = r"(?:meus|minhas|os meus|as minhas) (?:exames|resultados|laudos|prontuario|informacoes)"
_ACCESS = re.compile(
    rf"\b(?:quem|alguem|outra pesoa|outras pesoas) (?:tem|teria|vai ter|pode ter) aceso\b"
    r"|\bquem (?:consegue|pode|vai) (?:ver|olhar|ler)\b"
    rf"|\b(?:pasam|pasa|mandam|manda|enviam|envia|repasam|repasa|compartilham|compartilha)"
    rf" {_RECORDS} (?:para|pra|pro) (?:a |o )?(?:minha |meu )?(?:empresa|patrao|chefe|rh"
    r"|convenio|plano|empregador)\b"
)
_OWN_RECORDS = re.compile(rf"\b{_RECORDS}\b|\b(?:meus|minhas) dados\b")


def records_access_asked(words: tuple[str, ...], folded: str) -> bool:
    """Whether the folded message asks who sees or receives one's records."""
    del words
    return _ACCESS.search(folded) is not None and _OWN_RECORDS.search(folded) is not None
