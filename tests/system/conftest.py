"""The browser the console's browser tests drive (tests/support/chromium.py)."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, async_playwright

from tests.support.chromium import CHROMIUM


@pytest.fixture
def chromium_installed() -> None:
    assert Path(CHROMIUM).exists(), "no Chromium: scripts/bootstrap installs Debian's chromium"


@pytest.fixture
async def browser(chromium_installed: None) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        # --no-sandbox: the tests may run as root (CI), where Chromium's sandbox refuses.
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        await chromium.close()


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    """Where the screenshots go: CONSOLE_SCREENSHOTS, else the test's own directory."""
    return Path(os.environ.get("CONSOLE_SCREENSHOTS") or tmp_path)
