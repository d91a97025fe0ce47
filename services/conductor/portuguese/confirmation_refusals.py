"""Refusals of a proposal said by what fills its time, by a limit, or by asking for
another option (round 11).

- The hour or the day proposed named with what fills it ("não, às 10 eu trabalho",
  "esse horário eu trabalho", "nesse dia ele tem aula"): the time named is the one
  refused, not a new one asked; a no.
- The day proposed pointed at with the only part of it that suits ("nesse dia só consigo
  depois das 17"): a no, the part named read as the new request on that day. With an
  hour ("nesse dia só consigo às 15") it proposes anew and stays unread, as "não, às
  16h" does.
- A weekday named just before the negator ("terça não dá não", "xi, terça não rola"):
  the day pointed at, as "esse dia não dá" points at it; a no.
- A no, then a question for another option ("não, tem dia 3?", "não dá, pode ser
  quarta?", "esse não, tem na terça mesmo só que de tarde?"): the no holds and the day,
  part or hour asked is read as the new request. Round 13: with an hour too ("não dá,
  pode ser no mesmo dia às 15h?", "não serve. Teria às 14h no mesmo dia?"), as round 12
  read "não pode ser dia 3 às 14h?": the brain reads the hour asked after a no as it does
  after an unread answer, and a no asked is no yes. A plain no naming a new hour unasked
  ("não, às 16h") still proposes anew and stays unread.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from services.conductor.portuguese.answer_parts import asks
from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_ANY_DAY = date(2026, 1, 5)
# The time proposed pointed at, or an hour named; or a part of the day, with its weekday
# or not ("terça de manhã eu trabalho", blind sets 21 to 24).
_POINTER = (
    r"(?:(?:n?ess[ea]|n?est[ea])\s+(?:horario|hora|dia|data)"
    r"|(?:(?:segunda|terca|quarta|quinta|sexta|sabado|domingo)(?:\s+feira)?\s+)?"
    r"(?:de|pela|a|na)\s+(?:manha|tarde|noite))"
)
_HOUR = r"(?:(?:as|a)\s+)?\d{1,2}(?:\s*h(?:\s*\d{2})?|:\d{2})?"
# Whom the time is filled for, and the verbs of being busy with something else.
_WHO = r"(?:eu|ele|ela|a gente|nos|meu \w+|minha \w+|mainha|painho)"
_BUSY = (
    r"(?:trabalh\w*|estud\w*|levo|leva|busco|busca|pego|pega|viajo|viaja|tenho|tem"
    r"|to trabalhando|estou trabalhando|ta trabalhando|dou aula|faco|faz"
    # Being somewhere else at that time ("10h eu to na lavoura", round 12).
    r"|(?:to|estou|ta|esta|vou estar|vou ta)\s+(?:na|no|em)\s+(?!consulta\b)\w+)"
)
# "tenho como" is being able, "tenho a consulta" the booking itself: no busy verb.
_FILLED = re.compile(
    rf"^(?:(?:nao|n)\s+)?(?:{_POINTER}|{_HOUR})\s+(?:ja\s+)?"
    # The first person said by its verb alone ("10h to no meio do plantao").
    rf"(?:{_WHO}\s+(?:ja\s+)?{_BUSY}|(?:to|tou|estou)\s+(?:na|no|em)\s+(?!consulta\b)\w+"
    r"|trabalho|estudo)\b"
    r"(?!\s+(?:como|(?:a\s+|uma\s+)?(?:consulta|horario|hora\s+marcada|retorno))\b)"
)
_ONLY_PART = re.compile(
    rf"^(?:(?:nao|n)\s+)?{_POINTER}\s+(?:eu\s+|ele\s+|ela\s+)?(?:so|somente|apenas)\s+"
    r"(?:consigo|posso|da|rola|vou poder|consegue|pode)\s+"
    r"(?:depois|antes|a partir|apos|ate|de manha|de tarde|a tarde|a noite|de noite"
    r"|mais tarde|mais cedo|pela manha|pela tarde|no fim da tarde|no final da tarde)\b"
)
_CONTRAST = re.compile(r"\b(?:mas|porem|so que|entao)\b")
# The first clause (up to a comma or a stop), then the rest.
_FIRST_CLAUSE = re.compile(r"^\s*(?P<said>[^,.;!?\n]+)[,.;!\n]+\s*(?P<asked>.+)$", re.DOTALL)
# Words that open a question for another option.
_ASKING = re.compile(
    r"^(?:e\s+|mas\s+)?(?:tem|teria|tinha|haveria|ha|pode ser|podia ser|poderia ser|da pra"
    r"|da para|rola|consegue|tem como|seria possivel|pode)\b"
    # What is asked said before its verb ("amanhã tem?", "sexta de manhã pode?"), with
    # its date and hour too ("quinta dia 3 as 15h tem?", round 16).
    r"|^(?:e\s+|mas\s+)?(?:[a-z0-9]+\s+){1,6}(?:tem|teria|tinha|da|rola|pode|serve)\s*$"
)


# A sigh or a cry before the answer ("aff 10h eu to na facul", round 13): no part of it.
_SIGH = re.compile(r"^(?:(?:af+s?|ih|putz|xi|vixe|eita|poxa|mds|pqp)\s+)+")


def refused_by_what_fills_it(text: str) -> bool:
    """Whether ``text`` refuses the time proposed by what fills it or by the only part
    of the day that suits, naming no hour to book ("não, às 10 eu trabalho")."""
    if asks(text):
        return False
    folded = _SIGH.sub("", fold(text))
    if _CONTRAST.search(folded):
        return False  # "às 10 eu trabalho, mas às 11 dá": another time offered, read as such
    if _FILLED.match(folded):
        return True
    if _ONLY_PART.match(folded):
        when = parse_when(text, _ANY_DAY)
        return when is None or when.at is None
    return False


# Round 14: the no and its reasons, then the question in the last clause ("não, 10h é
# muito cedo pra mim, pode ser no mesmo dia às duas da tarde?").
_LAST_CLAUSE = re.compile(r"^(?P<said>.+?)[,.;!\n]+\s*(?P<asked>[^,.;!\n]+)$", re.DOTALL)


def no_then_another_asked(text: str, read: Callable[[str], bool | None]) -> bool:
    """Whether ``text`` is a no (as ``read`` reads it), then a question for another option
    ("não, tem dia 3?", "não dá, pode ser no mesmo dia às 15h?")."""
    for split in (_FIRST_CLAUSE.match(text), _LAST_CLAUSE.match(text)):
        if split is None or not asks(split["asked"]) or asks(split["said"]):
            continue
        if _ASKING.match(fold(split["asked"])) is not None and read(split["said"]) is False:
            return True
    return False


# A weekday said right before the negator, or called impossible ("terça é impossível"):
# the day refused, pointed at.
_WHO_REFUSES = r"(?:(?:eu|ele|ela|a gente|nos|n[oó]s)\s+)?"
_DAY_REFUSED = re.compile(
    # Its subject may come between ("terça eu nao consigo", round 16).
    r"\b(?:segunda|ter[cç]a|quarta|quinta|sexta)(?:[- ]feira)?"
    rf"(?=\s+{_WHO_REFUSES}(?:n[aã]o|n|num|[eé]\s+imposs[ií]vel)\b)"
    r"|\b(?:s[aá]bado|domingo)"
    rf"(?=\s+{_WHO_REFUSES}(?:n[aã]o|n|num|[eé]\s+imposs[ií]vel)\b)"
    # A weekday with its part of the day ("terça de manha nao rola", round 16).
    r"|\b(?:segunda|ter[cç]a|quarta|quinta|sexta|s[aá]bado|domingo)(?:[- ]feira)?"
    r"\s+(?:de|pela|[aà]|na) (?:manh[aã]|tarde|noite)"
    rf"(?=\s+{_WHO_REFUSES}(?:n[aã]o|n|num)\b)"
    # A part of the day likewise ("de manhã não consigo, tem de tarde?", round 12).
    r"|\b(?:de|pela|[aà]|na) (?:manh[aã]|tarde|noite)(?=\s+(?:n[aã]o|n|num)\b)",
    re.IGNORECASE,
)


_HOUR_WORDS = r"(?:uma|duas|tr[eê]s|quatro|cinco|seis|sete|oito|nove|dez|onze|doze)"
# An hour likewise ("10h não dá, trabalho", "às 10 não consigo", round 14).
_HOUR_REFUSED = re.compile(
    r"(?:\b[aà]s?\s+\d{1,2}(?:\s*h(?:\d{2})?|:\d{2})?|\b\d{1,2}(?:h(?:\d{2})?|:\d{2})"
    # Said with "horas", in digits or words ("dez horas não dá", blind sets 21 to 24).
    # Chat's "hr", "hrs", "hs" for "horas" ("10 hr nao chego", round 18).
    rf"|\b(?:\d{{1,2}}|{_HOUR_WORDS})\s*(?:horas?|hrs?|hs)\b)"
    r"(?=\s+(?:n[aã]o|n|num)\b)",
    re.IGNORECASE,
)


def with_day_pointed(text: str, proposed: datetime | None = None) -> str:
    """``text`` with a weekday said before a negator written as "esse dia" ("terça não
    dá" is "esse dia não dá"), an hour as "esse horário"; the proposal's own date too,
    given it ("oxe dia 1 nao, to viajando", round 16)."""
    if proposed is not None:
        text = _proposal_date(proposed).sub("esse dia", text)
    return _HOUR_REFUSED.sub("esse horário", _DAY_REFUSED.sub("esse dia", text))


def _proposal_date(proposed: datetime) -> re.Pattern[str]:
    """The proposal's date said before a negator ("dia 1 não", "dia 01/12 eu não posso")."""
    return re.compile(
        rf"\b(?:n[oa]\s+)?dia\s+0?{proposed.day}(?:/0?{proposed.month}(?:/\d{{2,4}})?)?"
        rf"(?=\s+{_WHO_REFUSES}(?:n[aã]o|n|num)\b)",
        re.IGNORECASE,
    )
