"""scripts/ensure-venv, as bootstrap uses it on a fresh machine: a virtualenv that works,
whatever state a first run left."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENSURE_VENV = ROOT / "scripts" / "ensure-venv"


def ensure_venv(venv: Path, path: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PATH": path or os.environ["PATH"]}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run([str(ENSURE_VENV), str(venv)], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip


def has_pip(venv: Path) -> bool:
    check = [str(venv / "bin" / "python"), "-m", "pip", "--version"]
    return subprocess.run(check, capture_output=True, timeout=60).returncode == 0


def test_a_missing_virtualenv_is_made(tmp_path: Path) -> None:
    assert ensure_venv(tmp_path / ".venv").returncode == 0
    assert has_pip(tmp_path / ".venv")


def test_a_half_made_virtualenv_is_made_again(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    subprocess.run(["python3", "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    result = ensure_venv(venv)
    assert result.returncode == 0
    assert "incomplete" in result.stderr
    assert has_pip(venv)


def test_a_working_virtualenv_is_left_as_it_is(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    ensure_venv(venv)
    (venv / "mine").write_text("installed packages live here")
    assert ensure_venv(venv).returncode == 0
    assert (venv / "mine").exists()


@pytest.fixture
def machine_without_venv_support(tmp_path: Path) -> tuple[str, Path]:
    """A PATH on which python3 lacks venv support until apt-get installs it."""
    shims, installed, asked = tmp_path / "bin", tmp_path / "installed", tmp_path / "apt-get.log"
    shims.mkdir()
    real_python = shutil.which("python3")
    (shims / "python3").write_text(
        "#!/bin/sh\n"
        f'if [ "$1" = -c ] && [ "${{2#*ensurepip}}" != "$2" ] && [ ! -e {installed} ]; then\n'
        "  exit 1\n"
        "fi\n"
        f'exec {real_python} "$@"\n'
    )
    (shims / "apt-get").write_text(
        f'#!/bin/sh\necho "$@" >> {asked}\ncase "$*" in *install*) touch {installed};; esac\n'
    )
    (shims / "sudo").write_text('#!/bin/sh\nexec "$@"\n')
    for shim in shims.iterdir():
        shim.chmod(0o755)
    return f"{shims}:{os.environ['PATH']}", asked


def test_without_venv_support_the_systems_package_is_installed_first(
    tmp_path: Path, machine_without_venv_support: tuple[str, Path]
) -> None:
    path, asked = machine_without_venv_support
    result = ensure_venv(tmp_path / ".venv", path)
    assert result.returncode == 0, result.stderr
    minor = subprocess.run(["python3", "-c", "import sys; print(sys.version_info.minor)"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    assert f"install -y -qq python3.{minor}-venv" in asked.read_text()
    assert has_pip(tmp_path / ".venv")
