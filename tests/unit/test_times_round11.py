"""Round 11: times corrected, carried over, given as reasons, and bounded twice."""

from datetime import date, datetime, time

import pytest

from services.conductor.portuguese.when import When, parse_when
from services.conductor.proposal_change import on_proposed_day
from tests.support.reference_moment import NINE, TUESDAY, read_when

WEDNESDAY, THURSDAY, FRIDAY = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("tem amanha as 9 da noite? kkk brincadeira, 9 da manha", WEDNESDAY, time(9)),
        ("amanha as 14h... alias melhor 15h", WEDNESDAY, time(15)),
        ("amanha as 14h, ops, 15h", WEDNESDAY, time(15)),
        ("quinta as 10 nao pera quinta nao sexta as 10", FRIDAY, time(10)),
        ("quinta 16h, quis dizer sexta 16h", FRIDAY, time(16)),
        ("amanha as 8, quer dizer, as 11", WEDNESDAY, time(11)),
    ],
)
def test_what_follows_a_correction_replaces_what_it_corrects(
    text: str, day: date, at: time
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


def test_a_corrected_day_keeps_the_part_of_the_day_said_with_it() -> None:
    when = read_when("dia 3, digo, dia 4 de dezembro a tarde")
    assert when is not None and (when.day, when.period) == (date(2026, 12, 4), "tarde")


def test_a_day_corrected_alone_keeps_no_hour_said_before_it() -> None:
    when = read_when("amanha as 10? na verdade ela so pode sexta")
    assert when is not None and (when.day, when.at) == (FRIDAY, None)


def test_a_day_corrected_alone_is_the_day_meant() -> None:
    when = read_when("quero marcar dia 4. Digo, dia 3, quinta")
    assert when is not None and when.day == date(2026, 12, 3) and when.doubt is None


def test_a_correction_naming_no_time_leaves_the_message_read_whole() -> None:
    when = read_when("amanha as 10? ops, esqueci de dizer que e pra minha filha")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


def test_telling_something_later_is_no_correction() -> None:
    when = read_when("amanha as 10, depois te digo se ela pode")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("minha consulta de quinta pode ser adiantada pra amanha?", WEDNESDAY),
        ("consegue empurrar minha consulta de hoje pra amanha de tarde?", WEDNESDAY),
        ("da pra antecipar minha consulta de sexta pra quinta?", THURSDAY),
    ],
)
def test_a_booking_brought_forward_or_pushed_back_is_read_at_the_day_moved_to(
    text: str, day: date
) -> None:
    when = read_when(text)
    assert when is not None and when.day == day and when.doubt is None


@pytest.mark.parametrize(
    "text",
    [
        "antecipa pra amanha as 14h se tiver vaga, a minha e so dia 2",
        "tem como trocar minha consulta pra amanha as 14h? peguei plantao na quinta",
        "muda pra amanha as 14h que eu vou viajar na sexta",
    ],
)
def test_what_is_explained_after_the_day_moved_to_names_no_day_wanted(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, time(14), None)


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [
        ("no, amanha eu nao posso nao, so depois de amanha as 3 da tarde", THURSDAY, time(15)),
        ("amanha eu nao posso, quinta as 10", THURSDAY, time(10)),
        ("quinta ela nao pode, sexta as 10", FRIDAY, time(10)),
    ],
)
def test_a_day_refused_with_who_cannot_said_between_is_not_meant(
    text: str, day: date, at: time
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (day, at, None)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("hoje de tarde nao da, amanha de tarde entao", WEDNESDAY),
        ("sexta a tarde nao posso, quinta de tarde", THURSDAY),
    ],
)
def test_a_day_refused_with_its_part_then_another_day_is_the_other_day(
    text: str, day: date
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.period, when.doubt) == (day, "tarde", None)


def test_a_part_of_the_day_refused_alone_keeps_the_day() -> None:
    when = read_when("amanha de tarde nao, de manha")
    assert when is not None and (when.day, when.period) == (WEDNESDAY, "manha")


@pytest.mark.parametrize(
    "text",
    [
        "ate as 11 na quinta, depois disso eu pego no trampo",
        "antes das 11 quinta, depois disso trabalho",
    ],
)
def test_an_hour_bounding_a_span_stays_its_bound_before_depois_disso(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between) == (THURSDAY, (time(0), time(11)))


@pytest.mark.parametrize("text", ["qro marcar pra qta", "qta as 10", "na qta de manha"])
def test_qta_is_thursday_where_a_day_is_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.day == THURSDAY


def test_qta_elsewhere_is_no_day() -> None:
    assert read_when("qta coisa pra fazer") is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("queria marcar o nene pra quinta depois das 9 e antes das 11", (time(9), time(11))),
        ("quinta a partir das 14h mas antes das 17", (time(14), time(17))),
    ],
)
def test_a_span_said_by_its_two_bounds_runs_from_the_first_to_the_second(
    text: str, span: tuple[time, time]
) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.between) == (THURSDAY, span)


def test_one_oclock_as_a_bound_is_the_afternoons() -> None:
    when = read_when("amanha de manha ele vai na creche, entao depois da uma qualquer horario")
    assert when is not None and when.between == (time(13), time(23, 59))


@pytest.mark.parametrize(
    "text",
    [
        "era hoje as 15h mas ela nao pode, consegue passar pra segunda mesmo horario?",
        "minha consulta de hoje as 15h passa pra segunda no mesmo horario",
    ],
)
def test_the_same_time_is_the_hour_said_earlier_on_the_day_wanted(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at) == (date(2026, 11, 30), time(15))


@pytest.mark.parametrize(
    "text",
    [
        "amanha 9h tem? ops, 10h, 9h tenho call",
        "amanha as 14h... alias 10h que 14h eu pego o menino na escola",
        "eu levo ele na escola as 8, pode ser amanha as 10?",
    ],
)
def test_the_hour_of_something_else_beside_the_hour_wanted_is_not_meant(text: str) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, time(10), None)


def test_an_hour_said_alone_with_something_to_do_is_kept() -> None:
    when = read_when("amanha as 10 tenho consulta?")
    assert when is not None and (when.day, when.at) == (WEDNESDAY, time(10))


def test_two_hours_of_things_to_do_leave_the_time_asked() -> None:
    when = read_when("sexta as 16 que eu tenho reuniao as 10")
    assert when is not None and when.at is None and when.doubt is not None


PROPOSED_TUESDAY = datetime(2026, 12, 1, 10)


def _answered(text: str) -> When | None:
    return on_proposed_day(parse_when(text, TUESDAY, NINE), PROPOSED_TUESDAY, text)


@pytest.mark.parametrize(
    "text",
    ["nao, prefiro na terça mesmo mas de tarde", "esse nao, tem na terca mesmo so que de tarde?"],
)
def test_the_proposals_weekday_said_a_week_before_it_is_the_proposals_day(text: str) -> None:
    when = _answered(text)
    assert when is not None and (when.day, when.period, when.doubt) == (
        PROPOSED_TUESDAY.date(),
        "tarde",
        None,
    )


def test_the_proposals_weekday_without_mesmo_and_its_hour_stay_asked() -> None:
    when = _answered("nao, terca as 10 eu trabalho")
    assert when is not None and when.doubt is not None


def test_the_proposals_weekday_said_alone_stays_asked() -> None:
    when = _answered("terca?")
    assert when is not None and when.doubt is not None


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("amanha 9 da noite nao, 9 da manha", time(9)),
        ("amanha as 4 da tarde nao, 10 da manha", time(10)),
        ("amanha as 9, digo, 9 da noite nao, 9 da manha", time(9)),
    ],
)
def test_an_hour_refused_with_its_part_of_the_day_is_not_meant(text: str, at: time) -> None:
    when = read_when(text)
    assert when is not None and (when.day, when.at, when.doubt) == (WEDNESDAY, at, None)


@pytest.mark.parametrize(
    "text", ["sexta 10h kkkk brincadeira, sexta nao da", "sexta as 10, ah, sexta eu nao posso"]
)
def test_a_weekday_refused_is_not_meant_wherever_it_is_named(text: str) -> None:
    when = read_when(text)
    assert when is not None and when.day is None and when.start() is None


def test_another_weekday_beside_one_refused_is_meant() -> None:
    when = read_when("sexta as 10, ah nao, sexta eu nao posso, quinta as 10")
    assert when is not None and (when.day, when.at) == (THURSDAY, time(10))
