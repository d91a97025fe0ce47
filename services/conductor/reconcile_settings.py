"""The reconciler's settings: how often, how far back, how many chats and messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from services.domain.chats import chat_key_secret
from services.runtime import settings

DEFAULT_INTERVAL_S = 60
DEFAULT_LOOKBACK_MINUTES = 6 * 60
DEFAULT_MAX_CHATS = 100
DEFAULT_MAX_MESSAGES = 50
DEFAULT_SETTLE_S = 30
DEFAULT_DEDUP_WINDOW_S = 24 * 3600  # the gateway's own default (services/ingest/settings.py)
# WAHA's clock and this host's may differ by this much (the gateway's default skew).
CLOCK_MARGIN_S = 300


@dataclass(frozen=True, slots=True)
class ReconcileSettings:
    """How the conductor reads back what WAHA holds and its webhooks did not bring."""

    chat_key_secret: bytes
    interval_s: int = DEFAULT_INTERVAL_S
    lookback_s: int = DEFAULT_LOOKBACK_MINUTES * 60
    max_chats: int = DEFAULT_MAX_CHATS
    max_messages: int = DEFAULT_MAX_MESSAGES
    settle_s: int = DEFAULT_SETTLE_S
    # The gateway's: a message's dedup marker must outlive every pass that can see it.
    dedup_window_s: int = DEFAULT_DEDUP_WINDOW_S

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ReconcileSettings | None:
        """The settings, or None when RECONCILE_INTERVAL_SECONDS is 0 (off); raises
        ``SettingsError`` naming a bad one."""
        interval_s = settings.integer(env, "RECONCILE_INTERVAL_SECONDS", DEFAULT_INTERVAL_S)
        if interval_s == 0:
            return None
        dedup_window_s = settings.integer(
            env, "DEDUP_WINDOW_SECONDS", DEFAULT_DEDUP_WINDOW_S, minimum=1
        )
        lookback_minutes = settings.integer(
            env, "RECONCILE_LOOKBACK_MINUTES", DEFAULT_LOOKBACK_MINUTES, minimum=1
        )
        check_lookback(lookback_minutes * 60, dedup_window_s)
        return cls(
            chat_key_secret=chat_key_secret(env),
            interval_s=interval_s,
            lookback_s=lookback_minutes * 60,
            max_chats=settings.integer(
                env, "RECONCILE_MAX_CHATS", DEFAULT_MAX_CHATS, minimum=1, maximum=1000
            ),
            max_messages=settings.integer(
                env,
                "RECONCILE_MAX_MESSAGES_PER_CHAT",
                DEFAULT_MAX_MESSAGES,
                minimum=1,
                maximum=1000,
            ),
            # A settling time as long as the look back would leave a pass nothing to read.
            settle_s=settings.integer(
                env,
                "RECONCILE_SETTLE_SECONDS",
                DEFAULT_SETTLE_S,
                maximum=lookback_minutes * 60 - 1,
            ),
            dedup_window_s=dedup_window_s,
        )


def check_lookback(lookback_s: int, dedup_window_s: int) -> None:
    """Refuse a look back that a message's dedup marker could not cover.

    A message is appended (by its webhook or a pass) no earlier than it was sent, and its
    marker lives ``dedup_window_s`` from then; a pass sees messages sent within
    ``lookback_s``, by WAHA's clock. If the look back plus the clocks' difference stays
    within the window, a message a pass sees still has its marker, and is never
    appended twice.
    """
    if lookback_s + CLOCK_MARGIN_S > dedup_window_s:
        raise settings.SettingsError(
            f"RECONCILE_LOOKBACK_MINUTES ({lookback_s // 60}) plus {CLOCK_MARGIN_S // 60} "
            f"minutes for the clocks exceed DEDUP_WINDOW_SECONDS ({dedup_window_s}): a "
            "message read back could outlive its dedup marker and be appended twice"
        )
