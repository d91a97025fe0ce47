"""Days named in telling what happened ("ela foi internada ontem à noite", "meu pai
faleceu no domingo", "ardendo desde domingo") or the day a booking had ("estava marcada
para quinta"), beside another day: not the day meant (round 12). Said alone they are
kept, a day over being asked about or looked up.

Already folded text, weekdays written out.
"""

from __future__ import annotations

import re

_DAY_GONE = (
    r"(?:ontem|anteontem|(?:no |na |neste |nesse |esse |este )?"
    r"(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)? passad[oa]"
    r"|(?:no |na )(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?)"
    r"(?: (?:a |de |pela |da )?(?:manha|tarde|noite))?"
)
# A verb in the past ("faleceu", "caiu", "internada", "fui") a few words before the day.
_TOLD = re.compile(
    r"\b(?!(?:vou|sou|dou|tou|estou|meu|seu|teu|eu|aqui|ali|dai|qui)\b)"
    rf"\w+(?:ei|ou|eu|iu|ui|ada|ado|ida|ido)(?: \w+){{0,2}}? {_DAY_GONE}\b"
    rf"|\bdesde (?:o |a )?(?:{_DAY_GONE}|(?:segunda|terca|quarta|quinta|sexta|sabado|domingo))\b"
)
# The day a booking had ("que estava marcada para quinta"), or was moved to before
# ("já tinha remarcado pra quinta", "remarquei pra sexta", round 14), beside the day now
# asked for: its hour and part of the day go with it, never onto the day asked for,
# unless the hour is said to be kept ("no mesmo horário").
_MONTH = (
    r"(?: de (?:janeiro|fevereiro|marco|abril|maio|junho|julho|agosto|setembro|outubro"
    r"|novembro|dezembro))?"
)
_BOOKED_DAY = (
    rf"(?:o |a )?(?:dia \d{{1,2}}(?:/\d{{1,2}})?{_MONTH}|\d{{1,2}}/\d{{1,2}}|amanha|hoje"
    r"|(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?: feira)?"
    rf"(?: (?:dia )?\d{{1,2}}\b{_MONTH})?)"
)
_BOOKED_HOUR = (
    r"(?: (?:as |a )?\d{1,2}(?::\d\d|h\d{0,2}| ?horas?)?(?: e meia)?(?!\w))?"
    r"(?: (?:de|da|a|pela) (?:manha|tarde|noite))?"
)
_WAS_BOOKED = re.compile(
    r"\b(?:(?:(?:estava|tava|era|foi|tinha|tinham|havia|ja|ficou) )+"
    r"(?:(?:re)?(?:marcad|agendad)|transferid|passad|mudad|trocad|adiad|antecipad)[ao]s?"
    r"|(?:remarquei|reagendei|marquei|agendei|transferi|passei|mudei|troquei|adiei"
    r"|antecipei|adiantei)(?: (?!pra\b|para\b|pro\b)\w+){0,3}?)"
    rf" (?:pra|para|pro|no|na|em) {_BOOKED_DAY}(?P<hour>{_BOOKED_HOUR})\b"
)
_HOUR_KEPT = re.compile(r"\b(?:mesmo horario|mesma hora|mesmo hora)\b")
_DAY_SAID = re.compile(
    r"\b(?:hoje|hj|amanha|dia \d{1,2}|\d{1,2}/\d{1,2}|semana que vem"
    r"|segunda|terca|quarta|quinta|sexta|sabado|domingo)\b"
)


def days_told_set_aside(folded: str) -> str:
    """``folded`` without the days it names in telling what happened or the day a booking
    had, when it names another day too."""
    return _told_set_aside(_booked_set_aside(folded))


def _booked_set_aside(folded: str) -> str:
    kept = _HOUR_KEPT.search(folded) is not None
    without = _WAS_BOOKED.sub(lambda m: f" {m['hour']} " if kept else " ", folded)
    return without if _DAY_SAID.search(without) else folded


def _told_set_aside(folded: str) -> str:
    without = folded
    for match in reversed(list(_TOLD.finditer(folded))):
        verb = "" if match[0].startswith("desde") else match[0].split()[0]
        without = without[: match.start()] + f" {verb} " + without[match.end() :]
    return without if _DAY_SAID.search(without) else folded
