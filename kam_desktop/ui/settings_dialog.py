"""Settings: the UI language, our company as documents print it, and where the data, logs and backups live."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.errors import ServiceError
from kam_desktop.ui.company_form import CompanyForm
from kam_desktop.ui.context import AppServices
from kam_desktop.ui.i18n import LANGUAGES
from kam_desktop.ui.refusals import refusal_text
from kam_desktop.ui.widgets import MessageLine


class SettingsDialog(QDialog):
    """Emits `language_chosen` when accepted with another language; saves the company identity if it changed.

    The data locations and backups are shown for reference.
    """

    language_chosen = Signal(str)

    def __init__(self, services: AppServices, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(560)
        self._initial_language = language
        self.language = QComboBox(self)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(language))
        self.general = QGroupBox(self)
        general = QFormLayout(self.general)
        self.language_label = QLabel(self)
        general.addRow(self.language_label, self.language)
        self.desk = services.desk
        self.company: CompanyForm | None = None
        if self.desk is not None:
            # in a quick start the store may still be opening: this read waits for it, a moment at most
            self.company = CompanyForm(self)
            self.company.set_fields(self.desk.company())
            self.company.set_editable(self.desk.may(UseCase.EDIT_COMPANY))
        self.storage = QGroupBox(self)
        storage = QFormLayout(self.storage)
        info = services.store_info
        self.store_label, self.data_label, self.logs_label = QLabel(self), QLabel(self), QLabel(self)
        self.store_field = self._read_only(info.location)
        storage.addRow(self.store_label, self.store_field)
        self.data_button = QPushButton(self)
        storage.addRow(self.data_label, self._with_button(self._read_only(str(services.data_dir)),
                                                          self.data_button, services.data_dir))
        self.logs_button = QPushButton(self)
        storage.addRow(self.logs_label, self._with_button(self._read_only(str(services.log_dir)),
                                                          self.logs_button, services.log_dir))
        self.backups = QGroupBox(self)
        backups = QVBoxLayout(self.backups)
        self.backups_note = QLabel(self)
        self.backups_note.setWordWrap(True)
        backups.addWidget(self.backups_note)
        self.backups_button = QPushButton(self)
        if services.backups_dir is not None and not info.is_server:
            backups.addWidget(self._with_button(self._read_only(str(services.backups_dir)),
                                                self.backups_button, services.backups_dir))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.message = MessageLine(self)
        layout = QVBoxLayout(self)
        for box in (self.general, self.company, self.storage, self.backups):
            if box is not None:
                layout.addWidget(box)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._is_server = info.is_server
        self.retranslate()

    def _read_only(self, text: str) -> QLineEdit:
        field = QLineEdit(text, self)
        field.setReadOnly(True)
        field.setCursorPosition(0)
        return field

    def _with_button(self, field: QLineEdit, button: QPushButton, folder: Path) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field, 1)
        layout.addWidget(button)
        button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))
        return row

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def accept(self) -> None:
        if not self._save_company():
            return  # the message says what to fix; everything typed stays
        super().accept()
        if self.chosen_language() != self._initial_language:
            self.language_chosen.emit(self.chosen_language())

    def _save_company(self) -> bool:
        if self.company is None or not self.company.changed():
            return True
        try:
            self.desk.save_company(self.company.fields())
        except ServiceError as error:
            self.message.error(self.tr("The company identity was not saved: %1").replace("%1", refusal_text(error)))
            problems = getattr(error, "problems", None)  # services.company.CompanyInvalid names the fields
            if problems:
                self.company.focus_field(next(iter(problems)))
            return False
        return True

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        self.general.setTitle(self.tr("General"))
        self.language_label.setText(self.tr("Language:"))
        self.storage.setTitle(self.tr("Data"))
        self.store_label.setText(self.tr("Team server:") if self._is_server else self.tr("Data store:"))
        self.data_label.setText(self.tr("Data folder:"))
        self.logs_label.setText(self.tr("Log folder:"))
        for button in (self.data_button, self.logs_button, self.backups_button):
            button.setText(self.tr("Open"))
        self.backups.setTitle(self.tr("Backups"))
        self.backups_note.setText(self.tr(
            "A verified backup of the local data file is taken before every database upgrade and kept "
            "until the next good start. Use “kamctl backup FILE” for a backup at any time."))
