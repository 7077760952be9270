"""Rebuild the Qt translation catalogues: `.ts` sources → `.qm` (and, with --update, sources → `.ts`).

    python resources/translations/build.py            # lrelease every kam_desktop_*.ts into its .qm
    python resources/translations/build.py --update   # first refresh the .ts from the UI sources (lupdate)
    python resources/translations/build.py --check    # exit 1 if a committed .qm differs from its build
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("en", "pl", "ru")  # en holds only the plural forms ("1 account", "5 accounts")


def tool(name: str) -> str:
    """`pyside6-<name>` beside this Python, on PATH, or the binary inside the PySide6 package."""
    for candidate in (Path(sys.executable).parent / f"pyside6-{name}", Path(sys.executable).parent / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    package = Path(PySide6.__file__).parent
    for candidate in (package / name, package / f"{name}.exe", package / "Qt" / "bin" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"pyside6-{name} not found; install PySide6 (it ships Qt's {name})")


def ts_files() -> list[Path]:
    return [HERE / f"kam_desktop_{language}.ts" for language in LANGUAGES]


def ui_sources() -> list[Path]:
    """Every file whose strings are translated: the composition root and the ui package."""
    package = ROOT / "kam_desktop"
    return [package / "app.py", *sorted((package / "ui").rglob("*.py"))]


def update(ts: Path, sources: list[Path] | None = None) -> None:
    """Bring `ts` in line with the sources (new strings appear unfinished; vanished ones are dropped)."""
    files = [str(path) for path in (sources or ui_sources())]
    plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none", *plural_only, *files,
                    "-ts", str(ts)], check=True)


def release(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def stale_catalogues() -> list[str]:
    """The .qm files that are missing or differ from a fresh build of their .ts."""
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        for ts in ts_files():
            fresh = Path(folder) / ts.with_suffix(".qm").name
            release(ts, fresh)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or committed.read_bytes() != fresh.read_bytes():
                problems.append(f"{committed.name} is out of date with {ts.name}; run python {Path(__file__).relative_to(ROOT)}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="refresh the .ts files from the sources first")
    parser.add_argument("--check", action="store_true", help="only check that the .qm files are current")
    args = parser.parse_args(argv)
    if args.check:
        problems = stale_catalogues()
        print("\n".join(problems) or "translations are up to date")
        return 1 if problems else 0
    for ts in ts_files():
        if args.update:
            update(ts)
        release(ts, ts.with_suffix(".qm"))
        print(f"{ts.name} -> {ts.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
