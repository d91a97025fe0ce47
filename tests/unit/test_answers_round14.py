"""Round 14: a bare weekday answering a proposal for a later week, a no naming a new
hour, and the answers of blind sets 19 and 20."""

from datetime import date, datetime

import pytest

from services.conductor.portuguese.confirmation import confirmation_answer
from services.conductor.portuguese.when import parse_when
from services.conductor.proposal_change import on_proposed_day

_TODAY = date(2026, 11, 24)  # a Tuesday
_PROPOSED = datetime(2026, 12, 1, 10)  # the Tuesday after


def _on_proposal(text: str, proposed: datetime = _PROPOSED) -> tuple[object, ...] | None:
    when = on_proposed_day(parse_when(text, _TODAY), proposed, text)
    return None if when is None else (when.day, when.at, when.doubt is not None)


@pytest.mark.parametrize(
    "text",
    [
        "nao, prefiro quarta as 10",
        "não, quinta às 14h seria melhor",
        "nao da, sexta de manha pode?",
        "não, melhor na quinta-feira",
        "nao, quinta mesmo de tarde",
    ],
)
def test_a_bare_weekday_before_a_proposal_of_a_later_week_is_asked(text: str) -> None:
    read = _on_proposal(text)
    assert read is not None and read[0] is None and read[2] is True


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("nao, quarta 02/12 as 15h", date(2026, 12, 2)),
        ("nao, quarta 25 as 10", date(2026, 11, 25)),
        ("nao, essa quarta as 10", date(2026, 11, 25)),
        ("errado, eu pedi quarta", date(2026, 11, 25)),
        ("nao melhor segunda 30 as 14h", date(2026, 11, 30)),
    ],
)
def test_a_weekday_with_its_date_week_or_earlier_request_is_read(text: str, day: date) -> None:
    read = _on_proposal(text)
    assert read is not None and read[0] == day and read[2] is False


def test_a_weekday_of_the_proposals_own_week_is_read() -> None:
    # Proposed for Friday the 27th: Wednesday is the 25th, no week to mistake it for.
    read = _on_proposal("nao, prefiro quarta as 10", datetime(2026, 11, 27, 10))
    assert read == (date(2026, 11, 25), datetime(2026, 11, 25, 10).time(), False)


@pytest.mark.parametrize(
    "text",
    [
        "não, às 16h",
        "nao, prefiro quinta as 14h",
        "nao melhor segunda 30 as 14h",
        "nao, quarta 02/12 as 15h seria melhor",
        "não, só consigo às 15h30",
        "nao, mais cedo se tiver. tipo 8h",
    ],
)
def test_a_no_naming_a_new_hour_is_a_no(text: str) -> None:
    assert confirmation_answer(text) is False


def test_a_no_beside_a_cancelling_with_an_hour_stays_unread() -> None:
    assert confirmation_answer("nao, cancela a de amanha as 10h") is None
