"""The aiohttp application: ``POST /webhooks/waha``, health, readiness and metrics."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import AsyncIterator

import msgspec
from aiohttp import web
from opentelemetry import trace
from opentelemetry.trace import SpanKind
from prometheus_client import CollectorRegistry
from redis.asyncio import Redis
from redis.exceptions import RedisError

from events.batching import AppendBatcher
from events.metrics import trace_exemplar
from services.ingest.errors import (
    BadSignature,
    PayloadTooLarge,
    StoreUnavailable,
    UnsupportedMediaType,
    WebhookRejected,
    WebhookStale,
)
from services.ingest.metrics import IngestMetrics
from services.ingest.settings import IngestSettings
from services.ingest.translate import KNOWN_WAHA_EVENTS, Ignored, parse_webhook, translate
from services.runtime.metrics_server import metrics_response
from services.runtime.tracing import context_of, current_traceparent
from services.waha import signature

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

JSON = "application/json"
MAX_CLOCK_SKEW_S = 300


class Gateway:
    """Turns signed WAHA webhooks into events on the log."""

    def __init__(self, settings: IngestSettings, redis: Redis, registry: CollectorRegistry):
        self.settings = settings
        self.redis = redis
        self.registry = registry
        self.metrics = IngestMetrics(registry)
        self.log = settings.store.event_log(redis, dedup_window_ms=settings.dedup_window_s * 1000)
        self.appender = AppendBatcher(self.log)
        self._layout_checked = False

    async def receive(self, request: web.Request) -> web.Response:
        """``POST /webhooks/waha``: every refusal is answered here, by its status and code."""
        upstream = context_of(request.headers.get("traceparent"))
        with tracer.start_as_current_span(
            "POST /webhooks/waha", context=upstream, kind=SpanKind.SERVER,
            attributes={"http.request.method": "POST", "url.path": request.path},
        ) as span:  # fmt: skip
            try:
                answer = await self._receive(request)
            except WebhookRejected as exc:
                self.metrics.requests.labels(exc.code).inc()
                span.set_attribute("http.response.status_code", exc.status)
                detail = str(exc)[:300]
                return _json({"error": exc.code, "detail": detail}, status=exc.status)
            self.metrics.requests.labels(answer["status"]).inc()
            span.set_attribute("http.response.status_code", 200)
            return _json(answer)

    async def _receive(self, request: web.Request) -> dict[str, str]:
        limit = self.settings.max_body_bytes
        if request.content_length is not None and request.content_length > limit:
            raise PayloadTooLarge(f"body exceeds {limit} bytes")
        if request.content_type != JSON:
            raise UnsupportedMediaType("expected Content-Type: application/json")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            raise PayloadTooLarge(f"body exceeds {limit} bytes") from None
        # Verified on the raw bytes, before anything reads them.
        try:
            signature.verify(
                body,
                request.headers.get("X-Webhook-Hmac"),
                request.headers.get("X-Webhook-Hmac-Algorithm"),
                self.settings.hmac_keys,
            )
        except signature.SignatureInvalid as exc:
            raise BadSignature(str(exc)) from None
        webhook = parse_webhook(body)
        self._check_age(webhook.timestamp)
        outcome = translate(
            webhook,
            body_digest=hashlib.sha256(body).hexdigest(),
            chat_secret=self.settings.chat_key_secret,
        )
        if isinstance(outcome, Ignored):
            event = webhook.event if webhook.event in KNOWN_WAHA_EVENTS else "other"
            self.metrics.ignored.labels(event, outcome.reason).inc()
            return {"status": "ignored", "reason": outcome.reason}
        started = time.perf_counter()
        try:
            await self._check_layout()
            # The event carries this request's trace on to every consumer.
            envelope = msgspec.structs.replace(outcome.envelope, traceparent=current_traceparent())
            result = await self.appender.append(envelope, outcome.idempotency_key)
        except RedisError as exc:
            log.warning("append failed: %s", exc)
            raise StoreUnavailable("the event store is unavailable; retry later") from None
        finally:
            elapsed = time.perf_counter() - started
            self.metrics.append_seconds.observe(elapsed, trace_exemplar())
        return {"status": "accepted" if result.created else "duplicate", "id": result.entry_id}

    def _check_age(self, sent_ms: int | None) -> None:
        """Refuse a webhook older than any retry (its signed body says when WAHA made it)."""
        max_age_s = self.settings.max_age_s
        if not max_age_s or sent_ms is None:
            return
        age_s = time.time() - sent_ms / 1000
        if age_s > max_age_s:
            raise WebhookStale(f"sent {int(age_s)} s ago; older than {max_age_s} s")
        if age_s < -MAX_CLOCK_SKEW_S:
            raise WebhookStale("sent in the future: check the clocks")

    async def _check_layout(self) -> None:
        if not self._layout_checked:
            await self.log.ensure_layout()
            self._layout_checked = True

    async def healthz(self, request: web.Request) -> web.Response:
        """Liveness: the process answers, whatever Redis does."""
        return web.json_response({"status": "ok"})

    async def readyz(self, request: web.Request) -> web.Response:
        """Readiness: Redis answers and the log's layout is in place."""
        try:
            await self.redis.ping()
            await self._check_layout()
        except RedisError as exc:
            return web.json_response({"status": "unavailable", "detail": str(exc)}, status=503)
        return web.json_response({"status": "ready"})

    async def metrics_text(self, request: web.Request) -> web.Response:
        """The gateway's Prometheus metrics."""
        return metrics_response(self.registry, request)


def _json(body: dict[str, str], status: int = 200) -> web.Response:
    return web.Response(body=msgspec.json.encode(body), status=status, content_type=JSON)


GATEWAY = web.AppKey("gateway", Gateway)


def create_app(
    settings: IngestSettings,
    *,
    redis: Redis | None = None,
    registry: CollectorRegistry | None = None,
) -> web.Application:
    """The gateway; it opens its own Redis client unless one is given."""
    client = redis or settings.store.connect()
    gateway = Gateway(settings, client, registry or CollectorRegistry())
    # aiohttp's own limit is a second guard for bodies sent without Content-Length.
    app = web.Application(client_max_size=settings.max_body_bytes)
    app[GATEWAY] = gateway
    app.router.add_post("/webhooks/waha", gateway.receive)
    app.router.add_get("/healthz", gateway.healthz)
    app.router.add_get("/readyz", gateway.readyz)
    app.router.add_get("/metrics", gateway.metrics_text)

    async def close_redis(app: web.Application) -> AsyncIterator[None]:
        yield
        if redis is None:
            await client.aclose()

    app.cleanup_ctx.append(close_redis)
    return app
