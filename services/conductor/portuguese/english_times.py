"""English time words read as the Portuguese ones (round 16).

Expatriates write to clinics in Rio in English: "Can I book for Friday at 2pm?",
"December 3rd, 11am", "Is there anything on Monday morning?". Each English word of a time
is written as the Portuguese the grammar reads, so every Portuguese rule (and every doubt:
"at 3" is "as 3", morning or afternoon asked; "Friday or Monday" two days) holds for them.

Only words no Portuguese message uses are read, so no Portuguese reading changes: a month
only beside its day's number ("may" is a verb; "mar" is the sea, so March only in full),
a shortened weekday ("Fri") only before a time, "at" and "am"/"pm" only beside an hour,
"to" (Portuguese "tô") only between two hours, an hour in words ("ten") only after "at"
or before a clock word. "12am" (midnight, or noon said wrongly?) is left unread, so
asked. In an English message "12/3" may be written month first (3 December) as much as
day first (12 March): both are named, and the day asked.

Folded text (see ``fold``: no accents, no dots), before number words become digits.
"""

from __future__ import annotations

import re

from services.conductor.portuguese import time_words

_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
_PORTUGUESE_MONTHS = (
    "janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto",
    "setembro", "outubro", "novembro", "dezembro",
)  # fmt: skip
_MONTH = "|".join(_MONTHS)
# "Dec 3rd", "Nov 30": a month shortened, only before a day; "mar" is the sea ("Beira Mar,
# 1200"), so March is read only in full.
_SHORT_MONTHS = {name[:3]: name for name in _MONTHS if name != "march"} | {"sept": "september"}
_SHORT_MONTH = re.compile(rf"\b({'|'.join(_SHORT_MONTHS)}) (?=\d{{1,2}}(?:st|nd|rd|th)?\b)")
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th)?"
# "2pm", "2 pm", "2:30pm", "10 a m" ("a.m." folded).
_MERIDIEM = re.compile(r"\b(\d{1,2})(?::(\d\d))? ?(a ?m|p ?m)\b")
# "between 2 and 4pm": the second hour's half of the day is the first's too. "9-10am" (its
# dash folded to a space) is the span from the first to the second, when the first is the
# smaller and no month or ordinal is before it ("December 9 10am" is a day and its hour).
_SPAN_HALF = re.compile(
    r"(?<!\d )(?<![\d:/])\b(\d{1,2}(?::\d\d)?) (?:(and|to|till|until) )?"
    r"(\d{1,2}(?::\d\d)?) ?(a ?m|p ?m)\b"
)
_BEFORE_A_DAY = re.compile(rf"\b(?:{_MONTH}|the|on|dia|de)\s*$")


def _span_half(match: re.Match[str]) -> str:
    first, second, half = match[1], match[3], match[4]
    if match[2]:
        return f"{first}{half} {match[2]} {second}{half}"
    before = match.string[: match.start()]
    if _BEFORE_A_DAY.search(before):
        return match[0]
    start, end = int(first.split(":")[0]), int(second.split(":")[0])
    if start < end:
        return f"from {first}{half} to {second}{half}"
    if half.startswith("p") and start <= 12 and end < 12:
        noon = "pm" if start == 12 else "am"
        return f"from {first}{noon} to {second}{half}"  # "11-1pm", "12-2pm": across noon
    return f"{first} or {second}{half}"  # which, asked


_WEEKDAYS = {
    "monday": "segunda", "tuesday": "terca", "wednesday": "quarta", "thursday": "quinta",
    "friday": "sexta", "saturday": "sabado", "sunday": "domingo",
}  # fmt: skip
# "Fri 2pm", "Mon morning": a weekday shortened, only before a time.
_SHORT_WEEKDAYS = {
    "mon": "monday", "tue": "tuesday", "tues": "tuesday", "wed": "wednesday",
    "thu": "thursday", "thur": "thursday", "thurs": "thursday", "fri": "friday",
    "sat": "saturday", "sun": "sunday",
}  # fmt: skip
_SHORT_WEEKDAY = re.compile(
    rf"\b({'|'.join(_SHORT_WEEKDAYS)})\b(?= (?:\d|as \d|dia \d|de manha|a tarde|a noite))"
)
_SAID = (
    # Days: "the day after tomorrow" before "tomorrow".
    (re.compile(r"\b(?:the )?day after tomorrow\b"), "depois de amanha"),
    (re.compile(r"\btomorrow\b"), "amanha"),
    (re.compile(r"\btoday\b"), "hoje"),
    (re.compile(r"\byesterday\b"), "ontem"),
    (re.compile(r"\btonight\b"), "hoje a noite"),
    (re.compile(r"\bthis (morning|afternoon|evening)\b"), r"hoje \1"),
    # "next Friday" on a Tuesday: this week's or the next's, as "próxima sexta" (asked).
    (
        re.compile(r"\bnext (?=monday|tuesday|wednesday|thursday|friday|saturday|sunday)"),
        "proxima ",
    ),
    (re.compile(r"\bthis (?=monday|tuesday|wednesday|thursday|friday|saturday|sunday)"), ""),
    (re.compile(r"\bnext week\b"), "semana que vem"),
    (re.compile(r"\bthis week\b"), "essa semana"),
    (re.compile(r"\bin (\d{1,2}) days?\b"), r"daqui a \1 dias"),
    (re.compile(r"\bin (\d{1,2}) weeks?\b"), r"daqui a \1 semanas"),
    # Dates: "December 2nd", "the 2nd of December", "Thursday the 3rd", "on the 5th".
    (re.compile(rf"\b({_MONTH}),? (?:the )?{_ORDINAL}\b"), r"\2 de \1"),
    (re.compile(rf"\b(?:the )?{_ORDINAL}(?: of)? ({_MONTH})\b"), r"\1 de \2"),
    (re.compile(r"\b(?:on )?the (\d{1,2})(?:st|nd|rd|th)\b"), r"dia \1"),
    # "Friday 27th": an ordinal after a weekday ("my 2nd time" is no day).
    (
        re.compile(r"\b((?:mon|tues|wednes|thurs|fri|satur|sun)day),? (\d{1,2})(?:st|nd|rd|th)\b"),
        r"\1 dia \2",
    ),
    # Parts of the day: an hour's own ("7 in the evening" is "7 da noite"), then any.
    (re.compile(r"\b(\d{1,2}(?::\d\d)?) in the morning\b"), r"\1 da manha"),
    (re.compile(r"\b(\d{1,2}(?::\d\d)?) in the afternoon\b"), r"\1 da tarde"),
    (re.compile(r"\b(\d{1,2}(?::\d\d)?) (?:in the evening|at night)\b"), r"\1 da noite"),
    (re.compile(r"\b(?:in the |on )?(?:morning|mornings)\b"), "de manha"),
    (re.compile(r"\b(?:in the |on )?(?:afternoon|afternoons)\b"), "a tarde"),
    (re.compile(r"\b(?:in the |on )?(?:evening|evenings|night)\b"), "a noite"),
    (re.compile(r"\b(?:at )?(?:noon|midday|lunchtime)\b"), "meio dia"),
    (re.compile(r"\bafter lunch\b"), "depois do almoco"),
    (re.compile(r"\bbefore lunch\b"), "antes do almoco"),
    (re.compile(r"\b(?:this |next |the |on the |at the )?weekend\b"), "fim de semana"),
    # "half past ten", "quarter past 9", "quarter to 10" (minutes to, as "quinze pras dez").
    (re.compile(r"\bhalf past (\d{1,2})\b"), r"\1 e meia"),
    (re.compile(r"\b(?:a )?quarter past (\d{1,2})\b"), r"\1 e 15"),
    (re.compile(r"\b(?:a )?quarter to (\d{1,2})\b"), r"15 pras \1"),
    (re.compile(r"\b(\d{1,2}) ?o ?clock\b"), r"as \1"),
    # Bounds and spans: "after 3pm", "before 10am", "between 2 and 4pm", "from 2 to 4".
    (re.compile(r"\bbetween (\d{1,2}\S*) and (?=\d)"), r"entre \1 e "),
    (re.compile(r"\bfrom (\d{1,2}\S*) (?:to|till|until) (?=\d)"), r"das \1 as "),
    (re.compile(r"\b(?:after|from) (?=\d)"), "depois das "),
    (re.compile(r"\bbefore (?=\d)"), "antes das "),
    (re.compile(r"\b(?:until|till) (?=\d)"), "ate as "),
    # "10ish" is "umas 10": the hour proposed, as the house reads "umas N" (round 5).
    (re.compile(r"\b(?:(?:at|around|about) )?(\d{1,2}) ?ish\b"), r"umas \1"),
    (re.compile(r"\b(?:at|around|about) (?=\d)"), "as "),
    (re.compile(r"\bor\b"), "ou"),
    # A time put right: "Friday at 2pm, I mean 3pm" (see ``corrections``).
    (re.compile(r"\b(?:i mean|actually)\b"), "quer dizer"),
)


def _hour(match: re.Match[str]) -> str:
    """An hour with "am"/"pm" on the 24-hour clock ("2pm" is "14h", "10:30am" "10:30")."""
    hour, minutes, afternoon = int(match[1]), match[2], match[3].startswith("p")
    if not 1 <= hour <= 12 or (hour == 12 and not afternoon):
        return match[0]  # "12am", "15pm": left as written, unread
    hour = hour + 12 if afternoon and hour < 12 else hour
    return f"{hour}:{minutes}" if minutes else f"{hour}h"


# An hour said in words ("at ten", "ten thirty", "eleven am"), before a clock word or after
# "at"; "one" elsewhere is no hour ("the one on Friday").
_NUMBERS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip
_NUMBER = "|".join(_NUMBERS)
_HOUR_WORD = re.compile(
    rf"\b(?<=at |by )({_NUMBER})\b|\b({_NUMBER})(?= ?(?:a ?m|p ?m|o ?clock|thirty|fifteen"
    rf"|forty five)\b)|(?<=half past )({_NUMBER})\b|(?<=quarter past )({_NUMBER})\b"
    rf"|(?<=quarter to )({_NUMBER})\b"
)
_MINUTE_WORDS = (
    (re.compile(r"\b(\d{1,2}) thirty\b"), r"\1:30"),
    (re.compile(r"\b(\d{1,2}) fifteen\b"), r"\1:15"),
    (re.compile(r"\b(\d{1,2}) forty five\b"), r"\1:45"),
)
# Words only an English message has: in one, "12/3" may be written month first (3
# December) as much as day first (12 March), and both are asked.
_ENGLISH = re.compile(
    r"\b(?:the|can|could|would|please|book|appointment|tomorrow|today|morning|afternoon"
    r"|evening|my|is|for|at|on|i|you|have|any|anything|available|there)\b"
)
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")


def _either_date(match: re.Match[str]) -> str:
    first, second = int(match[1]), int(match[2])
    if first == second or first > 12 or second > 12:
        return match[0]
    return f"{first}/{second} ou {second}/{first}"


def english_times_read(folded: str) -> str:
    """``folded`` with English time words written as the Portuguese the grammar reads."""
    in_english = _ENGLISH.search(folded) is not None
    folded = _HOUR_WORD.sub(lambda m: str(_NUMBERS.index(m[0]) + 1), folded)
    for said, meant in _MINUTE_WORDS:
        folded = said.sub(meant, folded)
    folded = _SHORT_MONTH.sub(lambda m: f"{_SHORT_MONTHS[m[1]]} ", folded)
    folded = _DATE.sub(_either_date, folded) if in_english else folded
    folded = _MERIDIEM.sub(_hour, _SPAN_HALF.sub(_span_half, folded))
    for said, meant in _SAID:
        folded = said.sub(meant, folded)
    for english, portuguese in zip(_MONTHS, _PORTUGUESE_MONTHS, strict=True):
        folded = re.sub(rf"(?<=\d de ){english}\b", portuguese, folded)
    folded = " ".join(_WEEKDAYS.get(word, word) for word in folded.split())
    return _SHORT_WEEKDAY.sub(lambda m: _WEEKDAYS[_SHORT_WEEKDAYS[m[1]]], folded)


def time_words_read(folded: str) -> str:
    """``folded`` with English, Spanish and shorthand time words written as the grammar
    reads them (see ``time_words``)."""
    return time_words.time_words_read(english_times_read(folded))
