"""The first instance's side of the guard, in this process: a second start (a real process) makes it show a
minimised main window again and answer that it did."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from PySide6.QtCore import Qt

from kam_desktop.ui import single_instance
from kam_desktop.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
ASK = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
       "from kam_desktop.ui.single_instance import ask_running_instance; print(ask_running_instance(sys.argv[1]))")


def test_a_second_start_brings_the_minimised_window_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    name = f"kam-desktop-test-{uuid.uuid4().hex[:12]}"
    server = single_instance.claim(name)
    assert isinstance(server, single_instance.InstanceServer)
    try:
        window.showMinimized()
        qtbot.waitUntil(window.isMinimized, timeout=5_000)
        second = subprocess.Popen([sys.executable, "-c", ASK, name], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                                  env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        with qtbot.waitSignal(server.activation_requested, timeout=30_000):
            pass
        out, _ = second.communicate(timeout=30)
        assert out.strip() == "Answer(raised=True)"
        assert not window.isMinimized() and window.isVisible()
        assert not window.windowState() & Qt.WindowState.WindowMinimized
    finally:
        server.close()


def test_a_name_in_use_by_a_live_instance_is_not_taken_over(qapp: object) -> None:
    name = f"kam-desktop-test-{uuid.uuid4().hex[:12]}"
    first = single_instance.InstanceServer(name)
    assert first.listen()
    try:
        second = single_instance.InstanceServer(name)
        assert not second.listen() and second.name_taken()  # claim() then asks the live one instead of removing it
    finally:
        first.close()


def test_the_name_depends_on_user_data_folder_and_store(tmp_path: Path) -> None:
    name = single_instance.server_name(tmp_path / "data", None)
    assert name == single_instance.server_name(tmp_path / "data", str(tmp_path / "data" / "kam.sqlite"))
    assert name != single_instance.server_name(tmp_path / "data", str(tmp_path / "other.sqlite"))
    assert name != single_instance.server_name(tmp_path / "elsewhere", None)
    assert name != single_instance.server_name(tmp_path / "data", "postgresql://kam@server/kam")
    assert str(tmp_path) not in name and len(name) < 60
