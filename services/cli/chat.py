"""``wsm chat``: talk to the bot from the terminal as a WhatsApp user, through the simulator."""

from __future__ import annotations

import argparse
import asyncio
import re
import sys
from collections.abc import Mapping
from typing import Any

import aiohttp

REPLY_WAIT_S = 10.0


def phone(value: str) -> str:
    digits = re.sub(r"[\s+()-]", "", value)
    if not re.fullmatch(r"\d{10,15}", digits):
        raise argparse.ArgumentTypeError(f"not a phone number with country code: {value!r}")
    return digits


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--phone", type=phone, default="5511988887777", help="e.g. 5511988887777")
    parser.add_argument("--sim", default="http://127.0.0.1:3000", help="the WAHA simulator")


class KeyRefused(Exception):
    """The simulator asks for an API key this command was not given (WAHA_API_KEY)."""


async def _sent_to(session: aiohttp.ClientSession, sim: str, chat: str) -> list[dict[str, Any]]:
    async with session.get(f"{sim}/api/default/chats/{chat}/messages") as response:
        if response.status == 401:
            raise KeyRefused
        if response.status != 200:
            return []  # the session is not WORKING (422): nothing to show yet
        messages: list[dict[str, Any]] = await response.json()
    return [m for m in messages if m.get("fromMe")]


async def converse(sim: str, number: str, api_key: str | None = None) -> int:
    chat = f"{number}@c.us"
    print(f"Você é {number}. Escreva e tecle Enter; Ctrl-D para sair.", flush=True)
    loop = asyncio.get_running_loop()
    # WAHA asks for its key on every /api route, reads included.
    headers = {"X-Api-Key": api_key} if api_key else {}
    async with aiohttp.ClientSession(headers=headers) as session:
        seen = len(await _sent_to(session, sim, chat))
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            if not line:
                return 0
            if not line.strip():
                continue
            async with session.post(
                f"{sim}/sim/inbound", json={"from": number, "text": line.strip()}
            ) as r:
                if r.status >= 300:
                    print(f"(o gateway respondeu {r.status}: {await r.text()})", flush=True)
                    continue
            deadline = loop.time() + REPLY_WAIT_S
            while loop.time() < deadline:
                replies = await _sent_to(session, sim, chat)
                if len(replies) > seen:
                    for reply in replies[seen:]:
                        print(f"\nClínica: {reply['body']}\n", flush=True)
                    seen = len(replies)
                    break
                await asyncio.sleep(0.1)
            else:
                print("(sem resposta ainda)", flush=True)


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    try:
        return asyncio.run(converse(args.sim.rstrip("/"), args.phone, env.get("WAHA_API_KEY")))
    except KeyRefused:
        print(
            f"wsm chat: the WAHA simulator at {args.sim} refused the API key;"
            " set WAHA_API_KEY to the one it was started with",
            file=sys.stderr,
        )
        return 1
    except aiohttp.ClientConnectorError:
        print(
            f"wsm chat: the WAHA simulator is not reachable at {args.sim}; run wsm up",
            file=sys.stderr,
        )
        return 1
