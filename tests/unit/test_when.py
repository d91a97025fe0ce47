"""Times in Brazilian Portuguese, as people type them to book."""

from __future__ import annotations

from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.conductor.portuguese.when import When, parse_when

TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("amanhã às 15h", When(date(2026, 11, 25), time(15))),
        ("Amanha as 15:00", When(date(2026, 11, 25), time(15))),
        ("amanhã de manhã", When(date(2026, 11, 25), None, "manha")),
        ("depois de amanhã às 9h", When(date(2026, 11, 26), time(9))),
        ("hoje à noite", When(TUESDAY, None, "noite")),
        ("terça que vem de manhã", When(date(2026, 12, 1), None, "manha")),
        ("sexta 9h30", When(date(2026, 11, 27), time(9, 30))),
        ("segunda-feira às 14 horas", When(date(2026, 11, 30), time(14))),
        ("dia 3 às 10:30", When(date(2026, 12, 3), time(10, 30))),
        ("dia 30 às 10h", When(date(2026, 11, 30), time(10))),
        ("12/12 às 14h", When(date(2026, 12, 12), time(14))),
        ("10/01 as 8h", When(date(2027, 1, 10), time(8))),
        ("às 3 da tarde", When(None, time(15), "tarde")),
        ("pode ser ao meio-dia amanhã", When(date(2026, 11, 25), time(12))),
        ("quero marcar para quinta às 16h por favor", When(date(2026, 11, 26), time(16))),
    ],
)
def test_a_time_expression_is_understood(text: str, expected: When) -> None:
    assert parse_when(text, TUESDAY) == expected


@pytest.mark.parametrize("text", ["quero marcar uma consulta", "oi", "sim", "1", "😀"])
def test_text_without_a_time_says_nothing(text: str) -> None:
    assert parse_when(text, TUESDAY) is None


@pytest.mark.parametrize("text", ["31/02 às 10h", "dia 45 às 10h", "30/13"])
def test_an_impossible_date_gives_no_day(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is None or when.day is None


@pytest.mark.parametrize("text", ["amanhã às 27h", "amanhã 10:75", "amanhã 25 horas"])
def test_an_impossible_time_gives_no_time(text: str) -> None:
    when = parse_when(text, TUESDAY)
    assert when is not None
    assert when.at is None


def test_a_weekday_means_the_next_one_not_today() -> None:
    assert parse_when("terça às 10h", TUESDAY) == When(date(2026, 12, 1), time(10))


@given(st.text(max_size=200), st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
def test_any_text_yields_a_valid_answer_or_none(text: str, today: date) -> None:
    when = parse_when(text, today)
    if when is not None and when.day is not None:
        assert when.day >= today or "/" in text
