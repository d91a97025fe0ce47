"""Round 14: a refusal and keys struck at random give no name."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    "text",
    ["nao vou dar", "prefiro nao informar", "não sei informar", "nao te interessa", "prefiro nao"],
)
def test_a_refusal_gives_no_name(text: str) -> None:
    assert name_in(text) is None


def test_a_name_after_a_no_is_still_read() -> None:
    assert name_in("nao, meu nome é Maria Souza") == "Maria Souza"


@pytest.mark.parametrize("text", ["asdkjaslkd", "qwertyqrt", "lkjhgfdsa", "zxcvbnmzx"])
def test_keys_of_one_row_struck_at_random_give_no_name(text: str) -> None:
    assert name_in(text) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("Hadassa Lima", "Hadassa Lima"), ("Ingrid Koch Petry", "Ingrid Koch Petry")],
)
def test_names_of_one_rows_letters_are_kept(text: str, name: str) -> None:
    assert name_in(text) == name
