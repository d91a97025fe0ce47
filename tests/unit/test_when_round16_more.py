"""Round 16, times: English times and requests, ..."""

from __future__ import annotations

from datetime import date, time

import pytest

from services.conductor.portuguese.english_times import english_times_read
from services.conductor.portuguese.intents import Intent, intent_of
from services.conductor.portuguese.text import fold
from tests.support.reference_moment import read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
MONDAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("Can I book for Friday at 2pm?", FRIDAY, time(14)),
        ("Could I get an appointment on December 2nd at 10am?", date(2026, 12, 2), time(10)),
        ("December 3rd, 11am", date(2026, 12, 3), time(11)),
        ("Is my appointment on Tuesday the 1st at 10?", date(2026, 12, 1), time(10)),
        ("the 5th of December at 9 a.m.", date(2026, 12, 5), time(9)),
        ("tomorrow 3:30 pm", WEDNESDAY, time(15, 30)),
    ],
)
def test_an_english_day_and_hour_are_read(text: str, day: date, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day", "period"),
    [
        ("Friday morning", FRIDAY, "manha"),
        ("Is there anything on Monday morning? the bridge traffic is crazy later", MONDAY, "manha"),
        ("I'd like Thursday the 3rd, in the afternoon if possible", date(2026, 12, 3), "tarde"),
        ("tomorrow evening", WEDNESDAY, "noite"),
    ],
)
def test_an_english_part_of_the_day_is_read(text: str, day: date, period: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, period, None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("tomorrow between 2 and 4pm", time(14), time(16)),
        ("tomorrow from 2 to 4 pm", time(14), time(16)),
        ("tomorrow after 3pm", time(15), time(23, 59)),
        ("tomorrow before 11am", time(0), time(11)),
    ],
)
def test_an_english_span_of_hours_is_read(text: str, first: time, last: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between, when.doubt) == (
        WEDNESDAY,
        (first, last),
        None,
    )


@pytest.mark.parametrize(
    "text",
    [
        "tomorrow at 3",  # 3 in the morning or the afternoon, as "amanhã às 3"
        "next Friday at 10am",  # this week's or the next's, as "próxima sexta"
        "Friday or Monday morning",
        "tomorrow 2pm or 3pm",
        "Tuesday at 10am",  # said on a Tuesday: today, or in a week?
    ],
)
def test_an_english_time_in_doubt_is_asked(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.doubt is not None and when.start() is None


def test_an_english_hour_put_right_is_the_last_one() -> None:
    when = read_when("tomorrow at 2pm, I mean 3pm")
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, time(15), None)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("Can we move my appointment to Wednesday the 2nd at 3pm?", Intent.RESCHEDULE),
        ("Is my appointment on Tuesday the 1st at 10?", Intent.CONSULT),
        ("I'd like Thursday the 3rd, in the afternoon if possible", Intent.SCHEDULE),
        ("Can I book for Friday at 2pm?", Intent.SCHEDULE),
        ("I would like friday at 10am please", Intent.SCHEDULE),
    ],
)
def test_an_english_request_with_a_time_is_read(text: str, intent: Intent) -> None:
    assert intent_of(text) is intent


@pytest.mark.parametrize(
    "text",
    ["to aqui perto, tem as 10?", "amanha as 10", "sexta de manha", "pode ser 2 ou 3 de dezembro"],
)
def test_portuguese_times_are_not_read_as_english(text: str) -> None:
    assert english_times_read(fold(text)) == fold(text)
