"""Which address a console login came from, behind trusted reverse proxies or not."""

from __future__ import annotations

import pytest

from services.cli.first_admin import first_admin_name
from services.console.client_address import client_address, networks
from services.console.settings import ConsoleSettings
from services.console.staff import check_name
from services.runtime.settings import SettingsError

PROXIES = networks(["10.0.0.0/8", "::1"])


def test_a_peer_that_is_no_trusted_proxy_is_the_client_whatever_it_forwards() -> None:
    assert client_address("203.0.113.9", "198.51.100.1", PROXIES) == "203.0.113.9"


def test_behind_a_trusted_proxy_the_right_most_untrusted_forwarded_address_is_the_client() -> None:
    forwarded = "1.2.3.4, 198.51.100.7, 10.1.1.1"  # the left-most is the client's own claim
    assert client_address("10.0.0.2", forwarded, PROXIES) == "198.51.100.7"


def test_a_trusted_proxy_forwarding_nothing_is_counted_as_itself() -> None:
    assert client_address("::1", "", PROXIES) == "::1"


def test_a_trusted_proxy_entry_that_is_not_an_address_is_refused() -> None:
    with pytest.raises(SettingsError, match="CONSOLE_TRUSTED_PROXIES"):
        ConsoleSettings.from_env({"CONSOLE_TRUSTED_PROXIES": "10.0.0.0/8, proxy.local"})


def test_the_first_admins_name_is_not_guessable_and_is_a_valid_name() -> None:
    names = {first_admin_name() for _ in range(5)}
    assert len(names) == 5
    assert all(name.startswith("admin-") and check_name(name) == name for name in names)
