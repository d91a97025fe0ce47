"""Names introduced among other words: the introduction's part of the message holds the
name; courtesies, requests and faces around it are no part of it."""

from __future__ import annotations

from services.conductor.portuguese.intents import name_in


def test_a_courtesy_after_the_introduction_is_no_part_of_the_name() -> None:
    assert name_in("me chamo Rosângela, prazer") == "Rosângela"


def test_a_courtesy_before_the_introduction_is_no_part_of_the_name() -> None:
    assert name_in("Prazer, sou a Luana") == "Luana"


def test_a_request_after_the_introduction_is_no_part_of_the_name() -> None:
    assert name_in("meu nome e sueli, queria marcar uma consulta") == "Sueli"


def test_a_full_name_announced_is_read_whole() -> None:
    assert name_in("nome completo: geraldo dos anjos ferreira") == "Geraldo dos Anjos Ferreira"


def test_who_is_speaking_introduces_a_name() -> None:
    assert name_in("aqui quem fala e o Reinaldo") == "Reinaldo"


def test_a_name_to_be_put_down_is_read() -> None:
    assert name_in("pode colocar Tereza Cristina da Costa") == "Tereza Cristina da Costa"


def test_a_face_after_a_name_is_no_part_of_it() -> None:
    assert name_in("Eduarda Gomes 😊") == "Eduarda Gomes"


def test_parts_with_no_introduction_are_no_name() -> None:
    assert name_in("ok, obrigada") is None
