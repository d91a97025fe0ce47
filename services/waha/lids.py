"""WAHA's LID endpoints: which linked id (``…@lid``) is which phone number.

devlikeapro/waha, src/api/lids.controller.ts: ``GET /api/{session}/lids?limit=&offset=``
answers a page of ``LidToPhoneNumber`` (src/structures/lids.dto.ts: ``lid`` such as
``1111111@lid`` and ``pn``, the phone number's chat id such as ``3333333@c.us``, or null
when the engine does not know it), sorted by lid; ``limit`` defaults to 100. Every engine
answers it from its own table (NOWEB's store, GOWS's, WEBJS's page), and only for a
session that is WORKING (422 otherwise).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from urllib.parse import quote

import aiohttp
import msgspec

from services.waha.client import WahaError, WahaRejected

PAGE_SIZE = 100
LIDS = "GET /api/{session}/lids"


class LidToPhoneNumber(msgspec.Struct, frozen=True):
    """One known linked id and the phone number behind it, when WAHA knows it."""

    lid: str | None = None
    pn: str | None = None


_page = msgspec.json.Decoder(list[LidToPhoneNumber])


class LidDirectory:
    """WAHA's table of linked ids; one connection pool per directory."""

    def __init__(self, base_url: str, api_key: str | None, *, timeout_s: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        headers = {"X-Api-Key": api_key} if api_key else {}
        self._session = aiohttp.ClientSession(
            headers=headers, timeout=aiohttp.ClientTimeout(total=timeout_s)
        )

    async def close(self) -> None:
        await self._session.close()

    async def pages(
        self, session: str, page_size: int = PAGE_SIZE
    ) -> AsyncIterator[list[LidToPhoneNumber]]:
        """Every known linked id of ``session``, a page at a time, until a short page.

        Raises :class:`WahaRejected` for a refusal (401, 422: the session not WORKING) and
        :class:`WahaError` when WAHA cannot be reached or answers what is not a page; the
        text names the route, never a chat.
        """
        url = f"{self.base_url}/api/{quote(session, safe='')}/lids"
        offset = 0
        while True:
            page = await self._page(url, page_size, offset)
            yield page
            if len(page) < page_size:
                return
            offset += page_size

    async def _page(self, url: str, limit: int, offset: int) -> list[LidToPhoneNumber]:
        params = {"limit": str(limit), "offset": str(offset)}
        try:
            async with self._session.get(url, params=params) as response:
                if 400 <= response.status < 500:
                    raise WahaRejected(f"{LIDS}: HTTP {response.status}")
                if response.status >= 300:
                    raise WahaError(f"{LIDS}: HTTP {response.status}")
                return _page.decode(await response.read())
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise WahaError(f"{LIDS}: {type(exc).__name__}") from None
        except (msgspec.DecodeError, msgspec.ValidationError):
            raise WahaError(f"{LIDS}: the answer is not a list of lids") from None
