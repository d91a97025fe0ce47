"""Times that bound, or could mean two moments: read as a span, or asked about (round 2)."""

from __future__ import annotations

from datetime import date, time

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)


def test_until_an_hour_with_no_hour_before_it_is_a_bound() -> None:
    assert parse_when("sexta ate as 10 tem horario?", TUESDAY) == When(
        date(2026, 11, 27), between=(time(0), time(10))
    )


def test_before_noon_is_a_span_to_noon() -> None:
    assert parse_when("amanha antes do meio dia", TUESDAY) == When(
        date(2026, 11, 25), between=(time(0), time(12))
    )


def test_after_noon_is_a_span_from_noon() -> None:
    assert parse_when("quinta depois do meio-dia", TUESDAY) == When(
        date(2026, 11, 26), between=(time(12), time(23, 59))
    )


def test_next_weekday_said_before_the_day_is_asked_about() -> None:
    when = parse_when("proxima sexta as 10", TUESDAY)
    assert when is not None and when.doubt and when.start() is None


def test_next_weekday_said_after_the_day_is_asked_about() -> None:
    when = parse_when("quarta feira proxima as 10", TUESDAY)
    assert when is not None and when.doubt and when.start() is None


def test_next_weekday_that_can_only_be_next_weeks_is_read() -> None:
    assert parse_when("marcar proxima terca as 14h", TUESDAY) == When(date(2026, 12, 1), time(14))


def test_a_bare_early_hour_with_no_part_of_the_day_is_asked_about() -> None:
    when = parse_when("amanha as 7", TUESDAY)
    assert when is not None and when.doubt and when.start() is None


def test_an_early_hour_written_on_the_clock_is_the_morning() -> None:
    assert parse_when("amanha 7h", TUESDAY) == When(date(2026, 11, 25), time(7))


def test_an_early_hour_with_its_part_of_the_day_is_read() -> None:
    assert parse_when("amanha as 7 da noite", TUESDAY) == When(
        date(2026, 11, 25), time(19), "noite"
    )


def test_minutes_said_after_e_are_no_second_hour() -> None:
    assert parse_when("amanha 2 e 15 da tarde", TUESDAY) == When(
        date(2026, 11, 25), time(14, 15), "tarde"
    )


def test_a_day_typed_with_two_letters_swapped_is_read() -> None:
    assert parse_when("amanah as 10", TUESDAY) == When(date(2026, 11, 25), time(10))


def test_until_noon_is_a_span_to_noon() -> None:
    assert parse_when("amanha ate meio dia", TUESDAY) == When(
        date(2026, 11, 25), between=(time(0), time(12))
    )


def test_a_time_said_to_have_passed_is_not_meant() -> None:
    # Blind set 2: "hoje as 8 mas ja passou" proposed 8:00, a time already over.
    said = "eu queria marcar pra hoje as 8 mas ja passou ne, tem outro horario hoje?"
    assert parse_when(said, TUESDAY) == When(TUESDAY)


def test_about_an_early_hour_in_words_is_asked_about() -> None:
    # "umas" is "about", not the number one: "umas sete" is 7, morning or evening.
    assert parse_when("queria amanha umas sete", TUESDAY).doubt is not None


def test_a_part_of_the_day_someone_else_cannot_make_is_not_meant() -> None:
    said = "meu pai nao consegue ir de tarde entao tem que ser de manha, quarta que vem"
    assert parse_when(said, TUESDAY).period == "manha"  # type: ignore[union-attr]


def test_noon_ending_a_span_is_its_hour_12() -> None:
    assert parse_when("depois de amanha entre 10 e meio dia?", TUESDAY) == When(
        date(2026, 11, 26), between=(time(10), time(12))
    )


def test_a_day_said_with_a_cancellation_is_the_bookings_day() -> None:
    said = "sexta nao vou poder, cancela minha consulta"
    assert parse_when(said, TUESDAY) == When(date(2026, 11, 27))
