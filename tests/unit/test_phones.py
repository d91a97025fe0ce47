"""Brazilian phone numbers as the front desk types them, into WhatsApp chat ids."""

from __future__ import annotations

import pytest

from services.domain.phones import PhoneInvalid, chat_ids_of


@pytest.mark.parametrize(
    "written",
    ["+55 (11) 98765-4321", "11987654321", "5511987654321", "011 98765 4321", "(11)98765-4321"],
)
def test_every_usual_writing_of_a_mobile_gives_its_ids_with_and_without_the_ninth_digit(
    written: str,
) -> None:
    assert chat_ids_of(written) == ["5511987654321@c.us", "551187654321@c.us"]


def test_an_eight_digit_mobile_is_tried_with_the_ninth_digit_too() -> None:
    assert chat_ids_of("(21) 8765-4321") == ["552187654321@c.us", "5521987654321@c.us"]


def test_a_landline_has_one_id() -> None:
    assert chat_ids_of("+55 11 3456-7890") == ["551134567890@c.us"]


@pytest.mark.parametrize("written", ["", "98765-4321", "abc", "(10) 98765-4321",
                                     "11 88765-43210", "+1 415 555 0100"])  # fmt: skip
def test_anything_but_a_brazilian_number_with_area_code_is_refused(written: str) -> None:
    with pytest.raises(PhoneInvalid):
        chat_ids_of(written)
