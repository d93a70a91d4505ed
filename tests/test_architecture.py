"""STYLE rule 1: the functional core is pure — stdlib, holidays and stdnum only, nothing from the
shell, and no hidden clock."""

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
