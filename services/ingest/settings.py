"""The ingest process's settings, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key_secret
from services.runtime import settings
from services.runtime.store import StoreSettings

DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_DEDUP_WINDOW_S = 24 * 3600


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """The gateway's settings, read from the environment once."""

    hmac_keys: tuple[bytes, ...]
    store: StoreSettings = field(default_factory=StoreSettings)
    chat_key_secret: bytes = DEVELOPMENT_CHAT_KEY_SECRET.encode()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    dedup_window_s: int = DEFAULT_DEDUP_WINDOW_S
    # A signed webhook older than this is refused. No longer than the dedup window, so a
    # replayed webhook is either recognised as a duplicate or refused as stale. 0: off.
    max_age_s: int = DEFAULT_DEDUP_WINDOW_S

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> IngestSettings:
        """Read and check every setting; raises ``SettingsError`` naming a bad one."""
        dedup_window_s = settings.integer(
            env, "DEDUP_WINDOW_SECONDS", DEFAULT_DEDUP_WINDOW_S, minimum=1
        )
        max_age_s = settings.integer(env, "WEBHOOK_MAX_AGE_SECONDS", dedup_window_s)
        if max_age_s > dedup_window_s:
            raise settings.SettingsError(
                "WEBHOOK_MAX_AGE_SECONDS must not exceed DEDUP_WINDOW_SECONDS: an older "
                "replay would be neither refused nor recognised as a duplicate"
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
            max_body_bytes=settings.integer(
                env, "WEBHOOK_MAX_BODY_BYTES", DEFAULT_MAX_BODY_BYTES, minimum=1024
            ),
            dedup_window_s=dedup_window_s,
            max_age_s=max_age_s,
        )
