"""Subject keys are wrapped with a key-encryption key kept outside Redis."""

from __future__ import annotations

from pathlib import Path

import pytest

from events.key_wrapping import (
    KekMismatch,
    KeyEncryptionKey,
    KeyRing,
    new_kek_text,
)
from events.sealing import new_subject_key
from services.runtime.settings import SettingsError, key_encryption_keys


def a_kek(tmp_path: Path, name: str = "kek") -> Path:
    path = tmp_path / name
    path.write_text(new_kek_text())
    return path


def test_a_wrapped_key_opens_with_its_kek_and_chat(tmp_path: Path) -> None:
    ring = KeyRing(KeyEncryptionKey.from_file(a_kek(tmp_path)))
    key = new_subject_key()
    wrapped = ring.wrap(key, "c1")
    assert key not in wrapped
    assert ring.unwrap(wrapped, "c1") == key


def test_a_wrapped_key_moved_to_another_chat_does_not_open(tmp_path: Path) -> None:
    ring = KeyRing(KeyEncryptionKey.from_file(a_kek(tmp_path)))
    with pytest.raises(KekMismatch):
        ring.unwrap(ring.wrap(new_subject_key(), "c1"), "c2")


def test_another_kek_does_not_open_a_wrapped_key(tmp_path: Path) -> None:
    mine = KeyRing(KeyEncryptionKey.from_file(a_kek(tmp_path, "mine")))
    theirs = KeyRing(KeyEncryptionKey.from_file(a_kek(tmp_path, "theirs")))
    with pytest.raises(KekMismatch):
        theirs.unwrap(mine.wrap(new_subject_key(), "c1"), "c1")


def test_during_a_rotation_keys_wrapped_with_the_previous_kek_still_open(tmp_path: Path) -> None:
    old = KeyEncryptionKey.from_file(a_kek(tmp_path, "old"))
    new = KeyEncryptionKey.from_file(a_kek(tmp_path, "new"))
    key = new_subject_key()
    rotating = KeyRing(new, previous=[old])
    assert rotating.unwrap(KeyRing(old).wrap(key, "c1"), "c1") == key
    assert rotating.is_current(rotating.wrap(key, "c1"))


def test_a_key_stored_before_keys_were_wrapped_is_taken_as_it_is(tmp_path: Path) -> None:
    ring = KeyRing(KeyEncryptionKey.from_file(a_kek(tmp_path)))
    key = new_subject_key()
    assert ring.unwrap(key, "c1") == key
    assert not ring.is_current(key)


def test_the_kek_setting_is_required_and_named() -> None:
    with pytest.raises(SettingsError, match=r"^SUBJECT_KEY_KEK_FILE must be set"):
        key_encryption_keys({})


def test_a_missing_kek_file_is_one_clear_line(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as raised:
        key_encryption_keys({"SUBJECT_KEY_KEK_FILE": str(tmp_path / "nowhere")})
    assert str(raised.value).startswith("SUBJECT_KEY_KEK_FILE: cannot read")
    assert "\n" not in str(raised.value)


@pytest.mark.parametrize("content", ["", "change-me", "c2hvcnQ=", "not base64 at all!!"])
def test_a_kek_file_without_32_random_bytes_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "kek"
    path.write_text(content)
    with pytest.raises(SettingsError, match=r"^SUBJECT_KEY_KEK_FILE: .* must hold 32 random bytes"):
        key_encryption_keys({"SUBJECT_KEY_KEK_FILE": str(path)})


def test_the_kek_is_never_in_the_error_text(tmp_path: Path) -> None:
    path = tmp_path / "kek"
    secret = "c2VjcmV0LXNlY3JldC1zZWNyZXQ="  # base64, but not 32 bytes
    path.write_text(secret)
    with pytest.raises(SettingsError) as raised:
        key_encryption_keys({"SUBJECT_KEY_KEK_FILE": str(path)})
    assert secret not in str(raised.value)


def test_a_previous_kek_is_read_for_a_rotation(tmp_path: Path) -> None:
    env = {
        "SUBJECT_KEY_KEK_FILE": str(a_kek(tmp_path, "new")),
        "SUBJECT_KEY_PREVIOUS_KEK_FILE": str(a_kek(tmp_path, "old")),
    }
    assert len(key_encryption_keys(env).fingerprints) == 2
