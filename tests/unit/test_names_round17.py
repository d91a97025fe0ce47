"""Round 17: a name with the listener called after it, asked back as whose it is, given by
a form's label in Spanish or by an English introduction, after whose booking it is, beside
what one does; what one always has is no name."""

import pytest

from services.conductor.portuguese.intents import name_in


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("bah é Jorge Rodrigues da Rosa tchê", "Jorge Rodrigues da Rosa"),
        ("é gabriel souza de lima mano", "Gabriel Souza de Lima"),
        ("meu nome é Ana Paula Reis, mana", "Ana Paula Reis"),
    ],
)
def test_the_listener_called_after_the_name_is_dropped(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("é o nome do meu filho ne? Gabriel Koch Pereira", "Gabriel Koch Pereira"),
        ("é o nome da minha mãe né? Rosa Maria Alves", "Rosa Maria Alves"),
    ],
)
def test_whose_name_asked_back_then_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Nombre: María José Giménez", "María José Giménez"),
        ("nombre completo: Juan Pérez", "Juan Pérez"),
    ],
)
def test_a_spanish_form_label_before_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("My name is John Peter Miller", "John Peter Miller"),
        ("my full name is Ann Lee", "Ann Lee"),
    ],
)
def test_an_english_introduction_before_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "eu sou a neta, mas a consulta é da minha vó Helena Costa Nunes",
            "Helena Costa Nunes",
        ),
        ("o exame é do meu pai, Jorge Lima", "Jorge Lima"),
    ],
)
def test_whose_booking_it_is_then_the_name(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("aqui é o lucas gabriel nunes, sou goleiro do time sub 20 kkk", "Lucas Gabriel Nunes"),
        ("sou o pedro henrique alves, sou o camisa 10 do time", "Pedro Henrique Alves"),
    ],
)
def test_a_second_introduction_giving_no_name_is_a_remark(text: str, name: str) -> None:
    assert name_in(text) == name


@pytest.mark.parametrize("text", ["o de sempre kkk", "o mesmo de sempre"])
def test_what_one_always_has_is_no_name(text: str) -> None:
    assert name_in(text) is None
