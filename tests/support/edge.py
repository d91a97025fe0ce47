"""NGINX with the shipped configuration (ops/nginx) on loopback, for tests and benchmarks."""

from __future__ import annotations

import getpass
import re
import shutil
import subprocess
from pathlib import Path

TEMPLATE = (
    Path(__file__).resolve().parents[2] / "ops" / "nginx" / "templates" / "default.conf.template"
)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def render(template: str, values: dict[str, str]) -> str:
    """What the official image's envsubst makes of the template: ${WSM_*} replaced."""
    rendered = re.sub(r"\$\{(WSM_\w+)\}", lambda m: values[m[1]], template)
    assert "${" not in rendered
    return rendered


def configure(directory: Path, listen: int, upstream: str, *, rate: int, burst: int) -> Path:
    """Write the server block and a main configuration for it under ``directory``."""
    server = render(TEMPLATE.read_text(), {
        "WSM_LISTEN": f"127.0.0.1:{listen}", "WSM_RESOLVER": "127.0.0.1",
        "WSM_INGEST_UPSTREAM": upstream, "WSM_WEBHOOK_RATE": str(rate),
        "WSM_WEBHOOK_BURST": str(burst),
    })  # fmt: skip
    (directory / "default.conf").write_text(server)
    main = directory / "nginx.conf"
    main.write_text(
        f"user {getpass.getuser()};\n"
        f"pid {directory}/nginx.pid;\nerror_log {directory}/error.log warn;\n"
        "worker_processes 1;\nevents {}\n"
        f"http {{\n  access_log off;\n  client_body_temp_path {directory}/body;\n"
        f"  proxy_temp_path {directory}/proxy;\n  include {directory}/default.conf;\n}}\n"
    )
    checked = subprocess.run([NGINX, "-t", "-p", str(directory), "-c", str(main)],
                             capture_output=True, text=True)  # fmt: skip
    if checked.returncode != 0:
        raise RuntimeError(f"nginx refused the configuration: {checked.stderr}")
    return main


def start(directory: Path, config: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([NGINX, "-p", str(directory), "-c", str(config),
                             "-g", "daemon off;"])  # fmt: skip
