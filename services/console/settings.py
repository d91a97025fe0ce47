"""The console's settings, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from services.console.client_address import Network, ProxyListError, networks
from services.console.throttle import Limits
from services.domain.calendar_settings import GoogleSettings, google_from_env
from services.runtime import settings

DEFAULT_SESSION_HOURS = 8
DEFAULT_REFRESH_SECONDS = 5
DEFAULT_IDLE_MINUTES = 30


@dataclass(frozen=True, slots=True)
class ConsoleSettings:
    secure_cookies: bool = True
    """Session cookies only over HTTPS (browsers count http://127.0.0.1 and localhost as
    secure, so a local run keeps it on); off only in DEVELOPMENT_MODE."""
    session_s: int = DEFAULT_SESSION_HOURS * 3600
    limits: Limits = field(default_factory=Limits)
    refresh_s: int = DEFAULT_REFRESH_SECONDS
    google: GoogleSettings | None = None  # None: the embedded calendar, as the conductor's
    idle_s: int = DEFAULT_IDLE_MINUTES * 60
    """A session ends after this long without the member of staff doing anything."""
    trusted_proxies: tuple[Network, ...] = ()
    """Reverse proxies whose X-Forwarded-For names the client (none: the peer is)."""

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ConsoleSettings:
        secure = not settings.flag(env, "CONSOLE_INSECURE_COOKIES")
        if not secure and not settings.flag(env, "DEVELOPMENT_MODE"):
            raise settings.SettingsError(
                "CONSOLE_INSECURE_COOKIES=true sends the login cookie over plain HTTP: it is "
                "for development only and needs DEVELOPMENT_MODE=true"
            )
        hours = settings.integer(
            env, "CONSOLE_SESSION_HOURS", DEFAULT_SESSION_HOURS, minimum=1, maximum=24 * 7
        )
        limits = Limits(
            per_account=settings.integer(env, "CONSOLE_LOGIN_ATTEMPTS", 5, minimum=1),
            per_address=settings.integer(env, "CONSOLE_LOGIN_ATTEMPTS_PER_ADDRESS", 20, minimum=1),
            window_s=60 * settings.integer(env, "CONSOLE_LOGIN_BLOCK_MINUTES", 15, minimum=1),
        )
        refresh = settings.integer(
            env, "CONSOLE_REFRESH_SECONDS", DEFAULT_REFRESH_SECONDS, minimum=1, maximum=3600
        )
        idle = settings.integer(
            env, "CONSOLE_IDLE_MINUTES", DEFAULT_IDLE_MINUTES, minimum=1, maximum=24 * 60
        )
        try:
            proxies = networks(settings.text_list(env, "CONSOLE_TRUSTED_PROXIES"))
        except ProxyListError as exc:
            raise settings.SettingsError(f"CONSOLE_TRUSTED_PROXIES: {exc}") from None
        return cls(secure_cookies=secure, session_s=hours * 3600, limits=limits,
                   refresh_s=refresh, trusted_proxies=proxies, idle_s=idle * 60,
                   google=google_from_env(env))  # fmt: skip
