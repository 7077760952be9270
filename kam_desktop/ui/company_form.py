"""The Settings group "Company on documents": our name, address, signatory, contacts and logo, as printed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from kam_desktop.ui.i18n import Retranslating, fill
from kam_desktop.ui.widgets import MUTED_COLOR

if TYPE_CHECKING:  # the services load with the store, after the window shows
    from kam_desktop.services.program.company import CompanyFields

PREVIEW_WIDTH, PREVIEW_HEIGHT = 160, 48


class CompanyForm(Retranslating, QGroupBox):
    """Shows a CompanyFields and gives back the edited one; the rules are the service's (services.company)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("companyForm")
        self.name, self.tax_id = QLineEdit(self), QLineEdit(self)
        self.address = QPlainTextEdit(self)
        self.address.setTabChangesFocus(True)  # Tab leaves the field, as in the line edits around it
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.signatory_name, self.signatory_title = QLineEdit(self), QLineEdit(self)
        self.email, self.phone, self.website = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.logo_preview = QLabel(self)
        self.logo_preview.setMinimumSize(PREVIEW_WIDTH, PREVIEW_HEIGHT)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.choose_button, self.remove_button = QPushButton(self), QPushButton(self)
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.remove_button.clicked.connect(lambda: self.set_logo(None))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED_COLOR}")
        self.note.hide()
        logo_row = QWidget(self)
        logo_layout = QHBoxLayout(logo_row)
        logo_layout.setContentsMargins(0, 0, 0, 0)
        logo_layout.addWidget(self.logo_preview, 1)
        logo_layout.addWidget(self.choose_button)
        logo_layout.addWidget(self.remove_button)
        self.labels: list[QLabel] = []
        form = QFormLayout(self)
        for field in self._editors() + [logo_row]:
            label = QLabel(self)
            label.setBuddy(self.choose_button if field is logo_row else field)
            self.labels.append(label)
            form.addRow(label, field)
        form.addRow(self.note)
        chain = self._editors() + [self.choose_button, self.remove_button]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)
        self._loaded: CompanyFields | None = None
        self._logo: bytes | None = None
        self._logo_name = ""
        self.retranslate()

    def _editors(self) -> list[QWidget]:
        return [self.name, self.tax_id, self.address, self.signatory_name, self.signatory_title, self.email,
                self.phone, self.website]

    def set_fields(self, fields: CompanyFields) -> None:
        """Show `fields` as the saved state: `changed()` compares with it."""
        self._loaded = fields
        for edit, value in ((self.name, fields.name), (self.tax_id, fields.tax_id),
                            (self.signatory_name, fields.signatory_name),
                            (self.signatory_title, fields.signatory_title), (self.email, fields.email),
                            (self.phone, fields.phone), (self.website, fields.website)):
            edit.setText(value)
            edit.setCursorPosition(0)
        self.address.setPlainText("\n".join(fields.address))
        self.set_logo(fields.logo_png)

    def fields(self) -> CompanyFields:
        from kam_desktop.services.program.company import CompanyFields

        lines = tuple(line.strip() for line in self.address.toPlainText().splitlines() if line.strip())
        return CompanyFields(
            name=self.name.text().strip(), tax_id=self.tax_id.text().strip(), address=lines,
            signatory_name=self.signatory_name.text().strip(), signatory_title=self.signatory_title.text().strip(),
            email=self.email.text().strip(), phone=self.phone.text().strip(), website=self.website.text().strip(),
            logo_png=self._logo,
        )

    def changed(self) -> bool:
        return self._loaded is not None and self.fields() != self._loaded

    def set_editable(self, editable: bool) -> None:
        """Disabled, with a note saying who may change it, for a person the service would refuse."""
        for widget in self._editors() + [self.choose_button, self.remove_button]:
            widget.setEnabled(editable)
        self.note.setVisible(not editable)
        if editable:
            self.remove_button.setEnabled(self._logo is not None)

    def set_logo(self, data: bytes | None, file_name: str = "") -> None:
        """Show the logo to be saved (the service checks it is a PNG it can print)."""
        self._logo, self._logo_name = data or None, file_name
        self.remove_button.setEnabled(self._logo is not None and self.choose_button.isEnabled())
        self._show_logo()

    def focus_field(self, field: str) -> None:
        """Put the cursor where the service found a problem (a field name of CompanyFields)."""
        widget = {"logo_png": self.choose_button}.get(field) or getattr(self, field, None)
        if isinstance(widget, QWidget):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_logo(self) -> None:
        pixmap = QPixmap()
        if self._logo is not None and pixmap.loadFromData(self._logo):
            self.logo_preview.setPixmap(pixmap.scaled(PREVIEW_WIDTH, PREVIEW_HEIGHT,
                                                      Qt.AspectRatioMode.KeepAspectRatio,
                                                      Qt.TransformationMode.SmoothTransformation))
            self.logo_preview.setToolTip(self._logo_name)
            return
        self.logo_preview.setPixmap(QPixmap())
        self.logo_preview.setToolTip("")
        if self._logo is None:
            self.logo_preview.setText(self.tr("No logo"))
        else:  # not an image Qt reads: the name tells which file it was; saving says what is wrong
            self.logo_preview.setText(self._logo_name or self.tr("(not an image)"))

    def _on_choose_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Company logo"), "",
                                                    self.tr("PNG images (*.png)"))
        if path:
            self.load_logo_file(Path(path))

    def load_logo_file(self, path: Path) -> bool:
        try:
            data = path.read_bytes()
        except OSError as error:
            self.logo_preview.setText(fill(self.tr("Cannot read {file}: {reason}"), file=path.name,
                                           reason=error.strerror or str(error)))
            return False
        self.set_logo(data, path.name)
        return True

    def retranslate(self) -> None:
        self.setTitle(self.tr("Company on documents"))
        texts = (self.tr("&Name:"), self.tr("&Tax ID:"), self.tr("&Address:"), self.tr("&Signatory:"),
                 self.tr("Signatory's t&itle:"), self.tr("&E-mail:"), self.tr("&Phone:"), self.tr("&Website:"),
                 self.tr("&Logo:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.address.setPlaceholderText(self.tr("One line per address line"))
        self.choose_button.setText(self.tr("&Choose…"))
        self.remove_button.setText(self.tr("&Remove"))
        self.note.setText(self.tr("Only a sales director, finance or an admin may change the company "
                                  "identity printed on documents."))
        self._show_logo()
