"""The README's first command installs the project without the test extras: every third-party
module the service's code imports (at the top of a module or inside a function: a CLI command, a
scheduler job, a migration) must come from [project].dependencies or what they require. Otherwise
the product breaks while every test, run with the extras, passes (issue 14: pypdf)."""

from __future__ import annotations

import ast
import sys
import tomllib
from functools import cache
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
# What the running service executes: the packages, and the migrations `serve` applies.
SHIPPED = ("app", "letters", "scheduler", "alembic")
OWN = {"app", "letters", "scheduler"}


@cache
def runtime_distributions() -> frozenset[str]:
    """[project].dependencies with the extras they name, and everything those require."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo = [(Requirement(r), "") for r in project["dependencies"]]
    found: set[tuple[str, str]] = set()
    while todo:
        req, parent_extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": parent_extra}):
            continue
        name = canonicalize_name(req.name)
        for extra in ("", *sorted(req.extras)):
            if (name, extra) in found:
                continue
            found.add((name, extra))
            try:
                todo += [(Requirement(r), extra) for r in metadata.requires(name) or []]
            except metadata.PackageNotFoundError:
                pass
    return frozenset(name for name, _ in found)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):  # every import, whether at module level or inside a function
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_module_the_service_imports_is_a_runtime_dependency():
    runtime = runtime_distributions()
    providers = metadata.packages_distributions()
    missing = []
    for folder in SHIPPED:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for top in sorted(imported_modules(path)):
                if top in sys.stdlib_module_names or top in OWN or top == "__future__":
                    continue
                if not {canonicalize_name(d) for d in providers.get(top, [])} & runtime:
                    missing.append(f"{top} ({path.relative_to(ROOT)})")
    assert not missing, f"imported but in no runtime dependency: {', '.join(missing)}"


def test_the_check_sees_an_import_inside_a_function(tmp_path):
    source = tmp_path / "job.py"
    source.write_text("def run():\n    from pytest import fail\n", encoding="utf-8")
    assert imported_modules(source) == {"pytest"}
    assert "pytest" not in runtime_distributions()  # a test-only package is not runtime
