"""Slips of the keyboard put right one word at a time."""

from __future__ import annotations

from services.conductor.portuguese.slips import Slips

SLIPS = Slips.of(["marcar consulta", "cancelar", "cancelou"], known=["cancelado"])


def test_a_slip_is_put_right_to_the_word_it_is_most_alike() -> None:
    assert SLIPS.corrected(["consuta"]) == ("consulta",)


def test_a_known_word_is_left_as_written() -> None:
    assert SLIPS.corrected(["cancelado"]) == ("cancelado",)


def test_a_word_starting_with_another_letter_is_no_slip() -> None:
    assert SLIPS.corrected(["xancelar"]) == ("xancelar",)


def test_a_slip_alike_two_words_alike_is_left_as_written() -> None:
    # "cancelau" is as near "cancelar" as "cancelou": which was meant is not known.
    assert SLIPS.corrected(["cancelau"]) == ("cancelau",)


def test_a_short_word_is_never_put_right() -> None:
    assert SLIPS.corrected(["marcr"]) == ("marcr",)


def test_shorter_words_are_put_right_where_the_targets_allow_it() -> None:
    days = Slips.of(["amanha"], known=[], shortest=5)
    assert days.corrected(["amnha"]) == ("amanha",)
