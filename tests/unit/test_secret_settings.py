"""What a secret must be: long, generated, not a template's placeholder; and the one
development secret, allowed only when DEVELOPMENT_MODE says so."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

import pytest

from services.domain.chats import DEVELOPMENT_CHAT_KEY_SECRET, chat_key_secret
from services.runtime.settings import SettingsError, check_secret, optional_secret

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME = re.compile(r"^([A-Z_]*(?:KEY|SECRET|TOKEN|PASSWORD))=(.+)$", re.MULTILINE)


def example_secrets() -> list[tuple[str, str]]:
    return SECRET_NAME.findall((ROOT / ".env.example").read_text())


def test_a_generated_secret_is_accepted() -> None:
    value = secrets.token_hex(32)
    assert check_secret("WEBHOOK_HMAC_KEY", value) == value


@pytest.mark.parametrize("value", ["a", "change-me", "x" * 31, "é" * 15])
def test_a_secret_under_32_bytes_is_refused(value: str) -> None:
    with pytest.raises(SettingsError, match="WEBHOOK_HMAC_KEY"):
        check_secret("WEBHOOK_HMAC_KEY", value)


def test_a_long_secret_of_few_characters_is_refused() -> None:
    with pytest.raises(SettingsError, match="too few characters"):
        check_secret("ADMIN_API_TOKEN", "ab" * 40)


def test_a_long_placeholder_is_refused() -> None:
    with pytest.raises(SettingsError, match="placeholder"):
        check_secret("CHAT_KEY_SECRET", "change-me-to-a-long-random-value-of-64-characters")


def test_the_env_example_names_its_secrets() -> None:
    names = {name for name, _ in example_secrets()}
    assert {"WEBHOOK_HMAC_KEY", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN"} <= names


def test_the_env_example_leaves_wahas_key_to_be_generated() -> None:
    # Empty, compose's waha-api-key service makes one: the shipped configuration works.
    assert re.search(r"^WAHA_API_KEY=$", (ROOT / ".env.example").read_text(), re.MULTILINE)


@pytest.mark.parametrize(("name", "value"), example_secrets())
def test_every_placeholder_of_the_env_example_is_refused(name: str, value: str) -> None:
    with pytest.raises(SettingsError, match=name):
        check_secret(name, value)


def test_the_error_never_repeats_the_value() -> None:
    with pytest.raises(SettingsError) as refused:
        check_secret("WAHA_API_KEY", "hunter2-hunter2")
    assert "hunter2" not in str(refused.value)


def test_an_unset_optional_secret_is_none() -> None:
    assert optional_secret({"ADMIN_API_TOKEN": " "}, "ADMIN_API_TOKEN") is None


def test_the_development_chat_key_secret_needs_development_mode() -> None:
    with pytest.raises(SettingsError, match="DEVELOPMENT_MODE"):
        chat_key_secret({"CHAT_KEY_SECRET": DEVELOPMENT_CHAT_KEY_SECRET})


def test_development_mode_allows_the_development_chat_key_secret() -> None:
    assert chat_key_secret({"DEVELOPMENT_MODE": "true"}) == DEVELOPMENT_CHAT_KEY_SECRET.encode()


def test_development_mode_still_refuses_a_weak_chat_key_secret() -> None:
    with pytest.raises(SettingsError, match="CHAT_KEY_SECRET"):
        chat_key_secret({"DEVELOPMENT_MODE": "true", "CHAT_KEY_SECRET": "s"})


def test_a_development_mode_that_is_not_yes_or_no_is_refused() -> None:
    with pytest.raises(SettingsError, match="DEVELOPMENT_MODE"):
        chat_key_secret({"DEVELOPMENT_MODE": "maybe"})
