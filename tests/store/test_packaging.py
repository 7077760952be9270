"""An installed wheel (not the source tree) finds its migrations and resources, and migrates a store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from pathlib import Path
import kam_desktop
from kam_desktop.store.migrate import script_location
from kam_desktop.resources import resource
from kam_desktop.store.store import Store
store = Store.open(Path(sys.argv[1]))
from kam_desktop.store import migrate
from kam_desktop.i18n import translated
from kam_desktop.services.errors import NotFound
missing = NotFound("no account with code {code!r}; see `kamctl accounts list`", code="C1")
print(json.dumps({"package": kam_desktop.__file__, "scripts": str(script_location()),
                  "po": sorted(p.name for p in resource("translations").glob("*.po")),
                  "pl": translated(missing, "pl"),
                  "fonts": sorted(p.name for p in resource("fonts").glob("*.ttf")),
                  "qm": sorted(p.name for p in resource("translations").glob("*.qm")),
                  "up_to_date": migrate.schema_state(store.engine).up_to_date}))
"""


@pytest.mark.slow
def test_the_installed_wheel_carries_migrations_and_resources(tmp_path: Path) -> None:
    wheels, source = tmp_path / "wheels", tmp_path / "source"
    # a copy without build/: setuptools reuses build/lib, so a file deleted from the tree would still be packed
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        "build", "dist", "bench-out", ".*", "__pycache__", "*.egg-info", "*.sqlite-wal", "*.sqlite-shm"))
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(wheels), str(source)], check=True, capture_output=True, timeout=300)
    (wheel,) = wheels.glob("kam_desktop-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "kam_desktop/_db/env.py" in names and "kam_desktop/_db/script.py.mako" in names
    assert any(n.startswith("kam_desktop/_db/versions/0001_") for n in names)
    assert any(n.startswith("kam_desktop/_resources/fonts/") and n.endswith(".ttf") for n in names)

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
                   check=True, capture_output=True, timeout=300)
    env = {**os.environ, "PYTHONPATH": str(target), "KAM_DATA_DIR": str(tmp_path / "data")}
    out = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "store.sqlite")], cwd=tmp_path, env=env,
                         check=True, capture_output=True, text=True, timeout=300).stdout
    found = json.loads(out.strip().splitlines()[-1])
    assert found["package"].startswith(str(target))  # the installed copy, not the checkout
    assert Path(found["scripts"]) == target / "kam_desktop" / "_db"
    assert found["fonts"] and {"kam_desktop_pl.qm", "kam_desktop_ru.qm"} <= set(found["qm"])
    assert found["po"] == ["messages_pl.po", "messages_ru.po"]
    assert found["pl"] == "brak klienta o kodzie „C1”; zobacz `kamctl accounts list`"  # read from the wheel
    assert found["up_to_date"] is True
