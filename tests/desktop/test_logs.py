"""Logs and crash reports stay bounded: the app's and kamctl's logs rotate at 1 MB × 5, crash reports keep 20."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from kam_desktop import app, logs, paths
from kam_desktop.cli.main import main as kamctl
from kam_desktop.ui.crash import KEEP_REPORTS, CrashHandler

ROOT = Path(__file__).resolve().parents[2]
LINE = "x" * 1000  # about 1 KB a record with its time and level


def log_files(folder: Path, name: str) -> dict[str, int]:
    return {path.name: path.stat().st_size for path in folder.glob(f"{name}*")}


def test_the_app_log_rotates_past_1_mb_and_keeps_five_old_files(tmp_path: Path) -> None:
    handler = app.setup_logging(tmp_path)
    assert handler is not None
    try:
        for n in range(8_000):  # ~8 MB: more than the six files hold
            logging.getLogger("kam_desktop.test").info("record %05d %s", n, LINE)
    finally:
        logs.detach(handler)
    files = log_files(tmp_path, app.LOG_FILE)
    assert sorted(files) == sorted([app.LOG_FILE] + [f"{app.LOG_FILE}.{n}" for n in range(1, 6)])
    assert all(size <= 1_000_000 for size in files.values())
    assert sum(files.values()) <= 6_000_000
    newest = (tmp_path / app.LOG_FILE).read_text(encoding="utf-8")
    assert "record 07999" in newest  # the newest records are kept, the oldest went
    assert "record 00000" not in "".join((tmp_path / name).read_text(encoding="utf-8") for name in files)
    assert handler not in logging.getLogger().handlers


def test_kamctl_logs_to_its_own_rotating_file_in_the_log_folder(tmp_path: Path) -> None:
    folder = paths.log_dir()
    (folder / "kamctl.log").write_text("old line\n" * 120_000, encoding="utf-8")  # ~1.1 MB: due to rotate
    handlers = list(logging.getLogger().handlers)
    assert kamctl(["--db", str(tmp_path / "kam.sqlite"), "init"]) == 0
    assert logging.getLogger().handlers == handlers  # the file is closed and detached again
    assert (folder / "kamctl.log.1").read_text(encoding="utf-8").startswith("old line")
    assert "schema upgraded from None to" in (folder / "kamctl.log").read_text(encoding="utf-8")
    assert (folder / "kamctl.log").stat().st_size < 100_000


def test_kamctl_shows_progress_on_the_terminal_only_with_verbose(tmp_path: Path) -> None:
    # the file takes INFO and up; the terminal keeps showing warnings only, unless -v
    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kam_desktop.cli.main", *argv], capture_output=True, text=True,
                              timeout=120, env=os.environ.copy(), cwd=ROOT)

    quiet = run("--db", str(tmp_path / "quiet.sqlite"), "init")
    loud = run("-v", "--db", str(tmp_path / "loud.sqlite"), "init")
    assert quiet.returncode == loud.returncode == 0, quiet.stderr + loud.stderr
    assert "schema upgraded" not in quiet.stderr and "schema upgraded" in loud.stderr
    assert (paths.log_dir() / "kamctl.log").read_text(encoding="utf-8").count("schema upgraded from None") == 2


def test_a_log_folder_that_takes_no_file_leaves_the_program_running(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    assert logs.rotating_file(blocked, "kam-desktop.log") is None


def raise_and_catch() -> tuple[type[BaseException], BaseException, object]:
    try:
        raise ZeroDivisionError("division by zero in the quarter close")
    except ZeroDivisionError:
        return sys.exc_info()  # type: ignore[return-value]


def test_crash_reports_keep_only_the_newest_twenty(tmp_path: Path) -> None:
    handler = CrashHandler(tmp_path, dialogs=False)
    (tmp_path / "kam-desktop.log").write_text("a log that is not a report\n")
    for _ in range(KEEP_REPORTS + 5):
        handler(*raise_and_catch())  # type: ignore[arg-type]
    kept = sorted(tmp_path.glob("crash-*.txt"))
    assert KEEP_REPORTS == 20 and len(kept) == 20
    assert kept == sorted(handler.reports[-20:])  # the five oldest went, the newest stayed
    assert not any(report.exists() for report in handler.reports[:5])
    assert (tmp_path / "kam-desktop.log").exists()
