"""``wsm chat`` against a simulator that asks for WAHA's API key, as WAHA does."""

from __future__ import annotations

import argparse
import asyncio
import io

import pytest
from aiohttp.test_utils import TestServer

from services.cli import chat
from services.waha_sim.app import Simulator, create_app
from tests.support.waha import HMAC_KEY

KEY = "the-simulators-key"


async def run_chat(env: dict[str, str]) -> int:
    server = TestServer(create_app(Simulator(webhook_url=None, hmac_key=HMAC_KEY, api_key=KEY)))
    await server.start_server()
    try:
        args = argparse.Namespace(sim=str(server.make_url("")), phone="5511988887777")
        # stdin is empty: the chat ends at once unless its first read is refused
        return await asyncio.to_thread(chat.run, args, env)
    finally:
        await server.close()


async def test_without_the_key_wsm_chat_names_the_setting_it_needs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status = await run_chat({})
    said = capsys.readouterr().err
    assert status == 1
    assert "refused the API key; set WAHA_API_KEY" in said
    assert "Traceback" not in said


async def test_with_the_key_wsm_chat_reads_the_chat(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    status = await run_chat({"WAHA_API_KEY": KEY})
    assert status == 0
    assert capsys.readouterr().err == ""
