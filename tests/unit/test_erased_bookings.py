"""What an erasure decides about the person's bookings, and how the clinic chooses it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from events.schema import CANCELLED_ON_ERASURE
from services.conductor.erasure import ErasedBookings, cancellations, tombstone
from services.conductor.settings import ConductorSettings
from services.domain.calendar import Booking
from services.domain.conversation import Upcoming
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)
HOUR = timedelta(hours=1)


def test_an_erasure_cancels_what_has_not_started_whether_the_log_or_the_calendar_knows_it() -> None:
    upcoming = [
        Upcoming(appointment_id="past", start=NOW - HOUR),
        Upcoming(appointment_id="both", start=NOW + 2 * HOUR),
    ]
    live = [
        Booking("both", "c1", NOW + 2 * HOUR, NOW + 3 * HOUR, "both"),
        Booking("calendar-only", "c1", NOW + HOUR, NOW + 2 * HOUR, "g-entry"),
    ]
    decided = cancellations(upcoming, live, NOW)
    assert [(c.appointment_id, c.calendar_entry_id) for c in decided] == [
        ("calendar-only", "g-entry"),
        ("both", "both"),
    ]
    assert {c.reason for c in decided} == {CANCELLED_ON_ERASURE}


def test_a_tombstone_is_new_each_time_and_no_chat_key() -> None:
    first, second = tombstone(), tombstone()
    assert first != second and not first.startswith("c")


@pytest.mark.parametrize(
    ("raw", "chosen"),
    [
        (None, ErasedBookings.CANCEL),
        ("keep", ErasedBookings.KEEP),
        ("Cancel", ErasedBookings.CANCEL),
    ],
)
def test_the_clinic_chooses_what_becomes_of_an_erased_persons_bookings(
    raw: str | None, chosen: ErasedBookings
) -> None:
    env = {} if raw is None else {"ERASED_BOOKINGS": raw}
    assert ConductorSettings.from_env({**env, **kek_env()}).erased_bookings is chosen


def test_an_unknown_choice_for_erased_bookings_is_refused_by_name() -> None:
    with pytest.raises(SettingsError, match="ERASED_BOOKINGS must be cancel or keep"):
        ConductorSettings.from_env({"ERASED_BOOKINGS": "archive", **kek_env()})
