"""Round 9: a first name said, then said again in full."""

from __future__ import annotations

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("eu sou a Ivone, Ivone Batista Moreira", "Ivone Batista Moreira"),
        ("oi sou o lucas 😅 lucas martins costa", "Lucas Martins Costa"),
        ("meu nome é João. João Pedro Alves", "João Pedro Alves"),
    ],
)
def test_a_first_name_then_the_full_name_is_the_full_name(text: str, name: str) -> None:
    assert name_in(text) == name


def test_a_word_repeated_with_only_a_space_between_is_kept_as_written() -> None:
    assert name_in("Maria Maria Silva") == "Maria Maria Silva"
