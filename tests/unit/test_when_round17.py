"""Round 17: blind sets 41 and 42's wrong proposals, mended after their measure."""

from datetime import date, datetime

from services.conductor.portuguese.when import parse_when
from services.conductor.proposal_change import on_proposed_day
from tests.support.reference_moment import NINE, TUESDAY, read_when

THURSDAY = date(2026, 11, 26)
PROPOSED = datetime(2026, 12, 1, 10)


def test_the_hour_ones_ride_arrives_is_no_hour_wanted() -> None:
    text = "nao consigo, o onibus da fazenda so chega meio dia"
    assert on_proposed_day(parse_when(text, TUESDAY, NINE), PROPOSED, text) is None


def test_the_same_hour_or_another_part_of_the_day_is_asked() -> None:
    when = read_when("da pra passar pra quinta no mesmo horário ou de tarde qualquer coisa")
    assert when is not None and when.day == THURSDAY
    assert when.at is None and when.doubt is not None
