"""Round 6: names introduced in other words — the name said first and then "aqui", who is
speaking said with a verb in progress, whose name the booking goes in said in one breath,
and words about oneself after the name."""

from __future__ import annotations

from services.conductor.portuguese.intents import name_in


def test_a_name_followed_by_here_is_introduced() -> None:
    assert name_in("oi oi, Gabriel aqui") == "Gabriel"


def test_a_full_name_followed_by_here_and_a_greeting_is_read_whole() -> None:
    assert name_in("Carla dos Anjos Moreira aqui, boa tarde") == "Carla dos Anjos Moreira"


def test_being_here_with_no_name_is_no_name() -> None:
    assert name_in("oi, ja to aqui") is None


def test_who_is_speaking_in_progress_introduces_a_name() -> None:
    assert name_in("aqui quem ta falando e o Zé Roberto de Lima") == "Zé Roberto de Lima"


def test_the_name_a_booking_goes_in_said_in_one_breath_is_read() -> None:
    assert name_in("pode colocar no nome de Rafael Augusto e Silva") == "Rafael Augusto e Silva"


def test_a_relative_whose_name_is_not_said_is_no_name() -> None:
    assert name_in("pode colocar no nome da minha mae") is None


def test_words_about_oneself_after_the_name_are_no_part_of_it() -> None:
    text = "bom dia meu nome e raimunda nonata do nascimento sou paciente antiga ai"
    assert name_in(text) == "Raimunda Nonata do Nascimento"


def test_a_name_whose_other_parts_only_greet_is_read() -> None:
    assert name_in("Joana Silva, boa tarde") == "Joana Silva"


def test_a_question_before_the_introduction_is_a_part_of_its_own() -> None:
    assert name_in("falo com a clinica? aqui e a Sonia") == "Sonia"


def test_who_speaks_said_with_fala_introduces_a_name() -> None:
    assert name_in("boa noite, aqui fala a Sônia") == "Sônia"


def test_the_name_a_booking_goes_in_asked_without_pode_is_read() -> None:
    assert name_in("coloca no nome de Jose Carlos") == "José Carlos"


def test_being_something_said_after_the_name_joined_by_e_is_no_part_of_it() -> None:
    assert name_in("meu nome eh Rita de Cassia e sou diabetica") == "Rita de Cassia"
