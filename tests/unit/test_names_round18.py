"""Round 18: a name after "e aí" and whom it greets, after "é a mãe", after whom the
booking is for past a "mas", put right by "ops" with no stop, followed by its short
form, by thanks shortened, by an asking "tá" or by a dictated "ponto"."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("e ai mana, é Cleide Ferreira Cardoso", "Cleide Ferreira Cardoso"),
        ("e aí mano, sou o Pedro Alves", "Pedro Alves"),
        ("eae, é Carlos Lima", "Carlos Lima"),
    ],
)
def test_e_ai_and_whom_it_greets_before_the_name_are_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é a mãe, Priscila Vieira Hoffmann", "Priscila Vieira Hoffmann"),
        ("é o pai, Rogério Alves", "Rogério Alves"),
    ],
)
def test_a_bare_e_telling_who_writes_before_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


def test_a_bare_e_with_a_name_is_still_the_name() -> None:
    assert name_in("é a Ana") == "Ana"


def test_who_writes_alone_gives_no_name() -> None:
    assert name_in("é a mãe") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "o celular é meu mas a consulta é pra minha mae, Nazaré Gomes Ribeiro",
            "Nazaré Gomes Ribeiro",
        ),
        ("o numero é do meu marido mas é pra mim, Joana Dias", "Joana Dias"),
    ],
)
def test_whom_the_booking_is_for_after_mas_then_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Juliana Souza Almeida ops Juliana Souza de Almeida", "Juliana Souza de Almeida"),
        ("Carlos Silva ops Carlos Souza", "Carlos Souza"),
    ],
)
def test_ops_without_a_stop_puts_the_name_right(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("francine scheidt, fran", "Francine Scheidt"),
        ("Gabriela Souza, gabi", "Gabriela Souza"),
        ("Rafael Costa, Rafa", "Rafael Costa"),
    ],
)
def test_the_short_form_of_the_first_name_after_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


def test_another_name_after_the_name_is_not_taken_for_a_short_form() -> None:
    assert name_in("Mariana Lima, Maria") is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("raimunda de souza lima obg", "Raimunda de Souza Lima"),
        ("Marcos Lima vlw", "Marcos Lima"),
        ("é... então meu nome é ana carolina teixeira mendes tá", "Ana Carolina Teixeira Mendes"),
        ("daiane cristina da silva ponto", "Daiane Cristina da Silva"),
        ("daiane cristina da silva ponto final", "Daiane Cristina da Silva"),
    ],
)
def test_thanks_a_tag_or_a_dictated_stop_after_the_name_are_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


def test_the_short_form_after_a_first_name_alone_is_dropped() -> None:
    assert name_in("Gabriela, Gabi") == "Gabriela"


@pytest.mark.parametrize("text", ["e ai", "e ai mana", "eae", "obg"])
def test_a_greeting_or_thanks_alone_gives_no_name(text: str) -> None:
    assert name_in(text) is None
