"""The shipped monitoring against the real thing: Prometheus scrapes a running stack (Redis,
``wsm ingest``, ``wsm conductor``, ``wsm projector``, the WAHA simulator and a model
server) with the shipped scrape configuration moved to loopback, and answers every
dashboard query and every alert rule."""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import redis as sync_redis
import yaml

from services.runtime.embedded_redis import RedisServer
from services.runtime.ports import free_port
from tests.support.processes import Processes
from tests.support.waha import HMAC_KEY, encode, signed_headers, webhook

ROOT = Path(__file__).resolve().parents[2]
RULES_DIR = ROOT / "ops" / "prometheus"
DASHBOARDS = ROOT / "ops" / "grafana" / "dashboards"
SCRAPE_INTERVAL = "1s"
# Grafana's own variables, filled in as Grafana would for a short time range; any other
# ($group-style template variables) matches everything.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$__interval": "1s", "$__range": "5m"}
TEMPLATE_VARIABLE = re.compile(r"\$\{?\w+\}?")
# Dashboard queries that cannot return series in a local run, each with the reason. Every
# query not listed here must return at least one series.
NO_SERIES_LOCALLY: dict[str, str] = {}
METRIC = re.compile(r"\bwsm_[a-z_]+|\bup(?=\s*\{)")
WAITING_S = 60.0
RECEIVING = "sum(increase(wsm_webhook_requests_total[30m])) > 0"

pytestmark = pytest.mark.timeout(180)


def dashboard_exprs() -> dict[str, str]:
    """Every panel query of every dashboard, by dashboard, panel title and query id."""
    exprs: dict[str, str] = {}
    for board in sorted(DASHBOARDS.glob("*.json")):
        for panel in json.loads(board.read_text())["panels"]:
            for target in panel["targets"]:
                name = f"{board.stem}: {panel['title']} ({target.get('refId', '?')})"
                exprs[name] = target["expr"]
    return exprs


DASHBOARD_QUERIES = dashboard_exprs()


def alert_rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load((RULES_DIR / "alerts.yml").read_text())["groups"]
    return [rule for group in groups for rule in group["rules"] if "alert" in rule]


def metrics_alerts_use() -> list[str]:
    return sorted({name for rule in alert_rules() for name in METRIC.findall(rule["expr"])})


def as_prometheus_query(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return TEMPLATE_VARIABLE.sub(".*", expr)


def loopback_configuration(ports: Mapping[str, int]) -> dict[str, Any]:
    """The shipped configuration with each job's Docker DNS discovery replaced by the
    loopback port of its local process, a short interval, and the shipped rule files."""
    shipped: dict[str, Any] = yaml.safe_load((RULES_DIR / "prometheus.yml").read_text())
    jobs = {job["job_name"] for job in shipped["scrape_configs"]}
    assert jobs == set(ports), f"every scrape job needs a local process: {jobs} != {set(ports)}"
    scrape_configs = []
    for job in shipped["scrape_configs"]:
        local = {key: value for key, value in job.items() if not key.endswith("_sd_configs")}
        local["static_configs"] = [{"targets": [f"127.0.0.1:{ports[job['job_name']]}"]}]
        scrape_configs.append(local)
    interval = {"scrape_interval": SCRAPE_INTERVAL, "scrape_timeout": SCRAPE_INTERVAL,
                "evaluation_interval": SCRAPE_INTERVAL}  # fmt: skip
    return {
        **shipped,
        "global": {**shipped["global"], **interval},
        # compose mounts ops/prometheus at /etc/prometheus
        "rule_files": [str(RULES_DIR / Path(path).name) for path in shipped["rule_files"]],
        "scrape_configs": scrape_configs,
    }


def prometheus_binary() -> str:
    found = shutil.which("prometheus") or "/usr/bin/prometheus"
    if not os.access(found, os.X_OK):
        pytest.fail("prometheus is not installed: run scripts/bootstrap (Debian's prometheus)")
    return found


@dataclass
class Prometheus:
    url: str

    def get(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        try:
            with urllib.request.urlopen(f"{self.url}{path}{query}", timeout=10) as response:
                return json.loads(response.read())["data"]
        except urllib.error.HTTPError as error:
            raise AssertionError(f"Prometheus refused {params or path}: {error.read()!r}") from None

    def query(self, expr: str) -> list[dict[str, Any]]:
        data = self.get("/api/v1/query", query=expr)
        assert data["resultType"] == "vector", data
        result: list[dict[str, Any]] = data["result"]
        return result


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as response:
        return bool(response.status == 200)


def listening(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=1):
        return True


def post_json(url: str, body: dict[str, Any]) -> None:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})  # fmt: skip
    urllib.request.urlopen(request, timeout=30).close()


def replies(sim: str, number: str) -> int:
    url = f"{sim}/api/default/chats/{number}@c.us/messages"
    with urllib.request.urlopen(url, timeout=5) as response:
        return sum(1 for message in json.loads(response.read()) if message["fromMe"])


def say(sim: str, number: str, *texts: str) -> None:
    for text in texts:
        post_json(f"{sim}/sim/inbound", {"from": number, "text": text})


def shows_what_the_stack_did(prometheus: Prometheus) -> bool:
    queries = [as_prometheus_query(expr) for expr in DASHBOARD_QUERIES.values()]
    expected = [q for q in queries if q not in NO_SERIES_LOCALLY] + metrics_alerts_use()
    return all(prometheus.query(query) for query in expected)


@pytest.fixture(scope="module")
def prometheus(
    redis_server: RedisServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Prometheus]:
    """Prometheus scraping a stack that has had conversations, one while the model was
    unreachable (so that brain errors are counted), and an ignored webhook."""
    sync_redis.Redis.from_url(redis_server.url).flushdb()
    directory = tmp_path_factory.mktemp("monitoring")
    # Each job's metrics port; the gateway's webhooks come on a port of their own.
    ports = {"ingest": free_port(), "conductor": free_port(), "projector": free_port()}
    sim_port, model_port, prometheus_port = free_port(), free_port(), free_port()
    webhook_port = free_port()
    inherited = {k: v for k, v in os.environ.items()
                 if not k.startswith(("OTEL_", "GROQ_", "ADMIN_API_"))}  # fmt: skip
    env = {
        **inherited, "REDIS_URL": redis_server.url, "PARTITIONS": "4",
        "WEBHOOK_HMAC_KEY": HMAC_KEY.decode(), "CHAT_KEY_SECRET": secrets.token_hex(32),
        "WAHA_URL": f"http://127.0.0.1:{sim_port}", "REMINDER_OFFSETS": "off",
        "GROQ_API_KEY": "monitoring", "GROQ_BASE_URL": f"http://127.0.0.1:{model_port}",
    }  # fmt: skip
    config = directory / "prometheus.yml"
    config.write_text(yaml.safe_dump(loopback_configuration(ports)))
    gateway, sim = f"http://127.0.0.1:{webhook_port}", f"http://127.0.0.1:{sim_port}"
    processes = Processes(directory, env, cli_options=("--log-level", "ERROR"))
    try:
        processes.wsm("ingest", "ingest", "--port", str(webhook_port),
                      "--metrics-port", str(ports["ingest"]))  # fmt: skip
        processes.wsm("waha-sim", "waha-sim", "--port", str(sim_port),
                      "--webhook-url", f"{gateway}/webhooks/waha")  # fmt: skip
        processes.wsm("conductor", "conductor", "--name", "c1",
                      "--metrics-port", str(ports["conductor"]))  # fmt: skip
        processes.wsm("projector", "projector", "--name", "p1",
                      "--metrics-port", str(ports["projector"]))  # fmt: skip
        processes.start("prometheus", prometheus_binary(), f"--config.file={config}",
                        f"--storage.tsdb.path={directory / 'tsdb'}",
                        f"--web.listen-address=127.0.0.1:{prometheus_port}",
                        "--enable-feature=exemplar-storage", "--log.level=warn")  # fmt: skip
        prometheus = Prometheus(f"http://127.0.0.1:{prometheus_port}")
        processes.wait_until(lambda: answers(f"{gateway}/readyz"), "ready gateway")
        processes.wait_until(lambda: answers(f"{sim}/api/sessions"), "WAHA simulator")
        ingest, conductor, projector = (
            f"http://127.0.0.1:{ports[job]}" for job in ("ingest", "conductor", "projector")
        )
        processes.wait_until(lambda: answers(f"{ingest}/healthz"), "gateway metrics")
        processes.wait_until(lambda: answers(f"{conductor}/healthz"), "conductor metrics")
        processes.wait_until(lambda: answers(f"{projector}/healthz"), "projector metrics")
        processes.wait_until(lambda: answers(f"{prometheus.url}/-/ready"), "ready Prometheus")

        # The model is not running yet: the brain, first asked for the name (consent is
        # decided in code), fails after the client's retries.
        say(sim, "5511911110001", "oi", "sim", "Bia")
        processes.wait_until(lambda: replies(sim, "5511911110001") >= 3, "graceful answer")
        processes.start("model", sys.executable, "-m", "tests.support.chaos_model",
                        "--port", str(model_port))  # fmt: skip
        processes.wait_until(lambda: listening(model_port), "model server")
        say(sim, "5511911110002", "oi", "sim", "Ana", "quero marcar amanhã às 15h", "sim")
        processes.wait_until(lambda: replies(sim, "5511911110002") >= 5, "conversation")
        # WAHA reports its session's status as it starts it (session.status webhook).
        post_json(f"{sim}/sim/session", {"status": "WORKING"})
        ignored = encode(webhook("presence.update", {"id": "5511911110002@c.us"}))

        def post_ignored() -> None:
            urllib.request.urlopen(
                urllib.request.Request(f"{gateway}/webhooks/waha", data=ignored,
                                       headers=signed_headers(ignored), method="POST"),
                timeout=10,
            ).close()  # fmt: skip

        post_ignored()
        # Until the scrapes show all that, or for a bounded time: a query still empty then
        # fails its own test below.
        deadline = time.monotonic() + WAITING_S
        while not shows_what_the_stack_did(prometheus) and time.monotonic() < deadline:
            time.sleep(0.5)
        # A healthy gateway goes on receiving: a counter's first sample is no increase, so
        # webhooks that all came before the first scrape look like silence to NoWebhooks
        # during the clinic's hours. One more, then its increase seen and a rule evaluation.
        post_ignored()
        deadline = time.monotonic() + WAITING_S
        while not prometheus.query(RECEIVING) and time.monotonic() < deadline:
            time.sleep(0.5)
        time.sleep(2)  # two rule evaluations (SCRAPE_INTERVAL) after it
        yield prometheus
    finally:
        processes.stop()


def test_prometheus_scrapes_every_job_of_the_shipped_configuration(
    prometheus: Prometheus,
) -> None:
    up = {s["metric"]["job"]: s["value"][1] for s in prometheus.query("up")}
    assert up == {"ingest": "1", "conductor": "1", "projector": "1"}


@pytest.mark.parametrize("expr", list(DASHBOARD_QUERIES.values()), ids=list(DASHBOARD_QUERIES))
def test_every_dashboard_query_returns_series(prometheus: Prometheus, expr: str) -> None:
    query = as_prometheus_query(expr)
    series = prometheus.query(query)
    if query in NO_SERIES_LOCALLY:
        return  # accepted by Prometheus (query() raises otherwise); why empty: the reason
    assert series, f"no series for {query}"


@pytest.mark.parametrize("rule", alert_rules(), ids=lambda rule: str(rule["alert"]))
def test_every_alert_expression_is_accepted_by_prometheus(
    prometheus: Prometheus, rule: dict[str, Any]
) -> None:
    prometheus.query(rule["expr"])  # an alert that does not fire has no series: only errors


@pytest.mark.parametrize("metric", metrics_alerts_use())
def test_every_metric_an_alert_uses_has_series(prometheus: Prometheus, metric: str) -> None:
    assert prometheus.query(metric), f"no series for {metric}"


def test_prometheus_evaluates_every_shipped_alert_rule_without_error(
    prometheus: Prometheus,
) -> None:
    groups = prometheus.get("/api/v1/rules", type="alert")["groups"]
    health = {rule["name"]: (rule["health"], rule.get("lastError", ""))
              for group in groups for rule in group["rules"]}  # fmt: skip
    assert health == {rule["alert"]: ("ok", "") for rule in alert_rules()}


def test_a_healthy_stack_raises_no_alert_not_even_a_pending_one(prometheus: Prometheus) -> None:
    alerts = prometheus.get("/api/v1/alerts")["alerts"]
    assert [(a["labels"]["alertname"], a["state"]) for a in alerts] == []
