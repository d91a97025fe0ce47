"""Prometheus metrics of the conversation: the brain, the tools and WAHA."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

_SECONDS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# A paced reply waits seconds for typing, and up to minutes when its session is at its bound.
_PACING_SECONDS = (0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)


class ConductorMetrics:
    def __init__(self, registry: CollectorRegistry) -> None:
        self.llm_seconds = Histogram(
            "wsm_llm_request_seconds",
            "Time a brain took to answer one request, by model.",
            ["model"],
            buckets=_SECONDS,
            registry=registry,
        )
        self.llm_errors = Counter(
            "wsm_llm_errors_total",
            "Brain requests that failed after their retries, by model.",
            ["model"],
            registry=registry,
        )
        self.tool_calls = Counter(
            "wsm_tool_calls_total",
            "Tool calls an agent made, by tool and outcome (ok or rejected).",
            ["tool", "outcome"],
            registry=registry,
        )
        self.waha_send_seconds = Histogram(
            "wsm_waha_send_seconds",
            "Time to deliver one reply to WAHA, retries included.",
            buckets=_SECONDS,
            registry=registry,
        )
        self.pacing_seconds = Histogram(
            "wsm_outbox_pacing_seconds",
            "Time a reply waited before its send: its turn in the pacing, then typing.",
            buckets=_PACING_SECONDS,
            registry=registry,
        )
        self.waha_send_errors = Counter(
            "wsm_waha_send_errors_total",
            "Replies WAHA did not take after every retry.",
            registry=registry,
        )
        self.waha_unauthorized = Counter(
            "wsm_waha_unauthorized_total",
            "Requests WAHA refused with 401: its API key and the conductor's differ.",
            registry=registry,
        )
        self.replies_waiting = Gauge(
            "wsm_replies_waiting_for_session",
            "Replies held until their WAHA session is WORKING again.",
            registry=registry,
        )
