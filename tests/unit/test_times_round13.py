"""Round 13: open-ended hours, Spanish time words, stays that end, corrections."""

from datetime import date, datetime, time

import pytest

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)
NINE = datetime(2026, 11, 24, 9)
WEDNESDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 27)


def _read(text: str) -> When | None:
    return parse_when(text, TUESDAY, now=NINE)


@pytest.mark.parametrize(
    ("text", "day", "start"),
    [
        ("amanha as 4 da tarde ou mais tarde", WEDNESDAY, time(16)),
        ("amanhã às quatro da tarde ou mais tarde", WEDNESDAY, time(16)),
        ("sexta 10h ou depois", FRIDAY, time(10)),
        ("sexta as 10 e meia, ou mais tarde se precisar", FRIDAY, time(10, 30)),
        ("amanha 14h ou mais pra tarde", WEDNESDAY, time(14)),
    ],
)
def test_an_hour_or_later_is_the_span_from_it(text: str, day: date, start: time) -> None:
    when = _read(text)
    assert when is not None
    assert (when.day, when.at, when.between, when.doubt) == (day, None, (start, time(23, 59)), None)
    assert when.start() is None


def test_or_the_day_after_tomorrow_is_another_day_not_a_later_hour() -> None:
    when = _read("amanha 9h ou depois de amanha 9h")
    assert when is not None and when.between is None and when.doubt is not None


def test_an_hour_or_earlier_keeps_the_hour_asked_for() -> None:
    when = _read("amanha as 9h ou mais cedo se tiver")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(9))
