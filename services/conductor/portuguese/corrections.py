"""A time corrected within the message, or kept from earlier in it: what follows the
correction replaces what it corrects, and an hour corrected stays on the day said before
it; "no mesmo horário" is the hour said before it, on the day wanted.

"amanhã às 14h... aliás 15h" is tomorrow at 15; "tem amanhã às 9 da noite? kkk
brincadeira, 9 da manhã" is tomorrow at 9 in the morning; "dia 3, digo, dia 4 de dezembro
à tarde" is the 4th; "quinta às 10 não pera, sexta às 10" is Friday. A day corrected
alone ("sexta às 10, digo, quinta") keeps no hour: words may stand between the day and
the hour said before ("às 10? na verdade ela só pode sexta"), and the hour is asked. When
what follows the marker names no time, the message is read whole; when the day it keeps
from before is in doubt, the doubt is asked.

Already folded text (no punctuation), number words as digits (see ``when``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from services.conductor.portuguese.moved_nowhere import moved_nowhere
from services.conductor.portuguese.timed import When
from services.conductor.portuguese.wanted_part import moved_from

# "digo" and "pera" only where they open a clause of their own, never "te digo amanhã".
_MARKER = re.compile(
    r"\b(?:na verdade|ou melhor|quer dizer|quis dizer|quero dizer|alias|ops|opa|oops"
    r"|corrigindo|brincadeira|(?<!te )(?<!eu )(?<!lhe )digo|(?:nao )?(?:pera|perai|peraí)"
    # "espera" only as a turn of one's own ("ah não espera, quinta as 15", round 16), never
    # "fico na espera".
    r"|(?:ah |nao )+espera|espera ai|esperai"
    # A slip owned ("amanhã às 14 desculpa, 15", "quinta às 15? me enganei, sexta às 15",
    # round 16): what follows is the time meant; "desculpa a demora" names none, and the
    # message is read whole.
    r"|desculpa|desculpe|foi mal|me enganei|enganei|errei|retificando"
    # A time taken back for a better one ("às 14h? ou não, melhor às 16h", round 18).
    r"|ou nao (?:e )?melhor|pensando bem)\b"
)


def read_corrected(read: Callable[[str], When | None]) -> Callable[[str], When | None]:
    """``read`` that reads a correction in the part it is given, so that the part of a
    message naming the time a booking is moved to is put right too ("muda a consulta pra
    segunda as 8, ops, as 9" is Monday at 9)."""

    def read_part(part: str) -> When | None:
        found, meant = corrected(part, read)
        return meant if found else read(part)

    return read_part


def corrected(folded: str, read: Callable[[str], When | None]) -> tuple[bool, When | None]:
    """Whether ``folded`` corrects a time it named, and the time meant after correcting;
    (False, None) when the whole message is to be read."""
    markers = list(_MARKER.finditer(folded))
    while markers and not folded[markers[-1].end() :].strip():
        # "amanhã às 10, ops, 11 na verdade": a marker said after its correction.
        folded = folded[: markers.pop().start()]
    if not markers:
        return False, None
    before, after = folded[: markers[-1].start()], folded[markers[-1].end() :]
    said, meant = read(before), read(_bare_number_placed(before, after))
    if said is not None and _TAKEN_BACK.match(after):
        # "sexta às 14, ou melhor, não": the time said is taken back, none put in its place.
        return True, replace(said, at=None, between=None, doubt="qual horário você prefere?")
    if meant is None and said is not None and _BARE_NUMBER.match(after):
        # "amanhã às 10, digo, 30": put right to no hour there is; which one is asked.
        return True, replace(said, at=None, between=None, doubt="qual horário você prefere?")
    if meant is None:
        return False, None
    if said is None:
        return True, meant
    if _only_a_day(after) and (meant.at, meant.period, meant.between) == (None, None, None):
        # "dia 3/12 as 15h... opa digo dia 4": only the day is put right; the hour stays.
        return True, replace(meant, at=said.at, period=said.period, between=said.between)
    if meant.day is not None or meant.week is not None:
        return True, meant
    kept = replace(meant, day=said.day, week=said.week)
    return True, (replace(kept, doubt=said.doubt) if said.doubt and not meant.doubt else kept)


_TAKEN_BACK = re.compile(r"^\s*(?:nao|melhor nao|nao da|esquece|deixa)\s*$")
_BARE_NUMBER = re.compile(r"^\s*(\d{1,2})\s*$")
_LAST_NUMBER = re.compile(r"\b(dia )?\d{1,2}(?:h\d{0,2}|:\d\d| ?horas?)?\s*$")
_ONLY_A_DAY = re.compile(
    r"^\s*(?:(?:no|na|pra|pro|para|o|a) )?(?:dia \d{1,2}(?:/\d{1,2})?|hoje|amanha"
    r"|depois de amanha|(?:segunda|terca|quarta|quinta|sexta)(?: feira)?|sabado|domingo)\s*$"
)


def _bare_number_placed(before: str, after: str) -> str:
    """A bare number put in place of the last one said ("amanhã às 16, ou melhor, 17" is
    17h; "dia 3, digo, 4" the 4th): alone it would read as neither hour nor day."""
    bare, last = _BARE_NUMBER.match(after), _LAST_NUMBER.search(before)
    if bare is None or last is None:
        return after
    return f"dia {bare[1]}" if last[1] else f"as {bare[1]}"


def _only_a_day(after: str) -> bool:
    """Whether what follows the marker is a day and nothing else ("digo dia 4", "opa,
    quinta"), so that it corrects only the day said before it."""
    return _ONLY_A_DAY.match(after) is not None


# "no mesmo horário", "mesma hora": the hour said earlier in the message, on the new day.
_SAME_TIME = re.compile(r"\b(?:mesmo horario|mesma hora|mesmo hora)\b")
_OR_ANOTHER = re.compile(r" ou (?:(?:a|de|da|pela|na|as?) )?(?:manha|tarde|noite|\d)")


def same_time_kept(
    folded: str, wanted: When | None, read: Callable[[str], When | None]
) -> When | None:
    """``wanted`` at the hour said before "mesmo horário", when it names none itself ("era
    hoje às 15h ... passar pra segunda mesmo horário" is Monday at 15); on the day said
    before "mesmo dia" likewise ("de sexta pra tarde do mesmo dia" is Friday afternoon)."""
    wanted = _moved_day_kept(folded, _same_day_kept(folded, wanted, read), read)
    wanted = moved_nowhere(folded, wanted)
    same = _SAME_TIME.search(folded)
    if same is not None and wanted is not None and _OR_ANOTHER.match(folded, same.end()):
        # "pra quinta no mesmo horário ou de tarde": two times offered, the person chooses.
        return replace(wanted, at=None, period=None, between=None,
                       doubt="qual horário você prefere?")  # fmt: skip
    if same is None or wanted is None or (wanted.at, wanted.between) != (None, None):
        return wanted
    said = read(folded[: same.start()])
    if said is None or said.at is None:
        return wanted
    return replace(wanted, at=said.at, period=said.period)


_SAME_DAY = re.compile(r"\b(?:mesmo dia|mesma data)\b")
_TO = re.compile(r"\b(?:pra|pras|para|pro|pros)\b")


def _same_day_kept(
    folded: str, wanted: When | None, read: Callable[[str], When | None]
) -> When | None:
    same = _SAME_DAY.search(folded)
    if same is None or wanted is None or (wanted.day, wanted.week) != (None, None):
        return wanted
    said = read(folded[: same.start()])
    if said is not None and said.doubt and (to := list(_TO.finditer(folded, 0, same.start()))):
        # "quinta as 9, passa pras 15 no mesmo dia": the day is the one moved from.
        said = read(folded[: to[-1].start()])
    if said is None or said.day is None or said.doubt:
        return wanted
    return replace(wanted, day=said.day)


def _moved_day_kept(
    folded: str, wanted: When | None, read: Callable[[str], When | None]
) -> When | None:
    """A booking moved to another part of the day only ("minha consulta é amanhã ... dá pra
    passar pra tarde", "de quinta pra tarde") stays on its day. Moved to an hour ("muda
    pras 14?") it may be another day's: no exact time is proposed (round 12)."""
    before = moved_from(folded)
    if before is None or wanted is None or (wanted.day, wanted.week, wanted.at) != (None,) * 3:
        return wanted
    said = read(before)
    if said is None or said.day is None or said.doubt or wanted.doubt:
        return wanted
    return replace(wanted, day=said.day)
