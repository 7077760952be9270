"""Where the runtime resources are: a frozen app, a source checkout, or the installed wheel."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding fonts/, translations/, icons/ and samples/."""
    package = Path(__file__).resolve().parent
    candidates = [
        Path(getattr(sys, "_MEIPASS", "")) / "resources" if getattr(sys, "frozen", False) else None,
        package.parent / "resources",  # source checkout or editable install
        package / "_resources",  # wheel: setup.py maps resources/ to kam_desktop._resources
    ]
    for candidate in candidates:
        if candidate is not None and candidate.is_dir() and (candidate / "__init__.py").exists():
            return candidate
    raise FileNotFoundError("the resources folder (fonts, translations) is missing from this installation")


def resource(*parts: str) -> Path:
    """A path inside the resources folder, e.g. resource('fonts', 'DejaVuSans.ttf')."""
    return resources_dir().joinpath(*parts)
