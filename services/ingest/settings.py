"""The ingest process's settings, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from events.replication import ReplicaWait
from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key_secret
from services.runtime import settings
from services.runtime.store import StoreSettings, replica_wait

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_DEDUP_WINDOW_S = 24 * 3600
DEFAULT_CLOCK_SKEW_S = 300
DEFAULT_BODY_TIMEOUT_S = 10
# Sixteen bodies of the largest size: far more than WAHA sends at once, and a small share
# of the pod's memory limit (ops/k8s/ingest.yaml).
DEFAULT_BODY_BUDGET_BYTES = 16 * DEFAULT_MAX_BODY_BYTES


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """The gateway's settings, read from the environment once."""

    hmac_keys: tuple[bytes, ...]
    store: StoreSettings = field(default_factory=StoreSettings)
    chat_key_secret: bytes = DEVELOPMENT_CHAT_KEY_SECRET.encode()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    # How long a body may take to arrive, and how many body bytes all requests together may
    # hold: what a crowd of slow, unauthenticated senders can take from the gateway.
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S
    body_budget_bytes: int = DEFAULT_BODY_BUDGET_BYTES
    dedup_window_s: int = DEFAULT_DEDUP_WINDOW_S
    # A signed webhook older than this, or stamped more than max_clock_skew_s ahead, is
    # refused. Age plus skew stay within the dedup window, so a replayed webhook is either
    # recognised as a duplicate or refused as stale. 0: off.
    max_age_s: int = DEFAULT_DEDUP_WINDOW_S - DEFAULT_CLOCK_SKEW_S
    max_clock_skew_s: int = DEFAULT_CLOCK_SKEW_S
    # A webhook is acknowledged once this many replicas hold its append (None: once the
    # primary does; replication is asynchronous, so a failover may then lose it).
    replica_wait: ReplicaWait | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> IngestSettings:
        """Read and check every setting; raises ``SettingsError`` naming a bad one."""
        dedup_window_s = settings.integer(
            env, "DEDUP_WINDOW_SECONDS", DEFAULT_DEDUP_WINDOW_S, minimum=1
        )
        skew_s = settings.integer(env, "WEBHOOK_MAX_CLOCK_SKEW_SECONDS", DEFAULT_CLOCK_SKEW_S)
        max_age_s = settings.integer(env, "WEBHOOK_MAX_AGE_SECONDS", dedup_window_s - skew_s)
        check_replay_window(max_age_s, skew_s, dedup_window_s)
        max_body_bytes = settings.integer(
            env, "WEBHOOK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, minimum=1024
        )
        budget = settings.integer(
            env, "WEBHOOK_BODY_BUDGET_BYTES", 16 * max_body_bytes, minimum=max_body_bytes
        )
        keys = (
            settings.secret(env, "WEBHOOK_HMAC_KEY"),
            *(
                settings.check_secret(f"WEBHOOK_HMAC_PREVIOUS_KEYS (key {n})", key)
                for n, key in enumerate(settings.text_list(env, "WEBHOOK_HMAC_PREVIOUS_KEYS"), 1)
            ),
        )
        return cls(
            hmac_keys=tuple(k.encode() for k in keys),
            store=StoreSettings.from_env(env),
            chat_key_secret=chat_key_secret(env),
            max_body_bytes=max_body_bytes,
            body_timeout_s=settings.integer(
                env, "WEBHOOK_BODY_TIMEOUT_SECONDS", DEFAULT_BODY_TIMEOUT_S, minimum=1
            ),
            body_budget_bytes=budget,
            dedup_window_s=dedup_window_s,
            max_age_s=max_age_s,
            max_clock_skew_s=skew_s,
            replica_wait=replica_wait(env),
        )


def check_replay_window(max_age_s: int, skew_s: int, dedup_window_s: int) -> None:
    """Refuse an age check that a replay could outlive its dedup marker under.

    A webhook stamped ``skew_s`` ahead is first seen up to ``skew_s`` before its stamp and
    stays acceptable until ``max_age_s`` after it; its dedup marker lives
    ``dedup_window_s`` from the first sight.
    """
    if max_age_s < 0:  # only by default: the window leaves the age check no room
        raise settings.SettingsError(
            f"DEDUP_WINDOW_SECONDS ({dedup_window_s}) must exceed "
            f"WEBHOOK_MAX_CLOCK_SKEW_SECONDS ({skew_s}), or WEBHOOK_MAX_AGE_SECONDS be 0 (off)"
        )
    if max_age_s and max_age_s + skew_s > dedup_window_s:
        raise settings.SettingsError(
            f"WEBHOOK_MAX_AGE_SECONDS ({max_age_s}) plus WEBHOOK_MAX_CLOCK_SKEW_SECONDS "
            f"({skew_s}) exceed DEDUP_WINDOW_SECONDS ({dedup_window_s}): a replayed webhook "
            "could outlive its dedup marker"
        )
