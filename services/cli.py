"""``wsm``: the one command-line entry to every service and admin task."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from types import ModuleType

from services import archive_cli, audit, chat_cli, deadletters_cli, event_listing, local_stack
from services.conductor import process as conductor_process
from services.ingest import server as ingest_server
from services.projector import consent_cli, handoff_cli, lgpd_cli, replay
from services.projector import process as projector_process
from services.runtime.logs import configure_logging
from services.runtime.settings import SettingsError
from services.runtime.tracing import configure_tracing
from services.waha_sim import server as waha_sim_server

Command = Callable[[argparse.Namespace, Mapping[str, str]], int]

COMMANDS: dict[str, tuple[ModuleType, str]] = {
    "up": (local_stack, "run the whole product locally with embedded defaults"),
    "ingest": (ingest_server, "serve the WAHA webhook gateway"),
    "conductor": (conductor_process, "run the conversation agents and the reply outbox"),
    "waha-sim": (waha_sim_server, "serve a local WAHA simulator"),
    "chat": (chat_cli, "talk to the bot in the terminal as a WhatsApp user"),
    "events": (event_listing, "print log entries in log order"),
    "audit": (audit, "print a conversation's full timeline"),
    "deadletters": (deadletters_cli, "entries a consumer gave up on: list, retry or drop"),
    "projector": (projector_process, "keep the read models up to date"),
    "consent": (consent_cli, "a data subject's consent history, with evidence"),
    "replay": (replay, "rebuild read models from the log and switch to them"),
    "archive": (archive_cli, "move old, fully consumed events from Redis to the archive"),
    "handoff": (handoff_cli, "give a chat handed to a person back to the bot"),
    "lgpd": (lgpd_cli, "a data subject's rights: export or erase what is held about them"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wsm", description="WhatsApp Session Manager")
    parser.add_argument("--log-level", default=os.environ.get("LOG_LEVEL", "INFO"),
                        choices=["DEBUG", "INFO", "WARNING", "ERROR"])  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure_logging(args.log_level)
    configure_tracing(args.command, os.environ)
    command: Command = args.run
    try:
        return command(args, os.environ)
    except SettingsError as exc:
        print(f"wsm {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
