"""Which address a login came from: the peer's, or — when the peer is one of the
operator's trusted reverse proxies — the right-most untrusted address of
X-Forwarded-For (the left-most entries are whatever the client chose to write)."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


class ProxyListError(ValueError):
    """A trusted-proxy entry that is not an address or a network."""


def networks(entries: Iterable[str]) -> tuple[Network, ...]:
    """Addresses and CIDR networks (``10.0.0.0/8``, ``::1``) as networks."""
    found: list[Network] = []
    for entry in entries:
        try:
            found.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            raise ProxyListError(
                f"{entry!r} is not an IP address or a CIDR network such as 10.0.0.0/8"
            ) from None
    return tuple(found)


def _trusted(address: str, trusted: tuple[Network, ...]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(peer: str | None, forwarded_for: str, trusted: tuple[Network, ...]) -> str:
    """The address a request came from, for counting failed logins."""
    address = peer or "unknown"
    if not _trusted(address, trusted):
        return address
    # Each trusted proxy appended the address it saw: walk back from the right until an
    # address that is not one of ours — that one no client could have forged.
    for hop in reversed([h.strip() for h in forwarded_for.split(",") if h.strip()]):
        if not _trusted(hop, trusted):
            return hop
        address = hop
    return address
