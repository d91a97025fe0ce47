"""Business hours and the appointment grid."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.domain.clinic import Clinic
from services.domain.schedule import Span
from services.runtime.settings import SettingsError

SP = ZoneInfo("America/Sao_Paulo")
CLINIC = Clinic()
NOW = datetime(2026, 11, 24, 9, 10, tzinfo=SP)  # a Tuesday


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SP)


def booked(start: datetime, minutes: int = 30) -> Span:
    return Span(start, start + timedelta(minutes=minutes))


@pytest.mark.parametrize(
    ("start", "reason"),
    [
        (at(25, 15), None),
        (at(24, 9), "esse horário já passou"),
        (at(28, 10), "a clínica não abre aos sábados"),
        (at(29, 10), "a clínica não abre aos domingos"),
        (at(25, 7, 30), "atendemos das 8h às 18h"),
        (at(25, 17, 45), "atendemos das 8h às 18h"),
        (at(25, 10, 15), "as consultas começam a cada 30 minutos"),
        (NOW + timedelta(days=40), "a agenda está aberta só para os próximos 30 dias"),
    ],
)
def test_what_can_be_booked(start: datetime, reason: str | None) -> None:
    assert CLINIC.why_not_bookable(start, NOW) == reason


def test_free_slots_skip_the_past_and_what_is_taken() -> None:
    slots = CLINIC.free_slots(NOW, [booked(at(24, 9, 30))], limit=3)
    assert slots == [at(24, 10), at(24, 10, 30), at(24, 11)]


def test_a_two_hour_block_hides_every_slot_it_overlaps() -> None:
    slots = CLINIC.free_slots(NOW, [booked(at(25, 9, 15), minutes=120)], day=date(2026, 11, 25))
    assert slots == [at(25, 8), at(25, 8, 30), at(25, 11, 30), at(25, 12), at(25, 12, 30)]


def test_a_slot_ending_as_a_block_begins_is_free() -> None:
    slots = CLINIC.free_slots(NOW, [booked(at(25, 8, 30))], day=date(2026, 11, 25), limit=2)
    assert slots == [at(25, 8), at(25, 9)]


def test_free_slots_of_a_day_and_a_part_of_it() -> None:
    slots = CLINIC.free_slots(NOW, [], day=date(2026, 11, 25), between=(time(12), time(18)))
    assert slots[0] == at(25, 12)
    assert all(s.date() == date(2026, 11, 25) and s.hour >= 12 for s in slots)


def test_a_closed_day_has_no_slots() -> None:
    assert CLINIC.free_slots(NOW, [], day=date(2026, 11, 29)) == []


def test_opening_hours_are_written_as_a_clinic_writes_them() -> None:
    assert Clinic(opens=time(7, 30), closes=time(19)).hours == "atendemos das 7h30 às 19h"


@pytest.mark.parametrize(
    ("day", "now", "reason"),
    [
        (date(2026, 11, 28), NOW, "a clínica não abre aos sábados"),
        (date(2026, 11, 29), NOW, "a clínica não abre aos domingos"),
        (date(2026, 11, 23), NOW, "esse dia já passou"),
        (date(2027, 1, 4), NOW, "a agenda está aberta só para os próximos 30 dias"),
        (
            date(2026, 11, 24),
            datetime(2026, 11, 24, 17, 45, tzinfo=SP),
            "o atendimento de hoje já terminou (atendemos das 8h às 18h)",
        ),
        (date(2026, 11, 24), NOW, None),
        (date(2026, 11, 30), NOW, None),
    ],
)
def test_why_a_day_has_no_appointments(day: date, now: datetime, reason: str | None) -> None:
    assert CLINIC.why_closed_on(day, now) == reason


def test_free_slots_from_a_day_on_a_few_of_each_day() -> None:
    slots = CLINIC.free_slots(NOW, [], since=date(2026, 11, 27), limit=3, per_day=2)
    assert slots == [at(27, 8), at(27, 8, 30), at(30, 8)]


def test_the_alternatives_to_a_closed_day_are_the_next_open_days() -> None:
    slots = CLINIC.alternatives(date(2026, 11, 28), NOW, [booked(at(30, 8))], limit=4)
    assert slots == [at(30, 8, 30), at(30, 9), datetime(2026, 12, 1, 8, tzinfo=SP),
                     datetime(2026, 12, 1, 8, 30, tzinfo=SP)]  # fmt: skip


def test_the_alternatives_keep_the_hours_asked_for() -> None:
    slots = CLINIC.alternatives(date(2026, 11, 28), NOW, [], between=(time(14), time(16)))
    assert slots[0] == at(30, 14)
    assert all(time(14) <= slot.time() < time(16) for slot in slots)


def test_the_alternatives_to_a_past_day_start_from_now() -> None:
    assert CLINIC.alternatives(date(2026, 11, 20), NOW, [], limit=1) == [at(24, 9, 30)]


def test_the_alternatives_to_a_day_past_the_horizon_start_from_now() -> None:
    assert CLINIC.alternatives(date(2027, 3, 1), NOW, [], limit=1) == [at(24, 9, 30)]


def test_the_alternatives_leave_the_hours_when_none_are_free_then() -> None:
    evening = Clinic(closes=time(20))
    asked = (time(18), time(20))
    slots = CLINIC.alternatives(date(2026, 11, 28), NOW, [], between=asked, limit=1)
    assert slots == [at(30, 8)]
    assert evening.alternatives(date(2026, 11, 28), NOW, [], between=asked, limit=1) == [at(30, 18)]


def test_times_compare_across_time_zones() -> None:
    utc = at(25, 15).astimezone(ZoneInfo("UTC"))
    assert CLINIC.why_not_bookable(utc, NOW) is None


def test_settings_come_from_the_environment() -> None:
    clinic = Clinic.from_env({"BUSINESS_DAYS": "1-6", "BUSINESS_OPENS": "07:00",
                              "SLOT_MINUTES": "20"})  # fmt: skip
    assert clinic.open_days == frozenset(range(6))
    assert clinic.opens == time(7)
    assert clinic.slot_minutes == 20


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TIME_ZONE": "Mars/Olympus"}, "TIME_ZONE"),
        ({"BUSINESS_DAYS": "mon-fri"}, "BUSINESS_DAYS"),
        ({"BUSINESS_DAYS": "0-9"}, "BUSINESS_DAYS"),
        ({"BUSINESS_OPENS": "8am"}, "BUSINESS_OPENS"),
        ({"BUSINESS_OPENS": "19:00"}, "BUSINESS_OPENS must be before"),
    ],
)
def test_bad_settings_are_refused(env: dict[str, str], message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Clinic.from_env(env)
