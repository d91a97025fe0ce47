"""The deployment keeps Redis private and each secret where it is needed: compose's
networks, its per-service environments and Redis users; Kubernetes' NetworkPolicies and
per-Deployment Secret keys. (The manifests' schemas: tests/unit/test_deployment.py.)"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from services.console.client_address import client_address, networks

ROOT = Path(__file__).resolve().parents[2]
REDIS_OPS = ROOT / "ops" / "redis"
K8S = ROOT / "ops" / "k8s"
SERVICES_OF_REDIS = {"ingest", "conductor", "projector", "console"}
# Which container may hold which secret: what its process reads, nothing more.
COMPOSE_SECRETS = {
    "redis": {"REDIS_INGEST_PASSWORD", "REDIS_CONDUCTOR_PASSWORD", "REDIS_PROJECTOR_PASSWORD",
              "REDIS_OPERATOR_PASSWORD", "REDIS_CONSOLE_PASSWORD"},
    "ingest": {"REDIS_INGEST_PASSWORD", "WEBHOOK_HMAC_KEY", "WEBHOOK_HMAC_PREVIOUS_KEYS",
               "CHAT_KEY_SECRET"},
    # CHAT_KEY_SECRET: the reconciler keys what it reads back from WAHA as the gateway does.
    "conductor": {"REDIS_CONDUCTOR_PASSWORD", "WAHA_API_KEY", "GROQ_API_KEY", "CHAT_KEY_SECRET"},
    "projector": {"REDIS_PROJECTOR_PASSWORD", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN"},
    "operator": {"REDIS_OPERATOR_PASSWORD", "CHAT_KEY_SECRET"},
    "console": {"REDIS_CONSOLE_PASSWORD", "CHAT_KEY_SECRET"},
    "waha": {"WEBHOOK_HMAC_KEY"},  # the key's sha512: form comes from waha-api-key
    "waha-api-key": {"WAHA_API_KEY"},
    "grafana": {"GRAFANA_ADMIN_PASSWORD"},
}  # fmt: skip
SECRET = re.compile(r"^[A-Z_]*(KEY|SECRET|TOKEN|PASSWORD|KEYS)$")
K8S_SECRETS = {
    "wsm-ingest": {"REDIS_INGEST_PASSWORD", "WEBHOOK_HMAC_KEY", "WEBHOOK_HMAC_PREVIOUS_KEYS",
                   "CHAT_KEY_SECRET"},
    "wsm-conductor": {"REDIS_CONDUCTOR_PASSWORD", "WAHA_API_KEY", "GROQ_API_KEY",
                      "CHAT_KEY_SECRET"},
    "wsm-projector": {"REDIS_PROJECTOR_PASSWORD", "CHAT_KEY_SECRET", "ADMIN_API_TOKEN"},
    "wsm-edge": set(),
    "wsm-console": {"REDIS_CONSOLE_PASSWORD", "CHAT_KEY_SECRET"},
}  # fmt: skip


def compose_services() -> dict[str, dict[str, Any]]:
    return dict(yaml.safe_load((ROOT / "compose.yml").read_text())["services"])


def interpolated(value: object) -> set[str]:
    return set(re.findall(r"\$\{([A-Z_]+)", str(value)))


def acl_users() -> dict[str, str]:
    lines = (REDIS_OPS / "users.acl").read_text().splitlines()
    return {line.split()[1]: line for line in lines if line.startswith("user ")}


def manifests() -> list[dict[str, Any]]:
    return [d for f in sorted(K8S.glob("*.yaml")) for d in yaml.safe_load_all(f.read_text())
            if d and d.get("kind")]  # fmt: skip


def of_kind(kind: str) -> list[dict[str, Any]]:
    return [d for d in manifests() if d["kind"] == kind]


def container(deployment: dict[str, Any]) -> dict[str, Any]:
    [found] = deployment["spec"]["template"]["spec"]["containers"]
    return dict(found)


def pod_labels(deployment: dict[str, Any]) -> dict[str, str]:
    return dict(deployment["spec"]["template"]["metadata"]["labels"])


def selects(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    """Whether a label selector (matchLabels, matchExpressions with In) selects ``labels``."""
    if any(labels.get(k) != v for k, v in selector.get("matchLabels", {}).items()):
        return False
    for expression in selector.get("matchExpressions", []):
        assert expression["operator"] == "In"
        if labels.get(expression["key"]) not in expression["values"]:
            return False
    return True


# --- compose ---------------------------------------------------------------------------


def test_redis_shares_its_network_with_the_services_alone() -> None:
    services = compose_services()
    [network] = services["redis"]["networks"]
    on_it = {name for name, s in services.items() if network in s.get("networks", [])}
    assert on_it == {"redis", *SERVICES_OF_REDIS, "operator"}


def test_the_network_of_redis_has_no_way_out() -> None:
    networks = yaml.safe_load((ROOT / "compose.yml").read_text())["networks"]
    [network] = compose_services()["redis"]["networks"]
    assert networks[network]["internal"] is True


def test_every_compose_service_names_its_networks() -> None:
    # One left on the default network would share it with nobody, silently unreachable.
    assert {n for n, s in compose_services().items() if not s.get("networks")} == set()


def test_no_container_is_handed_a_whole_env_file() -> None:
    assert {n for n, s in compose_services().items() if "env_file" in s} == set()


def test_each_container_gets_only_the_secrets_it_needs() -> None:
    extra = {}
    for name, service in compose_services().items():
        given = {ref for value in service.get("environment", {}).values()
                 for ref in interpolated(value) if SECRET.match(ref)}  # fmt: skip
        if given - COMPOSE_SECRETS.get(name, set()):
            extra[name] = given - COMPOSE_SECRETS.get(name, set())
    assert extra == {}


# A call reading a named variable from the environment mapping: text(env, "NAME", …) or
# env.get("NAME").
READ_SETTING = re.compile(r'\w\(\s*env,\s*"([A-Z_]+)"|env\.get\(\s*"([A-Z_]+)"')


def settings_read_in(*paths: str) -> set[str]:
    """The settings the code under ``paths`` (files or folders) reads."""
    files = [f for p in paths for f in ([ROOT / p] if p.endswith(".py")
             else (ROOT / p).rglob("*.py"))]  # fmt: skip
    return {a or b for f in files for a, b in READ_SETTING.findall(f.read_text())}


STORE, CLINIC = "services/runtime/store.py", "services/domain/clinic.py"
CHATS = "services/domain/chats.py"
READ_BY = {
    "ingest": settings_read_in("services/ingest", STORE, CHATS),
    "conductor": settings_read_in("services/conductor", STORE, CLINIC, CHATS),
    "projector": settings_read_in("services/projector", STORE, CLINIC, CHATS),
    "console": settings_read_in("services/console", STORE, CLINIC, CHATS),
}
NEVER_IN_A_DEPLOYMENT = {"DEVELOPMENT_MODE"}


def test_each_service_is_given_every_setting_it_reads() -> None:
    # An env_file no longer hands a container everything: a setting a service reads but
    # compose does not pass would silently keep its default.
    services = compose_services()
    missing = {name: read - NEVER_IN_A_DEPLOYMENT - set(services[name]["environment"])
               for name, read in READ_BY.items()}  # fmt: skip
    assert {name: names for name, names in missing.items() if names} == {}


def test_each_service_reaches_redis_as_its_own_user_of_the_shipped_acl() -> None:
    services = compose_services()
    for name in (*SERVICES_OF_REDIS, "operator"):
        url = services[name]["environment"]["REDIS_URL"]
        assert url.startswith(f"redis://{name}:${{REDIS_{name.upper()}_PASSWORD}}@redis:")
        assert name in acl_users()


def test_the_compose_redis_loads_the_shipped_users() -> None:
    redis = compose_services()["redis"]
    assert redis["entrypoint"] == ["sh", "/usr/local/etc/redis/start.sh"]
    assert "./ops/redis:/usr/local/etc/redis:ro" in redis["volumes"]
    start = (REDIS_OPS / "start.sh").read_text()
    assert "render-acl.sh" in start
    assert "--aclfile" in start


def test_redis_keeps_protected_mode_on() -> None:
    conf = (REDIS_OPS / "redis.conf").read_text()
    assert re.search(r"^protected-mode yes$", conf, re.MULTILINE)
    assert not re.search(r"^protected-mode no", conf, re.MULTILINE)


def test_the_default_redis_user_is_off() -> None:
    assert acl_users()["default"].split()[2] == "off"


def test_no_redis_user_may_administer_the_server() -> None:
    for name, line in acl_users().items():
        rules = line.split()
        assert "+@all" not in rules and "allcommands" not in rules, name
        assert not {"+config", "+flushall", "+flushdb", "+keys", "+debug"} & set(rules), name
        if name != "default":
            assert "-@dangerous" in rules or "-@all" in rules, name


# --- Kubernetes --------------------------------------------------------------------------


def test_every_wsm_pod_refuses_connections_no_policy_allows() -> None:
    deny = [p for p in of_kind("NetworkPolicy")
            if p["spec"]["policyTypes"] == ["Ingress"] and "ingress" not in p["spec"]]  # fmt: skip
    for deployment in of_kind("Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert any(selects(p["spec"]["podSelector"], labels) for p in deny), deployment


def test_redis_accepts_only_the_services_and_keda() -> None:
    redis = {"matchLabels": {"app.kubernetes.io/name": "redis"}}
    [policy] = [p for p in of_kind("NetworkPolicy") if p["spec"]["podSelector"] == redis]
    [rule] = policy["spec"]["ingress"]
    assert rule["ports"] == [{"port": 6379, "protocol": "TCP"}]
    pods, keda = rule["from"]
    admitted = {d["metadata"]["name"] for d in of_kind("Deployment")
                if selects(pods["podSelector"], pod_labels(d))}  # fmt: skip
    assert admitted == {"wsm-ingest", "wsm-conductor", "wsm-projector", "wsm-console"}
    assert keda["namespaceSelector"] == {"matchLabels": {"kubernetes.io/metadata.name": "keda"}}


def admitted_to(component: str, port: str) -> list[dict[str, Any]]:
    """The ``from`` lists of the policies that let connections in to ``port`` of the
    deployment ``component``; an empty list admits everyone."""
    [deployment] = [d for d in of_kind("Deployment") if d["metadata"]["name"] == f"wsm-{component}"]
    return [rule.get("from", []) for p in of_kind("NetworkPolicy")
            if selects(p["spec"]["podSelector"], pod_labels(deployment))
            for rule in p["spec"].get("ingress", [])
            if {"port": port, "protocol": "TCP"} in rule.get("ports", [])]  # fmt: skip


def test_webhooks_reach_the_edge_from_anywhere() -> None:
    assert [] in admitted_to("edge", "http")


def test_the_gateway_takes_webhooks_from_the_edge_alone() -> None:
    edge = {"podSelector": {"matchLabels": {"app.kubernetes.io/name": "wsm",
                                            "app.kubernetes.io/component": "edge"}}}  # fmt: skip
    assert admitted_to("ingest", "http") == [[edge]]


def test_each_deployment_gets_only_its_own_secret_keys() -> None:
    for deployment in of_kind("Deployment"):
        spec = container(deployment)
        assert not [s for s in spec.get("envFrom", []) if "secretRef" in s]
        keys = {e["valueFrom"]["secretKeyRef"]["key"] for e in spec.get("env", [])
                if "secretKeyRef" in e.get("valueFrom", {})}  # fmt: skip
        assert keys <= K8S_SECRETS[deployment["metadata"]["name"]], deployment["metadata"]["name"]


def test_the_config_map_holds_no_secret() -> None:
    [config] = [c for c in of_kind("ConfigMap") if c["metadata"]["name"] == "wsm-config"]
    assert {k for k in config["data"] if SECRET.match(k) or k == "REDIS_URL"} == set()


def test_each_deployment_reaches_redis_as_its_own_user() -> None:
    for deployment in of_kind("Deployment"):
        component = pod_labels(deployment)["app.kubernetes.io/component"]
        env = {e["name"]: e for e in container(deployment)["env"]}
        if component not in SERVICES_OF_REDIS:
            assert not {"REDIS_URL", "REDIS_PASSWORD"} & set(env), component
            continue
        assert env["REDIS_USERNAME"]["value"] == component
        assert component in acl_users()
        password = env["REDIS_PASSWORD"]["valueFrom"]["secretKeyRef"]["key"]
        assert password == f"REDIS_{component.upper()}_PASSWORD"
        assert env["REDIS_URL"]["value"].startswith("redis://$(REDIS_USERNAME):$(REDIS_PASSWORD)@")


def test_the_console_is_reached_from_the_ingress_controller_alone() -> None:
    ingress = {"namespaceSelector": {"matchLabels": {
        "kubernetes.io/metadata.name": "ingress-nginx"}}}  # fmt: skip
    assert admitted_to("console", "http") == [[ingress]]


def test_the_console_reaches_out_only_to_redis_dns_and_traces() -> None:
    [policy] = [
        p for p in of_kind("NetworkPolicy") if p["metadata"]["name"] == "wsm-console-egress"
    ]
    ports = sorted(port["port"] for rule in policy["spec"]["egress"] for port in rule["ports"])
    assert ports == [53, 53, 4318, 6379]


def test_keda_reads_the_lag_with_the_conductors_redis_credentials() -> None:
    [scaler] = of_kind("ScaledObject")
    [conductor] = [d for d in of_kind("Deployment") if d["metadata"]["name"] == "wsm-conductor"]
    names = {e["name"] for e in container(conductor)["env"]}
    for trigger in scaler["spec"]["triggers"]:
        assert {
            trigger["metadata"]["usernameFromEnv"],
            trigger["metadata"]["passwordFromEnv"],
        } <= names


def test_the_console_counts_logins_by_the_address_its_ingress_controller_saw() -> None:
    # Every request reaches it from the ingress controller: trusting no proxy would make
    # all staff one address for the login throttle.
    [console] = [
        d
        for d in of_kind("Deployment")
        if pod_labels(d)["app.kubernetes.io/component"] == "console"
    ]
    env = {e["name"]: e.get("value") for e in container(console)["env"]}
    trusted = networks(env["CONSOLE_TRUSTED_PROXIES"].split(","))
    assert client_address("10.244.3.17", "203.0.113.9", trusted) == "203.0.113.9"
