"""The time meant when a message also names one not meant: a booking moved, hours at work."""

from __future__ import annotations

from datetime import date, time

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)


def test_a_booking_moved_is_read_at_the_day_it_is_moved_to() -> None:
    text = "tenho consulta quinta mas queria passar pra sexta as 10"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 27), time(10))


def test_a_booking_moved_from_tomorrow_reads_the_new_part_of_the_day() -> None:
    text = "eu marquei pra amanha mas nao vou poder ir queria mudar para sexta de manha"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 27), period="manha")


def test_a_move_that_names_no_new_time_reads_the_whole_message() -> None:
    assert parse_when("quero passar pra outro dia, quinta as 10h", TUESDAY) == When(
        date(2026, 11, 26), time(10)
    )


def test_the_part_of_the_day_one_works_is_not_meant() -> None:
    text = "semana que vem qualquer dia de manha porque a tarde eu trabalho"
    assert parse_when(text, TUESDAY) == When(period="manha", week=date(2026, 11, 30))


def test_the_hours_from_which_one_works_are_not_a_span_wanted() -> None:
    text = "tem algum horario amanha cedo porque eu trabalho a partir das 10"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), period="manha")
