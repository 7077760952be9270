"""A confirmation that asks why: reject, withdraw, cancel — the reason is required and kept on the record
(an approval's note is optional). The dialog is the confirmation: nothing happens until its button is pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class DecisionDialog(QDialog):
    """`summary` says what will happen to what; `prompt` asks for the reason; `action` names the button."""

    def __init__(self, title: str, summary: str, prompt: str, action: str, *, required: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.required = required
        self.summary = QLabel(summary, self)
        self.summary.setObjectName("decisionSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt = QLabel(prompt, self)
        self.prompt.setWordWrap(True)
        self.reason = QPlainTextEdit(self)
        self.reason.setObjectName("decisionReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMinimumHeight(80)
        self.prompt.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = QPushButton(action, self)
        self.ok_button.setObjectName("decisionConfirm")
        self.ok_button.setDefault(True)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.prompt)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self._on_reason_text_changed()
        self.reason.setFocus()

    def text(self) -> str:
        """The reason as typed, trimmed."""
        return self.reason.toPlainText().strip()

    def accept(self) -> None:
        if self.required and not self.text():
            return  # the button is disabled; Enter in the box does not get past either
        super().accept()

    def _on_reason_text_changed(self) -> None:
        self.ok_button.setEnabled(bool(self.text()) or not self.required)
