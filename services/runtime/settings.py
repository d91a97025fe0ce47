"""Reading settings from the environment, with errors that name the variable."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from events.key_wrapping import KekUnreadable, KeyEncryptionKey, KeyRing


class SettingsError(ValueError):
    """An environment variable is missing or malformed."""


def text(env: Mapping[str, str], name: str, default: str | None = None) -> str:
    value = env.get(name, "").strip()
    if value:
        return value
    if default is None:
        raise SettingsError(f"{name} must be set")
    return default


def integer(
    env: Mapping[str, str], name: str, default: int, *, minimum: int = 0, maximum: int | None = None
) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be an integer, got {raw!r}") from None
    if value < minimum:
        raise SettingsError(f"{name} must be at least {minimum}, got {value}")
    if maximum is not None and value > maximum:
        raise SettingsError(f"{name} must be at most {maximum}, got {value}")
    return value


def text_list(env: Mapping[str, str], name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in env.get(name, "").split(",") if item.strip())


MIN_SECRET_BYTES = 32
# The words of an unfilled template (.env.example's "change-me" values and their kin): a
# deployment that kept one runs with a secret anyone can read in this repository.
PLACEHOLDER_WORDS = ("change-me", "changeme", "change_me", "replace-me", "placeholder")
# Fewer distinct characters than this and a value was typed, not generated ("aaaa…").
MIN_DISTINCT_CHARACTERS = 8


def secret_weakness(value: str) -> str | None:
    """Why ``value`` cannot serve as a secret, in words that never repeat it; None if it
    can."""
    lowered = value.lower()
    if any(word in lowered for word in PLACEHOLDER_WORDS):
        return "is a placeholder"
    if len(value.encode()) < MIN_SECRET_BYTES:
        return f"is shorter than {MIN_SECRET_BYTES} bytes"
    if len(set(value)) < MIN_DISTINCT_CHARACTERS:
        return "repeats too few characters to be random"
    return None


def check_secret(name: str, value: str) -> str:
    """``value`` if it can serve as the secret ``name``; otherwise ``SettingsError`` naming
    the variable, never the value."""
    weakness = secret_weakness(value)
    if weakness is not None:
        raise SettingsError(
            f"{name} {weakness}: use a random value of at least {MIN_SECRET_BYTES} bytes "
            "(openssl rand -hex 32)"
        )
    return value


def secret(env: Mapping[str, str], name: str) -> str:
    """The secret ``name``, which must be set and pass ``check_secret``."""
    return check_secret(name, text(env, name))


def optional_secret(env: Mapping[str, str], name: str) -> str | None:
    """The secret ``name``, checked by ``check_secret`` when it is set; None when not."""
    value = env.get(name, "").strip()
    return check_secret(name, value) if value else None


def flag(env: Mapping[str, str], name: str) -> bool:
    """A yes/no setting, off unless set to true, yes or 1."""
    raw = env.get(name, "").strip().lower()
    if raw in ("", "false", "no", "0"):
        return False
    if raw in ("true", "yes", "1"):
        return True
    raise SettingsError(f"{name} must be true or false, got {raw[:20]!r}")


def key_encryption_keys(env: Mapping[str, str]) -> KeyRing:
    """The key-encryption keys of the subject keys: SUBJECT_KEY_KEK_FILE, a file mounted
    from outside Redis (required), and during a rotation SUBJECT_KEY_PREVIOUS_KEK_FILE."""
    current = _kek(env, "SUBJECT_KEY_KEK_FILE")
    if current is None:
        raise SettingsError(
            "SUBJECT_KEY_KEK_FILE must be set: the file holding the key-encryption key of the "
            "subject keys, kept outside Redis (`openssl rand -base64 32 > FILE`; wsm up "
            "makes one)"
        )
    previous = _kek(env, "SUBJECT_KEY_PREVIOUS_KEK_FILE")
    return KeyRing(current, () if previous is None else (previous,))


def _kek(env: Mapping[str, str], name: str) -> KeyEncryptionKey | None:
    """The key in the file ``name`` names; None when it names none."""
    path = env.get(name, "").strip()
    if not path:
        return None
    try:
        return KeyEncryptionKey.from_file(Path(path))
    except KekUnreadable as exc:
        raise SettingsError(f"{name}: {exc}") from None
