"""The proposal refused by its weekday or hour, then another time asked (blind sets 31, 32).

Three shapes of a no to "Terça-feira, 01/12 às 10:00 ... Posso confirmar?" whose time
the time grammar, reading the whole message, leaves in doubt because it names two:

- The weekday proposed refused, then a dated day asked: "n consigo terça, pode ser quarta
  dia 2 de manha?". The refused weekday is no time wanted; the rest ("quarta dia 2 de
  manhã") is read alone. Only a day with its date is taken: a weekday alone may be of
  either week, and ``weekday_of_proposal_week`` reads it.
- The hour proposed refused, then another hour "do mesmo dia" in a sentence of its own:
  "Não consigo às 10h. Poderia ser às 14h do mesmo dia?". The hour refused is no time
  wanted; the day is the proposal's, as round 16 read it when no hour was refused. Any
  other sentence naming a day leaves the doubt. Said in one sentence, with no "mesmo
  dia" ("não consigo às 10, pode ser às 15h?"), the hour refused is taken out and the
  one other hour, with no day of its own, is read on the day proposed, as round 14 reads
  "não, às 16h".
- A no, the proposal's part of the day said taken, then the proposal's weekday asked
  with another part: "nao pode ser, meu guri tem aula de manha. teria terça de tarde?".
  The morning refused is the proposal's, so the Tuesday asked is that one, not today;
  only a part of the day is read so (no hour, so nothing is booked before the agent
  offers a time). A bare "não, na terça de tarde" stays asked, as round 11 left it.

Blind set 36: the hour one is busy until, then "later" asked: "no puedo, trabajo en el
campo hasta las 17. tiene más tarde?", "não posso, trabalho até as 17, tem mais tarde?".
The later asked is after that hour, the proposal's day (a bound, no hour: nothing is
booked before the agent offers one). Said in Portunhol the words are read as written:
"hasta las" is "até as", "más" is "mais".
"""

from __future__ import annotations

import re
from datetime import datetime, time

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import When, parse_when

_WEEKDAYS = ("segunda", "terca", "quarta", "quinta", "sexta", "sabado", "domingo")
_ABLE = r"(?:consigo|posso|da|vai\s+dar|rola|tenho\s+como|vou\s+poder|podo)"
_PART = r"(?:de|pela|a|na)\s+(?:manha|tarde|noite)"
# A date of its own ("dia 2", "02/12").
_OWN_DATE = re.compile(r"\bdia\s+\d|\b\d{1,2}/\d{1,2}\b")


def _weekday_refused(name: str) -> re.Pattern[str]:
    """The weekday refused whole ("n consigo terça", "terça não dá"), not a part of it."""
    return re.compile(
        rf"\b(?:nao|n|num)\s+(?:{_ABLE}\s+)?(?:(?:na|a)\s+)?{name}(?:[- ]feira)?\b"
        rf"(?!\s+{_PART})"
        rf"|\b{name}(?:[- ]feira)?\s+(?:(?:eu|ele|ela)\s+)?(?:nao|n|num)(?:\s+{_ABLE})?\b"
    )


def dated_day_after_weekday_refused(text: str, proposed: datetime) -> When | None:
    """The dated day asked after the proposal's weekday is refused; None otherwise."""
    folded = fold(text)
    refused = _weekday_refused(_WEEKDAYS[proposed.weekday()]).search(folded)
    if refused is None:
        return None
    kept = f"{folded[: refused.start()]} {folded[refused.end() :]}"
    if _OWN_DATE.search(kept) is None:
        return None
    asked = parse_when(kept, proposed.date())
    if asked is None or asked.doubt or asked.week is not None or asked.day is None:
        return None
    return asked if asked.day > proposed.date() else None


_SAME_DAY = re.compile(r"\b(?:n?o\s+|d?o\s+)?(?:mesmo|msm)\s+dia\b")
_SENTENCE_END = re.compile(r"[.;!?\n]+")


def others_name_no_day(text: str, proposed: datetime) -> bool:
    """Whether every sentence of ``text`` but the one saying "mesmo dia" names no day,
    week or doubt of its own ("Não consigo às 10h." names an hour only)."""
    for sentence in _SENTENCE_END.split(text):
        if _SAME_DAY.search(fold(sentence)) is not None:
            continue
        when = parse_when(sentence, proposed.date())
        if when is not None and (when.day or when.week or when.doubt):
            return False
    return True


_OPENS_WITH_NO = re.compile(r"^\s*(?:(?:ah|poxa|ixi|putz|bah)\s*,?\s*)?(?:nao|n|num)\b")


def proposal_weekday_other_part_asked(text: str, proposed: datetime) -> bool:
    """Whether ``text`` opens with a no, says the proposal's part of the day taken and
    asks the proposal's weekday with another ("nao pode ser ... teria terça de tarde?")."""
    folded = fold(text)
    if _OPENS_WITH_NO.search(folded) is None or _OWN_DATE.search(folded) is not None:
        return False
    own = "manha" if proposed.hour < 12 else "tarde" if proposed.hour < 18 else "noite"
    name = _WEEKDAYS[proposed.weekday()]
    asked = re.search(rf"\b{name}(?:[- ]feira)?\s+(?:de|pela|a|na)\s+(manha|tarde|noite)\b", folded)
    if asked is None or asked[1] == own:
        return False
    # The proposal's own part said taken ("tem aula de manha"): a bare "nao, na terca de
    # tarde" names no reason tied to the proposal, and stays asked (round 11).
    rest = f"{folded[: asked.start()]} {folded[asked.end() :]}"
    return re.search(rf"\b(?:de|pela|a|na)\s+{own}\b", rest) is not None


_BUSY_UNTIL = re.compile(
    r"\b(?:trabalho|trabajo|to|tou|estou|estoy|fico|estudo|estudio|tenho\s+\w+|tengo\s+\w+)\b"
    r"[^.?!;]*?\b(?:ate|hasta)\s+(?:as|las|a|la)\s+(\d{1,2})(?:\s*h|:00|\s+horas?)?\b"
    r"[^?]*?\b(?:mais|mas)\s+tarde\b"
)


def later_than_busy(text: str, proposed: datetime) -> When | None:
    """The proposal's day after the hour one is busy until, "later" being asked; None
    when ``text`` says no such thing, names a date of its own or the hour is not after
    the proposal's ("trabalho até as 9": its "later" may be any time)."""
    folded = fold(text)
    found = _BUSY_UNTIL.search(folded)
    if found is None or "?" not in text or _OWN_DATE.search(folded):  # asked, no date
        return None
    hour = int(found[1])
    if not proposed.hour < hour <= 23:
        return None
    return When(day=proposed.date(), between=(time(hour), time(23, 59)))


def _hour_refused(hour: int) -> re.Pattern[str]:
    """The hour proposed refused ("não consigo às 10", "10h não dá")."""
    said = rf"(?:(?:as|a)\s+)?{hour}(?:\s*h(?:00)?|:00|\s+horas?)?\b"
    return re.compile(
        rf"\b(?:nao|n|num)\s+(?:{_ABLE}\s+)?(?:(?:nesse\s+horario|ness[ae]\s+hora)\s+)?{said}"
        rf"|\b{said}\s+(?:(?:eu|ele|ela)\s+)?(?:nao|n|num)\b"
    )


def other_hour_after_hour_refused(text: str, proposed: datetime) -> When | None:
    """The one other hour asked after the hour proposed is refused, on the day proposed;
    None when the hour refused is not the proposal's or the rest names a day or more."""
    folded = fold(text)
    refused = _hour_refused(proposed.hour).search(folded)
    if refused is None:
        return None
    kept = f"{folded[: refused.start()]} {folded[refused.end() :]}"
    asked = parse_when(kept, proposed.date())
    if asked is None or asked.doubt or asked.week is not None or asked.at is None:
        return None
    if asked.day not in (None, proposed.date()) or asked.at.hour == proposed.hour:
        return None
    if _OWN_DATE.search(kept) or any(day in kept for day in _WEEKDAYS):
        return None
    return When(day=proposed.date(), at=asked.at)
