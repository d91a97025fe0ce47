"""``wsm``: the one command-line entry to every service and admin task.

Only the chosen command's module is imported, so ``wsm --help`` and a mistyped command
answer at once. Every failure ends in one line on stderr and an exit code (2: bad input,
1: the world failed, 130: interrupted); the traceback only with ``--debug`` or
``LOG_LEVEL=DEBUG``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Mapping, Sequence

Command = Callable[[argparse.Namespace, Mapping[str, str]], int]

COMMANDS: dict[str, tuple[str, str]] = {
    "up": ("services.cli.up", "run the whole product locally with embedded defaults"),
    "ingest": ("services.ingest.main", "serve the WAHA webhook gateway"),
    "conductor": (
        "services.conductor.main",
        "run the conversation agents and the reply outbox",
    ),
    "waha-sim": ("services.waha_sim.main", "serve a local WAHA simulator"),
    "chat": ("services.cli.chat", "talk to the bot in the terminal as a WhatsApp user"),
    "events": ("services.cli.events", "print log entries in log order"),
    "audit": ("services.cli.audit", "print a conversation's full timeline"),
    "deadletters": (
        "services.cli.deadletters",
        "entries a consumer gave up on: list, retry or drop",
    ),
    "projector": ("services.projector.main", "keep the read models up to date"),
    "consent": (
        "services.cli.consent",
        "a data subject's consent history, with evidence",
    ),
    "replay": ("services.cli.replay", "rebuild read models from the log and switch to them"),
    "archive": (
        "services.cli.archive",
        "move old, fully consumed events from Redis to the archive",
    ),
    "handoff": ("services.cli.handoff", "give a chat handed to a person back to the bot"),
    "lgpd": (
        "services.cli.lgpd",
        "a data subject's rights: export, correct or erase what is held about them",
    ),
    "keys": ("services.cli.keys", "re-wrap the subject keys after a change of their KEK"),
    "identities": (
        "services.cli.identities",
        "fold the linked ids WAHA knows into their phone numbers' conversations",
    ),
    "sessions": ("services.cli.sessions", "each WAHA session's status and health"),
    "eval": ("services.cli.eval", "measure the offline brain on the labelled patient corpus"),
    "intents": (
        "services.cli.intents",
        "the intent model: train it on the corpus, measure it on a blind set",
    ),
    "console": ("services.cli.console", "serve the front desk's web console for the staff"),
    "staff": (
        "services.cli.staff",
        "the console's staff accounts: add, list, remove or reset a password",
    ),
    "appointments": ("services.cli.appointments", "record that a patient did not come (no-show)"),
}

LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def log_level(value: str) -> str:
    """A log level's name, in any case."""
    level = value.strip().upper()
    if level not in LOG_LEVELS:
        raise argparse.ArgumentTypeError(f"must be one of {', '.join(LOG_LEVELS)}, got {value!r}")
    return level


def chosen_command(argv: Sequence[str]) -> str | None:
    """The command named on the line, before parsing: the first word that is one."""
    return next((word for word in argv if word in COMMANDS), None)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser, with the arguments of ``command`` only: the others are not imported."""
    parser = argparse.ArgumentParser(prog="wsm", description="WhatsApp Session Manager")
    parser.add_argument(
        "--log-level", type=log_level, default=None, metavar="LEVEL",
        help=f"{', '.join(LOG_LEVELS)} (default: $LOG_LEVEL, else INFO)",
    )  # fmt: skip
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the traceback of a failure (also LOG_LEVEL=DEBUG)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, description=summary)
        if name == command:
            module = importlib.import_module(module_name)
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        parser = build_parser(chosen_command(argv))
    except ImportError as exc:  # an environment installed for another version
        print(f"wsm: the installation is incomplete ({exc}); run scripts/bootstrap",
              file=sys.stderr)  # fmt: skip
        return 1
    args = parser.parse_args(argv)
    try:
        level = args.log_level or log_level(os.environ.get("LOG_LEVEL") or "INFO")
    except argparse.ArgumentTypeError as exc:
        parser.error(f"LOG_LEVEL {exc}")
    debug = args.debug or level == "DEBUG"
    command: Command = args.run
    try:
        from services.runtime.logs import configure_logging
        from services.runtime.tracing import configure_tracing

        configure_logging(level)
        configure_tracing(args.command, os.environ)
        status = command(args, os.environ)
        sys.stdout.flush()  # here, where a reader gone away is still handled
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (``wsm events | head``): what it wanted it has. Python
        # would complain again while flushing stdout at exit, so stdout goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:
        from events.error_text import traceback_of
        from services.runtime.operator_errors import known_failure, unexpected

        if debug:  # what --debug shows lands in a service's log: errors by their type
            print(traceback_of(exc), end="", file=sys.stderr)
        failure = known_failure(exc) or unexpected(exc)
        print(f"wsm {args.command}: {failure.message}", file=sys.stderr)
        return failure.exit_code
