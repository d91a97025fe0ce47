"""Hours of one's own routine told beside the time asked for (round 15).

"consigo amnh as 14h? saio do plantão de manhã e durmo um pouco antes", "saindo do
plantão agr, 7h... quero pra quinta 9h", "trabalho de 6 as 14 no ônibus, então só depois
das 15 na quinta", "tem as 6 da manhã amanhã? pego 7h no hospital": a clause that tells
what one does or where one is ("trabalho", "saio", "pego", "folgo", "to no", "aqui")
names the hours of that, not of the booking. It is set aside when another clause names a
time; told alone ("trabalho até as 17h") it is read as before.

Clauses end at a sentence's mark, and a request or a turn ("marca pra mim", "quero",
"pode ser", "então", "só", "mas") or a reason ("porque") opens one of its own; a comma
does not end one ("saindo do plantão agr, 7h" is one). Read on the text as written
(folding drops the marks).
"""

from __future__ import annotations

import re

from services.conductor.portuguese.text import fold

_CLAUSE_END = re.compile(
    r"[?!.;\u2026]+|\s(?=(?:marca|marque|agenda|quero|queria|pode ser|entao|então|so|só|mas"
    r"|da pra|dá pra|porque|pq|pois)\b)",
    re.IGNORECASE,
)
# What one does or where one is, said in the first person or of the one the booking is for.
_ROUTINE = re.compile(
    r"\b(?:trabalho|trabalha|saio|saindo|sai|pego|pega|entro|entra|durmo|folgo|folga|estudo"
    r"|acordo|chego|plantao|escala|(?:to|tou|estou|ta|esta|fico) (?:no|na|em)|aqui)\b"
)
# A request, which makes the clause one of asking, whatever else it tells.
_ASKING = re.compile(
    r"\b(?:tem|teria|consigo|consegue|pode|podia|da pra|marca|marque|quero|queria|gostaria|so"
    r"|prefiro|melhor|vaga|horario|tiver|der|seria)\b"
)
# A correction ("aliás 15h que 14h eu pego o menino") or the time wanted told by what
# happens then ("que é quando eu folgo") is no routine beside the request.
_KEPT = re.compile(
    r"\b(?:quando|alias|digo|ou melhor|na verdade|quer dizer|pera|perai|ops|opa|entao)\b"
)
# A time asked for by an event ("depois da escola? ela sai meio dia"): the routine told
# gives its hour.
_BY_EVENT = re.compile(r"\b(?:depois|antes|apos) d[aeo]s? (?!\d)|\bquando\b")
_DAY_SAID = re.compile(
    r"\b(?:hoje|hj|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia \d{1,2})\b"
)
_TIME_SAID = re.compile(
    r"\d|\b(?:hoje|hj|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|manha|tarde"
    r"|noite|meio dia)\b"
)


def routine_set_aside(text: str) -> str:
    """``text`` without the clauses that tell one's own routine, when another clause that
    is left names a time."""
    spans = _clauses(text)
    told = [(start, end) for start, end in spans if _tells_routine(fold(text[start:end]))]
    kept = [(start, end) for start, end in spans if (start, end) not in told]
    if not told or not any(_TIME_SAID.search(fold(text[start:end])) for start, end in kept):
        return text
    if any(_BY_EVENT.search(fold(text[start:end])) for start, end in kept):
        return text
    # "quinta eu trabalho até as 14, pode ser as 15?": the day told stays the day asked
    # about, when the request names none of its own.
    dayless = not any(_DAY_SAID.search(fold(text[start:end])) for start, end in kept)
    for start, end in reversed(told):
        days = " ".join(_DAY_SAID.findall(fold(text[start:end]))) if dayless else ""
        text = f"{text[:start]} {days} {text[end:]}"
    return text


def _tells_routine(clause: str) -> bool:
    """Whether a folded clause tells one's routine, neither asking nor putting right nor
    saying when the time wanted is ("quinta de tarde, que é quando eu folgo")."""
    if _ASKING.search(clause) or _KEPT.search(clause):
        return False
    return _ROUTINE.search(clause) is not None


def _clauses(text: str) -> list[tuple[int, int]]:
    """Where each clause of ``text`` starts and ends, its closing marks left out."""
    marks = list(_CLAUSE_END.finditer(text))
    starts = [0, *(match.end() for match in marks)]
    ends = [*(match.start() for match in marks), len(text)]
    return list(zip(starts, ends, strict=True))
