"""No clipped header, title, label or button in any language: every screen and dialog rendered at 1280×800, and
again at 150 % scaling (QT_SCALE_FACTOR=1.5, a separate process: the factor is read when Qt starts)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .layout_check import problems

ROOT = Path(__file__).resolve().parents[2]


def test_every_text_fits_at_1280_by_800_in_every_language(demo_window) -> None:  # type: ignore[no-untyped-def]
    window = demo_window("k.wisniewska")  # the director: every screen is offered
    assert problems(window) == []


@pytest.mark.parametrize("factor", ["1.5"])
def test_every_text_fits_at_150_percent(demo_template: Path, tmp_path: Path, factor: str) -> None:
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    env = {**os.environ, "QT_SCALE_FACTOR": factor, "QT_QPA_PLATFORM": "offscreen", "KAM_TODAY": "2026-03-31",
           "KAM_DATA_DIR": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "tests.ui.layout_check", str(copy)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    assert json.loads(run.stdout.strip().splitlines()[-1]) == []


def test_the_check_finds_a_cut_label_button_column_and_placeholder(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget

    from .layout_check import clipped

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    label, button, edit, table = QLabel("Oczekiwana dodatkowa marża:"), QPushButton("Zarejestruj wykorzystanie…"), \
        QLineEdit(), QTableView()
    label.setObjectName("narrowLabel")
    edit.setPlaceholderText("Filtruj po kodzie, nazwie, NIP, osobie kontaktowej")
    model = QStandardItemModel(1, 2, root)
    model.setHorizontalHeaderLabels(["Oczekiwane koszty", "Klient"])
    table.setModel(model)
    for widget in (label, button, edit, table):
        layout.addWidget(widget)
    root.resize(400, 300)
    root.show()
    for widget in (label, button, edit):
        widget.setFixedWidth(60)
    table.horizontalHeader().resizeSection(0, 30)
    found = "\n".join(clipped(root))
    assert "narrowLabel: “Oczekiwana dodatkowa marża:”" in found
    assert "button “Zarejestruj wykorzystanie…”" in found
    assert "placeholder “Filtruj po kodzie" in found
    assert "column “Oczekiwane koszty”" in found and "column “Klient”" not in found
    for widget in (label, button, edit):
        widget.setMinimumWidth(0)
        widget.setMaximumWidth(16_777_215)
    table.horizontalHeader().resizeSection(0, 200)
    root.resize(700, 300)
    assert clipped(root) == []
