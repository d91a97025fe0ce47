"""The process's own log output, as ``configure_logging`` writes it, for a test to read."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from services.runtime.logs import configure_logging


class LogLines:
    """The JSON lines written so far."""

    def __init__(self, stream: io.StringIO) -> None:
        self._stream = stream

    def __call__(self) -> list[str]:
        return self._stream.getvalue().splitlines()

    def text(self) -> str:
        return self._stream.getvalue()


@pytest.fixture
def log_lines() -> Iterator[LogLines]:
    """Logging configured as a service at ``LOG_LEVEL=DEBUG`` does, into a buffer; the
    test run's own handlers come back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    configure_logging("DEBUG", stream)
    try:
        yield LogLines(stream)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
