"""``wsm staff add|list|remove|reset``: the console's staff accounts.

``add`` and ``reset`` (a new password, ending the account's sessions) read the password
from standard input (one line), or with ``--generate`` make one and print it once."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from collections.abc import Mapping
from typing import TextIO

from services.console.staff import Role, StaffDirectory, StaffError, check_name, new_password
from services.runtime.store import StoreSettings

BAD_INPUT = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=["add", "list", "remove", "reset"], help="what to do")
    parser.add_argument("name", nargs="?", help="the account's name (add, remove, reset)")
    parser.add_argument("--role", choices=[r.value for r in Role], help="add: the role")
    parser.add_argument(
        "--generate", action="store_true",
        help="add, reset: generate the password and print it, instead of reading it from stdin",
    )  # fmt: skip


def password_from(stdin: TextIO) -> str:
    """The first line of standard input, without its line break; asked for without echo
    on a terminal."""
    if stdin.isatty():
        return getpass.getpass("password (12 characters at least): ")
    return stdin.readline().rstrip("\r\n")


async def act(args: argparse.Namespace, env: Mapping[str, str], stdin: TextIO,
              out: TextIO) -> int:  # fmt: skip
    store = StoreSettings.from_env(env)
    async with store.connected() as redis:
        directory = StaffDirectory(redis, store.keyspace)
        if args.action == "list":
            for staff in await directory.all():
                out.write(f"{staff.name}\t{staff.role}\n")
            return 0
        name = check_name(args.name or "")
        if args.action == "remove":
            if not await directory.remove(name):
                print(f"wsm staff: there is no member of staff called {name}", file=sys.stderr)
                return 1
            out.write(f"removed {name}\n")
            return 0
        if args.action == "reset":
            password = new_password() if args.generate else password_from(stdin)
            if not await directory.reset_password(name, password):
                print(f"wsm staff: there is no member of staff called {name}", file=sys.stderr)
                return 1
            out.write(f"new password for {name}; their open sessions have ended\n")
            if args.generate:
                out.write(f"password: {password}\n")
            return 0
        if args.role is None:
            raise StaffError("add needs --role receptionist, dpo or admin")
        password = new_password() if args.generate else password_from(stdin)
        staff = await directory.add(name, Role(args.role), password)
        out.write(f"added {staff.name} ({staff.role})\n")
        if args.generate:
            out.write(f"password: {password}\n")
        return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    try:
        return asyncio.run(act(args, env, sys.stdin, sys.stdout))
    except StaffError as exc:
        print(f"wsm staff: {exc}", file=sys.stderr)
        return BAD_INPUT
