"""A time the patient can come, told with what bounds it (round 15).

Without a word of booking, a time is a booking wanted when it is told:
- as the only one, or on a condition: "so na terça dia 1", "sabado de manha so se for
  antes das 10", "so depois das 15 na quinta";
- as wanted or liked: "to querendo pra quinta a tarde", "segunda depois do almoço seria
  tri";
- with whom or what it is for, closing it: "quarta feira de tarde pra Heitor", "amanhã
  17h30 pra limpeza de pele";
- with when one is free, said of one's own day, a day named: "depois das 17 na quinta, pq saio do
  trabalho 16h30", "quinta de noite depois que eu chegar da roça", "so se for depois das
  19h amanha, trabalho no shopping".

A bare time, none of these, stays a reply for the agent under way. A verb of moving or
cancelling, or one's booking named, asks something else. Text is folded.
"""

from __future__ import annotations

import re

# Minas' "não sô" (no, sir) and "não só" (not only) bound nothing ("nao sô, dia 1 eu
# viajo"); "só hoje" is an advert's word ("PROMOÇÃO ... só hoje!!!"); a day after "só"
# bounds a time when its part or hour follows ("só amanhã à tarde", not "só amanhã eu
# vejo isso").
_DAYS = r"(?:amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo)"
_BOUNDED = re.compile(
    r"(?<!nao )\bso (?:se for|se fose|depois|dps|antes|a partir|pos+o|pode|da|na|no"
    r"|dia \d|de manha|de tarde|a tarde|a noite|de noite|pela manha"
    rf"|{_DAYS} (?:de|a|as|pela|depois|antes|\d))\b"
    r"|\b(?:to|tou|estou|ando|tava|estava) querendo\b"
    r"|\bseria (?:tri|top|show|masa|otimo|bom|perfeito|ideal|o ideal)\b"
)
# Words that tell a time, and nothing else: the time before "pra" whom or what it is for.
_TIME_TOKEN = (
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo|feira|hoje|amanha|de|da|do|a|as"
    r"|tarde|manha|noite|dia|e|meia|meio|depois|antes|cedo|semana|que|vem|proxima|proximo"
    r"|pela|na|no|ou|dezembro|dez|novembro|janeiro|\d+\w*(?:/\d+)?)"
)
_FOR_WHOM_OR_WHAT = re.compile(
    rf"^(?:{_TIME_TOKEN} )+(?:pra|para|pro|pros|pras) (?:(?:o|a|os|as) )?"
    r"(?:(?:meu|minha|meus|minhas) )?(?!(?:dia|semana|mes|hoje|amanha|segunda|terca|quarta"
    r"|quinta|sexta|sabado|domingo|tarde|manha|noite|la|mais|\d)\b)[a-z]+(?: d[aeo] [a-z]+)?$"
)
# One's own day, told as why the time is the one ("saio do trabalho 18h").
_OWN_DAY = re.compile(
    r"\b(?:saio|chego|largo|volto|pego|entro) (?:d[oa] |n[oa] |as )?"
    r"(?:trabalho|servico|plantao|escola|faculdade|roca|mercado|feira|shopping|\d)"
    r"|\bdepois que (?:eu )?(?:chegar|sair|voltar|largar)\b"
    r"|\btrabalho (?:no|na|de|ate|em|o dia)\b"
)
# The day one can come, named: an hour alone is when one leaves work, and with the hours
# the clinic keeps asked ("funciona de noite? saio do trabalho as 19h") it asks them.
_DAY_NAMED = re.compile(
    r"\b(?:hoje|amanha|segunda|terca|quarta|quinta|sexta|sabado|domingo|dia \d+)\b"
)
# One's own day with its hour ("saio do trabalho as 19h"), set aside to find the time meant.
_OWN_DAY_HOUR = re.compile(
    r"\b(?:saio|chego|largo|volto|pego|entro) (?:d[oa] |n[oa] )?(?:\w+ )?(?:as )?\d+\w*"
    r"(?: (?:d[oa] )?\w+)?|\btrabalho de \d+\w* (?:as|a) \d+\w*"
)
_WHEN_IN_DAY = re.compile(
    r"\b(?:as|das|depois|antes|a partir|de manha|pela manha|a tarde|de tarde|a noite|de noite"
    r"|cedo|\d+ ?h)\b"
)
_KEPT_HOURS = re.compile(r"\b(?:funciona|funcionam|abre|abrem|fecha|fecham|ate que horas?)\b")
_OTHER_REQUEST = re.compile(
    r"\b(?:remarc\w*|reagend\w*|desmarc\w*|cancel\w*|mudar|muda|trocar|troca|pasar|adiantar"
    r"|antecipar|minha consulta|meu horario|consulta marcada|nao pos+o|nao da|nao vou)\b"
)


def time_bounded(folded: str) -> bool:
    """Whether ``folded`` tells its time as the only one, on a condition, as wanted, or for
    someone or something (the time itself is looked for by the caller)."""
    if _OTHER_REQUEST.search(folded):
        return False
    return _BOUNDED.search(folded) is not None or _FOR_WHOM_OR_WHAT.search(folded) is not None


def own_day_told(words: tuple[str, ...], folded: str) -> bool:
    """Whether ``folded`` names a time with when the patient is free, asking nothing else:
    a day, and an hour, a part of the day or a bound besides those of one's own day."""
    del words
    own = _OWN_DAY.search(folded)
    if own is None or _OTHER_REQUEST.search(folded) or _KEPT_HOURS.search(folded):
        return False
    rest = _OWN_DAY_HOUR.sub(" ", folded)
    return _DAY_NAMED.search(rest) is not None and _WHEN_IN_DAY.search(rest) is not None
