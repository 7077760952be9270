"""Build the frozen app with PyInstaller, then smoke-test it before anything is packaged.

`python installer/build.py` → dist/KAM-Desktop-<version>/ with kam-desktop and kamctl. The smoke test
creates a store with the demo in a temp folder through the frozen kamctl, then opens the frozen GUI
offscreen with `--smoke-test` (which loads the portfolio and exits 0) and issues the last quarter's
statements through the frozen kamctl (worker processes). Then the same store is encrypted (SQLCipher, the key in
KAM_STORE_KEY: a build machine has no password store to rely on), backed up, and opened by the frozen GUI again,
which fails if sqlcipher3's extension or the pysqlcipher dialect was left out. A failure stops the build.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kam_desktop import __version__  # noqa: E402

EXE = ".exe" if sys.platform == "win32" else ""


def build() -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(ROOT / "dist"),
                    "--workpath", str(ROOT / "build"), str(ROOT / "installer" / "kam_desktop.spec")], check=True)
    return ROOT / "dist" / f"KAM-Desktop-{__version__}"


def last_quarter(today: date) -> str:
    """The quarter before today's, e.g. 2026Q3 in November 2026."""
    quarter = (today.month - 1) // 3  # 0-based index of today's quarter; the previous one is this, 1-based
    return f"{today.year}Q{quarter}" if quarter else f"{today.year - 1}Q4"


def smoke_test(folder: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "KAM_DATA_DIR": tmp, "QT_QPA_PLATFORM": "offscreen"}
        db = str(Path(tmp) / "smoke.sqlite")
        subprocess.run([str(folder / f"kamctl{EXE}"), "--db", db, "init", "--demo"], check=True, env=env, timeout=600)
        subprocess.run([str(folder / f"kam-desktop{EXE}"), "--db", db, "--smoke-test"], check=True, env=env, timeout=300)
        # a batch big enough for worker processes: spawning them from a frozen app is the classic failure
        out = Path(tmp) / "statements"
        subprocess.run([str(folder / f"kamctl{EXE}"), "--db", db, "document", "statements", "--quarter",
                        last_quarter(date.today()), "--out-dir", str(out)], check=True, env=env, timeout=600)
        if len(list(out.glob("*.pdf"))) < 100:
            raise SystemExit(f"the frozen kamctl wrote {len(list(out.glob('*.pdf')))} statements, expected the demo's ~190")
        encrypted_smoke_test(folder, env, Path(db))
    print(f"smoke test passed: {folder}")


def encrypted_smoke_test(folder: Path, env: dict[str, str], db: Path) -> None:
    """The demo store encrypted at rest by the frozen kamctl, backed up encrypted, and shown by the frozen GUI."""
    keyed = {**env, "KAM_STORE_KEY": secrets.token_hex(32)}
    kamctl = str(folder / f"kamctl{EXE}")
    subprocess.run([kamctl, "--db", str(db), "store", "encrypt"], check=True, env=keyed, timeout=600)
    backup = db.with_name("encrypted-backup.sqlite")
    subprocess.run([kamctl, "--db", str(db), "backup", str(backup)], check=True, env=keyed, timeout=600)
    for written in (db, backup):
        if written.read_bytes()[:16] == b"SQLite format 3\x00":
            raise SystemExit(f"the frozen kamctl left {written} unencrypted")
    subprocess.run([str(folder / f"kam-desktop{EXE}"), "--db", str(db), "--smoke-test"], check=True, env=keyed,
                   timeout=300)


if __name__ == "__main__":
    smoke_test(build())
