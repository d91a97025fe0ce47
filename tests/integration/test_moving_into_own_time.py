"""A patient may move their own appointment to a time that overlaps it (an hour-long
visit half an hour later): its own time is no obstacle, in the proposal, in the booking
script and in Google; anyone else's still is."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from redis.asyncio import Redis

from events.schema import PROPOSED_MOVE, AppointmentBooked, MessageReceived
from services.conductor.brain import ToolCall
from services.conductor.tools import Toolbox
from services.conductor.turn import Turn
from services.domain.calendar import Booking, SlotTaken
from services.domain.conversation import Conversation, Proposal, Stage
from services.domain.embedded_calendar import EmbeddedCalendar
from services.domain.google_calendar import GoogleCalendar
from tests.support.clinic import clinic_decider
from tests.support.google_calendar import served_google

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 12, 7, 9, 10, tzinfo=SP)  # a Monday
NINE = datetime(2026, 12, 8, 9, tzinfo=SP)  # Tuesday: Dra. Ana sees patients
HALF_PAST = NINE + timedelta(minutes=30)
SERVICE, MINUTE = "primeira-consulta", timedelta(minutes=1)


def visit(appointment_id: str, start: datetime, subject: str = "s1", moves: str = "") -> Booking:
    end = start + 60 * MINUTE
    return Booking(appointment_id, subject, start, end, professional="ana", service=SERVICE,
                   until=end + 10 * MINUTE, moves=moves)  # fmt: skip


def turn(text: str, state: Conversation) -> Turn:
    message = MessageReceived(
        message_id="m1", chat_id="5511900000001@c.us", sender="5511900000001@c.us",
        text=text, media=None, sent_at=NOW,
    )  # fmt: skip
    return Turn("s1", "e1", message, state, NOW)


async def test_a_move_into_a_time_overlapping_the_appointment_itself_is_booked(
    redis: Redis,
) -> None:
    calendar = EmbeddedCalendar(redis)
    await calendar.book(visit("a1", NINE))
    moved = await calendar.book(visit("a2", HALF_PAST, moves="a1"))
    assert moved.start == HALF_PAST
    assert (await calendar.cancel("a1")) is not None
    assert [b.appointment_id for b in await calendar.bookings_of("s1")] == ["a2"]


async def test_a_move_is_still_refused_over_someone_elses_appointment(redis: Redis) -> None:
    calendar = EmbeddedCalendar(redis)
    await calendar.book(visit("a1", NINE))
    await calendar.book(visit("b1", NINE + 70 * MINUTE, subject="s2"))
    with pytest.raises(SlotTaken):
        await calendar.book(visit("a2", HALF_PAST, moves="a1"))  # runs into s2's at 10:10


@pytest.fixture
async def google(redis: Redis, tmp_path: Path) -> AsyncIterator[GoogleCalendar]:
    async with served_google(redis, tmp_path) as (calendar, _):
        yield calendar


async def test_a_move_into_its_own_time_is_booked_in_google_too(google: GoogleCalendar) -> None:
    await google.book(visit("a1", NINE))
    moved = await google.book(visit("a2", HALF_PAST, moves="a1"))
    assert moved.start == HALF_PAST


async def test_the_patient_is_proposed_and_moved_into_a_time_overlapping_their_own(
    redis: Redis,
) -> None:
    toolbox: Toolbox = clinic_decider(redis).toolbox
    await toolbox.calendar.book(visit("0a1", NINE))
    registered = Conversation(stage=Stage.REGISTERED, name="Maria")
    wanted = json.dumps({"start": "2026-12-08T09:30", "appointment_id": "0a1"})
    call = ToolCall("c1", "propose_appointment", wanted)
    proposed = await toolbox.run(call, ("propose_appointment",), turn("pode ser 9h30?", registered))
    assert json.loads(proposed.as_json())["ok"] is True
    answering = Proposal(action=PROPOSED_MOVE, start=HALF_PAST, appointment_id="0a1",
                         professional="ana", service=SERVICE)  # fmt: skip
    yes = turn("sim", Conversation(stage=Stage.REGISTERED, name="Maria", answering=answering))
    call = ToolCall("c2", "reschedule_appointment", wanted)
    moved = await toolbox.run(call, ("reschedule_appointment",), yes)
    assert json.loads(moved.as_json())["ok"] is True
    [booked] = [e for e in moved.events if isinstance(e, AppointmentBooked)]
    assert booked.start == HALF_PAST


async def test_another_patients_appointment_cannot_be_set_aside_as_ones_own(
    redis: Redis,
) -> None:
    calendar = EmbeddedCalendar(redis)
    await calendar.book(visit("b1", NINE, subject="s2"))
    with pytest.raises(SlotTaken):
        await calendar.book(visit("a2", HALF_PAST, moves="b1"))
