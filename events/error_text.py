"""What may be said of an error outside the process that met it — in a log line, a
dead letter, a span: its type, and its text only where the project vouches for it.

Exceptions of clients carry what they were sending: aiohttp's and httpx's the URL,
googleapiclient's the body, redis-py's the command's arguments, aiohttp's server the raw
bytes it could not parse. Only the project's own exceptions and the operating system's
keep their text, as the project writes those or knows what they hold. What is left of
WhatsApp chat ids and Brazilian phone numbers in a text is masked.
"""

from __future__ import annotations

import re
import traceback

OWN_PACKAGES = frozenset({"services", "events"})

_CHAT_ID = re.compile(
    r"[\w.+-]+(?:@|%40)(?:c\.us|s\.whatsapp\.net|lid|g\.us|broadcast|newsletter)\b", re.I
)
# A Brazilian number in E.164, with or without "+": 55, a two-digit area code, eight or
# nine digits; standing alone, so no trace id, stream id or timestamp matches.
_PHONE = re.compile(r"(?<![0-9A-Za-z])\+?55\d{10,11}(?![0-9A-Za-z])")


class _Said(str):
    """An error's description, the same in a ``%s`` and a ``%r``."""

    def __repr__(self) -> str:
        return str(self)


def _text_vouched_for(kind: type[BaseException]) -> bool:
    if kind.__module__.partition(".")[0] in OWN_PACKAGES:
        return True
    # The OS's errors name an errno, an address or a file, never what was sent.
    return kind.__module__ == "builtins" and issubclass(kind, OSError)


def describe(error: BaseException) -> str:
    """What a log line may say of an error: its type, and its text where it is vouched for."""
    name = type(error).__qualname__
    if not _text_vouched_for(type(error)):
        return _Said(name)
    try:
        text = str(error)
    except Exception:  # a broken __str__ must not take the log line with it
        text = ""
    return _Said(f"{name}: {text}" if text else name)


def mask(text: str) -> str:
    """``text`` with WhatsApp chat ids and Brazilian phone numbers masked."""
    return _PHONE.sub("<phone>", _CHAT_ID.sub("<chat>", text))


def traceback_of(error: BaseException) -> str:
    """The traceback of ``error`` and its causes: frames as usual, each error described."""
    return mask("".join(_chain(error, set())))


_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def _chain(error: BaseException, seen: set[int]) -> list[str]:
    seen.add(id(error))
    lines: list[str] = []
    cause, context = error.__cause__, error.__context__
    if cause is not None and id(cause) not in seen:
        lines += [*_chain(cause, seen), _CAUSE]
    elif context is not None and not error.__suppress_context__ and id(context) not in seen:
        lines += [*_chain(context, seen), _CONTEXT]
    if error.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        lines += traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__)).format()
    lines.append(f"{describe(error)}\n")
    if isinstance(error, BaseExceptionGroup):
        for number, inner in enumerate(error.exceptions, 1):
            lines.append(f"+---------------- {number} ----------------\n")
            lines += [f"| {line}" for line in "".join(_chain(inner, seen)).splitlines(True)]
    return lines
