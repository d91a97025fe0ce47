"""check_availability as a model calls it: free slots where asked, and never a dead end —
the reason and the nearest alternatives where none are free (embedded calendar, real
Redis)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import MessageReceived
from services.conductor.brain import ToolCall
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import Turn
from services.domain.calendar import Booking
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation
from services.domain.embedded_calendar import EmbeddedCalendar

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # Tuesday morning
MESSAGE = MessageReceived(
    message_id="m1", chat_id="5511900000001@c.us", sender="5511900000001@c.us",
    text="tem horário?", media=None, sent_at=NOW,
)  # fmt: skip
TURN = Turn("subject-1", "e1", MESSAGE, Conversation(), NOW)


@pytest.fixture
def calendar(redis: Redis) -> EmbeddedCalendar:
    return EmbeddedCalendar(redis)


async def availability(calendar: EmbeddedCalendar, arguments: str) -> dict[str, object]:
    toolbox = Toolbox(calendar, Clinic(), PrivacyNotice.current("2026-11"))
    call = ToolCall("c1", "check_availability", arguments)
    outcome = await toolbox.run(call, ("check_availability",), TURN)
    answer: dict[str, object] = json.loads(outcome.as_json())
    return answer


async def take(calendar: EmbeddedCalendar, first: datetime, count: int) -> None:
    for n in range(count):
        start = first + n * timedelta(minutes=30)
        booking = Booking(f"a{start:%d%H%M}", "subject-2", start, start + timedelta(minutes=30))
        await calendar.book(booking)


async def test_a_day_with_free_slots_has_no_reason(calendar: EmbeddedCalendar) -> None:
    answer = await availability(calendar, '{"date": "2026-11-25"}')
    assert answer["ok"] is True and "motivo" not in answer
    assert answer["horarios"] == [f"2026-11-25T{t}" for t in ("08:00", "08:30", "09:00",
                                                               "09:30", "10:00")]  # fmt: skip


async def test_a_full_day_is_said_to_be_full_and_the_next_days_are_offered(
    calendar: EmbeddedCalendar,
) -> None:
    await take(calendar, datetime(2026, 11, 25, 8, tzinfo=SP), 20)
    answer = await availability(calendar, '{"date": "2026-11-25"}')
    assert answer["motivo"] == "esse dia está lotado"
    assert answer["horarios"] == ["2026-11-26T08:00", "2026-11-26T08:30", "2026-11-27T08:00",
                                  "2026-11-27T08:30", "2026-11-30T08:00"]  # fmt: skip


async def test_full_hours_are_said_to_be_full_and_the_same_hours_of_the_next_days_offered(
    calendar: EmbeddedCalendar,
) -> None:
    await take(calendar, datetime(2026, 11, 25, 14, tzinfo=SP), 4)
    answer = await availability(
        calendar, '{"date": "2026-11-25", "after": "14:00", "before": "16:00"}'
    )
    assert answer["motivo"] == "não há horários livres nesse período"
    assert answer["horarios"][:2] == ["2026-11-26T14:00", "2026-11-26T14:30"]  # type: ignore[index]


async def test_slots_from_a_day_on(calendar: EmbeddedCalendar) -> None:
    answer = await availability(calendar, '{"since": "2026-11-28", "period": "tarde"}')
    assert answer["horarios"][0] == "2026-11-30T12:00"  # type: ignore[index]


@pytest.mark.parametrize(
    ("arguments", "error"),
    [
        ('{"after": "16:00", "before": "14:00"}', "o horário inicial deve ser antes do final"),
        ('{"after": "25:00"}', "horário inválido; use HH:MM"),
        ('{"after": "2pm"}', "argumentos inválidos"),
        ('{"since": "2026-02-30"}', "data inválida; use YYYY-MM-DD"),
    ],
)
async def test_bad_hours_or_days_are_refused_with_the_reason(
    calendar: EmbeddedCalendar, arguments: str, error: str
) -> None:
    answer = await availability(calendar, arguments)
    assert answer["ok"] is False
    assert str(answer["error"]).startswith(error)
