"""The layers point one way (import-linter contracts in pyproject.toml), checked on every test run."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold() -> None:
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert lint_imports, "import-linter is part of the test extra: pip install -e '.[test]'"
    result = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout


DOMAIN = "kam_desktop.domain"


def _module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def _uses_in(path: Path) -> set[str]:
    """`module.name` of every domain name this file uses: imported by name, reached through an imported domain
    module (`dl.validate`), or named inside its own module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    aliases: dict[str, str] = {}  # local name → domain module
    used: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                if full.startswith(DOMAIN + ".") and full.count(".") == 2:  # a domain module imported by name
                    aliases[alias.asname or alias.name] = full
                used.add(f"{node.module}.{alias.name}")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(DOMAIN + ".") and alias.asname:
                    aliases[alias.asname] = alias.name
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            used.add(f"{aliases[node.value.id]}.{node.attr}")
        elif isinstance(node, ast.Name) and here.startswith(DOMAIN + "."):
            used.add(f"{here}.{node.id}")
    return used


def _domain_definitions() -> list[str]:
    """`module.name` of every function and class defined at the top level of `kam_desktop/domain`."""
    found = []
    for path in sorted((ROOT / "kam_desktop" / "domain").rglob("*.py")):
        module = _module_name(path)
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef | ast.ClassDef):
                found.append(f"{module}.{node.name}")
    return found


def test_domain_code_is_used_by_the_application_not_only_by_tests() -> None:
    # A rule that only tests call is a second, untested-in-practice copy of a rule the app implements elsewhere.
    used: set[str] = set()
    for path in (ROOT / "kam_desktop").rglob("*.py"):
        used |= _uses_in(path)
    unused = {name.removeprefix(DOMAIN + ".") for name in _domain_definitions() if name not in used}
    assert not unused, sorted(unused)
