"""A WAHA that refuses the conductor's API key (401) is said loudly, once: every reply
fails until WAHA and the conductor share one key, and a warning per reply would bury it."""

from __future__ import annotations

import logging

from services.conductor.metrics import ConductorMetrics
from services.waha.client import WahaUnauthorized

log = logging.getLogger(__name__)


class WahaKeyAlarm:
    """Counts every 401 (``wsm_waha_unauthorized_total``, which an alert watches) and
    writes one error line when they start, and one info line once WAHA accepts again."""

    def __init__(self, metrics: ConductorMetrics | None = None) -> None:
        self.metrics = metrics
        self.raised = False

    def refused(self, error: WahaUnauthorized) -> None:
        """WAHA answered 401; ``error`` names the route, never the key."""
        if self.metrics is not None:
            self.metrics.waha_unauthorized.inc()
        if not self.raised:
            self.raised = True
            log.error(
                "WAHA refuses the conductor's WAHA_API_KEY (%s): no reply goes out until WAHA "
                'and the conductor share one key (README, "WAHA\'s API key")',
                error,
            )

    def accepted(self) -> None:
        """WAHA took a request with the key."""
        if self.raised:
            self.raised = False
            log.info("WAHA accepts the conductor's WAHA_API_KEY again")
