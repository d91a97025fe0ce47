"""The key-encryption key the test session's processes share (see tests/conftest.py)."""

from __future__ import annotations

import os


def kek_env() -> dict[str, str]:
    """The setting that names it, for a command given an environment of its own."""
    return {"SUBJECT_KEY_KEK_FILE": os.environ["SUBJECT_KEY_KEK_FILE"]}
