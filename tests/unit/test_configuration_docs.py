"""Every setting the code reads is documented where an operator looks for it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Any call reading a named variable from the environment mapping: text(env, "NAME", ...).
READ_SETTING = re.compile(r"""\w\(\s*env,\s*"([A-Z_]+)\"""")


def settings_read_by_the_code() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "services").rglob("*.py"):
        names |= set(READ_SETTING.findall(path.read_text()))
    return names


def test_the_code_reads_settings() -> None:
    assert {"REDIS_URL", "WEBHOOK_HMAC_KEY", "PARTITIONS"} <= settings_read_by_the_code()


def test_every_setting_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text()
    missing = {name for name in settings_read_by_the_code() if f"| `{name}` |" not in readme}
    assert not missing


def test_every_setting_but_the_redis_url_is_in_the_env_example() -> None:
    # compose.yml sets REDIS_URL itself, to its own Redis.
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert settings_read_by_the_code() - {"REDIS_URL"} <= documented
