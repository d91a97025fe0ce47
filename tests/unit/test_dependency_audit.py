"""scripts/audit's report: each vulnerability source's answer, and a verdict that claims no
more than the sources gave."""

from __future__ import annotations

import json
from typing import Any

from scripts.audit_report import Answer, pinned_releases, read_answer, report

RELEASES = ["aiohttp 3.14.5", "msgspec 0.23.0", "redis 8.2.0"]
OSV_UNREACHABLE = (
    "Traceback (most recent call last):\n  ...\nrequests.exceptions.ConnectionError: "
    "HTTPSConnectionPool(port=443): Max retries exceeded (Name or service not known)\n"
)


# The shapes below are pip-audit's --format json (pip_audit/_format/json.py, JsonFormat:
# {"dependencies": [...], "fixes": [...]}, a skipped dependency {"name", "skip_reason"}, an
# audited one {"name", "version", "vulns": [{"id", "fix_versions", "aliases"}]}) and the skip
# reason of its PyPI service for a release the registry does not know
# (pip_audit/_service/pypi.py).
def audited(name: str, version: str, *vulns: dict[str, Any]) -> dict[str, Any]:
    return {"name": name, "version": version, "vulns": list(vulns)}


def not_found_on_pypi(release: str) -> dict[str, Any]:
    name, version = release.split()
    reason = f"Dependency not found on PyPI and could not be audited: {name} ({version})"
    return {"name": name, "skip_reason": reason}


def pip_audit_json(*dependencies: dict[str, Any]) -> str:
    return json.dumps({"dependencies": list(dependencies), "fixes": []})


def said(text: str) -> str:
    """The report as one line: its lines wrap at 100 characters, anywhere between words."""
    return " ".join(text.split())


def unreachable(source: str) -> Answer:
    return read_answer(source, None, OSV_UNREACHABLE, 1)


def test_when_no_source_can_be_reached_the_report_says_nothing_was_audited() -> None:
    text = said(
        report([unreachable("pypi"), unreachable("osv")], RELEASES, "requirements-dev.lock")
    )
    assert "NOTHING WAS AUDITED" in text
    assert "This is not a clean result" in text
    assert "No known vulnerabilit" not in text


def test_a_source_that_knows_none_of_the_releases_audits_nothing() -> None:
    pypi = read_answer("pypi", pip_audit_json(*map(not_found_on_pypi, RELEASES)), "", 0)
    text = said(report([pypi, unreachable("osv")], RELEASES, "requirements-dev.lock"))
    assert "PyPI (the package registry's JSON API): answered; it checked 0 of the 3" in text
    assert "NOTHING WAS AUDITED" in text
    assert "No known vulnerabilit" not in text


def test_the_report_names_which_source_answered_and_why_the_other_did_not() -> None:
    osv = read_answer("osv", pip_audit_json(audited("redis", "8.2.0")), "", 0)
    text = said(report([unreachable("pypi"), osv], RELEASES, "requirements-dev.lock"))
    assert "PyPI (the package registry's JSON API): could not be reached, so it checked" in text
    assert "Name or service not known" in text
    assert "OSV (the Open Source Vulnerabilities database): answered; it checked 1 of" in text
    assert "Traceback" not in text


def test_a_clean_verdict_names_the_releases_no_source_checked() -> None:
    osv = read_answer("osv", pip_audit_json(audited("aiohttp", "3.14.5")), "", 0)
    text = said(report([unreachable("pypi"), osv], RELEASES, "requirements-dev.lock"))
    assert "No known vulnerability in the 1 releases checked." in text
    unchecked = text[text.index("NOT CHECKED by any source") :]
    assert "msgspec 0.23.0" in unchecked
    assert "redis 8.2.0" in unchecked
    assert "aiohttp" not in unchecked


def test_a_known_vulnerability_is_named_with_its_fix_and_its_source() -> None:
    vulnerability = {"id": "PYSEC-2099-1", "fix_versions": ["3.14.6"], "aliases": ["CVE-2099-1"]}
    osv = read_answer("osv", pip_audit_json(audited("aiohttp", "3.14.5", vulnerability)), "", 1)
    text = said(report([unreachable("pypi"), osv], RELEASES, "requirements-dev.lock"))
    assert "KNOWN VULNERABILITIES in 1 of the releases checked" in text
    assert "aiohttp 3.14.5: PYSEC-2099-1 (CVE-2099-1), fixed in 3.14.6 [osv]" in text
    assert "No known vulnerabilit" not in text


def test_a_source_that_gives_no_answer_in_time_checked_nothing() -> None:
    answer = read_answer("osv", pip_audit_json(audited("aiohttp", "3.14.5")), "", 124)
    assert answer.failure == "no answer within the time allowed"
    assert answer.checked == {}


def test_an_unreadable_answer_counts_as_no_answer() -> None:
    answer = read_answer("pypi", "<html>proxy error</html>", "", 1)
    assert answer.failure is not None
    assert answer.checked == {}


def test_a_release_left_out_by_its_marker_is_not_counted_as_unchecked() -> None:
    lock = "colorama==0.4.6 ; sys_platform == 'win32' \\\nredis==8.2.0 \\\n"
    osv = read_answer("osv", pip_audit_json(audited("redis", "8.2.0")), "", 0)
    text = said(report([osv], pinned_releases(lock), "requirements-dev.lock"))
    assert "the 1 releases requirements-dev.lock pins for this Python" in text
    assert "No known vulnerability in the 1 releases checked." in text
    assert "NOT CHECKED" not in text


def test_the_locks_pins_are_named_as_pip_audit_names_them() -> None:
    lock = "PyYAML==6.0.4 \\\n    --hash=sha256:ab\nruamel.yaml==0.19.1 \\\n"
    assert pinned_releases(lock) == ["pyyaml 6.0.4", "ruamel-yaml 0.19.1"]


def test_a_release_missing_from_a_sources_answer_counts_as_unchecked_by_it() -> None:
    osv = read_answer("osv", pip_audit_json(audited("aiohttp", "3.14.5")), "", 0)
    text = said(report([osv], RELEASES, "requirements-dev.lock"))
    assert "answered; it checked 1 of the 3 releases and could not check 2" in text
    assert "not checked (missing from its answer), 2: msgspec 0.23.0, redis 8.2.0" in text
