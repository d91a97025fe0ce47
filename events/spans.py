"""Spans that say of an error what a log line may (``events.error_text``): its type, and
its text only where the project vouches for it.

OpenTelemetry records an escaping exception's text and stack and sets it as the span's
status; a client's error text carries what it was sending (a URL naming a chat, a
calendar's query, a model's output), and spans leave the process for a tracing backend.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from typing import Any

from opentelemetry import context as otel_context
from opentelemetry import trace
from opentelemetry.trace import Link, Span, SpanKind, Status, StatusCode, Tracer

from events.codec import Record
from events.error_text import describe
from events.trace_context import context_of


@contextlib.contextmanager
def traced(tracer: Tracer, name: str, **options: Any) -> Iterator[Span]:
    """``tracer.start_as_current_span(name, **options)``, an error described, not recorded."""
    # What start_as_current_span does when it neither records nor sets a status, without
    # its two nested context managers: half the cost of a span, paid on every webhook.
    current = tracer.start_span(
        name, record_exception=False, set_status_on_exception=False, **options
    )
    token = otel_context.attach(trace.set_span_in_context(current))
    try:
        yield current
    except Exception as exc:
        said = describe(exc)
        current.set_status(Status(StatusCode.ERROR, said))
        attributes = {"exception.type": type(exc).__qualname__, "exception.message": said}
        current.add_event("exception", attributes)
        raise
    finally:
        otel_context.detach(token)
        current.end()


def processing(
    tracer: Tracer, record: Record, stream: str, partition: int, group: str
) -> contextlib.AbstractContextManager[Span]:
    """The span of a consumer group handling ``record``, continuing the trace the event
    carries."""
    return traced(
        tracer,
        f"process {group}",
        context=context_of(record.envelope.traceparent),
        kind=SpanKind.CONSUMER,
        attributes={
            **_consuming(stream, partition, group),
            "messaging.message.id": record.entry_id,
        },
    )


def _consuming(stream: str, partition: int, group: str) -> dict[str, str]:
    """The messaging attributes of a consumer group processing one partition's stream."""
    return {
        "messaging.system": "redis",
        "messaging.operation.type": "process",
        "messaging.destination.name": stream,
        "messaging.destination.partition.id": str(partition),
        "messaging.consumer.group.name": group,
    }


def processing_run(
    tracer: Tracer, records: Sequence[Record], stream: str, partition: int, group: str
) -> contextlib.AbstractContextManager[Span]:
    """The span of a consumer group handling a run of records together, linked to the
    trace each record carries."""
    links = []
    for record in records:
        context = context_of(record.envelope.traceparent)
        if context is not None:
            links.append(Link(trace.get_current_span(context).get_span_context()))
    return traced(
        tracer,
        f"process {group}",
        links=links,
        kind=SpanKind.CONSUMER,
        attributes={
            **_consuming(stream, partition, group),
            "messaging.batch.message_count": len(records),
        },
    )
