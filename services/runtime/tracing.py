"""Traces: one trace follows a WhatsApp message from the webhook to the reply.

Ingest opens a server span and stores its W3C trace context in the event's envelope;
each consumer continues it in a span of its own, and the events it decides carry that
span's context on. Spans go to an OTLP endpoint when the standard ``OTEL_*`` variables
name one (``OTEL_EXPORTER_OTLP_ENDPOINT`` or ``OTEL_EXPORTER_OTLP_TRACES_ENDPOINT``).
Without one, spans are not recorded — recording them for nobody cost the live projector a
quarter of its throughput — but trace and span ids are still made, propagated and logged.
"""

from __future__ import annotations

from collections.abc import Mapping

from opentelemetry import trace
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from opentelemetry.sdk.trace.sampling import ALWAYS_OFF

from events.trace_context import context_of, current_traceparent

__all__ = ["configure_tracing", "context_of", "current_traceparent", "tracer_provider"]
ENDPOINT_VARIABLES = ("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")


def tracer_provider(service: str, env: Mapping[str, str]) -> TracerProvider:
    """The provider for ``env``: exporting over OTLP if an endpoint is named (with the
    sampler ``OTEL_TRACES_SAMPLER`` chooses, parent-based always-on by default), else
    recording nothing."""
    name = env.get("OTEL_SERVICE_NAME") or f"wsm-{service}"
    resource = Resource.create({SERVICE_NAME: name})
    if not any(env.get(variable) for variable in ENDPOINT_VARIABLES):
        return TracerProvider(resource=resource, sampler=ALWAYS_OFF)
    # Imported only when used: the exporter reads the OTEL_* variables itself.
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    return provider


def configure_tracing(service: str, env: Mapping[str, str]) -> None:
    """Install the process's tracer provider (once, at start)."""
    trace.set_tracer_provider(tracer_provider(service, env))
