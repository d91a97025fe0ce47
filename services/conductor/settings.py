"""The conductor process's settings, read once from the environment."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from services.conductor.burst import DEFAULT_WINDOW_S, MAX_WINDOW_S
from services.conductor.deciding import DEFAULT_TURN_BUDGET_S
from services.conductor.erasure import ErasedBookings
from services.conductor.knowledge import Knowledge, KnowledgeInvalid
from services.conductor.no_shows import NoShowPolicy
from services.conductor.pacing import PacingRules
from services.conductor.reminders import DEFAULT_OFFSETS, parse_offsets
from services.conductor.tools import DEFAULT_HANDOFF_QUIET, DEFAULT_MAX_OPEN_APPOINTMENTS
from services.conductor.transcription import GROQ_MAX_BYTES, VoiceNoteRules
from services.conductor.waitlist import DEFAULT_OFFER_FOR
from services.domain.calendar_settings import GoogleSettings, google_from_env
from services.domain.clinic import Clinic
from services.domain.clinic_file import clinic_from_env
from services.domain.clinic_model import ClinicModel
from services.domain.conversation import MAX_QUIET_S
from services.runtime import settings
from services.runtime.store import StoreSettings

DEFAULT_WAHA_URL = "http://127.0.0.1:3000"
DEFAULT_POLICY_VERSION = "2026-11"
DEFAULT_GROQ_MODEL = "llama-3.3-70b-versatile"


@dataclass(frozen=True, slots=True)
class ConductorSettings:
    store: StoreSettings
    clinic: Clinic
    waha_url: str = DEFAULT_WAHA_URL
    waha_api_key: str | None = None
    policy_version: str = DEFAULT_POLICY_VERSION
    groq_api_key: str | None = None
    groq_model: str = DEFAULT_GROQ_MODEL
    groq_base_url: str | None = None
    groq_turn_seconds: int = DEFAULT_TURN_BUDGET_S
    voice_notes: VoiceNoteRules = field(default_factory=VoiceNoteRules)
    google: GoogleSettings | None = None  # None: the embedded calendar
    reminder_offsets: tuple[timedelta, ...] = DEFAULT_OFFSETS
    handoff_quiet: timedelta = DEFAULT_HANDOFF_QUIET
    knowledge: Knowledge = field(default_factory=Knowledge)
    erased_bookings: ErasedBookings = ErasedBookings.CANCEL
    pacing: PacingRules | None = field(default_factory=PacingRules)  # None: sends at once
    max_open_appointments: int = DEFAULT_MAX_OPEN_APPOINTMENTS
    burst_window_s: int = DEFAULT_WINDOW_S  # 0: every message its own turn
    # The clinic file's professionals and services; None: the one-professional clinic
    # of ``clinic``.
    clinic_model: ClinicModel | None = None
    no_show_policy: NoShowPolicy = field(default_factory=NoShowPolicy)
    waitlist_offer: timedelta = DEFAULT_OFFER_FOR  # how long a freed time is held for one

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> ConductorSettings:
        return cls(
            store=StoreSettings.from_env(env),
            clinic=Clinic.from_env(env),
            waha_url=settings.text(env, "WAHA_URL", DEFAULT_WAHA_URL),
            waha_api_key=waha_api_key(env),
            policy_version=settings.text(env, "PRIVACY_POLICY_VERSION", DEFAULT_POLICY_VERSION),
            groq_api_key=env.get("GROQ_API_KEY") or None,
            groq_model=settings.text(env, "GROQ_MODEL", DEFAULT_GROQ_MODEL),
            groq_base_url=env.get("GROQ_BASE_URL") or None,
            groq_turn_seconds=settings.integer(
                env, "GROQ_TURN_TIMEOUT_SECONDS", DEFAULT_TURN_BUDGET_S, minimum=1, maximum=300
            ),
            voice_notes=_voice_notes(env),
            google=_google(env),
            reminder_offsets=parse_offsets(settings.text(env, "REMINDER_OFFSETS", "24h,2h")),
            knowledge=_knowledge(env),
            erased_bookings=_erased_bookings(env),
            pacing=_pacing(env),
            max_open_appointments=settings.integer(
                env, "MAX_OPEN_APPOINTMENTS", DEFAULT_MAX_OPEN_APPOINTMENTS, minimum=1, maximum=50
            ),
            burst_window_s=settings.integer(
                env, "BURST_WINDOW_SECONDS", DEFAULT_WINDOW_S, minimum=0, maximum=MAX_WINDOW_S
            ),
            handoff_quiet=timedelta(
                # At most what a conversation keeps (a year): more would be cut silently.
                hours=settings.integer(
                    env, "HANDOFF_QUIET_HOURS", 12, minimum=1, maximum=MAX_QUIET_S // 3600
                )
            ),
            clinic_model=clinic_from_env(env),
            waitlist_offer=timedelta(
                minutes=settings.integer(env, "WAITLIST_OFFER_MINUTES", 30, minimum=1, maximum=1440)
            ),
            no_show_policy=NoShowPolicy(
                after=settings.integer(env, "NO_SHOW_CONFIRMATION_AFTER", 2, maximum=100),
                confirm_by=timedelta(
                    hours=settings.integer(
                        env, "NO_SHOW_CONFIRM_BY_HOURS", 6, minimum=1, maximum=168
                    )
                ),
            ),
        )


def waha_api_key(env: Mapping[str, str]) -> str | None:
    """The key sent to WAHA: the plain one, from WAHA_API_KEY_FILE (compose's generated
    key) or WAHA_API_KEY. WAHA may hold its ``sha512:`` form; the conductor cannot send
    that, it needs what hashes to it."""
    path = env.get("WAHA_API_KEY_FILE", "").strip()
    name, value = "WAHA_API_KEY", env.get("WAHA_API_KEY", "").strip()
    if path:
        name = "WAHA_API_KEY_FILE"
        try:
            value = Path(path).read_text().strip()
        except OSError as exc:
            raise settings.SettingsError(f"{name}: cannot read {path!r} ({exc.strerror})") from None
    if not value:
        return None
    if value.lower().startswith("sha512:"):
        raise settings.SettingsError(
            f"{name} holds the sha512: form WAHA takes; the conductor needs the plain key "
            "it was made from"
        )
    return settings.check_secret(name, value)


def _erased_bookings(env: Mapping[str, str]) -> ErasedBookings:
    choice = settings.text(env, "ERASED_BOOKINGS", ErasedBookings.CANCEL).lower()
    try:
        return ErasedBookings(choice)
    except ValueError:
        raise settings.SettingsError(
            f"ERASED_BOOKINGS must be cancel or keep, got {choice[:40]!r}"
        ) from None


def _pacing(env: Mapping[str, str]) -> PacingRules | None:
    choice = settings.text(env, "PACING", "on").lower()
    if choice not in ("on", "off"):
        raise settings.SettingsError(f"PACING must be on or off, got {choice[:20]!r}")
    default = PacingRules()
    minute_ms = 60_000
    rules = {
        "typing_chars_per_second": settings.integer(
            env, "PACING_TYPING_CHARS_PER_SECOND", default.typing_chars_per_second,
            minimum=1, maximum=1000),
        "typing_min_ms": settings.integer(
            env, "PACING_TYPING_MIN_MS", default.typing_min_ms, maximum=minute_ms),
        "typing_max_ms": settings.integer(
            env, "PACING_TYPING_MAX_MS", default.typing_max_ms, maximum=minute_ms),
        "chat_gap_ms": settings.integer(
            env, "PACING_CHAT_GAP_MS", default.chat_gap_ms, maximum=10 * minute_ms),
        "session_per_minute": settings.integer(
            env, "PACING_SESSION_PER_MINUTE", default.session_per_minute,
            minimum=1, maximum=10_000),
    }  # fmt: skip
    if rules["typing_min_ms"] > rules["typing_max_ms"]:
        raise settings.SettingsError(
            "PACING_TYPING_MIN_MS must be at most PACING_TYPING_MAX_MS, got "
            f"{rules['typing_min_ms']} and {rules['typing_max_ms']}"
        )
    # Checked even when off, so that turning pacing on never meets a bad value late.
    return PacingRules(**rules) if choice == "on" else None


def _voice_notes(env: Mapping[str, str]) -> VoiceNoteRules:
    default = VoiceNoteRules()
    return VoiceNoteRules(
        max_bytes=settings.integer(
            env, "VOICE_NOTE_MAX_BYTES", default.max_bytes, minimum=1, maximum=GROQ_MAX_BYTES
        ),
        max_seconds=settings.integer(
            env, "VOICE_NOTE_MAX_SECONDS", default.max_seconds, minimum=1, maximum=3600
        ),
        model=settings.text(env, "GROQ_TRANSCRIPTION_MODEL", default.model),
    )


def _knowledge(env: Mapping[str, str]) -> Knowledge:
    path = settings.text(env, "CLINIC_KNOWLEDGE_FILE", "")
    if not path:
        return Knowledge()  # the info agent says it does not know
    try:
        return Knowledge.load(Path(path))
    except KnowledgeInvalid as exc:
        raise settings.SettingsError(f"CLINIC_KNOWLEDGE_FILE: {exc}") from None


def _google(env: Mapping[str, str]) -> GoogleSettings | None:
    return google_from_env(env)
