"""The console's browser tests' browser: Debian's Chromium, headless, driven by
Playwright with that executable (no browser is downloaded). The fixtures are in
tests/system/conftest.py."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator

from playwright.async_api import Browser, Page

from events import EventLog
from services.console.staff import Role
from tests.support.console import PASSWORD, staffed_console

CHROMIUM = "/usr/bin/chromium"  # Debian's package, which scripts/bootstrap installs


async def logged_in(browser: Browser, base: str, name: str) -> Page:
    """A new page of the console at ``base``, logged in as ``name``."""
    page = await browser.new_page(base_url=base, viewport={"width": 1100, "height": 760})
    await page.goto("/login")
    await page.get_by_label("Usuário").fill(name)
    await page.get_by_label("Senha").fill(PASSWORD)
    await page.get_by_role("button", name="Entrar").click()
    await page.wait_for_load_state()
    return page


@contextlib.asynccontextmanager
async def console_page(
    browser: Browser, log: EventLog, name: str, role: Role, *, projected: bool = False
) -> AsyncIterator[Page]:
    """A page of the console (as ``staffed_console`` serves it), logged in as ``name``."""
    async with staffed_console(log, name, role, projected=projected) as base:
        yield await logged_in(browser, base, name)
