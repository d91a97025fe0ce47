"""The clinic file: the example loads, today's settings make a one-professional clinic
without one, and a wrong file is refused naming the field and its line."""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path

import pytest

from services.conductor.settings import ConductorSettings
from services.domain.clinic import Clinic
from services.domain.clinic_file import (
    ClinicFileError,
    clinic_from_env,
    load_clinic_file,
    parse_clinic_file,
)
from services.runtime.settings import SettingsError
from tests.support.kek import kek_env

EXAMPLE = Path(__file__).parents[2] / "ops" / "clinic" / "clinic.toml"
SMALL = """\
[[professionals]]
id = "ana"
name = "Dra. Ana"
[professionals.hours]
mon = ["08:00-12:00", "13:00-18:00"]

[[services]]
id = "retorno"
name = "Retorno"
minutes = 20
professionals = ["ana"]
"""


def refusal(text: str) -> str:
    with pytest.raises(ClinicFileError) as caught:
        parse_clinic_file(text, Clinic(), source="clinic.toml")
    return str(caught.value)


def test_the_example_clinic_has_three_professionals_and_four_services() -> None:
    clinic = load_clinic_file(EXAMPLE, Clinic())
    assert list(clinic.professionals) == ["ana", "bruno", "carla"]
    assert list(clinic.services) == ["primeira-consulta", "retorno", "exame", "nutricao"]
    first = clinic.services["primeira-consulta"]
    assert (first.duration, first.buffer) == (timedelta(minutes=60), timedelta(minutes=10))
    assert [p.id for p in clinic.givers_of("exame")] == ["bruno"]
    assert clinic.professionals["ana"].openings(0) == ((time(8), time(12)), (time(13), time(18)))
    assert clinic.cutoff == timedelta(hours=2)


def test_without_a_file_todays_settings_make_a_one_professional_one_service_clinic() -> None:
    env = {"BUSINESS_DAYS": "1-6", "BUSINESS_OPENS": "07:00", "SLOT_MINUTES": "20",
           "BOOKING_HORIZON_DAYS": "10"}  # fmt: skip
    clinic = clinic_from_env(env)
    [professional] = clinic.professionals.values()
    [service] = clinic.services.values()
    assert professional.openings(5) == ((time(7), time(18)),)
    assert professional.openings(6) == ()
    assert service.duration == clinic.step == timedelta(minutes=20)
    assert service.buffer == timedelta(0) and service.professionals == (professional.id,)
    assert professional.id == service.id == ""  # as bookings from before the file have them
    assert clinic.horizon_days == 10 and clinic.closed_on(date(2026, 12, 25)) is None


def test_what_the_file_leaves_out_comes_from_the_settings() -> None:
    clinic = parse_clinic_file(SMALL, Clinic(slot_minutes=20, horizon_days=9))
    assert (clinic.step, clinic.horizon_days) == (timedelta(minutes=20), 9)


def test_national_state_and_own_closed_days_close_the_example_clinic() -> None:
    clinic = load_clinic_file(EXAMPLE, Clinic())
    assert clinic.closed_on(date(2026, 9, 7)) == "Independência do Brasil"
    assert clinic.closed_on(date(2026, 7, 9)) == "Revolução Constitucionalista"  # SP only
    assert clinic.closed_on(date(2026, 12, 24)) == "Véspera de Natal"
    assert clinic.closed_on(date(2026, 9, 8)) is None


def test_a_city_named_as_subdivision_adds_its_own_holidays() -> None:
    text = SMALL + '[holidays]\nsubdivision = "São Paulo Capital"\n'
    clinic = parse_clinic_file(text, Clinic())
    assert clinic.closed_on(date(2026, 1, 25)) == "Aniversário da Cidade de São Paulo"


def test_a_service_given_by_nobody_on_file_is_refused_at_its_line() -> None:
    message = refusal(SMALL.replace('professionals = ["ana"]', 'professionals = ["zeca"]'))
    assert message == "clinic.toml, line 11: services[0].professionals: no professional 'zeca'"


def test_hours_that_end_before_they_start_are_refused_at_their_line() -> None:
    message = refusal(SMALL.replace('"13:00-18:00"', '"18:00-13:00"'))
    assert message.startswith("clinic.toml, line 5: professionals[0].hours.mon[1]: ")
    assert "ends before it starts" in message


def test_overlapping_hours_of_a_day_are_refused() -> None:
    message = refusal(SMALL.replace('"13:00-18:00"', '"11:00-18:00"'))
    assert "professionals[0].hours.mon: two ranges of the day overlap" in message


def test_a_misspelt_field_is_refused_naming_it() -> None:
    message = refusal(SMALL.replace("minutes = 20", "minuts = 20"))
    assert message.startswith("clinic.toml, line 7: services[0]: ")
    assert "unknown field `minuts`" in message


def test_a_wrong_type_is_refused_at_its_line() -> None:
    message = refusal(SMALL.replace("minutes = 20", 'minutes = "vinte"'))
    assert message.startswith("clinic.toml, line 10: services[0].minutes: Expected `int`")


def test_a_second_professional_with_one_id_is_refused() -> None:
    second = SMALL.split("[[services]]")[0].replace("Dra. Ana", "Outra")
    message = refusal(SMALL + second)
    assert message == "clinic.toml, line 13: professionals[1].id: a second professional 'ana'"


def test_a_subdivision_the_holidays_library_does_not_know_is_refused() -> None:
    message = refusal(SMALL + '[holidays]\nsubdivision = "XX"\n')
    assert message.startswith("clinic.toml, line 12: holidays: the holidays library says")


def test_a_closed_day_that_is_no_date_is_refused() -> None:
    message = refusal(SMALL + '[closed_days]\n"2026-02-30" = "feriado"\n')
    assert "closed_days.2026-02-30: not a date" in message


def test_a_file_that_is_not_toml_is_refused_with_its_line() -> None:
    message = refusal(SMALL.replace('id = "retorno"', 'id = "retorno'))
    assert message.startswith("clinic.toml: not valid TOML: ")
    assert "line 8" in message


def test_a_clinic_file_that_cannot_be_read_is_a_settings_error(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="cannot be read"):
        clinic_from_env({"CLINIC_FILE": str(tmp_path / "absent.toml")})


def test_the_conductor_reads_the_clinic_file_at_start() -> None:
    settings = ConductorSettings.from_env({"CLINIC_FILE": str(EXAMPLE), **kek_env()})
    assert settings.clinic_model is not None
    assert len(settings.clinic_model.professionals) == 3


def test_the_conductor_will_not_start_on_a_wrong_clinic_file(tmp_path: Path) -> None:
    wrong = tmp_path / "clinic.toml"
    wrong.write_text(SMALL.replace("minutes = 20", "minutes = 2"), encoding="utf-8")
    with pytest.raises(
        SettingsError, match=r"line 10: services\[0\]\.minutes: Expected `int` >= 5"
    ):
        ConductorSettings.from_env({"CLINIC_FILE": str(wrong), **kek_env()})


def test_a_clinic_file_without_holidays_closes_on_brazils_national_holidays() -> None:
    clinic = parse_clinic_file(SMALL, Clinic())
    assert clinic.closed_on(date(2026, 12, 25)) is not None  # Natal
    assert clinic.closed_on(date(2026, 9, 7)) is not None  # Independência


def test_a_clinic_file_may_opt_out_of_public_holidays() -> None:
    clinic = parse_clinic_file("holidays = false\n" + SMALL, Clinic())
    assert clinic.closed_on(date(2026, 12, 25)) is None


def test_an_unknown_weekday_is_refused_naming_the_days() -> None:
    message = refusal(SMALL.replace("mon =", "monday ="))
    assert message.startswith("clinic.toml, line 4: professionals[0].hours: ")
    assert "'monday'" in message and "mon, tue, wed, thu, fri, sat, sun" in message
    assert "`" not in message
