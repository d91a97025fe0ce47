"""compose and Kubernetes as a user runs them: each file is valid under its own schema (the
compose specification, Kubernetes' API, KEDA's CRD), every image names a version, every
compose service reports its health, the clinic's information reaches the conductor, the
event archive has a volume the cluster can provide, and the Kubernetes image is set in one
place. Offline: the schemas come with the packages or live in tests/schemas."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import kubernetes_validate
import pytest
import yaml

from events.keys import Keyspace
from services.runtime.lifecycle import EXIT_BOUND_S

ROOT = Path(__file__).resolve().parents[2]
K8S = ROOT / "ops" / "k8s"
COMPOSE = ROOT / "compose.yml"
KEDA_SCHEMA = ROOT / "tests" / "support" / "schemas" / "keda_scaledobject.json"
# The newest release kubernetes-validate ships schemas for (pyproject.toml asks for a
# version that has it), so an API removed from Kubernetes fails here first.
KUBERNETES_VERSION = "1.37"
ARCHIVE_CLAIM = "wsm-event-archive"
ARCHIVE_COMPONENTS = ("one-node-archive", "no-archive")
CLUSTER_COMPONENT = "redis-cluster"
KUSTOMIZE = shutil.which("kustomize") or shutil.which("kubectl")
needs_kustomize = pytest.mark.skipif(KUSTOMIZE is None, reason="neither kustomize nor kubectl")
# The edge runs NGINX's own image (the one compose runs; tests/system/test_nginx.py checks
# it), not the product's.
EDGE = "wsm-edge"


def compose() -> dict[str, Any]:
    return dict(yaml.safe_load(COMPOSE.read_text()))


def services() -> dict[str, dict[str, Any]]:
    return dict(compose()["services"])


def manifests() -> list[dict[str, Any]]:
    return [d for f in sorted(K8S.glob("*.yaml"))
            for d in yaml.safe_load_all(f.read_text()) if d]  # fmt: skip


def resources(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """What reaches the API server: kustomize's own files are not resources."""
    return [d for d in documents if not d["apiVersion"].startswith("kustomize.config.k8s.io/")]


def kustomization() -> dict[str, Any]:
    return dict(yaml.safe_load((K8S / "kustomization.yaml").read_text()))


def pod_specs(documents: list[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(workload, pod spec) of every resource that runs pods."""
    for document in documents:
        template = document.get("spec", {}).get("template")
        if document["kind"] in {"Deployment", "StatefulSet", "DaemonSet", "Job"} and template:
            yield document, template["spec"]


def containers(documents: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for _, spec in pod_specs(documents):
        yield from spec.get("initContainers", [])
        yield from spec["containers"]


def deployment(documents: list[dict[str, Any]], name: str) -> dict[str, Any]:
    [found] = [d for d in documents if d["kind"] == "Deployment" and d["metadata"]["name"] == name]
    return found


def product(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every resource but the edge's."""
    return [d for d in documents if d.get("metadata", {}).get("name") != EDGE]


def env_value(container: dict[str, Any], name: str) -> str:
    [value] = [e["value"] for e in container.get("env", []) if e["name"] == name]
    return str(value)


def split_image(image: str) -> tuple[str, str | None]:
    """(name, tag) of an image reference; a port in the registry part is not a tag."""
    name, _, tag = image.rpartition(":")
    if not name or "/" in tag:
        return image, None
    return name, tag


def names_a_version(image: str) -> bool:
    _, tag = split_image(image.split("@")[0])
    return tag is not None and tag != "latest" and any(c.isdigit() for c in tag)


def render(tmp_path: Path, component: str | None = None) -> list[dict[str, Any]]:
    """ops/k8s as kustomize builds it, with ``component`` chosen as its kustomization.yaml
    says to (a copy, so the checkout stays as it is)."""
    assert KUSTOMIZE is not None
    copy = tmp_path / "k8s"
    shutil.copytree(K8S, copy)
    if component is not None:
        with (copy / "kustomization.yaml").open("a") as file:
            file.write(f"components: [{component}]\n")
    verb = ["build"] if Path(KUSTOMIZE).name == "kustomize" else ["kustomize"]
    built = subprocess.run(
        [KUSTOMIZE, *verb, str(copy)], capture_output=True, text=True, timeout=30
    )
    assert built.returncode == 0, built.stderr
    return [d for d in yaml.safe_load_all(built.stdout) if d]


def keda_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(KEDA_SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_resource(resource: dict[str, Any]) -> None:
    """Under Kubernetes' schemas, strictly (an unknown field fails), or KEDA's for its CRD."""
    if resource["apiVersion"].startswith("keda.sh/"):
        keda_validator().validate(resource)
    else:
        kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


def run_check_jsonschema(path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema",
               "vendor.compose-spec", str(path)]  # fmt: skip
    return subprocess.run(command, capture_output=True, text=True, timeout=30)


# --- the files are valid under their schemas -------------------------------------------


def test_compose_is_valid_under_the_compose_specification() -> None:
    checked = run_check_jsonschema(COMPOSE)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_compose_check_refuses_a_misspelt_key(tmp_path: Path) -> None:
    # The check above proves something only if the schema it uses is strict.
    broken = compose()
    broken["services"]["tempo"]["healthcheck"]["intervall"] = "15s"
    path = tmp_path / "compose.yml"
    path.write_text(yaml.safe_dump(broken))
    assert run_check_jsonschema(path).returncode != 0


@pytest.mark.parametrize(
    "resource",
    [r for r in resources(manifests()) if not r["apiVersion"].startswith("keda.sh/")],
    ids=lambda r: f"{r['kind']}/{r['metadata']['name']}",
)
def test_every_manifest_is_valid_under_the_kubernetes_schemas(resource: dict[str, Any]) -> None:
    kubernetes_validate.validate(resource, KUBERNETES_VERSION, strict=True)


def test_the_kubernetes_check_refuses_an_unknown_field() -> None:
    broken = deployment(manifests(), "wsm-conductor")
    broken["spec"]["template"]["spec"]["containers"][0]["readinesProbe"] = {}
    with pytest.raises(jsonschema.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_the_scaled_object_is_valid_under_kedas_schema() -> None:
    [scaler] = [r for r in manifests() if r["kind"] == "ScaledObject"]
    keda_validator().validate(scaler)


def test_kedas_schema_refuses_a_number_in_trigger_metadata() -> None:
    # KEDA's metadata is a map of strings: an unquoted lagCount is refused by the cluster.
    [scaler] = [r for r in manifests() if r["kind"] == "ScaledObject"]
    scaler["spec"]["triggers"][0]["metadata"]["lagCount"] = 50
    with pytest.raises(jsonschema.ValidationError):
        keda_validator().validate(scaler)


def test_kedas_schema_refuses_an_unknown_spec_field() -> None:
    [scaler] = [r for r in manifests() if r["kind"] == "ScaledObject"]
    scaler["spec"]["maxReplicas"] = 16
    with pytest.raises(jsonschema.ValidationError):
        keda_validator().validate(scaler)


def test_the_scaled_object_keeps_its_minimum_within_its_maximum() -> None:
    # A CEL rule of KEDA's CRD, which a JSON schema cannot say.
    [scaler] = [r for r in manifests() if r["kind"] == "ScaledObject"]
    assert scaler["spec"]["minReplicaCount"] <= scaler["spec"]["maxReplicaCount"]


@needs_kustomize
@pytest.mark.parametrize(
    "component", [None, *ARCHIVE_COMPONENTS, CLUSTER_COMPONENT], ids=lambda c: c or "base"
)
def test_what_kustomize_builds_is_valid_under_the_schemas(
    tmp_path: Path, component: str | None
) -> None:
    built = render(tmp_path, component)
    assert {r["kind"] for r in built} >= {"Deployment", "Service", "ConfigMap", "ScaledObject"}
    for resource in built:
        validate_resource(resource)


# --- compose: health and images -------------------------------------------------------


def test_every_compose_service_reports_its_health() -> None:
    assert {name for name, s in services().items() if "healthcheck" not in s} == set()


def test_tempo_reports_health_on_its_ready_endpoint() -> None:
    tempo_config = yaml.safe_load((ROOT / "ops" / "tempo" / "tempo.yaml").read_text())
    port = tempo_config["server"]["http_listen_port"]
    command = services()["tempo"]["healthcheck"]["test"]
    assert f"127.0.0.1:{port}/ready" in " ".join(command)


def test_tempos_health_check_uses_a_tool_its_image_has() -> None:
    # grafana/tempo images before 2.8 are Alpine (BusyBox wget); 2.8 and 2.9 keep BusyBox
    # only under /busybox, later ones have none, and 3.0 brings `/tempo -health`: a
    # version bump must revisit the check.
    tempo = services()["tempo"]
    _, tag = split_image(tempo["image"])
    assert tag is not None
    version = tuple(int(part) for part in tag.split(".")[:2])
    command = tempo["healthcheck"]["test"]
    if version < (2, 8):
        assert command[:2] == ["CMD", "wget"]
    else:
        assert version >= (3, 0) and command[:3] == ["CMD", "/tempo", "-health"]


def test_every_compose_image_names_a_version() -> None:
    images = {name: s["image"] for name, s in services().items() if "image" in s}
    built_here = {name for name, s in services().items() if "build" in s}
    assert set(images) | built_here == set(services())
    assert {name for name, image in images.items() if not names_a_version(image)} == set()


def test_waha_is_pinned_to_a_release_of_its_default_engine() -> None:
    # WEBJS is WAHA's default engine; its x86 image is the `latest` flavour of a release.
    assert re.fullmatch(r"devlikeapro/waha:latest-\d{4}\.\d+\.\d+", services()["waha"]["image"])


# --- the clinic's information reaches the conductor ----------------------------------


def dockerfile_copies() -> list[tuple[str, str]]:
    """(source, destination) of every COPY from the build context."""
    copies = []
    for line in (ROOT / "Dockerfile").read_text().splitlines():
        words = line.split()
        if words[:1] == ["COPY"] and not any(w.startswith("--from") for w in words):
            copies += [(source, words[-1]) for source in words[1:-1] if not source.startswith("--")]
    return copies


def dockerignored(path: str) -> bool:
    patterns = (ROOT / ".dockerignore").read_text().split()
    return any(fnmatch.fnmatch(path, p) or path.startswith(p.rstrip("/") + "/") for p in patterns)


def test_everything_the_dockerfile_copies_is_in_the_build_context() -> None:
    sources = [source for source, _ in dockerfile_copies()]
    assert sources
    assert [s for s in sources if not (ROOT / s).exists() or dockerignored(s)] == []


def test_the_image_carries_the_knowledge_file_compose_names() -> None:
    path = services()["conductor"]["environment"]["CLINIC_KNOWLEDGE_FILE"]
    assert ("ops/clinic/knowledge.md", path) in dockerfile_copies()


def test_compose_mounts_the_clinics_knowledge_file_read_only_where_the_conductor_reads_it() -> None:
    conductor = services()["conductor"]
    path = conductor["environment"]["CLINIC_KNOWLEDGE_FILE"]
    mounts = [v.split(":") for v in conductor["volumes"]]
    [source] = [m[0] for m in mounts if m[1] == path and m[2:] == ["ro"]]
    assert (ROOT / source).is_file()


def test_the_compose_conductor_keeps_the_event_archive() -> None:
    # Its own volumes list replaces the shared one: the archive must still be there.
    services_ = services()
    assert set(services_["projector"]["volumes"]) <= set(services_["conductor"]["volumes"])


def test_the_kubernetes_conductor_reads_the_knowledge_file_from_the_clinic_config_map() -> None:
    pod = deployment(manifests(), "wsm-conductor")["spec"]["template"]["spec"]
    [container] = pod["containers"]
    path = PurePosixPath(env_value(container, "CLINIC_KNOWLEDGE_FILE"))
    [mount] = [m for m in container["volumeMounts"] if PurePosixPath(m["mountPath"]) == path.parent]
    assert mount.get("readOnly") is True
    [volume] = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    assert volume["configMap"]["name"] == "wsm-clinic"
    assert {"key": path.name, "path": path.name} in volume["configMap"]["items"]


def test_compose_and_kubernetes_give_the_conductor_the_same_knowledge_path() -> None:
    [container] = deployment(manifests(), "wsm-conductor")["spec"]["template"]["spec"]["containers"]
    compose_path = services()["conductor"]["environment"]["CLINIC_KNOWLEDGE_FILE"]
    assert env_value(container, "CLINIC_KNOWLEDGE_FILE") == compose_path


# --- Kubernetes: images from one place ---------------------------------------------


def test_every_kubernetes_image_names_a_version() -> None:
    images = [c["image"] for c in containers(manifests())]
    assert images and [i for i in images if not names_a_version(i)] == []


def test_the_kustomization_names_the_image_of_every_container() -> None:
    [entry] = kustomization()["images"]
    for container in containers(product(manifests())):
        name, tag = split_image(container["image"])
        assert (name, tag) == (entry["name"], entry["newTag"])


def test_the_kustomization_deploys_the_version_of_this_checkout() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    [entry] = kustomization()["images"]
    assert entry["newTag"] == project["version"]


def test_the_kustomization_applies_every_manifest() -> None:
    files = {f.name for f in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization()["resources"]) == files


@needs_kustomize
def test_kustomize_gives_every_container_the_image_from_the_kustomization(tmp_path: Path) -> None:
    [entry] = kustomization()["images"]
    images = {c["image"] for c in containers(product(render(tmp_path)))}
    assert images == {f"{entry['newName']}:{entry['newTag']}"}


# --- the event archive: a volume the cluster can provide ------------------------------


def claims(documents: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in documents if d["kind"] == "PersistentVolumeClaim"}


def claimed(pod_spec: dict[str, Any]) -> set[str]:
    volumes = pod_spec.get("volumes", [])
    return {
        v["persistentVolumeClaim"]["claimName"] for v in volumes if "persistentVolumeClaim" in v
    }


def mounting(documents: list[dict[str, Any]], claim: str) -> list[dict[str, Any]]:
    """The workloads whose pods mount ``claim``."""
    return [workload for workload, spec in pod_specs(documents) if claim in claimed(spec)]


def matches(selector: dict[str, Any], labels: dict[str, str]) -> bool:
    for expression in selector.get("matchExpressions", []):
        assert expression["operator"] == "In"
        if labels.get(expression["key"]) not in expression["values"]:
            return False
    return all(labels.get(k) == v for k, v in selector.get("matchLabels", {}).items())


def test_every_read_write_many_claim_has_components_that_do_without_it() -> None:
    # Each component changes the claim (what it does is checked on kustomize's output).
    modes = {name: c["spec"]["accessModes"] for name, c in claims(manifests()).items()}
    assert {name for name, m in modes.items() if "ReadWriteMany" in m} == {ARCHIVE_CLAIM}
    for component in ARCHIVE_COMPONENTS:
        found = yaml.safe_load((K8S / component / "kustomization.yaml").read_text())
        assert found["kind"] == "Component"
        patched = [yaml.safe_load(p["patch"]) for p in found["patches"] if "patch" in p]
        assert ARCHIVE_CLAIM in {p["metadata"]["name"] for p in patched}


def test_the_archive_is_mounted_by_the_conductor_and_the_projector() -> None:
    # Both read the whole log (the projector also writes the archive), so both mount it.
    names = {w["metadata"]["name"] for w in mounting(manifests(), ARCHIVE_CLAIM)}
    assert names == {"wsm-conductor", "wsm-projector"}


@needs_kustomize
def test_the_one_node_archive_claims_a_read_write_once_volume(tmp_path: Path) -> None:
    claim = claims(render(tmp_path, "one-node-archive"))[ARCHIVE_CLAIM]
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]


@needs_kustomize
def test_the_one_node_archive_schedules_every_pod_that_mounts_it_together(tmp_path: Path) -> None:
    built = render(tmp_path, "one-node-archive")
    readers = mounting(built, ARCHIVE_CLAIM)
    assert {r["metadata"]["name"] for r in readers} == {"wsm-conductor", "wsm-projector"}
    for reader in readers:
        [term] = reader["spec"]["template"]["spec"]["affinity"]["podAffinity"][
            "requiredDuringSchedulingIgnoredDuringExecution"
        ]
        assert term["topologyKey"] == "kubernetes.io/hostname"
        # The term matches every pod that mounts the volume, and no other.
        for workload, _ in pod_specs(built):
            labels = workload["spec"]["template"]["metadata"]["labels"]
            assert matches(term["labelSelector"], labels) == (workload in readers)


@needs_kustomize
def test_no_archive_leaves_no_claim_no_volume_and_no_archive_directory(tmp_path: Path) -> None:
    built = render(tmp_path, "no-archive")
    assert claims(built) == {}
    assert mounting(built, ARCHIVE_CLAIM) == []
    for container in containers(built):
        assert "/archive" not in {m["mountPath"] for m in container.get("volumeMounts", [])}
    [config] = [
        r for r in built if r["kind"] == "ConfigMap" and r["metadata"]["name"] == "wsm-config"
    ]
    assert "EVENT_ARCHIVE_DIR" not in config["data"]


def seconds_of(duration: str) -> float:
    match = re.fullmatch(r"(\d+)s", duration)
    assert match, f"not a duration in seconds: {duration}"
    return float(match[1])


def test_compose_gives_every_service_of_ours_time_to_stop_gracefully() -> None:
    ours = {name: s for name, s in services().items() if s.get("build")}
    assert set(ours) >= {"ingest", "conductor", "projector"}
    assert all(seconds_of(s["stop_grace_period"]) > EXIT_BOUND_S for s in ours.values())


def test_kubernetes_gives_every_pod_time_to_stop_gracefully() -> None:
    for workload, spec in pod_specs(manifests()):
        grace = spec.get("terminationGracePeriodSeconds", 30)  # Kubernetes' default
        assert grace > EXIT_BOUND_S, workload["metadata"]["name"]


def test_the_kek_rotation_override_is_valid_compose() -> None:
    checked = run_check_jsonschema(ROOT / "compose.kek-rotation.yml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_during_a_kek_rotation_every_service_holding_the_kek_gets_the_previous_one() -> None:
    override = yaml.safe_load((ROOT / "compose.kek-rotation.yml").read_text())["services"]
    holding = {name for name, service in services().items()
               if "subject_key_kek" in service.get("secrets", [])}  # fmt: skip
    assert holding and set(override) == holding
    for service in override.values():
        assert "subject_key_previous_kek" in service["secrets"]
        assert service["environment"]["SUBJECT_KEY_PREVIOUS_KEK_FILE"].startswith("/run/secrets/")


@needs_kustomize
def test_on_a_redis_cluster_keda_reads_the_lag_of_every_stream_as_the_cluster_names_it(
    tmp_path: Path,
) -> None:
    built = render(tmp_path, CLUSTER_COMPONENT)
    [scaler] = [r for r in built if r["kind"] == "ScaledObject"]
    [config] = [r for r in built if r["metadata"]["name"] == "wsm-config"]
    keyspace = Keyspace(partitions=int(config["data"]["PARTITIONS"]), spread=True)
    triggers = scaler["spec"]["triggers"]
    assert {t["type"] for t in triggers} == {"redis-cluster-streams"}
    assert [t["metadata"]["stream"] for t in triggers] == [
        keyspace.stream(p) for p in keyspace.all_partitions()
    ]


@needs_kustomize
def test_on_a_redis_cluster_every_service_is_given_a_cluster_url(tmp_path: Path) -> None:
    built = product(render(tmp_path, CLUSTER_COMPONENT))
    for resource in [d for d in built if d["kind"] == "Deployment"]:
        [service] = resource["spec"]["template"]["spec"]["containers"]
        assert env_value(service, "REDIS_URL").startswith("redis+cluster://"), service["name"]
