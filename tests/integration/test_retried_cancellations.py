"""A cancellation retried after its first attempt cancelled in the calendar but did not
commit (a crash, a lost lease) is recorded and answered all the same: the patient's yes
and a confirmation deadline each cancel once and are never left unrecorded."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from events.schema import PROPOSED_CANCELLATION, AppointmentCancelled, MessageReceived
from services.conductor import no_shows
from services.conductor.brain import ToolCall
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox
from services.conductor.turn import Turn
from services.domain.calendar import Booking
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation, Proposal, Stage, Upcoming
from services.domain.embedded_calendar import EmbeddedCalendar

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)
START = datetime(2026, 11, 26, 10, tzinfo=SP)


async def test_a_confirmation_deadline_retried_after_the_calendar_released_still_tells(
    redis: Redis,
) -> None:
    calendar = EmbeddedCalendar(redis)
    await calendar.book(Booking("a1", "s1", START, START + timedelta(minutes=30)))
    upcoming = Upcoming(appointment_id="a1", start=START)
    first = await no_shows.release(calendar, upcoming, reply_id="r1", chat_id="x", when="qui")
    again = await no_shows.release(calendar, upcoming, reply_id="r1", chat_id="x", when="qui")
    assert [type(e) for e in again] == [type(e) for e in first]
    assert isinstance(again[0], AppointmentCancelled) and again[0].start == START


async def test_a_yes_to_a_cancellation_retried_after_the_calendar_cancelled_is_answered(
    redis: Redis,
) -> None:
    calendar = EmbeddedCalendar(redis)
    await calendar.book(Booking("a1", "s1", START, START + timedelta(minutes=30)))
    message = MessageReceived(
        message_id="m1", chat_id="5511900000001@c.us", sender="5511900000001@c.us",
        text="sim", media=None, sent_at=NOW,
    )  # fmt: skip
    proposal = Proposal(action=PROPOSED_CANCELLATION, start=START, appointment_id="a1")
    state = Conversation(stage=Stage.REGISTERED, answering=proposal,
                         upcoming=(Upcoming(appointment_id="a1", start=START),))  # fmt: skip
    toolbox = Toolbox(calendar, Clinic(), PrivacyNotice.current("2026-11"))
    call = ToolCall("c1", "cancel_appointment", '{"appointment_id": "a1"}')
    turn = Turn("s1", "e1", message, state, NOW)
    first = await toolbox.run(call, ("cancel_appointment",), turn)
    again = await toolbox.run(call, ("cancel_appointment",), turn)  # the same turn, retried
    assert json.loads(again.as_json())["ok"] is True
    assert (
        [e.appointment_id for e in again.events if isinstance(e, AppointmentCancelled)]
        == [e.appointment_id for e in first.events if isinstance(e, AppointmentCancelled)]
        == ["a1"]
    )
