"""``wsm waha-sim``: the WAHA simulator on a local port, speaking one engine's shapes."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from aiohttp import web

from services.runtime import settings
from services.runtime.cli_types import port
from services.waha_sim.app import Simulator, create_app
from services.waha_sim.engines import ENGINES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on")
    parser.add_argument("--port", type=port, default=3000, help="port to listen on")
    parser.add_argument(
        "--webhook-url",
        default="http://127.0.0.1:8080/webhooks/waha",
        help="where inbound messages are delivered as signed webhooks",
    )
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="WEBJS",
        help="the WAHA engine whose webhooks and answers to imitate (default: WEBJS)",
    )


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    simulator = Simulator(
        webhook_url=args.webhook_url,
        hmac_key=settings.text(env, "WEBHOOK_HMAC_KEY").encode(),
        api_key=env.get("WAHA_API_KEY") or None,
        engine=args.engine,
    )
    web.run_app(create_app(simulator), host=args.host, port=args.port, print=None, access_log=None)
    return 0
