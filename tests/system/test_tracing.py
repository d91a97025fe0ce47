"""One trace follows a WhatsApp message from the webhook to the reply sent to WAHA."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Iterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from opentelemetry import trace
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind
from prometheus_client import CollectorRegistry
from prometheus_client.openmetrics import exposition as openmetrics
from redis.asyncio import Redis

from events import Keyspace
from events.metrics import ConsumerMetrics
from services.ingest.app import GATEWAY
from services.runtime.logs import JsonFormatter
from services.runtime.metrics_server import metrics_app
from services.runtime.tracing import context_of, current_traceparent, tracer_provider
from tests.support.projecting import groups_caught_up
from tests.support.whole_stack import Phone, Stack

_exporter = InMemorySpanExporter()


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    """Spans finished during the test (the provider is installed once per process)."""
    if not isinstance(trace.get_tracer_provider(), TracerProvider):
        provider = TracerProvider()
        provider.add_span_processor(SimpleSpanProcessor(_exporter))
        trace.set_tracer_provider(provider)
    _exporter.clear()
    yield _exporter
    _exporter.clear()


def trace_of(spans: tuple[ReadableSpan, ...], name: str) -> list[ReadableSpan]:
    """Every span of the trace that holds a span called ``name``."""
    [marker] = [s for s in spans if s.name == name]
    return [s for s in spans if s.context.trace_id == marker.context.trace_id]


async def test_one_trace_runs_from_the_webhook_to_the_waha_send(
    stack: Stack, redis: Redis, keyspace: Keyspace, spans: InMemorySpanExporter
) -> None:
    http, sim_url, _ = stack
    phone = Phone(http, sim_url, "5511977770123")
    await phone.say("oi")
    await phone.say("sim")  # the consent, decided in code
    await phone.say("Ana")  # the name: a brain call and a tool call
    await groups_caught_up(redis, keyspace, "conductor", "outbox")
    names = {s.name: s for s in trace_of(spans.get_finished_spans(), "execute_tool register_name")}
    assert set(names) >= {
        "POST /webhooks/waha",
        "process conductor",
        "chat OfflineBrain",
        "execute_tool register_name",
        "process outbox",
        "POST /api/sendText",
    }
    server = names["POST /webhooks/waha"]
    assert server.kind is SpanKind.SERVER and server.parent is None
    assert names["process conductor"].parent.span_id == server.context.span_id  # type: ignore[union-attr]
    outbox = names["process outbox"]
    assert outbox.kind is SpanKind.CONSUMER
    assert outbox.attributes["messaging.consumer.group.name"] == "outbox"  # type: ignore[index]
    assert names["POST /api/sendText"].parent.span_id == outbox.context.span_id  # type: ignore[union-attr]


def test_a_log_line_carries_the_trace_and_span_ids(spans: InMemorySpanExporter) -> None:
    tracer = trace.get_tracer(__name__)
    with tracer.start_as_current_span("work") as span:
        line = JsonFormatter().format(logging.makeLogRecord({"msg": "hello"}))
        context = span.get_span_context()
    assert f'"trace_id":"{context.trace_id:032x}"' in line
    assert f'"span_id":"{context.span_id:016x}"' in line


def test_a_traceparent_round_trips_and_a_bad_one_starts_nothing(
    spans: InMemorySpanExporter,
) -> None:
    tracer = trace.get_tracer(__name__)
    with tracer.start_as_current_span("work") as span:
        carried = current_traceparent()
    assert carried is not None
    context = context_of(carried)
    assert context is not None
    continued = trace.get_current_span(context).get_span_context()
    assert continued.trace_id == span.get_span_context().trace_id
    assert context_of("00-garbage") is None and context_of(None) is None


def test_a_handling_time_observed_in_a_span_carries_its_trace_id(
    spans: InMemorySpanExporter,
) -> None:
    registry = CollectorRegistry()
    metrics = ConsumerMetrics(registry)
    with trace.get_tracer(__name__).start_as_current_span("work") as span:
        metrics.outcome("conductor", "applied", 0.003)
    exposed = openmetrics.generate_latest(registry).decode()
    assert f'trace_id="{span.get_span_context().trace_id:032x}"' in exposed


async def test_metrics_come_as_openmetrics_when_the_scraper_asks(ingest: TestClient) -> None:
    # The gateway's metrics, served as `wsm ingest --metrics-port` serves them.
    app = metrics_app(ingest.app[GATEWAY].registry)
    async with TestClient(TestServer(app)) as metrics:
        accept = {"Accept": "application/openmetrics-text; version=1.0.0"}
        response = await metrics.get("/metrics", headers=accept)
        assert response.headers["Content-Type"].startswith("application/openmetrics-text")
        assert (await response.text()).rstrip().endswith("# EOF")
        plain = await metrics.get("/metrics")
        assert plain.headers["Content-Type"].startswith("text/plain")


def test_without_an_exporter_spans_are_not_recorded_but_their_ids_still_flow() -> None:
    tracer = tracer_provider("conductor", {}).get_tracer(__name__)
    with tracer.start_as_current_span("work") as span:
        traceparent = current_traceparent()
    context = span.get_span_context()
    assert not span.is_recording()
    assert traceparent is not None
    assert traceparent.split("-")[1:3] == [f"{context.trace_id:032x}", f"{context.span_id:016x}"]


async def test_with_an_exporter_endpoint_spans_are_recorded_and_sent_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    received: list[bytes] = []

    async def collect(request: web.Request) -> web.Response:
        received.append(await request.read())
        return web.Response(content_type="application/x-protobuf")

    sink = web.Application()
    sink.router.add_post("/v1/traces", collect)
    async with TestServer(sink, host="127.0.0.1") as server:
        # The exporter reads the standard variables itself.
        monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", f"http://127.0.0.1:{server.port}")
        provider = tracer_provider("conductor", os.environ)
        with provider.get_tracer(__name__).start_as_current_span("handled entry") as span:
            assert span.is_recording()
        await asyncio.to_thread(provider.shutdown)  # flushes, over HTTP, to the sink
    assert any(b"handled entry" in body for body in received)
