"""Team mode's dialogs: connecting to the team server, and the conflicts a sync left (opened from the menus)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, Retranslating, fill
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.table_model import Col, RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable

if TYPE_CHECKING:
    from kam_desktop.services.desk import Desk


def _values(values: dict[str, Any]) -> str:
    return "; ".join(f"{name}: {'' if value is None else value}" for name, value in sorted(values.items()))


def conflict_columns() -> list[Col[Any]]:
    return [
        Col("account", QT_TRANSLATE_NOOP("Conflicts", "Account"), lambda c, f: c.account or ""),
        Col("entity", QT_TRANSLATE_NOOP("Conflicts", "Record"), lambda c, f: c.entity),
        Col("laptop", QT_TRANSLATE_NOOP("Conflicts", "This laptop"), lambda c, f: _values(c.laptop)),
        Col("server", QT_TRANSLATE_NOOP("Conflicts", "Server"), lambda c, f: _values(c.server)),
        Col("reason", QT_TRANSLATE_NOOP("Conflicts", "Why"), lambda c, f: c.reason),
        Col("when", QT_TRANSLATE_NOOP("Conflicts", "When"), lambda c, f: f.date(c.created_at.date()),
            sort=lambda c: c.created_at.timestamp()),
    ]


class ConnectDialog(Retranslating, QDialog):
    """URL, login and password of the team server; "Test connection" logs in; OK saves the password to the keyring."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.desk = desk
        self.url = QLineEdit(self)
        self.url.setObjectName("connectUrl")
        self.url.setPlaceholderText("postgresql://server.example.com/kam?sslmode=verify-full")
        self.login = QLineEdit(self)
        self.login.setObjectName("connectLogin")
        self.password = QLineEdit(self)
        self.password.setObjectName("connectPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for caption, field in zip(self.labels, (self.url, self.login, self.password), strict=True):
            form.addRow(caption, field)
            caption.setBuddy(field)
        self.test_button = QPushButton(self)
        self.test_button.setObjectName("connectTest")
        self.test_button.clicked.connect(self.test_connection)
        self.message = MessageLine(self)
        self.message.setObjectName("connectMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def entered(self) -> tuple[str, str, str]:
        return self.url.text().strip(), self.login.text().strip(), self.password.text()

    def test_connection(self) -> bool:
        url, login, password = self.entered()
        try:
            version = self.desk.test_team_connection(url, login, password or None)
        except ServiceError as exc:
            self.message.error(refusal_text(exc))
            return False
        self.message.ok(fill(self.tr("Connected: PostgreSQL {version}."), version=version))
        return True

    def accept(self) -> None:
        url, login, password = self.entered()
        if not url or not login:
            self.message.error(self.tr("Give the server's address and your login."))
            return
        if password and not self.desk.save_team_password(url, login, password):
            self.message.error(self.tr("This computer has no password store: the password is kept until "
                                       "the app closes."))
        super().accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to team server"))
        for caption, text in zip(self.labels, (self.tr("&Server:"), self.tr("&Login:"), self.tr("&Password:")),
                                 strict=True):
            caption.setText(text)
        self.test_button.setText(self.tr("&Test connection"))


class ConflictsDialog(Retranslating, QDialog):
    """Both values side by side; re-apply the laptop's value (pushed at the next sync) or dismiss it."""

    changed = Signal()

    def __init__(self, desk: Desk, formats: Formats, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setMinimumSize(760, 420)
        self.desk = desk
        self.model: RowTableModel[Any] = RowTableModel("Conflicts", conflict_columns(), formats, self)
        self.table = RowTable(self.model, "conflictsTable", self)
        self.reapply_button = QPushButton(self)
        self.reapply_button.setObjectName("conflictReapply")
        self.reapply_button.clicked.connect(self.reapply)
        self.dismiss_button = QPushButton(self)
        self.dismiss_button.setObjectName("conflictDismiss")
        self.dismiss_button.clicked.connect(self.dismiss)
        self.message = MessageLine(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.reapply_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.desk.sync_conflicts())

    def selected(self) -> Any | None:
        return self.table.current()

    def reapply(self) -> bool:
        return self._act(lambda c: self.desk.reapply_conflict(c.id),
                         self.tr("Re-applied: this laptop's value goes to the server at the next sync."))

    def dismiss(self) -> bool:
        return self._act(lambda c: self.desk.dismiss_conflict(c.id), self.tr("Dismissed: the server's value stays."))

    def _act(self, action: Any, done: str) -> bool:
        conflict = self.selected()
        if conflict is None:
            self.message.error(self.tr("Choose a conflict first."))
            return False
        try:
            action(conflict)
        except ServiceError as exc:
            self.message.error(refusal_text(exc))
            return False
        self.message.ok(done)
        self.reload()
        self.changed.emit()
        return True

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.reapply_button.setText(self.tr("&Re-apply mine"))
        self.dismiss_button.setText(self.tr("&Dismiss"))
        self.table.set_empty_text(self.tr("No conflicts: everything this laptop changed reached the server."))
        self.model.retranslate()
