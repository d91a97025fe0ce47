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
