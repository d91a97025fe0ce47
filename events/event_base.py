"""The base every event builds on, and the marks of personal data: apart from
:mod:`events.schema` so that events defined in modules of their own (the waiting list's)
build on it without an import circle. :mod:`events.schema` re-exports every name."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec


class Personal:
    """Marks a field as personal data: the log stores it sealed with the data subject's
    key, so that deleting the key erases it (crypto-shredding) without rewriting history.
    A personal field is text (erased to ``""``) or optional (erased to ``None``)."""


PERSONAL = Personal()
PersonalText = Annotated[str, PERSONAL]
OptionalPersonalText = Annotated[str | None, PERSONAL]


class DomainEvent(msgspec.Struct, frozen=True, kw_only=True, tag_field="type"):
    """Base of every event recorded in the log."""

    schema_version: ClassVar[int] = 1
