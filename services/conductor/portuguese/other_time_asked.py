"""Another time asked for in answer to a proposal, with no "não" (round 16).

"tem como ser na quarta 02/12 as 14h?", "pode ser quinta dia 3 às 15h?", "daria pra ser
dia 4 de manhã?", "e se fosse dia 3 às 15h?": asked "Posso confirmar?" for Tuesday 01/12
at 10:00, the patient asks for a time of her own, which answers no to the one proposed;
the time asked is then read as the new request, as round 12 read "não pode ser dia 3 às
14h?". Only a message that is nothing but the question is read, and only when the time
it names is a dated day, or an hour or part of a day other than the proposal's: "pode
ser às 10?" (the proposal's own hour), "se for de manhã?" (the part that holds it) or a
weekday alone that may be of either week stays unread, and is asked.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from services.conductor.portuguese.text import fold
from services.conductor.portuguese.when import parse_when

_ASKED = re.compile(
    r"^(?:e\s+)?(?:tem\s+como|teria\s+como|pode|poderia|podia|daria\s+pra|da\s+pra"
    r"|dava\s+pra|seria\s+possivel|rola\s+de|consegue|conseguiria|conseguem|voces\s+conseguem)"
    r"\s+(?:ser|marcar|passar|mudar|trocar|agendar)\s+"
    r"(?:(?:pra|para|na|no|em|o|a)\s+)?(?P<time>[a-z0-9/ ]+?)\s*$"
    # "e se fosse dia 3 às 15h?"
    r"|^(?:e\s+|mas\s+)?se\s+(?:fosse|for)\s+(?:(?:pra|para|na|no|em|o|a)\s+)?"
    r"(?P<supposed>[a-z0-9/ ]+?)\s*$"
)
# Another person's booking ("pode mudar a consulta da minha mae pro dia 3/12?"): another
# matter than the proposal, left to be asked.
_SOMEONE_ELSES = re.compile(r"\b(?:minha|meu|minhas|meus|dele|dela|del[ae]s)\b")
_DATED = re.compile(r"\bdia\s+\d|\b\d{1,2}/\d{1,2}\b")


def other_time_asked(text: str, proposed: datetime, today: date) -> bool:
    """Whether ``text`` is nothing but a question for a dated day or another hour than
    ``proposed``."""
    if not text.rstrip().endswith("?"):
        return False
    found = _ASKED.match(fold(text))
    if found is None:
        return False
    said = found["time"] or found["supposed"]
    if _SOMEONE_ELSES.search(said):
        return False
    when = parse_when(said, today)
    if when is None or when.doubt is not None or when.week is not None:
        return False
    if when.day is not None and _DATED.search(said) is None:
        return False  # "pode ser na quarta?": of this week or the proposal's
    if when.day not in (None, proposed.date()):
        return True
    hour = proposed.time().replace(tzinfo=None)
    if when.at is not None:
        return when.at != hour
    # A part of the day or a span that holds the hour proposed ("se for de manhã?" of a
    # 10:00 proposal) asks about it, and is no other time.
    if when.between is not None:
        return not when.between[0] <= hour <= when.between[1]
    if when.period is not None:
        return when.period != _period_of(hour)
    return False


def _period_of(hour: time) -> str:
    """The part of the day an hour falls in."""
    return "manha" if hour < time(12) else "tarde" if hour < time(18) else "noite"
