"""Google Calendar through the real google-api-python-client (bundled discovery document)
and a real service-account token exchange, against a local fake Google."""

from __future__ import annotations

import asyncio
import json
import threading
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest
from redis.asyncio import Redis

from events.schema import MessageReceived
from services.conductor.brain import ToolCall
from services.conductor.erasure import ErasedBookings, let_go
from services.conductor.privacy import PrivacyNotice
from services.conductor.tools import Toolbox, ToolOutcome
from services.conductor.turn import Turn
from services.domain import google_calendar
from services.domain.calendar import Booking, CalendarUnavailable, SlotTaken
from services.domain.clinic import Clinic
from services.domain.conversation import Conversation
from services.domain.embedded_calendar import EmbeddedCalendar
from services.domain.google_calendar import GoogleCalendar, authorised_http
from tests.support.fake_google_calendar import TOKEN, FakeGoogleCalendar
from tests.support.google_calendar import CALENDAR_ID, served_google, service_account_file

SP = ZoneInfo("America/Sao_Paulo")
START = datetime(2026, 11, 25, 15, tzinfo=SP)
ASKED_AT = datetime(2026, 11, 24, 9, 10, tzinfo=SP)


def booking(appointment_id: str, subject: str = "s1", start: datetime = START) -> Booking:
    return Booking(appointment_id, subject, start, start + timedelta(minutes=30))


@pytest.fixture
async def google(
    redis: Redis, tmp_path: Path
) -> AsyncIterator[tuple[GoogleCalendar, FakeGoogleCalendar]]:
    async with served_google(redis, tmp_path) as served:
        yield served


async def asked(
    calendar: GoogleCalendar, tool: str, arguments: str, text: str
) -> ToolOutcome[msgspec.Struct]:
    """The conductor's ``tool`` run with this calendar for a patient who wrote ``text`` on
    the morning before START."""
    message = MessageReceived(
        message_id="m1", chat_id="5511900000001@c.us", sender="5511900000001@c.us",
        text=text, media=None, sent_at=ASKED_AT,
    )  # fmt: skip
    toolbox = Toolbox(calendar, Clinic(), PrivacyNotice.current("2026-11"))
    turn = Turn("s1", "e1", message, Conversation(), ASKED_AT)
    return await toolbox.run(ToolCall("c1", tool, arguments), (tool,), turn)


async def test_a_booking_is_an_event_tied_to_its_subject(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1b2c3d4e5"))
    event = fake.events["a1b2c3d4e5"]
    assert event["extendedProperties"]["private"] == {
        "wsm_subject": "s1", "wsm_appointment": "a1b2c3d4e5"
    }  # fmt: skip
    assert datetime.fromisoformat(event["start"]["dateTime"]) == START
    assert fake.tokens_issued == 1
    assert set(fake.authorizations) == {f"Bearer {TOKEN}"}


async def test_booking_again_under_one_id_keeps_one_event(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1"))
    await calendar.book(booking("a1"))
    assert list(fake.events) == ["a1"]


async def test_a_slot_blocked_in_google_is_refused_and_not_held(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.blocked.append((START, START + timedelta(hours=1)))
    with pytest.raises(SlotTaken):
        await calendar.book(booking("a1"))
    assert fake.events == {}
    fake.blocked.clear()
    await calendar.book(booking("a2", "s2"))  # the Redis claim was released


async def test_two_chats_taking_one_slot_at_once_get_it_once(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    outcomes = await asyncio.gather(
        *(calendar.book(booking(f"a{n}", f"s{n}")) for n in range(6)), return_exceptions=True
    )
    assert sum(isinstance(o, Booking) for o in outcomes) == 1
    assert len(fake.events) == 1


async def test_taken_times_include_what_was_blocked_in_google(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    blocked = START + timedelta(hours=1)
    fake.blocked.append((blocked, blocked + timedelta(minutes=30)))
    await calendar.book(booking("a1"))
    taken = [
        s.start for s in await calendar.busy(START - timedelta(hours=1), START + timedelta(hours=3))
    ]
    assert taken == [START, blocked]


async def test_listing_and_cancelling_are_per_subject(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1", "s1"))
    await calendar.book(booking("a2", "s2", START + timedelta(hours=1)))
    [mine] = await calendar.bookings_of("s1")
    assert mine.appointment_id == "a1" and mine.start == START
    assert (await calendar.cancel("a1")) is not None
    assert fake.events["a1"]["status"] == "cancelled"
    assert await calendar.bookings_of("s1") == []
    assert await calendar.cancel("a1") is None


async def test_forgetting_a_subject_strips_every_event_of_theirs_of_what_ties_it_to_them(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1", "s1"))
    await calendar.book(booking("a2", "s1", START + timedelta(hours=1)))
    await calendar.cancel("a2")  # a deleted event keeps its properties until patched
    fake.events["a1"]["description"] = "Joana, retorno"  # written by someone at the clinic
    await calendar.book(booking("a3", "s2", START + timedelta(hours=2)))
    assert await calendar.forget("s1", "t1") == 2
    assert sorted(fake.patches) == ["a1", "a2"]
    for event in (fake.events["a1"], fake.events["a2"]):
        assert event.get("extendedProperties", {}).get("private", {}) == {}
        assert event["summary"] == "Consulta" and "description" not in event
    assert fake.events["a1"]["status"] == "confirmed"  # the slot itself is kept
    assert await calendar.bookings_of("s1") == []
    assert [b.appointment_id for b in await calendar.bookings_of("s2")] == ["a3"]
    assert await calendar.forget("s1", "t2") == 0  # again: nothing more to strip


async def test_an_event_removed_between_listing_and_unlinking_fails_no_erasure(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1", "s1"))
    await calendar.book(booking("a2", "s1", START + timedelta(hours=1)))
    fake.after_list = lambda: fake.events.pop("a1")  # removed for good, just then
    assert await calendar.forget("s1", "t1") == 2
    assert fake.patches == ["a2"]


async def test_an_erasure_cancels_the_event_ahead_and_leaves_it_nobodys(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1", "s1"))
    cancelled = await let_go(calendar, "s1", [], START - timedelta(days=1), ErasedBookings.CANCEL)
    assert [c.appointment_id for c in cancelled] == ["a1"]
    assert fake.events["a1"]["status"] == "cancelled"
    assert fake.events["a1"]["extendedProperties"]["private"] == {}
    assert await calendar.busy(START, START + timedelta(hours=1)) == []


async def test_a_subjects_events_are_found_on_every_page(
    google: tuple[GoogleCalendar, FakeGoogleCalendar], monkeypatch: pytest.MonkeyPatch
) -> None:
    calendar, _ = google
    monkeypatch.setattr(google_calendar, "PAGE", 1)
    for n in range(3):
        await calendar.book(booking(f"a{n}", "s1", START + n * timedelta(hours=1)))
    assert len(await calendar.bookings_of("s1")) == 3
    assert await calendar.forget("s1", "t1") == 3


async def test_each_worker_thread_sends_its_requests_on_an_http_of_its_own(
    redis: Redis, tmp_path: Path
) -> None:
    fake = FakeGoogleCalendar()
    fake.answer_after_s = 0.2  # slow enough that the calls overlap, on several threads
    threads_of: defaultdict[int, set[int]] = defaultdict(set)  # Http -> threads that used it
    async with fake.serving() as url:
        new_http = authorised_http(str(service_account_file(tmp_path, f"{url}/token")))

        def recording_http() -> object:
            http = new_http()
            send = http.request

            def request(*args: object, **kwargs: object) -> object:
                threads_of[id(http)].add(threading.get_ident())
                return send(*args, **kwargs)

            http.request = request  # type: ignore[method-assign]
            return http

        calendar = GoogleCalendar(
            recording_http,  # type: ignore[arg-type]
            CALENDAR_ID,
            EmbeddedCalendar(redis),
            api_endpoint=url,
        )
        await asyncio.gather(
            *(calendar.book(booking(f"a{n}", f"s{n}", START + n * timedelta(hours=1)))
              for n in range(8))
        )  # fmt: skip
    assert len(fake.events) == 8
    assert len({t for threads in threads_of.values() for t in threads}) > 1
    assert all(len(threads) == 1 for threads in threads_of.values())


async def test_a_calendar_not_shared_with_the_service_account_is_an_error_not_all_free(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.unshared.add(CALENDAR_ID)
    with pytest.raises(CalendarUnavailable, match="notFound"):
        await calendar.busy(START, START + timedelta(hours=8))


async def test_a_booking_google_cannot_vouch_for_is_refused_and_its_claim_released(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.unshared.add(CALENDAR_ID)
    with pytest.raises(CalendarUnavailable):
        await calendar.book(booking("a1"))
    assert fake.events == {}
    assert await calendar.slots.busy(START, START + timedelta(hours=1)) == []


async def test_a_two_hour_block_in_google_hides_every_slot_it_overlaps(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.blocked.append((datetime(2026, 11, 25, 9, 15, tzinfo=SP),
                         datetime(2026, 11, 25, 11, 15, tzinfo=SP)))  # fmt: skip
    outcome = await asked(calendar, "check_availability", '{"date": "2026-11-25"}', "tem horário?")
    shown = json.loads(outcome.as_json())["horarios"]
    assert shown == [f"2026-11-25T{t}" for t in ("08:00", "08:30", "11:30", "12:00", "12:30")]


async def test_a_calendar_google_cannot_answer_for_offers_nothing_and_says_so(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.unshared.add(CALENDAR_ID)
    outcome = await asked(calendar, "check_availability", '{"date": "2026-11-25"}', "tem horário?")
    answer = json.loads(outcome.as_json())
    assert answer["ok"] is False and "agenda não pode ser consultada" in answer["error"]
    assert outcome.events == []  # no slots offered


async def test_google_refusing_the_freebusy_query_gets_the_patient_the_agenda_unavailable_answer(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.refusing = True  # a 403 from Google itself, not a calendar left out of the answer
    outcome = await asked(calendar, "check_availability", '{"date": "2026-11-25"}', "tem horário?")
    answer = json.loads(outcome.as_json())
    assert answer["ok"] is False and "agenda não pode ser consultada" in answer["error"]


async def test_google_refusing_a_listing_gets_the_patient_the_agenda_unavailable_answer(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    await calendar.book(booking("a1", "s1"))
    fake.refusing = True
    outcome = await asked(calendar, "list_appointments", "{}", "quais são minhas consultas?")
    answer = json.loads(outcome.as_json())
    assert answer["ok"] is False and "agenda não pode ser consultada" in answer["error"]


async def test_google_out_of_reach_is_calendar_unavailable(redis: Redis, tmp_path: Path) -> None:
    async with served_google(redis, tmp_path) as (calendar, _):
        await calendar.busy(START, START + timedelta(hours=1))  # a token, while it answered
    with pytest.raises(CalendarUnavailable, match="reached"):
        await calendar.busy(START, START + timedelta(hours=1))


async def test_busy_time_further_ahead_than_one_freebusy_query_may_span_is_asked_in_windows(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    far = START + timedelta(days=200)
    fake.blocked.append((far, far + timedelta(hours=2)))
    busy = await calendar.busy(START, START + timedelta(days=365))
    assert [(s.start, s.end) for s in busy] == [(far, far + timedelta(hours=2))]


async def test_a_google_error_while_checking_a_taken_time_frees_the_claim(
    google: tuple[GoogleCalendar, FakeGoogleCalendar],
) -> None:
    calendar, fake = google
    fake.blocked.append((START, START + timedelta(minutes=30)))
    fake.refusing_gets = True  # freebusy answers; reading the event back is refused
    with pytest.raises(CalendarUnavailable):
        await calendar.book(booking("a1"))
    assert await calendar.slots.busy(START, START + timedelta(hours=1)) == []
