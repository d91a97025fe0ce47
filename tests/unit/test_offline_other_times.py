"""Which more times a request for another day or time asks for, given what is on offer."""

from __future__ import annotations

from datetime import date, datetime

from events.schema import PROPOSED_CANCELLATION
from services.conductor.brain import Facts
from services.conductor.offline_other_times import other_times
from services.domain.conversation import Proposal

NOW = datetime(2026, 11, 24, 9, 10)
OFFERED = (datetime(2026, 11, 25, 8, 0), datetime(2026, 11, 25, 10, 0))


def facts(offered: tuple[datetime, ...] = (), proposal: Proposal | None = None) -> Facts:
    return Facts(now=NOW, today=date(2026, 11, 24), name="Ana", active_agent="scheduling",
                 offered=offered, proposal=proposal)  # fmt: skip


def test_another_day_asks_from_the_day_after_the_last_offered() -> None:
    assert other_times("tem outra data?", facts(OFFERED)) == {"since": "2026-11-26"}


def test_another_time_asks_for_that_day_after_the_last_offered() -> None:
    asked = other_times("Outro horário, por favor", facts(OFFERED))
    assert asked == {"date": "2026-11-25", "after": "10:01"}


def test_nothing_on_offer_asks_for_nothing() -> None:
    assert other_times("tem outro dia?", facts()) is None


def test_a_cancellation_awaiting_its_yes_is_no_time_on_offer() -> None:
    cancelling = Proposal(action=PROPOSED_CANCELLATION, start=datetime(2026, 11, 25, 8, 0))
    assert other_times("tem outro dia?", facts(proposal=cancelling)) is None


def test_a_message_asking_no_other_time_asks_for_nothing() -> None:
    assert other_times("pode ser o primeiro", facts(OFFERED)) is None
