"""Round 10: names after a greeting and its address, and names said again."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("oi moça é a Jéssica Cristina Rocha", "Jéssica Cristina Rocha"),
        ("oi doutora sou a Marta Ribeiro", "Marta Ribeiro"),
        ("oi gente é a Ana Paula", "Ana Paula"),
    ],
)
def test_a_greeting_with_its_address_before_an_introduction_is_no_part_of_the_name(
    text: str, name: str
) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("oi moça, sou eu a Luzia Gomes de novo", "Luzia Gomes"),
        ("boa tarde moça é o Zé Carlos de novo", "Zé Carlos"),
        ("sou a Rita Lopes novamente", "Rita Lopes"),
    ],
)
def test_saying_the_name_again_is_no_part_of_it(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bom dia moça tudo bem é a Maria José Santos", "Maria José Santos"),
        ("eae beleza sou o Matheus Henrique", "Matheus Henrique"),
    ],
)
def test_several_greetings_and_an_address_before_an_introduction_are_no_part_of_the_name(
    text: str, name: str
) -> None:
    assert name_in(text) == name
