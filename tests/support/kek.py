"""The key-encryption key the test session's processes share (see tests/conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

from events.key_wrapping import KeyEncryptionKey, KeyRing


def kek_env() -> dict[str, str]:
    """The setting that names it, for a command given an environment of its own."""
    return {"SUBJECT_KEY_KEK_FILE": os.environ["SUBJECT_KEY_KEK_FILE"]}


def session_key_ring() -> KeyRing:
    """That key, to read what a process the test started appended."""
    return KeyRing(KeyEncryptionKey.from_file(Path(os.environ["SUBJECT_KEY_KEK_FILE"])))
