"""``wsm up`` makes the key-encryption key of the subject keys once, readable by its
owner only, and keeps it."""

from __future__ import annotations

from pathlib import Path

from events.key_wrapping import KeyEncryptionKey
from services.cli.up import local_kek


def test_wsm_up_generates_a_kek_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = local_kek(tmp_path)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    KeyEncryptionKey.from_file(path)  # 32 random bytes, as every service reads them


def test_wsm_up_keeps_the_kek_it_made(tmp_path: Path) -> None:
    first = local_kek(tmp_path).read_text()
    assert local_kek(tmp_path).read_text() == first
