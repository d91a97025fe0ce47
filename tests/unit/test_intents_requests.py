"""A time with the structure of a request is a booking request, whatever its words."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import Intent, intent_of


def test_a_time_with_a_question_mark_is_a_booking_request() -> None:
    assert intent_of("amanha 9h? 🙏🏻") is Intent.SCHEDULE


def test_a_bare_day_asked_is_a_booking_request() -> None:
    assert intent_of("amanha?") is Intent.SCHEDULE


def test_a_time_one_can_make_is_a_booking_request() -> None:
    assert intent_of("quinta depois das 17h consigo") is Intent.SCHEDULE


@pytest.mark.parametrize(
    "text",
    ["dia 30 de tarde pra mim ta bom", "proxima semana qualquer dia serve pra mim",
     "de preferencia de manha", "segunda ou terca de manha, qual tiver"],
)  # fmt: skip
def test_a_time_said_to_suit_is_a_booking_request(text: str) -> None:
    assert intent_of(text) is Intent.SCHEDULE


def test_a_time_asked_for_kindly_is_a_booking_request() -> None:
    assert intent_of("segunda dia 7 as 8h pfvr") is Intent.SCHEDULE


def test_a_bare_time_with_no_request_in_it_stays_unknown() -> None:
    assert intent_of("sexta as 13h") is Intent.UNKNOWN


def test_a_question_with_no_time_is_no_booking_request() -> None:
    assert intent_of("tudo certo?") is not Intent.SCHEDULE


def test_an_acknowledgement_before_a_farewell_asks_for_no_time() -> None:
    assert intent_of("ta bom, ate amanha") is not Intent.SCHEDULE


def test_a_kind_word_before_another_request_asks_for_no_time() -> None:
    assert intent_of("por favor me responde hoje") is not Intent.SCHEDULE


def test_a_time_said_to_be_great_is_a_booking_request() -> None:
    assert intent_of("sexta 10h ta otimo") is Intent.SCHEDULE
