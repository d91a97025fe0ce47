"""Structured logs: one JSON object per line on stderr, with the trace and span ids of
the span the line was logged in, so a log line leads to its trace.

Nothing personal is written, at any level, whoever logs: what a line may say is decided
in ``services.runtime.log_privacy``, here, for every record of the process.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from datetime import UTC, datetime
from typing import TextIO

import msgspec
from opentelemetry import trace

from events.error_text import traceback_of
from services.runtime.log_privacy import LibraryFloor, message_of, safe_value

_STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": message_of(record),
        }
        span = trace.get_current_span().get_span_context()
        if span.is_valid:
            entry["trace_id"] = format(span.trace_id, "032x")
            entry["span_id"] = format(span.span_id, "016x")
        entry.update({k: safe_value(v) for k, v in record.__dict__.items() if k not in _STANDARD})
        if record.exc_info and record.exc_info[1] is not None:
            entry["exception"] = traceback_of(record.exc_info[1])
        return msgspec.json.encode(entry, enc_hook=str).decode()


class _JsonHandler(logging.StreamHandler[TextIO]):
    def handleError(self, record: logging.LogRecord) -> None:
        # logging's own report prints the record's message and arguments raw.
        line = {"level": "error", "logger": record.name, "message": "a log line was lost"}
        with contextlib.suppress(Exception):  # the stream itself is gone: nothing to tell
            self.stream.write(msgspec.json.encode(line).decode() + self.terminator)


def configure_logging(level: str = "INFO", stream: TextIO | None = None) -> None:
    """JSON lines on ``stream`` (stderr) for every logger: the project's from ``level``,
    a library's from WARNING (and ``level``), each line as ``log_privacy`` allows."""
    handler = _JsonHandler(sys.stderr if stream is None else stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(LibraryFloor())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
