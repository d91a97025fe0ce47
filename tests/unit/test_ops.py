"""The deployment files agree with the code: compose, Prometheus, Grafana, Kubernetes."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from events import Keyspace
from services.domain.clinic import Clinic

ROOT = Path(__file__).resolve().parents[2]
OPS = ROOT / "ops"
METRIC = re.compile(r"\bwsm_[a-z_]+")
SUFFIXES = ("_bucket", "_count", "_sum")


def metrics_in_code() -> set[str]:
    names: set[str] = set()
    for path in [*(ROOT / "services").rglob("*.py"), *(ROOT / "events").rglob("*.py")]:
        names |= set(re.findall(r'"(wsm_[a-z_]+)"', path.read_text()))
    return names


def metrics_queried(text: str) -> set[str]:
    found = set()
    for name in METRIC.findall(text):
        for suffix in SUFFIXES:
            name = name.removesuffix(suffix)
        found.add(name)
    return found


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load((ROOT / "compose.yml").read_text()))


def started_by_up() -> dict[str, dict[str, Any]]:
    """The services ``docker compose up`` starts: those of no profile."""
    return {n: s for n, s in compose()["services"].items() if not s.get("profiles")}


def test_compose_runs_the_whole_stack() -> None:
    assert set(started_by_up()) == {
        "redis", "nginx", "ingest", "conductor", "projector", "waha", "prometheus", "tempo",
        "grafana", "waha-api-key", "console",
    }  # fmt: skip


def test_only_nginx_grafana_and_the_console_are_published() -> None:
    published = {name for name, s in compose()["services"].items() if s.get("ports")}
    assert published == {"nginx", "grafana", "console"}


def test_grafana_and_the_console_are_published_on_the_loopback_only() -> None:
    services = compose()["services"]
    for name in ("grafana", "console"):
        assert all(p.startswith("127.0.0.1:") for p in services[name]["ports"]), name


def test_the_operators_commands_run_only_on_request() -> None:
    operator = compose()["services"]["operator"]
    assert operator["profiles"] == ["operator"]
    assert operator["restart"] == "no"


def run_once_first() -> set[str]:
    """Services others wait to have completed (``service_completed_successfully``)."""
    done = "service_completed_successfully"
    return {name for s in compose()["services"].values()
            for name, wait in (s.get("depends_on") or {}).items()
            if isinstance(wait, dict) and wait["condition"] == done}  # fmt: skip


def test_every_service_restarts_and_the_long_running_ones_report_health() -> None:
    services = started_by_up()
    once = run_once_first()
    assert once == {"waha-api-key"}
    assert all(s.get("restart") == "unless-stopped" for n, s in services.items() if n not in once)
    assert all(services[name]["restart"] == "no" for name in once)
    assert {name for name, s in services.items() if "healthcheck" not in s} == set()


def test_conductors_are_replicated_and_redis_keeps_an_append_only_file() -> None:
    assert compose()["services"]["conductor"]["deploy"]["replicas"] >= 2
    redis_conf = (OPS / "redis" / "redis.conf").read_text()
    assert re.search(r"^appendonly yes$", redis_conf, re.MULTILINE)
    assert re.search(r"^appendfsync everysec$", redis_conf, re.MULTILINE)


def test_every_metric_a_dashboard_or_an_alert_queries_exists_in_the_code() -> None:
    queried: set[str] = set()
    for board in (OPS / "grafana" / "dashboards").glob("*.json"):
        panels = json.loads(board.read_text())["panels"]
        assert panels, board
        queried |= {m for p in panels for t in p["targets"] for m in metrics_queried(t["expr"])}
    queried |= metrics_queried((OPS / "prometheus" / "alerts.yml").read_text())
    assert queried and queried <= metrics_in_code()


def alert_rules() -> dict[str, dict[str, Any]]:
    groups = yaml.safe_load((OPS / "prometheus" / "alerts.yml").read_text())["groups"]
    return {r["alert"]: r for g in groups for r in g["rules"]}


def rule_tests() -> list[Path]:
    return sorted((OPS / "prometheus").glob("*.test.yml"))


def scrape_jobs() -> set[str]:
    configuration = yaml.safe_load((OPS / "prometheus" / "prometheus.yml").read_text())
    return {job["job_name"] for job in configuration["scrape_configs"]}


def promtool() -> str:
    found = shutil.which("promtool")
    if found is None:
        pytest.fail("promtool is not installed: run scripts/bootstrap (Debian's prometheus)")
    return found


def test_alert_rules_cover_lag_dead_letters_errors_silence_and_targets() -> None:
    assert {"ConsumerLagGrowing", "DeadLetters", "WebhookErrors", "NoWebhooks", "TargetDown",
            "TargetAbsent"} <= set(alert_rules())  # fmt: skip


def test_every_scrape_job_is_watched_for_being_down_and_for_being_absent() -> None:
    rules = alert_rules()
    [down] = re.findall(r'up\{job=~"([^"]+)"\} == 0', rules["TargetDown"]["expr"])
    absent = re.findall(r'absent\(up\{job="([^"]+)"\}\)', rules["TargetAbsent"]["expr"])
    assert set(down.split("|")) == set(absent) == scrape_jobs()


def test_no_webhooks_looks_at_the_clinics_default_opening_hours_in_utc() -> None:
    clinic, expr = Clinic(), alert_rules()["NoWebhooks"]["expr"]
    hours = re.search(r"hour\(\) >= (\d+) < (\d+)", expr)
    days = re.search(r"day_of_week\(\) >= (\d+) <= (\d+)", expr)
    assert hours and days, expr
    year = date.today().year
    # One offset all year (no daylight saving), or fixed UTC hours would be wrong half of it.
    [offset] = {datetime(year, m, 1, tzinfo=clinic.zone).utcoffset() for m in range(1, 13)}
    assert offset is not None
    opens, closes = ((datetime.combine(date(year, 1, 1), t) - offset).hour
                     for t in (clinic.opens, clinic.closes))  # fmt: skip
    # From an hour after opening: the 30 minutes it looks at are then all opening hours.
    assert (int(hours[1]), int(hours[2])) == (opens + 1, closes)
    assert opens < closes  # the same day in UTC as at the clinic, so day_of_week() is too
    # day_of_week(): 0 is Sunday; the clinic's days: 0 is Monday.
    watched = {day % 7 for day in range(int(days[1]), int(days[2]) + 1)}
    assert watched == {(day + 1) % 7 for day in clinic.open_days}


def test_promtool_accepts_the_alert_rules() -> None:
    command = [promtool(), "check", "rules", str(OPS / "prometheus" / "alerts.yml")]
    checked = subprocess.run(command, capture_output=True, text=True, timeout=30)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_every_alert_rule_is_unit_tested_firing_and_silent() -> None:
    fires: set[str] = set()
    silent: set[str] = set()
    for path in rule_tests():
        for test in yaml.safe_load(path.read_text())["tests"]:
            for case in test.get("alert_rule_test", []):
                (fires if case.get("exp_alerts") else silent).add(case["alertname"])
    assert fires == silent == set(alert_rules())


def test_the_alert_rules_pass_their_promtool_unit_tests() -> None:
    assert rule_tests()
    command = [promtool(), "test", "rules", *map(str, rule_tests())]
    tested = subprocess.run(command, capture_output=True, text=True, timeout=50)
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_grafana_is_provisioned_with_prometheus_and_tempo() -> None:
    sources = yaml.safe_load(
        (OPS / "grafana" / "provisioning" / "datasources" / "datasources.yml").read_text()
    )
    assert {s["type"] for s in sources["datasources"]} == {"prometheus", "tempo"}


def kubernetes() -> list[dict[str, Any]]:
    return [d for f in sorted((OPS / "k8s").glob("*.yaml"))
            for d in yaml.safe_load_all(f.read_text()) if d]  # fmt: skip


def test_every_deployment_has_probes_and_resource_requests() -> None:
    deployments = [d for d in kubernetes() if d["kind"] == "Deployment"]
    assert {d["metadata"]["name"] for d in deployments} == {
        "wsm-ingest", "wsm-conductor", "wsm-projector", "wsm-edge", "wsm-console",
    }  # fmt: skip
    for deployment in deployments:
        [container] = deployment["spec"]["template"]["spec"]["containers"]
        assert container["readinessProbe"] and container["livenessProbe"]
        assert set(container["resources"]["requests"]) == {"cpu", "memory"}


def test_keda_scales_the_conductor_on_the_lag_of_every_partition() -> None:
    [scaler] = [d for d in kubernetes() if d["kind"] == "ScaledObject"]
    assert scaler["spec"]["scaleTargetRef"]["name"] == "wsm-conductor"
    triggers = scaler["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis-streams"}
    assert {t["metadata"]["consumerGroup"] for t in triggers} == {"conductor"}
    streams = {t["metadata"]["stream"] for t in triggers}
    keyspace = Keyspace()
    assert streams == {keyspace.stream(p) for p in keyspace.all_partitions()}
    assert scaler["spec"]["maxReplicaCount"] == keyspace.partitions
