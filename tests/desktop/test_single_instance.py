"""The single-instance guard with real processes: a second start raises the first window and exits 0, a crashed
instance's socket does not block the next start, and headless runs are never blocked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kam_desktop import paths

ROOT = Path(__file__).resolve().parents[2]
LOG = "kam-desktop.log"


def start(*argv: str) -> subprocess.Popen[str]:
    """`python -m kam_desktop ARGV` offscreen, as a user would start it (interactive unless told otherwise)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen([sys.executable, "-m", "kam_desktop", *argv], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def run(*argv: str, timeout: float = 120) -> tuple[subprocess.CompletedProcess[str], float]:
    began = time.monotonic()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "kam_desktop", *argv], cwd=ROOT, env=env, text=True,
                          capture_output=True, timeout=timeout)
    return done, time.monotonic() - began


def log_text() -> str:
    path = paths.log_dir() / LOG
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for(condition: Callable[[], bool], what: str, process: subprocess.Popen[str], seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if process.poll() is not None:
            pytest.fail(f"the first instance ended ({process.returncode}) before {what}: {process.stderr.read()}")
        if time.monotonic() > deadline:
            pytest.fail(f"no {what} within {seconds} s; log:\n{log_text()}")
        time.sleep(0.1)


def listening(pid: int) -> Callable[[], bool]:
    return lambda: f" {pid} INFO kam_desktop.ui.single_instance: single instance: listening as" in log_text()


def server_name_of(pid: int) -> str:
    line = next(line for line in log_text().splitlines() if f" {pid} " in line and "listening as" in line)
    return line.rsplit(" ", 1)[1]


@pytest.fixture
def instances(tmp_path: Path) -> Iterator[list[subprocess.Popen[str]]]:
    """The interactive instances a test starts: killed at the end, their socket names removed."""
    started: list[subprocess.Popen[str]] = []
    yield started
    names = []
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        process.stdout.close()  # type: ignore[union-attr]
        process.stderr.close()  # type: ignore[union-attr]
        if listening(process.pid)():
            names.append(server_name_of(process.pid))
    for name in names:  # a killed instance leaves its socket file in the temporary folder
        remove_server(name)


def remove_server(name: str) -> None:
    subprocess.run([sys.executable, "-c", "import sys; from PySide6.QtNetwork import QLocalServer; "
                    "QLocalServer.removeServer(sys.argv[1])", name], check=True, timeout=60)


def test_a_second_start_raises_the_first_window_and_exits_0(instances: list[subprocess.Popen[str]],
                                                             tmp_path: Path) -> None:
    db = str(tmp_path / "kam.sqlite")
    first = start("--db", db)
    instances.append(first)
    wait_for(listening(first.pid), "single-instance server", first)

    second, took = run("--db", db, timeout=60)
    assert second.returncode == 0, second.stderr
    assert second.stdout.strip().splitlines() == [
        "kam-desktop: KAM Desktop is already running for this data folder; its window was brought to the front."]
    assert took < 30  # it asks and leaves: no store, no window
    wait_for(lambda: f" {first.pid} INFO kam_desktop.ui.single_instance: a second start asked for this window"
             in log_text(), "activation request in the first instance's log", first)
    assert first.poll() is None  # the first one runs on
    assert log_text().count("single instance: listening as") == 1  # the second never served nor opened a window

    # another store in the same data folder is another instance; the smoke test is never blocked
    other = tmp_path / "other.sqlite"
    smoke, _ = run("--db", str(other), "--smoke-test")
    assert smoke.returncode == 0, smoke.stderr
    same, _ = run("--db", db, "--smoke-test")
    assert same.returncode == 0 and "smoke test passed" in same.stdout, same.stderr


def test_the_second_start_speaks_the_saved_language(instances: list[subprocess.Popen[str]], tmp_path: Path) -> None:
    (paths.data_dir() / "settings.ini").write_text("[ui]\nlanguage=ru\n", encoding="utf-8")
    db = str(tmp_path / "kam.sqlite")
    first = start("--db", db)
    instances.append(first)
    wait_for(listening(first.pid), "single-instance server", first)
    second, _ = run("--db", db, timeout=60)
    assert second.returncode == 0, second.stderr
    assert "KAM Desktop уже запущен для этой папки данных" in second.stdout
    third, _ = run("--db", db, "--lang", "pl", timeout=60)
    assert "KAM Desktop już działa dla tego folderu danych" in third.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a socket file is left only on Unix")
def test_a_crashed_instance_leaves_a_socket_that_does_not_block_the_next_start(
        instances: list[subprocess.Popen[str]], tmp_path: Path) -> None:
    db = str(tmp_path / "kam.sqlite")
    crashed = start("--db", db)
    instances.append(crashed)
    wait_for(listening(crashed.pid), "single-instance server", crashed)
    name = server_name_of(crashed.pid)
    crashed.send_signal(signal.SIGKILL)  # no clean-up at all, as a crash or a killed process
    crashed.wait(timeout=30)
    socket_file = Path(os.environ.get("TMPDIR", "/tmp")) / name
    assert socket_file.exists()  # the stale socket is really there

    restarted = start("--db", db)
    instances.append(restarted)
    wait_for(listening(restarted.pid), "the new start's single-instance server", restarted)
    assert restarted.poll() is None
    assert f" {restarted.pid} INFO kam_desktop.ui.single_instance: removing the single-instance socket" in log_text()


HUNG = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
from kam_desktop.ui.single_instance import server_name
app = QCoreApplication([])
server = QLocalServer()
name = server_name(Path(sys.argv[1]), sys.argv[2])
assert server.listen(name), server.errorString()
print(name, flush=True)
time.sleep(60)  # never returns to an event loop: connections wait in the backlog, unanswered
"""


def test_a_first_instance_that_does_not_answer_is_not_doubled_and_the_start_says_so(tmp_path: Path) -> None:
    db = str(tmp_path / "kam.sqlite")
    name = ""
    hung = subprocess.Popen([sys.executable, "-c", HUNG, str(paths.data_dir()), db], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    second = None
    try:
        assert hung.stdout is not None
        name = hung.stdout.readline().strip()
        assert name.startswith("kam-desktop-")
        began = time.monotonic()
        second = start("--db", db)
        assert second.stdout is not None
        line = second.stdout.readline()  # printed before the message box, which waits for the user
        assert "already running for this data folder but did not answer" in line
        assert time.monotonic() - began < 30
        time.sleep(1)
        assert second.poll() is None  # the message box shows (a windowed start has no console to print to)
        assert not (tmp_path / "kam.sqlite").exists()  # it opened no store beside the hung one
    finally:
        for process in (hung, second):
            if process is not None:
                process.kill()
                process.wait(timeout=30)
                process.stdout.close()  # type: ignore[union-attr]
        if second is not None:
            second.stderr.close()  # type: ignore[union-attr]
        remove_server(name)
