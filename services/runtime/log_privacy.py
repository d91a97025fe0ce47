"""What a log line may say: the project's own words, never a payload.

Personal data and keys reach a log by three roads; each is closed here, once, for every
logger of the process:

- Libraries write requests as they go at DEBUG and INFO: groq the whole prompt, httpx and
  googleapiclient URLs with their queries, aiohttp each request's path (the admin API's
  and WAHA's paths name chats). A library's records below WARNING are dropped.
- Exceptions of clients carry what they were sending: aiohttp's and httpx's the URL,
  googleapiclient's the body, redis-py's the command's arguments, aiohttp's server the
  raw bytes it could not parse. An exception, given to a log call or in a traceback, is
  named by its type; only the project's own exceptions and the operating system's keep
  their text, as the project writes those or knows what they hold.
- A library may put such an exception, or a URL, into the message itself before any
  handler sees it (asyncio's "Task exception was never retrieved" prints the task with
  its exception's repr): what is left of WhatsApp chat ids and Brazilian phone numbers in
  a line is masked. Only these shapes are: they cross every boundary (WAHA's paths and
  payloads), while a name or a message text is never formatted into a line at all.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Mapping

OWN_PACKAGES = frozenset({"services", "events"})
LIBRARY_FLOOR = logging.WARNING
"""The lowest level at which a library's record is written."""

_CHAT_ID = re.compile(
    r"[\w.+-]+(?:@|%40)(?:c\.us|s\.whatsapp\.net|lid|g\.us|broadcast|newsletter)\b", re.I
)
# A Brazilian number in E.164, with or without "+": 55, a two-digit area code, eight or
# nine digits; standing alone, so no trace id, stream id or timestamp matches.
_PHONE = re.compile(r"(?<![0-9A-Za-z])\+?55\d{10,11}(?![0-9A-Za-z])")


def is_own(logger_name: str) -> bool:
    """Whether a logger is the project's (its modules log under their own names)."""
    return logger_name.partition(".")[0] in OWN_PACKAGES


class LibraryFloor(logging.Filter):
    """Lets the project's records through at any level, a library's from WARNING up."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= LIBRARY_FLOOR or is_own(record.name)


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


def message_of(record: logging.LogRecord) -> str:
    """The record's message, with any error among its arguments described, and masked."""
    message = describe(record.msg) if isinstance(record.msg, BaseException) else str(record.msg)
    args = record.args
    if args:
        safe: object
        if isinstance(args, Mapping):
            safe = {key: _safe(value) for key, value in args.items()}
        else:
            safe = tuple(_safe(value) for value in args)
        try:
            message = message % safe
        except (TypeError, ValueError, KeyError):
            # logging would print the arguments raw on stderr; they are left out instead.
            message = f"{message} (its arguments do not fit it)"
    return mask(message)


def _safe(value: object) -> object:
    return describe(value) if isinstance(value, BaseException) else value


def safe_value(value: object) -> object:
    """An extra field of a record as it may be written."""
    if isinstance(value, BaseException):
        return describe(value)
    return mask(value) if isinstance(value, str) else value


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
