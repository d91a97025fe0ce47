"""The clinic's question about a time, found in the dialogue the answer comes after."""

from __future__ import annotations

from services.conductor.doubt_answers import DoubtAsked, doubt_asked

ASKED = "Só para eu não errar: sexta, 27/11 ou sexta, 04/12?"
AGAIN = ASKED + " Responda com uma das duas opções."


def test_the_question_asked_just_before_the_answer_is_found_with_what_it_was_about() -> None:
    dialogue = [("user", "sexta que vem as 10"), ("assistant", ASKED), ("user", "dia 4")]
    assert doubt_asked(dialogue) == DoubtAsked(
        "sexta, 27/11 ou sexta, 04/12?", "sexta que vem as 10"
    )


def test_a_question_asked_again_after_a_bare_yes_is_about_the_first_message() -> None:
    dialogue = [
        ("user", "sexta que vem as 10"), ("assistant", ASKED), ("user", "sim"),
        ("assistant", AGAIN), ("user", "dia 4"),
    ]  # fmt: skip
    assert doubt_asked(dialogue) == DoubtAsked(
        "sexta, 27/11 ou sexta, 04/12?", "sexta que vem as 10"
    )


def test_anything_else_said_last_by_the_clinic_is_no_question_about_a_time() -> None:
    dialogue = [("user", "oi"), ("assistant", "Posso confirmar *sexta, 27/11 às 10:00*?"),
                ("user", "dia 4")]  # fmt: skip
    assert doubt_asked(dialogue) is None
