"""``wsm sessions``: each WAHA session's status, since when, its last changes, and whether
its phone seems to have lost its connection while WAHA says WORKING."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import TextIO

import msgspec

from services.domain.clinic import Clinic
from services.projector.health_report import SessionReport, session_reports
from services.projector.session_health import ACK_BOUND
from services.runtime.cli_types import positive_int
from services.runtime.store import StoreSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--history", type=positive_int, default=3, help="status changes shown per session"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per session")


def _ago(span: timedelta) -> str:
    minutes = int(span.total_seconds() // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours < 48 else f"{hours // 24} days"


def describe(report: SessionReport, now: datetime, clinic: Clinic, history: int) -> list[str]:
    """The lines ``wsm sessions`` prints for one session."""

    def local(at: datetime) -> str:
        return at.astimezone(clinic.zone).strftime("%Y-%m-%d %H:%M")

    if report.status is None or report.since is None:
        lines = [f"{report.session}: no status reported by WAHA yet"]
    else:
        lines = [f"{report.session}: {report.status} since {local(report.since)} "
                 f"({_ago(now - report.since)})"]  # fmt: skip
        lines += [f"  before: {c.status} since {local(c.at)}" for c in
                  reversed(report.history[-history:])]  # fmt: skip
    late = report.unacknowledged
    if late:
        bound = int(ACK_BOUND.total_seconds() // 60)
        lines.append(f"  {len(late)} replies sent since {local(late[0])} have no acknowledgement "
                     f"from WhatsApp after {bound} min")  # fmt: skip
    if report.phone_seems_offline:
        lines.append("  the phone seems to have lost its connection although WAHA says WORKING")
    return lines


def as_json(report: SessionReport) -> bytes:
    return msgspec.json.encode(
        {
            "session": report.session,
            "status": report.status,
            "since": report.since,
            "history": [{"status": c.status, "at": c.at} for c in report.history],
            "unacknowledged_replies": len(report.unacknowledged),
            "phone_seems_offline": report.phone_seems_offline,
        }
    )


async def show(args: argparse.Namespace, env: Mapping[str, str], out: TextIO) -> int:
    store, clinic = StoreSettings.from_env(env), Clinic.from_env(env)
    now = datetime.now(UTC)
    async with store.connected() as redis:
        reports = await session_reports(redis, store.keyspace, now)
    if not reports:
        out.write("no WAHA session has reported a status or sent a reply yet\n")
    for report in reports:
        if args.json:
            out.write(as_json(report).decode() + "\n")
        else:
            out.write("\n".join(describe(report, now, clinic, args.history)) + "\n")
    return 0


def run(args: argparse.Namespace, env: Mapping[str, str]) -> int:
    return asyncio.run(show(args, env, sys.stdout))
