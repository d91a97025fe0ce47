"""Traces: one trace follows a WhatsApp message from the webhook to the reply.

Ingest opens a server span and stores its W3C trace context in the event's envelope;
each consumer continues it in a span of its own, and the events it decides carry that
span's context on. Spans go to an OTLP endpoint when the standard ``OTEL_*`` variables
name one (``OTEL_EXPORTER_OTLP_ENDPOINT`` or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``);
the context is propagated either way.
"""

from __future__ import annotations

from collections.abc import Mapping

from opentelemetry import trace
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

from events.trace_context import context_of, current_traceparent

__all__ = ["configure_tracing", "context_of", "current_traceparent"]
ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")


def configure_tracing(service: str, env: Mapping[str, str]) -> None:
    """Install the process's tracer provider (once, at start)."""
    name = env.get("OTEL_SERVICE_NAME") or f"wsm-{service}"
    provider = TracerProvider(resource=Resource.create({SERVICE_NAME: name}))
    if any(env.get(variable) for variable in ENDPOINT_VARIABLES):
        # Imported only when used: the exporter reads the OTEL_* variables itself.
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
