"""Layering rules: engines are plain Python, and only the CLI and apps may use Django."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "warta"
ENGINE_FILES = sorted((SRC / "engines").rglob("*.py"))
FORBIDDEN_IN_ENGINES = ("django", "wagtail", "warta.apps", "warta.project", "warta.cli")


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


@pytest.mark.parametrize("path", ENGINE_FILES, ids=lambda p: str(p.relative_to(SRC)))
def test_engines_never_import_django_or_the_site(path):
    forbidden = FORBIDDEN_IN_ENGINES
    if "tests" in path.parts:
        # An engine's own tests may drive its command-line entry, never the site.
        forbidden = tuple(f for f in forbidden if f != "warta.cli")
    bad = [
        name
        for name in imported_modules(path)
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]
    assert not bad, f"{path} imports {bad}"


def test_engine_commands_run_without_django():
    code = (
        "import sys; "
        "import warta.cli.keypoints, warta.cli.foryou, warta.engines.keypoints, "
        "warta.engines.foryou, warta.engines.text; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or "an engine command imported Django"


def test_engine_packages_have_tests():
    for engine in ("text", "keypoints", "foryou"):
        assert list((SRC / "engines" / engine / "tests").glob("test_*.py")), engine
