"""Free slots per professional and service: durations, buffers, openings, holidays and
busy intervals (pure; invariants checked with hypothesis)."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from services.domain.clinic import Clinic
from services.domain.clinic_file import load_clinic_file
from services.domain.clinic_holidays import HolidayCalendar
from services.domain.clinic_model import ClinicModel
from services.domain.schedule import BusyTimes, Span
from services.domain.slots import free_slots, free_with_anyone, why_not_bookable

SP = ZoneInfo("America/Sao_Paulo")
EXAMPLE = load_clinic_file(Path(__file__).parents[2] / "ops" / "clinic" / "clinic.toml", Clinic())
NOW = datetime(2026, 11, 23, 7, tzinfo=SP)  # a Monday, before anyone opens
NONE = BusyTimes(())
PAIRS = [(s, p.id) for s in EXAMPLE.services for p in EXAMPLE.givers_of(s)]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=SP)


def test_a_first_visit_takes_an_hour_and_its_buffer_from_the_next_start() -> None:
    slots = free_slots(EXAMPLE, "primeira-consulta", "ana", NONE, NOW, limit=4)
    # 60 min visits on a 15 min grid, ending by 12:00: 8:00 … 11:00 are all starts.
    assert slots == [at(23, 8), at(23, 8, 15), at(23, 8, 30), at(23, 8, 45)]


def test_a_booked_visit_and_its_buffer_hide_the_starts_they_overlap() -> None:
    booked = BusyTimes([Span(at(23, 9), at(23, 10, 10))])  # a first visit and its buffer
    slots = free_slots(EXAMPLE, "retorno", "ana", booked, NOW, limit=5)
    # A 20 min return + 5 min buffer: 8:30 would run to 8:55, 8:45 into the booking.
    assert slots == [at(23, 8), at(23, 8, 15), at(23, 8, 30), at(23, 10, 15), at(23, 10, 30)]


def test_no_visit_runs_past_the_end_of_an_opening() -> None:
    slots = free_slots(EXAMPLE, "primeira-consulta", "ana", NONE, at(23, 10, 50), limit=2)
    assert slots == [at(23, 11), at(23, 13)]  # 11:00-12:00, then after lunch


def test_a_national_holiday_has_no_slots() -> None:
    since = date(2026, 11, 20)  # a Friday: Black Awareness Day
    slots = free_slots(EXAMPLE, "retorno", "ana", NONE, at(19, 20), since=since, days=1)
    assert slots == []


def test_whoever_is_free_offers_the_soonest_of_any_professional() -> None:
    ana_busy = BusyTimes([Span(at(24, 8), at(24, 12))])
    busy = {"ana": ana_busy, "bruno": NONE}
    offers = free_with_anyone(EXAMPLE, "retorno", busy, at(23, 19), limit=3)
    assert [(o.start, o.professional) for o in offers] == [
        (at(24, 13), "ana"), (at(24, 13), "bruno"), (at(24, 13, 15), "ana")
    ]  # fmt: skip


def test_a_professional_who_does_not_give_a_service_is_said_so() -> None:
    reason = why_not_bookable(EXAMPLE, "nutricao", "ana", at(23, 9), NOW)
    assert reason == "Dra. Ana Ribeiro (clínica geral) não faz consulta de nutrição"


def test_a_time_off_the_grid_or_outside_the_hours_is_refused() -> None:
    assert why_not_bookable(EXAMPLE, "retorno", "ana", at(23, 9, 10), NOW) is not None
    assert why_not_bookable(EXAMPLE, "retorno", "ana", at(23, 12, 30), NOW) is not None
    assert why_not_bookable(EXAMPLE, "retorno", "ana", at(23, 11, 30), NOW) is None


def test_a_holiday_is_named_as_the_reason() -> None:
    reason = why_not_bookable(EXAMPLE, "retorno", "ana", at(20, 9), NOW - timedelta(days=5))
    assert reason == "a clínica não abre nesse dia (Dia Nacional de Zumbi e da Consciência Negra)"


_MINUTES = st.integers(min_value=0, max_value=14 * 24 * 60)
_BUSY = st.lists(
    st.tuples(_MINUTES, st.integers(min_value=1, max_value=300)).map(
        lambda p: Span(NOW + timedelta(minutes=p[0]), NOW + timedelta(minutes=p[0] + p[1]))
    ),
    max_size=25,
)
_CLOSED = st.lists(st.integers(min_value=0, max_value=14), max_size=4).map(
    lambda ns: {NOW.date() + timedelta(days=n): "fechado" for n in ns}
)


def _clinic(closed: dict[date, str]) -> ClinicModel:
    holidays = HolidayCalendar(country="BR", subdivision="SP", own=closed)
    return dataclasses.replace(EXAMPLE, holidays=holidays)


@settings(max_examples=150, deadline=None)
@given(busy=_BUSY, closed=_CLOSED, pair=st.sampled_from(PAIRS),
       now_offset=st.integers(min_value=0, max_value=5 * 24 * 60))  # fmt: skip
def test_no_slot_overlaps_busy_time_crosses_closing_or_falls_on_a_closed_day(
    busy: list[Span], closed: dict[date, str], pair: tuple[str, str], now_offset: int
) -> None:
    clinic = _clinic(closed)
    service_id, professional_id = pair
    service, professional = clinic.services[service_id], clinic.professionals[professional_id]
    now = NOW + timedelta(minutes=now_offset)
    slots = free_slots(clinic, service_id, professional_id, BusyTimes(busy), now,
                       days=10, limit=40)  # fmt: skip
    assert slots == sorted(set(slots))
    for start in slots:
        local = start.astimezone(SP)
        assert now < start <= now + timedelta(days=clinic.horizon_days)
        assert clinic.closed_on(local.date()) is None
        occupied = Span(start, start + service.occupies)
        assert not any(occupied.overlaps(b) for b in busy)
        end = (local + service.duration).time()
        assert any(
            opens <= local.time() and (end <= closes or closes == time(0)) and end > opens
            for opens, closes in professional.openings(local.weekday())
        )
        assert why_not_bookable(clinic, service_id, professional_id, start, now) is None


_CLINICS = st.builds(
    Clinic,
    open_days=st.frozensets(st.integers(0, 6), min_size=1),
    opens=st.sampled_from([time(7), time(8), time(8, 30)]),
    closes=st.sampled_from([time(12), time(17, 45), time(18)]),
    slot_minutes=st.sampled_from([15, 20, 30, 45]),
)


@settings(max_examples=100, deadline=None)
@given(clinic=_CLINICS, busy=_BUSY, now_offset=st.integers(min_value=0, max_value=3 * 24 * 60))
def test_without_a_file_the_slots_are_those_the_settings_gave(
    clinic: Clinic, busy: list[Span], now_offset: int
) -> None:
    now = NOW + timedelta(minutes=now_offset)
    model = ClinicModel.single(clinic)
    professional = next(iter(model.professionals))
    service = next(iter(model.services))
    expected = clinic.free_slots(now, busy, limit=20)
    assert free_slots(model, service, professional, BusyTimes(busy), now, limit=20) == expected


def test_the_horizons_last_day_offers_its_slots_up_to_the_hour_of_now() -> None:
    wednesdays = Clinic(open_days=frozenset({2}), opens=time(8, 30), closes=time(12),
                        slot_minutes=45)  # fmt: skip
    now = datetime(2026, 11, 23, 8, 51, tzinfo=SP)  # the horizon ends 23/12 at 8:51
    offered = wednesdays.free_slots(now, [], limit=20)
    assert offered[-1] == datetime(2026, 12, 23, 8, 30, tzinfo=SP)


def test_an_appointment_within_the_cut_off_cannot_be_cancelled_or_moved() -> None:
    start = at(24, 10)
    assert EXAMPLE.why_not_changed(start, start - timedelta(hours=3)) is None
    reason = EXAMPLE.why_not_changed(start, start - timedelta(hours=1, minutes=59))
    assert reason == "só é possível cancelar ou remarcar até 2 horas antes"
    assert EXAMPLE.why_not_changed(start, start) == "essa consulta já começou"
