"""A span says of an error what a log line may: spans leave the process for a backend."""

from __future__ import annotations

import pytest
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import StatusCode

from events.spans import traced

CHAT_URL = "GET /api/default/chats/5511944443333@c.us/messages"


class ClientError(Exception):
    """A library's error, naming the URL it was sending to."""


def finished_span_of(error: Exception) -> tuple[str, list[str]]:
    """The status description and the event attributes' texts of a span the error left."""
    exporter = InMemorySpanExporter()
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    with pytest.raises(type(error)), traced(provider.get_tracer(__name__), "work"):
        raise error
    [span] = exporter.get_finished_spans()
    assert span.status.status_code is StatusCode.ERROR
    texts = [str(value) for event in span.events for value in (event.attributes or {}).values()]
    return span.status.description or "", texts


def test_a_client_errors_text_stays_out_of_the_span() -> None:
    status, texts = finished_span_of(ClientError(CHAT_URL))
    assert "5511944443333" not in status + " ".join(texts)
    assert status == "ClientError"


def test_the_span_still_names_the_error_by_its_type() -> None:
    _, texts = finished_span_of(ClientError(CHAT_URL))
    assert "ClientError" in texts
