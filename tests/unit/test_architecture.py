"""The shape of the code, read from its import graph: no circles, the log library on its
own, no service importing another, modules of a readable size."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("events", "services")
SERVICES = ("ingest", "conductor", "projector", "waha_sim", "console")
MAX_LINES = 400


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports_of(path: Path, known: set[str]) -> Iterator[str]:
    """The project's modules ``path`` imports, for type checking too: a circle of types
    is a circle a reader follows all the same."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
        else:
            continue
        yield from (name for name in names if name in known)


def graph() -> dict[str, set[str]]:
    found = modules()
    return {name: set(imports_of(path, set(found))) - {name} for name, path in found.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every import circle, each once (depth-first search)."""
    found: list[list[str]] = []
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = "open"
        for target in sorted(edges.get(node, ())):
            if state.get(target) == "open":
                found.append([*path[path.index(target) :], target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for node in sorted(edges):
        if node not in state:
            visit(node, [node])
    return found


def service_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[0] == "services" and parts[1] in SERVICES else None


def test_no_module_takes_part_in_an_import_circle() -> None:
    # A package's __init__ importing its own modules is no circle.
    edges = {m: {t for t in ts if not m.startswith(f"{t}.")} for m, ts in graph().items()}
    assert cycles(edges) == []


def test_the_log_library_imports_nothing_of_the_services() -> None:
    library = {m: ts for m, ts in graph().items() if m.startswith("events")}
    assert {m: ts for m, ts in library.items() if any(t.startswith("services") for t in ts)} == {}


def test_no_service_imports_another() -> None:
    # What two services need has a home of its own (services/domain, services/waha,
    # services/actions, services/runtime) that both import.
    crossings = {
        (service_of(module), service_of(target))
        for module, targets in graph().items()
        for target in targets
        if service_of(module) and service_of(target) and service_of(module) != service_of(target)
    }
    assert crossings == set()


def test_no_module_is_over_the_size_a_reader_takes_in() -> None:
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text().splitlines())) > MAX_LINES}  # fmt: skip
    assert long == {}
