"""STYLE rule 1: the functional core is pure — stdlib, holidays and stdnum only, nothing from the
shell, and no hidden clock. And the packages import each other without cycles (below)."""

import ast
import sys
from pathlib import Path

import pytest

DOMAIN = Path(__file__).resolve().parent.parent / "app" / "domain"
ALLOWED_THIRD_PARTY = {"holidays", "stdnum"}
STDLIB = set(sys.stdlib_module_names)


def _modules() -> list[Path]:
    return sorted(p for p in DOMAIN.glob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_domain_module_imports_only_pure_things(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            ok = top in STDLIB or top in ALLOWED_THIRD_PARTY or name.startswith("app.domain")
            assert ok, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_domain_never_reads_the_clock(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in {"today", "now", "utcnow"}:
            pytest.fail(f"{path.name}:{node.lineno} calls .{node.attr}(): pass as_of instead")


def test_no_float_money_in_the_domain():
    for path in _modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and node.id == "float":
                pytest.fail(f"{path.name}:{node.lineno} uses float")


# --- No import cycle between packages (GUIDE, "Packages import each other without cycles") ------
#
# The graph's nodes are the modules of app/, letters/ and scheduler/; a module belongs to its
# package (app.<concept>, letters, scheduler; a top-level module such as app.config is a package
# of its own). An edge is every import a module makes, wherever it stands:
# - at module level;
# - inside a function: it runs whenever the function does, so it is as much a dependency as one at
#   the top (and moving an import into a function is the usual way of hiding a cycle, not of
#   removing it);
# - under `if TYPE_CHECKING:`: the module's annotations depend on the other one's types, which is a
#   dependency of design even though it never runs.
# Importing a module also runs its package's __init__ first, so every module depends on its parent
# package too. A cycle is a chain of such imports that comes back to the module it started from.
# One whose modules all lie in one package is that package's own business; one through two
# packages ties them into one and fails the test. Two packages may still use each other's other
# modules (the debtors page uses the receivables service, the receivables page the debtors
# service, STYLE rule 4): no chain of imports leads back, so that is no cycle.

ROOT = DOMAIN.parent.parent
PACKAGES = ("app", "letters", "scheduler")


def _module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    """app.<concept> for a module of app/ (a top-level module such as app.config is a package of
    its own); letters or scheduler otherwise."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "app" else parts[0]


def _imported(module: str, is_package: bool, node: ast.Import | ast.ImportFrom) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the module's package, one level up per extra dot
        here = module.split(".") if is_package else module.split(".")[:-1]
        anchor = ".".join(here[: len(here) - node.level + 1])
        base = f"{anchor}.{base}" if base else anchor
    # `from p import name`: the submodule p.name when there is one, else p itself.
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def import_graph(root: Path, packages: tuple[str, ...] = PACKAGES) -> dict[str, dict[str, int]]:
    """module → {module it depends on → line of the first such import (0: parent package)}."""
    files = {
        _module_name(root, p): p for top in packages for p in sorted((root / top).rglob("*.py"))
    }
    graph: dict[str, dict[str, int]] = {m: {} for m in files}
    for module, path in files.items():
        parent = module.rpartition(".")[0]
        if parent in files:
            graph[module][parent] = 0
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Import | ast.ImportFrom):
                continue
            for name in _imported(module, is_package, node):
                if name in files and name != module:
                    graph[module].setdefault(name, node.lineno)
    return graph


def cycles_between_packages(graph: dict[str, dict[str, int]]) -> list[str]:
    """Each strongly connected group of modules that spans two packages, as one cycle through it
    (`a (line) → b (line) → … → a`)."""
    found = []
    for group in _strongly_connected(graph):
        if len({package_of(m) for m in group}) > 1:
            found.append(_describe(_cycle_in(group, graph), graph))
    return found


def _strongly_connected(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, successors = work[-1]
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph[nxt])))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.add(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(group)
    return groups


def _cycle_in(group: set[str], graph: dict[str, dict[str, int]]) -> list[str]:
    """A shortest cycle through the group's first module (breadth-first within the group)."""
    start = min(group)
    came_from: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for nxt in graph[node]:
                if nxt == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(came_from[path[-1]])
                    return [start, *reversed(path[:-1]), start]
                if nxt in group and nxt not in came_from:
                    came_from[nxt] = node
                    following.append(nxt)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group has one


def _describe(cycle: list[str], graph: dict[str, dict[str, int]]) -> str:
    steps = [cycle[0]]
    for a, b in zip(cycle, cycle[1:], strict=False):
        line = graph[a][b]
        steps.append(f"({'package' if line == 0 else f'line {line}'}) → {b}")
    return " ".join(steps)


def test_no_import_cycle_between_packages():
    cycles = cycles_between_packages(import_graph(ROOT))
    assert not cycles, "import cycles between packages:\n" + "\n".join(cycles)


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "back",
    [
        pytest.param("from app.alpha.service import run\n", id="module-level"),
        pytest.param("def f():\n    from app.alpha import service\n", id="inside-a-function"),
        pytest.param(
            "import typing\nif typing.TYPE_CHECKING:\n    from app.alpha import service\n",
            id="type-checking",
        ),
        pytest.param("from ..alpha import service\n", id="relative"),
    ],
)
def test_the_cycle_check_sees_every_kind_of_import(tmp_path, back):
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/alpha/__init__.py": "",
            "app/alpha/service.py": "from app.beta import figures\n",
            "app/beta/__init__.py": "",
            "app/beta/figures.py": back,
        },
    )
    cycles = cycles_between_packages(import_graph(root, ("app",)))
    assert cycles == [
        "app.alpha.service (line 1) → app.beta.figures "
        f"(line {back.count(chr(10))}) → app.alpha.service"
    ]


def test_a_package_init_that_imports_its_users_is_a_cycle(tmp_path):
    # Importing app.shell.forms runs app/shell/__init__.py first; an install() there that imports
    # the pages which use app.shell.forms closes a cycle, even though it is inside a function.
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/shell/__init__.py": "def install():\n    from app.pages import web\n",
            "app/shell/forms.py": "",
            "app/pages/__init__.py": "",
            "app/pages/web.py": "from app.shell.forms import *\n",
        },
    )
    cycles = cycles_between_packages(import_graph(root, ("app",)))
    assert cycles == [
        "app.pages.web (line 1) → app.shell.forms (package) → app.shell (line 2) → app.pages.web"
    ]


def test_a_cycle_within_one_package_is_allowed(tmp_path):
    root = _tree(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/alpha/__init__.py": "from app.alpha.service import run\n",
            "app/alpha/service.py": "from app.alpha import repository\nrun = 1\n",
            "app/alpha/repository.py": "from app.alpha import service\n",
        },
    )
    assert cycles_between_packages(import_graph(root, ("app",))) == []
