"""Round 6's time rules: a time over is never proposed, a leaving hour after an event is
where the span wanted begins, the time of one's booking before another is asked is not
wanted, a move read after its verb in any form, a correction, a question tag after a day."""

from __future__ import annotations

from datetime import date, datetime, time

from services.conductor.portuguese.when import When, parse_when
from tests.unit.test_when import TUESDAY

_NINE = datetime.combine(TUESDAY, time(9))


def test_an_hour_of_today_on_the_clock_already_over_is_asked_about() -> None:
    when = parse_when("hoje 8h ainda da pra ir?", TUESDAY, _NINE)
    assert when is not None and when.start() is None and when.doubt is not None


def test_an_hour_of_today_with_its_part_of_the_day_already_over_is_asked_about() -> None:
    when = parse_when("consigo hj as 8 da manha?", TUESDAY, _NINE)
    assert when is not None and when.start() is None and when.doubt is not None


def test_an_hour_of_today_in_the_afternoon_already_over_is_asked_about() -> None:
    when = parse_when("hoje as 13h tem?", TUESDAY, datetime.combine(TUESDAY, time(15)))
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_date_already_over_is_asked_about() -> None:
    when = parse_when("dia 23 de novembro as 10h tem?", TUESDAY)
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_date_over_with_a_verb_in_the_past_is_spoken_of_as_over() -> None:
    when = parse_when("marquei dia 23/11 as 10h", TUESDAY)
    assert when == When(date(2026, 11, 23), time(10))


def test_the_hour_someone_leaves_after_an_event_begins_the_span() -> None:
    text = "pode ser amanhã depois da escola? Ela sai meio dia"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), between=(time(12), time(23, 59)))


def test_the_hour_one_leaves_work_after_it_begins_the_span() -> None:
    text = "quinta depois do trabalho, saio as 17h"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 26), between=(time(17), time(23, 59)))


def test_the_time_of_ones_booking_before_another_day_asked_is_not_wanted() -> None:
    text = "minha consulta e amanha as 9 mas nao vou conseguir, queria outro dia"
    assert parse_when(text, TUESDAY) is None


def test_the_time_after_another_day_asked_is_the_one_wanted() -> None:
    text = "minha consulta e amanha as 9, queria outro dia, sexta as 10"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 27), time(10))


def test_a_move_is_read_after_its_verb_in_any_form() -> None:
    text = "reagenda minha consulta de sexta pra quarta da semana que vem"
    assert parse_when(text, TUESDAY) == When(date(2026, 12, 2))


def test_a_correction_naming_a_day_is_read_after_it() -> None:
    text = "eu marquei pra quinta mas confundi o dia, na verdade eu so posso na sexta"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 27))


def test_a_day_whose_name_is_taken_off_the_diary_is_the_bookings() -> None:
    text = "vcs podem tirar meu nome da agenda de quinta? nao vou conseguir ir"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 26))


def test_today_in_shorthand_refused_is_not_meant() -> None:
    assert parse_when("hj nao, amanha de manha", TUESDAY) == When(
        date(2026, 11, 25), period="manha"
    )


def test_a_no_asked_after_a_day_is_a_question_tag() -> None:
    assert parse_when("uai, minha consulta nao e hj nao?", TUESDAY) == When(TUESDAY)


def test_a_moment_of_today_over_is_the_one_tried_and_refused() -> None:
    when = parse_when("pode ser hoje às 8h?", TUESDAY, _NINE)
    assert when is not None and when.over_today(_NINE) == datetime.combine(TUESDAY, time(8))


def test_a_moment_still_ahead_is_not_over() -> None:
    when = parse_when("pode ser hoje às 10h?", TUESDAY, _NINE)
    assert when is not None and when.over_today(_NINE) is None


def test_a_bare_hour_of_today_that_may_be_the_evening_is_not_tried() -> None:
    when = parse_when("hj as 8 da pra encaixar?", TUESDAY, _NINE)
    assert when is not None and when.over_today(_NINE) is None


def test_a_day_named_as_the_one_replaced_is_not_meant() -> None:
    assert parse_when("posso ir na sexta em vez de quinta?", TUESDAY) == When(date(2026, 11, 27))


def test_two_days_of_the_month_named_are_asked_about() -> None:
    when = parse_when("dia 23 eu estava doente, tem vaga dia 30 as 10?", TUESDAY)
    assert when is not None and when.start() is None and when.doubt is not None


def test_an_hour_said_and_refused_is_not_meant() -> None:
    when = parse_when("amanha as 9 nao da, 10 pode?", TUESDAY)
    assert when is not None and when.at is None and when.day == date(2026, 11, 25)


def test_an_hour_refused_and_another_said_is_the_other() -> None:
    when = parse_when("amanha as 9 nao da, as 10 pode?", TUESDAY)
    assert when == When(date(2026, 11, 25), time(10))


def test_a_no_asked_after_an_hour_is_a_question_tag() -> None:
    assert parse_when("tem vaga amanha as 10 nao?", TUESDAY) == When(date(2026, 11, 25), time(10))


def test_an_hour_refused_with_its_subject_between_is_not_meant() -> None:
    when = parse_when("queria marcar pra sexta, mas as 10 eu nao posso", TUESDAY)
    assert when == When(date(2026, 11, 27))


def test_an_hour_excepted_is_not_meant() -> None:
    assert parse_when("sexta, qualquer hora menos as 10", TUESDAY) == When(date(2026, 11, 27))


def test_the_hour_someone_else_leaves_said_alone_is_set_aside() -> None:
    text = "tem horario pro meu filho, ele sai da escola as 12, amanha?"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25))


def test_after_that_said_of_a_leaving_hour_begins_the_span() -> None:
    text = "amanha ela sai da creche meio dia, depois disso pode ser"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), between=(time(12), time(23, 59)))


def test_an_hour_of_something_else_then_after_that_begins_the_span() -> None:
    text = "amanha tenho exame as 8, depois disso posso"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), between=(time(8), time(23, 59)))


def test_a_morning_hour_beside_the_afternoon_wanted_is_asked_about() -> None:
    when = parse_when("quinta eu levo minha mae no medico as 10, entao so a tarde", TUESDAY)
    assert when is not None and when.start() is None and when.doubt is not None


def test_a_bare_day_of_the_month_spoken_of_as_over_is_this_months() -> None:
    text = "minha consulta era dia 20 as 10 e eu perdi, tem como marcar outra?"
    when = parse_when(text, TUESDAY)
    assert when is not None and when.day == date(2026, 11, 20) and when.start() is None


def test_an_hour_of_something_said_before_after_that_begins_the_span() -> None:
    text = "amanha as 10 eu tenho dentista, depois disso pode ser"
    assert parse_when(text, TUESDAY) == When(date(2026, 11, 25), between=(time(10), time(23, 59)))
