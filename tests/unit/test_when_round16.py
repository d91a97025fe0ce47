"""Round 16: the hour one's school or work ends or starts, written bare beside the time wanted."""

from datetime import date, time

from tests.support.reference_moment import read_when

WEDNESDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 27)


def test_the_hour_school_ends_written_bare_is_not_the_hour_wanted() -> None:
    when = read_when("queria marcar o atestado pra sexta de tarde, saio da escola 12h30")
    assert when is not None and (when.day, when.at) == (FRIDAY, None)
    assert when.start() is None


def test_the_hour_work_starts_written_bare_leaves_the_span_before_it() -> None:
    when = read_when("reagenda pra amanha de manha antes das 8, pego 8h no serviço")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, None)
    assert when.between == (time(0), time(8))


def test_a_correction_marker_said_after_the_hour_it_brings_keeps_that_hour() -> None:
    when = read_when("amanha as 10, ops, 11 na verdade")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(11))


def test_an_hour_doubted_with_ou_era_is_asked() -> None:
    when = read_when("to marcado pra quinta as 14h ou era 15h? nao lembro")
    assert when is not None and when.at is None and when.doubt is not None


def test_not_remembering_refuses_no_hour() -> None:
    when = read_when("sexta as 15h? nao sei se ainda tem")
    assert when is not None and when.at == time(15)
