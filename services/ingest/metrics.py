"""Prometheus metrics of the gateway. Labels are bounded sets, never chat ids or numbers."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

OUTCOMES = (
    "accepted",
    "duplicate",
    "ignored",
    "bad_signature",
    "bad_request",
    "stale",
    "no_timestamp",
    "body_timeout",
    "busy",
    "too_large",
    "unsupported_media_type",
    "unavailable",
    "not_replicated",
)


class IngestMetrics:
    """The gateway's Prometheus metrics, in the registry given."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.requests = Counter(
            "wsm_webhook_requests_total",
            "Webhook requests by outcome.",
            ["outcome"],
            registry=registry,
        )
        # Each outcome's child looked up once: a request only counts itself.
        self._outcomes = {outcome: self.requests.labels(outcome) for outcome in OUTCOMES}
        self.ignored = Counter(
            "wsm_webhook_ignored_total",
            "Signed webhooks that became no event, by WAHA event and reason.",
            ["event", "reason"],
            registry=registry,
        )
        # Read when scraped (``Gateway`` sets its function): requests never touch it.
        self.body_bytes = Gauge(
            "wsm_webhook_body_bytes_reserved",
            "Body bytes reserved by the webhook requests in hand (WEBHOOK_BODY_BUDGET_BYTES).",
            registry=registry,
        )
        self.append_seconds = Histogram(
            "wsm_event_append_seconds",
            "Time to append an event to the log, duplicates included.",
            buckets=(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5),
            registry=registry,
        )

    def count(self, outcome: str) -> None:
        """One more request with this outcome."""
        counter = self._outcomes.get(outcome)
        (counter or self.requests.labels(outcome)).inc()
