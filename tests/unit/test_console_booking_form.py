"""What a booking form at the front desk asks for, against the example clinic's file:
the service's length and buffer, and only a professional who gives it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from services.console.bookings import BookingRefused, day_halves, wanted_of
from services.domain.clinic import Clinic
from services.domain.clinic_file import load_clinic_file
from services.domain.clinic_model import LONGEST_BOOKING

SP = ZoneInfo("America/Sao_Paulo")
TODAY = date(2026, 12, 7)
CLINIC = load_clinic_file(Path(__file__).parents[2] / "ops" / "clinic" / "clinic.toml", Clinic())


def form(**fields: str) -> dict[str, str]:
    return {"dia": "2026-12-09", "hora": "10:00"} | fields


def test_a_service_of_the_clinic_file_books_its_own_length_and_buffer() -> None:
    service = CLINIC.services["primeira-consulta"]
    giver = service.professionals[0]
    wanted = wanted_of(form(servico=service.id, profissional=giver), CLINIC, SP, TODAY)
    assert wanted.start == datetime(2026, 12, 9, 10, tzinfo=SP)
    assert wanted.end - wanted.start == service.duration
    assert wanted.until - wanted.start == service.occupies
    assert (wanted.professional, wanted.service) == (giver, service.id)


def test_a_professional_who_does_not_give_the_service_is_refused() -> None:
    service = CLINIC.services["nutricao"]
    other = next(p for p in CLINIC.professionals if p not in service.professionals)
    with pytest.raises(BookingRefused):
        wanted_of(form(servico=service.id, profissional=other), CLINIC, SP, TODAY)


@pytest.mark.parametrize(
    "fields",
    [{"dia": "amanhã"}, {"hora": "25:00"}, {"servico": "x"}, {"dia": "9999-12-31"},
     {"dia": "2029-01-01"}, {"dia": "2026-12-06"}, {"dia": "0001-01-01"}],
)  # fmt: skip
def test_a_form_without_a_day_time_or_known_service_is_refused(fields: dict[str, str]) -> None:
    with pytest.raises(BookingRefused):
        wanted_of(form(**fields), CLINIC, SP, TODAY)


def test_a_day_two_years_ahead_is_the_last_one_booked_by_hand() -> None:
    wanted = wanted_of(form(dia="2028-12-07"), CLINIC, SP, TODAY)
    assert wanted.start.date() == date(2028, 12, 7)


def test_a_whole_day_is_blocked_in_parts_the_calendar_looks_back_far_enough_for() -> None:
    halves = day_halves(date(2026, 12, 9), SP)
    assert halves[0][0] == datetime(2026, 12, 9, tzinfo=SP)
    assert halves[-1][1] == datetime(2026, 12, 10, tzinfo=SP)
    assert all(end - start <= LONGEST_BOOKING for start, end in halves)
    assert sum((end - start for start, end in halves), timedelta()) == timedelta(days=1)
