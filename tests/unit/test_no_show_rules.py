"""The no-show policy's pure rules: the count kept in the conversation, and when a
booking must be confirmed by."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from events.schema import AppointmentBooked, AppointmentConfirmed, AppointmentNoShow, ReminderDue
from services.conductor.no_shows import RELEASE, NoShowPolicy, release_timer, to_release
from services.conductor.settings import ConductorSettings
from services.domain.conversation import Conversation, evolve, replay
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env

NOW = datetime(2026, 12, 7, 12, tzinfo=UTC)
START = NOW + timedelta(days=2)
BOOKED = AppointmentBooked(
    appointment_id="a1", calendar_entry_id="a1", start=START, end=START + timedelta(minutes=30)
)


def missed(n: int) -> AppointmentNoShow:
    return AppointmentNoShow(appointment_id=f"m{n}", start=NOW - timedelta(days=n), by="staff")


def test_each_no_show_counts_once_in_the_conversation() -> None:
    assert replay([missed(1), missed(2)]).no_shows == 2


def test_a_missed_appointment_is_no_longer_upcoming() -> None:
    state = replay([BOOKED, AppointmentNoShow(appointment_id="a1", start=START, by="staff")])
    assert state.upcoming == ()


def test_below_the_threshold_a_booking_needs_no_confirmation() -> None:
    state = replay([missed(1)])
    assert NoShowPolicy(after=2).deadline(state, START, NOW) is None


def test_at_the_threshold_a_booking_is_confirmed_by_its_deadline() -> None:
    state = replay([missed(1), missed(2)])
    policy = NoShowPolicy(after=2, confirm_by=timedelta(hours=6))
    assert policy.deadline(state, START, NOW) == START - timedelta(hours=6)


def test_a_policy_of_zero_never_asks() -> None:
    state = replay([missed(n) for n in range(5)])
    assert NoShowPolicy(after=0).deadline(state, START, NOW) is None


def test_a_booking_closer_than_the_deadline_stands_without_one() -> None:
    state = replay([missed(1), missed(2)])
    soon = NOW + timedelta(hours=3)
    assert NoShowPolicy(after=2, confirm_by=timedelta(hours=6)).deadline(state, soon, NOW) is None


def due_of(deadline: datetime) -> ReminderDue:
    timer = release_timer(BOOKED, deadline)
    return ReminderDue(reminder_id=timer.reminder_id, appointment_id="a1", start=START)


def test_an_unconfirmed_booking_is_released_at_its_deadline() -> None:
    timer = release_timer(BOOKED, START - timedelta(hours=6))
    state = evolve(evolve(Conversation(), BOOKED), timer)
    assert timer.reminder_id.endswith(RELEASE)
    assert to_release(state, due_of(timer.due_at)) is not None


def test_a_confirmed_booking_is_not_released() -> None:
    timer = release_timer(BOOKED, START - timedelta(hours=6))
    state = replay([BOOKED, timer, AppointmentConfirmed(appointment_id="a1", start=START)])
    assert to_release(state, due_of(timer.due_at)) is None


def test_the_settings_read_the_policy_and_the_offer_time() -> None:
    env = {"NO_SHOW_CONFIRMATION_AFTER": "3", "NO_SHOW_CONFIRM_BY_HOURS": "12",
           "WAITLIST_OFFER_MINUTES": "45", **kek_env()}  # fmt: skip
    settings = ConductorSettings.from_env(env)
    assert settings.no_show_policy == NoShowPolicy(after=3, confirm_by=timedelta(hours=12))
    assert settings.waitlist_offer == timedelta(minutes=45)


@pytest.mark.parametrize(
    ("name", "value"),
    [("NO_SHOW_CONFIRMATION_AFTER", "-1"), ("NO_SHOW_CONFIRM_BY_HOURS", "0"),
     ("WAITLIST_OFFER_MINUTES", "soon")],
)  # fmt: skip
def test_a_bad_setting_is_refused_naming_it(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        ConductorSettings.from_env({name: value, **kek_env()})


def test_a_no_show_recorded_twice_for_one_appointment_counts_once() -> None:
    assert replay([missed(1), missed(1), missed(2)]).no_shows == 2
