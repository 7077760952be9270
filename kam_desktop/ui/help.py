"""Help: the user guide (F1) in the UI language, the keyboard shortcuts, and the About box with the version and
the licences of the libraries the application bundles (read from their installed metadata)."""

from __future__ import annotations

import contextlib
import importlib.metadata as metadata
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import kam_desktop
from kam_desktop.resources import resources_dir
from kam_desktop.ui.i18n import fill

APP = "kam-desktop"
# When the app's own metadata is not there (a frozen build may leave it out): what it bundles at least.
KNOWN = ("PySide6-Essentials", "PySide6-Addons", "shiboken6", "SQLAlchemy", "alembic", "pandas", "numpy", "openpyxl",
         "defusedxml", "reportlab", "rl_accel", "platformdirs", "Babel", "keyring", "psycopg")
_NAME = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?")


@dataclass(frozen=True)
class Library:
    """A bundled library: its name, version and licence as its metadata declares them."""

    name: str
    version: str
    licence: str


def bundled_libraries() -> list[Library]:
    """The libraries the application runs on (its dependencies and theirs, without optional extras), by name."""
    found: dict[str, Library] = {}
    try:
        wanted = _runtime_requirements(APP)
    except metadata.PackageNotFoundError:
        wanted = [(name, ()) for name in KNOWN]
    queue = list(wanted)
    while queue:
        name, extras = queue.pop()
        key = name.lower().replace("_", "-")
        if key in found:
            continue
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        found[key] = Library(meta["Name"], meta["Version"], _licence(meta))
        queue += _runtime_requirements(name, extras)
    return sorted(found.values(), key=lambda lib: lib.name.lower())


def _runtime_requirements(name: str, extras: Sequence[str] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """What `name` needs to run (with the requirements of the extras asked for, e.g. psycopg[binary])."""
    found = []
    for requirement in metadata.requires(name) or []:
        marker = requirement.partition(";")[2]
        extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", marker)
        if extra is not None and extra.group(1) not in extras:
            continue
        match = _NAME.match(requirement)
        if match is not None:
            found.append((match.group(1), tuple(e.strip() for e in (match.group(2) or "").split(",") if e.strip())))
    return found


def _text(item: QTableWidgetItem | None) -> str:
    return item.text() if item is not None else ""


# Libraries whose metadata declares no licence: what their wheels ship (sqlcipher3's LICENSE file is pysqlite's
# zlib licence; SQLCipher and the OpenSSL it links statically carry their own).
UNDECLARED_LICENCES = {"sqlcipher3": "Zlib; SQLCipher: BSD-3-Clause; OpenSSL: Apache-2.0"}


def _licence(meta: Any) -> str:  # an email.message.Message at run time; the stub's protocol lacks get()
    undeclared = UNDECLARED_LICENCES.get(str(meta.get("Name", "")).lower())
    if undeclared is not None:
        return undeclared
    expression = meta.get("License-Expression")
    if expression:
        return str(expression)
    text = (meta.get("License") or "").strip()
    if text and len(text) <= 40 and "\n" not in text:
        return text
    classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:60] if text else "?"


def guide_file(language: str) -> Path | None:
    """The user guide in `language` (else English): docs/user-guide[.LANG].md beside the package or in the app."""
    names = ([f"user-guide.{language}.md"] if language != "en" else []) + ["user-guide.md"]
    package = Path(kam_desktop.__file__).resolve().parent
    folders = [package.parent / "docs", package / "_docs"]  # a checkout's docs/; a wheel's kam_desktop/_docs/
    with contextlib.suppress(FileNotFoundError):  # no resources folder at all: the checkout's docs only
        folders += [resources_dir() / "guide", resources_dir().parent / "docs"]
    for name in names:
        for folder in folders:
            if (folder / name).is_file():
                return folder / name
    return None


class GuideDialog(QDialog):
    """The short user guide, rendered from Markdown, in the UI language (English with a note if missing)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.setWindowTitle(self.tr("KAM Desktop — user guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("guideBrowser")
        self.browser.setOpenExternalLinks(True)
        path = guide_file(language)
        if path is None:
            self.browser.setPlainText(self.tr("The user guide is not installed with this copy of KAM Desktop."))
        else:
            text = path.read_text(encoding="utf-8")
            if language != "en" and not path.name.endswith(f".{language}.md"):
                text = self.tr("*This guide is not translated yet; here it is in English.*") + "\n\n" + text
            self.browser.setMarkdown(text)
        self.source = path
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


class ShortcutsDialog(QDialog):
    """Every action that has a keyboard shortcut, with its key in the system's notation."""

    def __init__(self, actions: Iterable[QAction], extra: Sequence[tuple[str, str]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 560)
        rows = [(action.text().replace("&", "").rstrip("…").strip(),
                 action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
                for action in actions if not action.shortcut().isEmpty()]
        rows += list(extra)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[tuple[str, str]]:
        return [(_text(self.table.item(r, 0)), _text(self.table.item(r, 1))) for r in range(self.table.rowCount())]


class AboutDialog(QDialog):
    """The version, what the application is, and the licence of every bundled library and font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About KAM Desktop"))
        self.resize(620, 560)
        self.heading = QLabel(self)
        self.heading.setObjectName("aboutHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setText(fill(self.tr("<b>KAM Desktop</b> {version}<br>The back office of a key account manager "
                                          "running a B2B loyalty program."), version=kam_desktop.__version__))
        self.note = QLabel(self.tr("It is built on these libraries, each under its own licence:"), self)
        self.note.setWordWrap(True)
        self.libraries = bundled_libraries()
        rows = [(lib.name, lib.version, lib.licence) for lib in self.libraries]
        rows.append(("DejaVu fonts", "2.37", self.tr("Bitstream Vera / DejaVu licence (free)")))
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setObjectName("licencesTable")
        self.table.setHorizontalHeaderLabels([self.tr("Library"), self.tr("Version"), self.tr("Licence")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
