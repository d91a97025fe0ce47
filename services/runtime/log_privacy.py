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
from collections.abc import Mapping

from events.error_text import OWN_PACKAGES, describe, mask

LIBRARY_FLOOR = logging.WARNING
"""The lowest level at which a library's record is written."""


def is_own(logger_name: str) -> bool:
    """Whether a logger is the project's (its modules log under their own names)."""
    return logger_name.partition(".")[0] in OWN_PACKAGES


class LibraryFloor(logging.Filter):
    """Lets the project's records through at any level, a library's from WARNING up."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= LIBRARY_FLOOR or is_own(record.name)


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
