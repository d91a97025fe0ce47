"""What a reading of a time holds, as the rules applied around ``when.When`` see it.

``when`` imports those rules, so they cannot import ``When`` itself: they take and give
back any dataclass with these fields, ``When`` among them, as the type ``Timed`` says.
"""

from __future__ import annotations

from datetime import date, time
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

    class Timed(DataclassInstance, Protocol):
        @property
        def day(self) -> date | None: ...
        @property
        def week(self) -> date | None: ...
        @property
        def at(self) -> time | None: ...
        @property
        def period(self) -> str | None: ...
        @property
        def between(self) -> tuple[time, time] | None: ...
        @property
        def doubt(self) -> str | None: ...


When = TypeVar("When", bound="Timed")
