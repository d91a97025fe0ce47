"""The dependency audit's report (scripts/audit): what each vulnerability source said of the
locked releases, and a verdict that claims no more than the sources answered.

Run as ``python scripts/audit_report.py LOCK ANSWERS``: ANSWERS is the folder where
scripts/audit left, for each source, pip-audit's JSON (SOURCE.json), what it wrote on
stderr (SOURCE.err) and its exit status (SOURCE.status).
"""

from __future__ import annotations

import json
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from packaging.markers import Marker

# pip-audit's --vulnerability-service names, in the order they are asked.
SOURCES = {
    "pypi": "PyPI (the package registry's JSON API)",
    "osv": "OSV (the Open Source Vulnerabilities database)",
}
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)(?:\s*;([^\\\n]+))?", re.MULTILINE)
# pip-audit names a skipped release at the end of its reason: "... aiohttp (3.14.5)".
SKIPPED_RELEASE = re.compile(r":?\s*\S+ \(([^()]+)\)$")
TIMED_OUT = 124  # timeout(1)'s status


@dataclass(frozen=True)
class Vulnerability:
    id: str
    aliases: tuple[str, ...] = ()
    fixed_in: tuple[str, ...] = ()


@dataclass
class Answer:
    """What one source said: ``failure`` when it could not be reached (and then nothing
    else), else the releases it checked, with what it knows of each, and those it did not,
    with pip-audit's reason."""

    source: str
    failure: str | None = None
    checked: dict[str, list[Vulnerability]] = field(default_factory=dict)
    not_checked: dict[str, str] = field(default_factory=dict)


def pinned_releases(lock: str) -> list[str]:
    """``name version`` of every release a lock file pins for this Python: a marker leaves
    out a release where it does not apply (colorama off Windows), as pip-audit does."""
    return [
        f"{canonical(name)} {version}"
        for name, version, marker in PIN.findall(lock)
        if not marker.strip() or Marker(marker.strip()).evaluate()
    ]


def canonical(name: str) -> str:
    """A project's name as pip-audit reports it (PEP 503's normal form)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def read_answer(source: str, output: str | None, stderr: str, status: int) -> Answer:
    """One source's answer from pip-audit's JSON report; no report means no answer."""
    if not output or status == TIMED_OUT:
        return Answer(source, failure=failure_of(stderr, status))
    try:
        dependencies = json.loads(output)["dependencies"]
        answer = Answer(source)
        for dependency in dependencies:
            name = dependency["name"]
            if "skip_reason" in dependency:
                reason = str(dependency["skip_reason"])
                found = SKIPPED_RELEASE.search(reason)
                release = f"{name} {found.group(1)}" if found else name
                answer.not_checked[release] = reason[: found.start()] if found else reason
            else:
                answer.checked[f"{name} {dependency['version']}"] = [
                    Vulnerability(
                        str(v["id"]),
                        tuple(map(str, v.get("aliases", ()))),
                        tuple(map(str, v.get("fix_versions", ()))),
                    )
                    for v in dependency["vulns"]
                ]
    except (ValueError, KeyError, TypeError) as error:
        return Answer(source, failure=f"pip-audit's report could not be read ({error!r})")
    return answer


def failure_of(stderr: str, status: int) -> str:
    """Why a source gave no answer, in one line: the error pip-audit ended on."""
    if status == TIMED_OUT:
        return "no answer within the time allowed"
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    last = lines[-1] if lines else f"pip-audit stopped with status {status} and no message"
    return textwrap.shorten(last, 240, placeholder=" …")


def describe(answer: Answer, releases: list[str]) -> list[str]:
    """What one source said, release by release; a release missing from its answer counts
    as one it did not check."""
    name = SOURCES.get(answer.source, answer.source)
    if answer.failure is not None:
        return wrapped(f"{name}: could not be reached, so it checked nothing: {answer.failure}")
    checked = [release for release in releases if release in answer.checked]
    lines = wrapped(
        f"{name}: answered; it checked {len(checked)} of the {len(releases)} releases"
        f" and could not check {len(releases) - len(checked)}"
    )
    if checked:
        lines += listing("checked", checked)
    reasons: dict[str, list[str]] = {}
    for release in releases:
        if release not in answer.checked:
            reason = answer.not_checked.get(release, "missing from its answer")
            reasons.setdefault(reason, []).append(release)
    for reason, unchecked in reasons.items():
        lines += listing(f"not checked ({reason})", unchecked)
    return lines


def listing(title: str, releases: list[str]) -> list[str]:
    return wrapped(f"{title}, {len(releases)}: {', '.join(releases)}", indent="  ")


def wrapped(text: str, indent: str = "") -> list[str]:
    """Lines of at most 100 characters, a release's name never cut in two."""
    return textwrap.wrap(
        text, 100, initial_indent=indent, subsequent_indent=indent + "  ",
        break_on_hyphens=False, break_long_words=False,
    )  # fmt: skip


def verdict(answers: list[Answer], releases: list[str]) -> list[str]:
    """The conclusion the answers allow, and no more: a release no source checked is
    named as unchecked, and a run that checked nothing says so."""
    checked: dict[str, list[tuple[str, Vulnerability]]] = {}
    for answer in answers:
        for release, vulnerabilities in answer.checked.items():
            found = checked.setdefault(release, [])
            found += [(answer.source, v) for v in vulnerabilities]
    unchecked = [release for release in releases if release not in checked]
    vulnerable = {release: found for release, found in checked.items() if found}
    lines: list[str] = []
    if vulnerable:
        lines.append(f"KNOWN VULNERABILITIES in {len(vulnerable)} of the releases checked:")
        for release, found in sorted(vulnerable.items()):
            for source, v in found:
                aliases = f" ({', '.join(v.aliases)})" if v.aliases else ""
                fixed = ", ".join(v.fixed_in) or "no release yet"
                lines.append(f"  {release}: {v.id}{aliases}, fixed in {fixed} [{source}]")
    if not checked:
        lines += wrapped(
            f"NOTHING WAS AUDITED: no vulnerability source could check any of the"
            f" {len(releases)} releases, so whether they have known vulnerabilities is"
            " unknown. This is not a clean result."
        )
    elif not vulnerable:
        lines.append(f"No known vulnerability in the {len(checked)} releases checked.")
    if checked and unchecked:
        lines += listing("NOT CHECKED by any source (their vulnerabilities are unknown)", unchecked)
    return lines


def report(answers: list[Answer], releases: list[str], lock_name: str) -> str:
    """The whole report: each source's answer, then the verdict."""
    lines = [
        f"== dependency audit: the {len(releases)} releases {lock_name} pins for this Python =="
    ]
    for answer in answers:
        lines += describe(answer, releases)
    lines.append("Verdict:")
    lines += verdict(answers, releases)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    lock, folder = Path(argv[0]), Path(argv[1])
    answers = []
    for source in SOURCES:
        output_file, status_file = folder / f"{source}.json", folder / f"{source}.status"
        output = output_file.read_text() if output_file.exists() else None
        stderr_file = folder / f"{source}.err"
        stderr = stderr_file.read_text(errors="replace") if stderr_file.exists() else ""
        status_text = status_file.read_text().strip() if status_file.exists() else ""
        status = int(status_text) if status_text.isdigit() else 1
        answers.append(read_answer(source, output, stderr, status))
    print(report(answers, pinned_releases(lock.read_text()), lock.name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
