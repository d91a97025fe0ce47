"""The aiohttp application: ``POST /webhooks/waha``, health and readiness. Metrics are
served on a port of their own (``wsm ingest --metrics-port``), never on the webhook's."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import AsyncIterator

import msgspec
from aiohttp import web
from opentelemetry import trace
from opentelemetry.trace import SpanKind
from prometheus_client import CollectorRegistry
from redis.exceptions import RedisClusterException, RedisError

from events.key_wrapping import KekMismatch
from events.log import LayoutMismatch
from events.metrics import trace_exemplar
from events.redis_client import RedisClient
from events.replication import NotReplicated
from events.spans import traced
from services.ingest.body_budget import BodyBudget, BudgetExhausted, ReadCut, Reservation
from services.ingest.errors import (
    AppendNotReplicated,
    BadSignature,
    BodyTimeout,
    GatewayBusy,
    PayloadTooLarge,
    StoreUnavailable,
    TimestampMissing,
    UnsupportedMediaType,
    WebhookRejected,
    WebhookStale,
)
from services.ingest.identity import identity_map
from services.ingest.intake import Intake
from services.ingest.metrics import IngestMetrics
from services.ingest.settings import IngestSettings
from services.ingest.translate import (
    KNOWN_WAHA_EVENTS,
    NOT_SERVED_CHATS,
    Ignored,
    parse_webhook,
    translate,
)
from services.runtime.redis_health import ensure_serving
from services.runtime.tracing import context_of, current_traceparent
from services.waha import signature

log = logging.getLogger(__name__)
tracer = trace.get_tracer(__name__)

JSON = "application/json"


class Gateway:
    """Turns signed WAHA webhooks into events on the log."""

    def __init__(self, settings: IngestSettings, redis: RedisClient, registry: CollectorRegistry):
        self.settings = settings
        self.redis = redis
        self.registry = registry
        self.metrics = IngestMetrics(registry)
        self.log = settings.store.event_log(
            redis, settings.replica_wait, dedup_window_ms=settings.dedup_window_s * 1000
        )
        self.intake = Intake(self.log, identity_map(redis, settings))
        self.budget = BodyBudget(settings.body_budget_bytes)
        self.metrics.body_bytes.set_function(lambda: self.budget.reserved)
        self._layout_checked = False

    async def receive(self, request: web.Request) -> web.Response:
        """``POST /webhooks/waha``: every refusal is answered here, by its status and code."""
        upstream = context_of(request.headers.get("traceparent"))
        with traced(
            tracer, "POST /webhooks/waha", context=upstream, kind=SpanKind.SERVER,
            attributes={"http.request.method": "POST", "url.path": request.path},
        ) as span:  # fmt: skip
            try:
                answer = await self._receive(request)
            except WebhookRejected as exc:
                self.metrics.count(exc.code)
                span.set_attribute("http.response.status_code", exc.status)
                detail = str(exc)[:300]
                return _json({"error": exc.code, "detail": detail}, status=exc.status)
            self.metrics.count(answer["status"])
            span.set_attribute("http.response.status_code", 200)
            return _json(answer)

    async def _receive(self, request: web.Request) -> dict[str, str]:
        limit = self.settings.max_body_bytes
        declared = request.content_length
        if declared is not None and declared > limit:
            raise PayloadTooLarge(f"body exceeds {limit} bytes")
        if request.content_type != JSON:
            raise UnsupportedMediaType("expected Content-Type: application/json")
        if not request.headers.get("X-Webhook-Hmac"):
            # Nothing unsigned is worth reading.
            raise BadSignature("missing X-Webhook-Hmac header")
        try:
            async with self.budget.reserve(limit if declared is None else declared) as held:
                body = await self._read_body(request, held)
                return await self._accept(request, body)
        except BudgetExhausted:
            raise GatewayBusy("too many webhook bodies arriving at once; retry") from None

    async def _read_body(self, request: web.Request, held: Reservation) -> bytes:
        timeout_s = self.settings.body_timeout_s
        try:
            if request.content.is_eof():
                # The whole body is in already (a webhook is a few kilobytes, sent with its
                # headers): reading it waits for nothing, so there is no time to limit and
                # no read to cut, and no task or timer to pay for.
                return await request.read()
            async with asyncio.timeout(timeout_s):
                return await held.read(request.read())
        except TimeoutError:
            raise BodyTimeout(f"the body did not arrive within {timeout_s:g} s") from None
        except ReadCut:
            raise GatewayBusy("too many webhook bodies arriving at once; retry") from None
        except web.HTTPRequestEntityTooLarge:
            raise PayloadTooLarge(f"body exceeds {self.settings.max_body_bytes} bytes") from None

    async def _accept(self, request: web.Request, body: bytes) -> dict[str, str]:
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
            if outcome.reason in NOT_SERVED_CHATS:
                # The kind and reason only: the chat's and the participants' ids stay out.
                log.info("dropped a %s webhook: %s", event, outcome.reason)
            return {"status": "ignored", "reason": outcome.reason}
        started = time.perf_counter()
        try:
            await self._check_layout()
            # The event carries this request's trace on to every consumer.
            result = await self.intake.append(webhook, outcome, current_traceparent())
        except NotReplicated as exc:
            log.warning("append not confirmed: %s", exc)
            raise AppendNotReplicated("not confirmed by enough replicas; retry later") from None
        except (RedisError, RedisClusterException, KekMismatch) as exc:
            log.warning("append failed: %s", exc)
            raise StoreUnavailable("the event store is unavailable; retry later") from None
        finally:
            elapsed = time.perf_counter() - started
            self.metrics.append_seconds.observe(elapsed, trace_exemplar())
        return {"status": "accepted" if result.created else "duplicate", "id": result.entry_id}

    def _check_age(self, sent_ms: int | None) -> None:
        """Refuse a webhook older than any retry (its signed body says when WAHA made it)."""
        max_age_s = self.settings.max_age_s
        if not max_age_s:
            return
        if sent_ms is None:
            # WAHA stamps every webhook; a body without a stamp would skip the check.
            raise TimestampMissing("the signed body has no timestamp; the age check needs it")
        age_s = time.time() - sent_ms / 1000
        if age_s > max_age_s:
            raise WebhookStale(f"sent {int(age_s)} s ago; older than {max_age_s} s")
        if age_s < -self.settings.max_clock_skew_s:
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
            await ensure_serving(self.redis)
            await self._check_layout()
        except (RedisError, RedisClusterException, LayoutMismatch) as exc:
            # A fixed answer: Redis's own error text names hosts, users and commands.
            log.warning("not ready: %s", type(exc).__name__)
            return web.json_response({"status": "unavailable"}, status=503)
        return web.json_response({"status": "ready"})


def _json(body: dict[str, str], status: int = 200) -> web.Response:
    return web.Response(body=msgspec.json.encode(body), status=status, content_type=JSON)


GATEWAY = web.AppKey("gateway", Gateway)


def create_app(
    settings: IngestSettings,
    *,
    redis: RedisClient | None = None,
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

    async def close_redis(app: web.Application) -> AsyncIterator[None]:
        yield
        if redis is None:
            await client.aclose()

    app.cleanup_ctx.append(close_redis)
    return app
