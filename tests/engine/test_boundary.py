"""The engine never imports Django or the Django apps of sache."""

import ast
from pathlib import Path

import pytest

ENGINE = Path(__file__).resolve().parents[2] / "src" / "sache" / "engine"
FORBIDDEN_ROOTS = ("django", "rest_framework", "ninja")


def _imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", sorted(ENGINE.rglob("*.py")), ids=lambda p: str(p.relative_to(ENGINE)))
def test_engine_module_imports_no_django(path):
    offending = [
        name
        for name in _imported_modules(path)
        if name.split(".")[0] in FORBIDDEN_ROOTS
        or (name.startswith("sache.") and not name.startswith("sache.engine"))
    ]
    assert offending == []
