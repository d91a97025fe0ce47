"""Weekdays as patients shorten them, read as days only where a day is meant."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.weekdays import weekdays_written_out


@pytest.mark.parametrize(
    ("folded", "written"),
    [
        ("qui 15h tem", "quinta 15h tem"),
        ("marca seg as 10", "marca segunda as 10"),
        ("quero marcar sex de manha", "quero marcar sexta de manha"),
        ("vcs tem horario dom", "vcs tem horario domingo"),
        ("marcar pra sab", "marcar pra sabado"),
        ("ter que vem", "terca que vem"),
    ],
)
def test_a_short_form_before_a_time_or_after_a_word_leading_to_a_day_is_that_day(
    folded: str, written: str
) -> None:
    assert weekdays_written_out(folded) == written


@pytest.mark.parametrize(
    "folded", ["vou ter 2 filhos", "pra ter uma consulta", "preciso ter", "fazer sex"]
)
def test_a_short_form_that_is_also_a_word_is_left_alone_elsewhere(folded: str) -> None:
    assert weekdays_written_out(folded) == folded


def test_a_numbered_weekday_is_written_out() -> None:
    assert weekdays_written_out("2a feira as 8") == "segunda as 8"


def test_a_numbered_weekday_after_a_word_leading_to_a_day_is_written_out() -> None:
    assert weekdays_written_out("na 2a as 9 pode") == "na segunda as 9 pode"
