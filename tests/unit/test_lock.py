"""The lock files: every dependency pyproject.toml names, pinned inside its range with the
hashes of its files; requirements-dev.lock for the machines, requirements.lock (the same
versions, without the dev tools) for the image."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUNTIME = [Requirement(r) for r in PROJECT["project"]["dependencies"]]
DEV = [Requirement(r) for r in PROJECT["project"]["optional-dependencies"]["dev"]]
BUILD = [Requirement(r) for r in PROJECT["build-system"]["requires"]]
HASH = re.compile(r"--hash=sha256:[0-9a-f]{64}")


def entries(lock: str) -> dict[str, str]:
    """Each entry of a lock file (a pin with its continuation lines), by canonical name."""
    text = (ROOT / lock).read_text()
    found = {}
    for entry in re.split(r"\n(?=\S)", text):
        if match := re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==", entry):
            found[canonicalize_name(match.group(1))] = entry
    return found


def pins(lock: str) -> dict[str, str]:
    return {name: entry.split("==")[1].split()[0] for name, entry in entries(lock).items()}


def outside_their_range(requirements: list[Requirement], lock: str) -> list[str]:
    pinned = pins(lock)
    return [
        f"{r} (locked: {pinned.get(canonicalize_name(r.name), 'nothing')})"
        for r in requirements
        if not r.specifier.contains(pinned.get(canonicalize_name(r.name), ""), prereleases=True)
    ]


def test_the_dev_lock_pins_every_dependency_pyproject_names_inside_its_range() -> None:
    assert outside_their_range(RUNTIME + DEV + BUILD, "requirements-dev.lock") == []


def test_the_image_lock_pins_every_runtime_dependency_inside_its_range() -> None:
    assert outside_their_range(RUNTIME + BUILD, "requirements.lock") == []


def test_a_dependencys_extras_are_locked_too() -> None:
    # redis[hiredis]: the parser in C that the extra names must be installed with it.
    assert "hiredis" in pins("requirements.lock")
    assert "hiredis" in pins("requirements-dev.lock")


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_every_locked_release_carries_the_hashes_of_its_files(lock: str) -> None:
    assert entries(lock)
    assert [name for name, entry in entries(lock).items() if not HASH.search(entry)] == []


def test_the_image_installs_the_machines_versions() -> None:
    dev = pins("requirements-dev.lock")
    assert {n: v for n, v in pins("requirements.lock").items() if dev.get(n) != v} == {}


def test_the_image_carries_no_dev_tool() -> None:
    assert {canonicalize_name(r.name) for r in DEV} & set(pins("requirements.lock")) == set()


@pytest.mark.parametrize("lock", ["requirements.lock", "requirements-dev.lock"])
def test_a_lock_names_no_package_index(lock: str) -> None:
    # Each machine installs from the index its pip is configured with; the hashes, not an
    # address, say which files are acceptable.
    text = (ROOT / lock).read_text()
    assert re.findall(r"--(?:extra-)?index-url|--find-links|://", text) == []


def test_the_machines_and_the_image_install_only_hash_checked_releases() -> None:
    bootstrap = (ROOT / "scripts" / "bootstrap").read_text()
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install --quiet --no-deps --require-hashes -r requirements-dev.lock" in bootstrap
    image_install = "pip install --no-cache-dir --no-deps --require-hashes -r requirements.lock"
    assert image_install in dockerfile
    # The lock is whole: nothing is resolved, and pip check proves nothing is missing.
    assert "pip check" in bootstrap and "pip check" in dockerfile
    # The project itself, the one thing without a hash, brings no dependency of its own
    # and is built by the locked setuptools, not one fetched for an isolated build.
    assert "--no-deps --no-build-isolation -e ." in bootstrap
    assert "--no-deps --no-build-isolation ." in dockerfile
