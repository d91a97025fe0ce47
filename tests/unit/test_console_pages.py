"""The console's pure parts: the agenda's days and lines, the inbox's waits, replies,
staff names and passwords, and its settings."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from services.actions.read_models import AppointmentView, SessionView
from services.console.agenda import ERASED_NAME, UNKNOWN_NAME, fingerprint, line_of, week_of
from services.console.inbox import ReplyRefused, clean_reply, waited_words, waiting_of
from services.console.settings import ConsoleSettings
from services.console.staff import StaffError, check_name, check_password, check_role
from services.domain.conversation import Conversation
from services.runtime.settings import SettingsError

SP = ZoneInfo("America/Sao_Paulo")
NOW = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def appointment(subject: str = "c1", status: str = "booked") -> AppointmentView:
    return AppointmentView(appointment_id="a1", subject=subject, calendar_entry_id="e1",
                           start=NOW, end=NOW + timedelta(minutes=30), status=status)  # fmt: skip


def test_the_week_runs_from_monday_to_sunday() -> None:
    week = week_of(date(2026, 11, 25))  # a Wednesday
    assert (week[0], week[-1]) == (date(2026, 11, 23), date(2026, 11, 29))


def test_an_appointment_shows_in_the_clinics_time_with_the_patients_name() -> None:
    line = line_of(appointment(), SP, {"c1": "Ana Souza"})
    assert (line.time, line.name, line.status_name) == ("12:00", "Ana Souza", "marcada")


def test_an_erased_patients_appointment_shows_no_name() -> None:
    assert line_of(appointment(subject=""), SP, {}).name == ERASED_NAME


def test_a_patient_without_a_name_yet_is_said_so() -> None:
    assert line_of(appointment(), SP, {"c1": None}).name == UNKNOWN_NAME


def test_the_fingerprint_changes_with_a_status() -> None:
    assert fingerprint([appointment()]) != fingerprint([appointment(status="cancelled")])


def test_a_wait_is_said_in_minutes_and_hours() -> None:
    assert waited_words(timedelta(seconds=30)) == "há menos de 1 min"
    assert waited_words(timedelta(minutes=7)) == "há 7 min"
    assert waited_words(timedelta(hours=2, minutes=10)) == "há 2 h 10 min"
    assert waited_words(timedelta(days=1, hours=3)) == "há 1 d 3 h"


def session(until: datetime | None, said: datetime) -> SessionView:
    conversation = Conversation(handoff_until=until, last_said_at=said, handoff_quiet_s=3600)
    return SessionView(chat="c1", session="default", conversation=conversation,
                       last_activity=said)  # fmt: skip


def test_a_chat_in_handoff_waits_since_the_persons_last_message() -> None:
    waiting = waiting_of(session(NOW + timedelta(hours=1), NOW - timedelta(minutes=5)), NOW)
    assert waiting is not None and waiting.waited == timedelta(minutes=5)


def test_a_chat_whose_quiet_period_is_over_is_not_waiting() -> None:
    assert waiting_of(session(NOW - timedelta(seconds=1), NOW - timedelta(hours=2)), NOW) is None


def test_a_reply_is_trimmed_and_an_empty_one_refused() -> None:
    assert clean_reply("  Olá!\r\nTudo bem?  ") == "Olá!\nTudo bem?"
    with pytest.raises(ReplyRefused):
        clean_reply("   ")


def test_a_reply_longer_than_whatsapp_takes_comfortably_is_refused() -> None:
    with pytest.raises(ReplyRefused):
        clean_reply("a" * 4001)


@pytest.mark.parametrize("name", ["", "a", "Julia", "júlia", "1julia", "ju lia", "x" * 33])
def test_a_staff_name_that_cannot_be_one_is_refused(name: str) -> None:
    with pytest.raises(StaffError):
        check_name(name)


def test_a_short_password_and_an_unknown_role_are_refused() -> None:
    with pytest.raises(StaffError):
        check_password("curta")
    with pytest.raises(StaffError):
        check_role("doctor")


def test_cookies_without_secure_need_development_mode() -> None:
    with pytest.raises(SettingsError):
        ConsoleSettings.from_env({"CONSOLE_INSECURE_COOKIES": "true"})
    settings = ConsoleSettings.from_env(
        {"CONSOLE_INSECURE_COOKIES": "true", "DEVELOPMENT_MODE": "true"}
    )
    assert settings.secure_cookies is False


def test_the_settings_default_to_secure_cookies_and_an_eight_hour_session() -> None:
    settings = ConsoleSettings.from_env({})
    assert (settings.secure_cookies, settings.session_s) == (True, 8 * 3600)


def test_a_session_idles_out_after_thirty_minutes_unless_set_otherwise() -> None:
    assert ConsoleSettings.from_env({}).idle_s == 30 * 60
    assert ConsoleSettings.from_env({"CONSOLE_IDLE_MINUTES": "5"}).idle_s == 5 * 60
    with pytest.raises(SettingsError, match="CONSOLE_IDLE_MINUTES"):
        ConsoleSettings.from_env({"CONSOLE_IDLE_MINUTES": "0"})
