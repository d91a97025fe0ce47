"""Brazilian phone numbers as the front desk types them, into the WhatsApp chat ids they
may be known by.

A receptionist writes ``+55 (11) 98765-4321``, ``11 98765-4321`` or ``011987654321``;
WhatsApp knows a mobile by ``55`` + area code + number, and a number registered before
the ninth digit was added (2012-2016) often keeps its eight-digit form in its id
(``551187654321@c.us``) while the person writes it with the 9. Both forms are tried.
Nothing here stores a number: the chat keys derive from these ids.
"""

from __future__ import annotations

import re

COUNTRY = "55"
_AREA = re.compile(r"[1-9][1-9]")
_SEPARATORS = re.compile(r"[\s().+/-]")


class PhoneInvalid(ValueError):
    """Not a Brazilian phone number with its area code."""


def national_of(raw: str) -> tuple[str, str]:
    """The area code and the subscriber number of a Brazilian number as people write it."""
    text = _SEPARATORS.sub("", raw.strip())
    if not text.isdigit():
        raise PhoneInvalid("o telefone deve ter só dígitos, espaços, parênteses, + e -")
    if text.startswith("00"):  # international prefix
        text = text[2:]
    if len(text) in (12, 13) and text.startswith(COUNTRY):
        text = text[2:]
    elif text.startswith("0"):  # the trunk prefix of a long-distance call
        text = text[1:]
    if len(text) not in (10, 11) or not _AREA.fullmatch(text[:2]):
        raise PhoneInvalid("informe o telefone com DDD, como (11) 98765-4321")
    subscriber = text[2:]
    if len(subscriber) == 9 and subscriber[0] != "9":
        raise PhoneInvalid("um celular de nove dígitos começa com 9")
    return text[:2], subscriber


def chat_ids_of(raw: str) -> list[str]:
    """The WhatsApp chat ids (``55…@c.us``) the number may be known by, as written first,
    then with or without the ninth digit of a mobile."""
    area, subscriber = national_of(raw)
    forms = [subscriber]
    if len(subscriber) == 9:
        forms.append(subscriber[1:])
    elif subscriber[0] in "6789":  # an eight-digit mobile: today it has a 9 in front
        forms.append("9" + subscriber)
    return [f"{COUNTRY}{area}{form}@c.us" for form in forms]
