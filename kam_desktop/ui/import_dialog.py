"""File › Import…: choose a format and a file, see what was detected and every error by row, then apply.

Preview and apply both run off the GUI thread. Each reading option (encoding, delimiter, decimal mark,
date order) starts as "detected" and can be forced; any change previews again. A saved mapping profile
of the format sets those options and maps the file's headers; the mapping can be edited column by column
(an unusual header mapped by hand) and saved as a profile. New names in the file (categories, owners) are
listed with the existing ones they probably mean, and each must be decided: mapped or added as new (a person
only by a role that may add people). Apply is enabled only for a file with rows, zero errors and every name
decided; it runs in one transaction that Cancel rolls back. Only the formats the role may import are offered.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kam_desktop.services.imports.preview import (
    DATE_ORDERS,
    DECIMALS,
    DELIMITERS,
    ENCODINGS,
    FORMAT_NAMES,
    ImportCancelled,
    Importer,
    ImportIssue,
    ImportReport,
    MappingProfile,
    Preview,
    ReadOptions,
    ServiceError,
    can_save_profile,
    custom_profile,
    profile_named,
    profile_options,
    profiles_for,
    save_preview_as_profile,
)
from kam_desktop.ui.i18n import Formats, Retranslating, fill
from kam_desktop.ui.import_mapping import MappingEditor, ValuesEditor
from kam_desktop.ui.import_models import (
    COUNT_TITLES,
    CTX,
    DATE_ORDER_TITLES,
    DECIMAL_TITLES,
    DELIMITER_TITLES,
    ENCODING_TITLES,
    FORMAT_TITLES,
    PHASE_TITLES,
    SampleModel,
    issue_columns,
    translated,
)
from kam_desktop.ui.import_options import PROGRESS_STEPS, OptionCombo, import_progress
from kam_desktop.ui.refusals import message_text, refusal_text
from kam_desktop.ui.table_model import RowTableModel
from kam_desktop.ui.widgets import MessageLine, RowTable
from kam_desktop.ui.workers import Cancelled, Task, TaskContext, run_task

log = logging.getLogger(__name__)

class ImportDialog(Retranslating, QDialog):
    """`previewed` after each preview (or its failure); `imported(report)` after an apply that wrote rows;
    `apply_ended` after every apply, whatever its outcome."""

    previewed = Signal()
    imported = Signal(object)
    apply_ended = Signal()

    def __init__(self, importer: Importer, formats: Formats, parent: QWidget | None = None,
                 *, interactive: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.resize(1000, 680)
        self.importer, self.formats, self.interactive = importer, formats, interactive
        self.path: Path | None = None
        self.preview_result: Preview | None = None
        self.report: ImportReport | None = None
        self._preview_task: Task | None = None
        self._apply_task: Task | None = None
        self._apply_cancel: threading.Event | None = None
        self._phase = ""
        self._profiles: dict[str, MappingProfile] = {}
        self._custom: MappingProfile | None = None  # the mapping edited by hand, previewed instead of a profile
        self._profiles_error = ""  # shown until the profiles folder reads again, whatever else is said

        self.format_label, self.file_label, self.profile_label = QLabel(self), QLabel(self), QLabel(self)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("formatCombo")
        allowed = importer.formats()
        for name in FORMAT_NAMES:
            if name in allowed:
                self.format_combo.addItem("", name)
        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("fileEdit")
        self.file_edit.setReadOnly(True)
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("browseButton")
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse_button)
        # created after Browse so that Tab goes format → file → profile → save → reading options
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.addItem("", None)
        self.save_profile_button = QPushButton(self)
        self.save_profile_button.setObjectName("saveProfileButton")
        self.save_profile_button.setEnabled(False)
        profile_row = QHBoxLayout()
        profile_row.addWidget(self.profile_combo, 1)
        profile_row.addWidget(self.save_profile_button)
        self.encoding_combo = OptionCombo("encodingCombo", ENCODINGS, ENCODING_TITLES, self)
        self.delimiter_combo = OptionCombo("delimiterCombo", DELIMITERS, DELIMITER_TITLES, self)
        self.decimal_combo = OptionCombo("decimalCombo", DECIMALS, DECIMAL_TITLES, self)
        self.date_combo = OptionCombo("dateOrderCombo", DATE_ORDERS, DATE_ORDER_TITLES, self)
        self.option_labels = [QLabel(self) for _ in range(4)]
        top = QFormLayout()
        top.addRow(self.format_label, self.format_combo)
        top.addRow(self.file_label, file_row)
        top.addRow(self.profile_label, profile_row)
        options = QGridLayout()
        for i, (label, combo) in enumerate(zip(self.option_labels, self._option_combos(), strict=True)):
            options.addWidget(label, i // 2, (i % 2) * 2)
            options.addWidget(combo, i // 2, (i % 2) * 2 + 1)
        options.setColumnStretch(1, 1)
        options.setColumnStretch(3, 1)
        self.notes_label = QLabel(self)
        self.notes_label.setObjectName("notesLabel")
        self.notes_label.setWordWrap(True)

        self.sample_model = SampleModel(self)
        self.sample_table = QTableView(self)
        self.sample_table.setObjectName("sampleTable")
        self.sample_table.setModel(self.sample_model)
        self.sample_table.setWordWrap(False)
        self.sample_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.mapping = MappingEditor(self)
        self.mapping.mapping_changed.connect(self._on_mapping_changed)
        self.ignored_label = QLabel(self)
        self.ignored_label.setObjectName("ignoredLabel")
        self.ignored_label.setWordWrap(True)
        mapping_page = QWidget(self)
        mapping_layout = QVBoxLayout(mapping_page)
        mapping_layout.addWidget(self.mapping, 1)
        mapping_layout.addWidget(self.ignored_label)
        self.values = ValuesEditor(self)
        self.values.decisions_changed.connect(self._update_apply)
        self.values_note = QLabel(self)
        self.values_note.setObjectName("valuesNote")
        self.values_note.setWordWrap(True)
        values_page = QWidget(self)
        values_layout = QVBoxLayout(values_page)
        values_layout.addWidget(self.values_note)
        values_layout.addWidget(self.values, 1)
        self.values_page = values_page
        self.error_model: RowTableModel[ImportIssue] = RowTableModel(CTX, issue_columns(), formats, self)
        self.error_table = RowTable(self.error_model, "errorTable", self)
        self.error_table.fit_columns({"file": 180, "row": 60, "column": 150})
        self.pages = QTabWidget(self)
        self.pages.setObjectName("importPages")
        self.pages.addTab(self.sample_table, "")
        self.pages.addTab(mapping_page, "")
        self.pages.addTab(self.error_table, "")
        self.pages.addTab(values_page, "")
        self.mapping_page = mapping_page

        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.message = MessageLine(self)
        self.message.setObjectName("importMessage")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("importProgress")
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setVisible(False)
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("applyButton")
        self.apply_button.setEnabled(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setEnabled(False)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("closeButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 4)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(options)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.browse_button.clicked.connect(self.browse)
        self.format_combo.currentIndexChanged.connect(self._on_format_combo_changed)
        self.profile_combo.currentIndexChanged.connect(self._on_profile_combo_changed)
        self.save_profile_button.clicked.connect(lambda _checked=False: self.save_profile())
        for combo in self._option_combos():
            combo.currentIndexChanged.connect(lambda _i: self.run_preview())
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.retranslate()
        self.refresh_profiles()

    def _option_combos(self) -> tuple[OptionCombo, ...]:
        return (self.encoding_combo, self.delimiter_combo, self.decimal_combo, self.date_combo)

    # -- choosing ------------------------------------------------------------------------------------
    def format_name(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, name: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(name))

    def options(self) -> ReadOptions:
        return ReadOptions(encoding=self.encoding_combo.value(), delimiter=self.delimiter_combo.value(),
                           decimal=self.decimal_combo.value(), date_order=self.date_combo.value())

    def browse(self) -> None:
        if not self.interactive:
            return
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a file to import"), str(self.path.parent if self.path else Path.home()),
            self.tr("ERP/CRM exports (*.csv *.txt *.xlsx *.xlsm);;All files (*)"))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path | str, format_name: str | None = None) -> Task | None:
        """Choose the file (and optionally the format), reset the options to the profile's, and preview it."""
        self.path = Path(path)
        self.file_edit.setText(str(self.path))
        if format_name is not None and format_name != self.format_name():
            self.format_combo.blockSignals(True)
            self.set_format(format_name)
            self.format_combo.blockSignals(False)
            self.refresh_profiles()
        self._show_options(profile_options(self.profile()))
        return self.run_preview()

    def _show_options(self, options: ReadOptions) -> None:
        """Set the option choices without previewing once per choice."""
        for combo, value in zip(self._option_combos(), (options.encoding, options.delimiter, options.decimal,
                                                         options.date_order), strict=True):
            combo.blockSignals(True)
            combo.set_value(value)
            combo.blockSignals(False)

    def _on_format_combo_changed(self, _index: int) -> None:
        self._custom = None  # another format has other fields
        had_profile = self.profile() is not None
        self.refresh_profiles()  # a profile belongs to one format: the choice goes back to none
        if had_profile:
            self._show_options(profile_options(None))
        self.run_preview()

    # -- mapping profiles ----------------------------------------------------------------------------
    def profile(self) -> MappingProfile | None:
        """The chosen mapping profile (None: headers are matched by their names alone)."""
        name = self.profile_combo.currentData()
        return None if name is None else self._profiles.get(str(name))

    def set_profile(self, name: str | None) -> None:
        """Choose a profile by name (None: no profile); its options are shown and the file previewed."""
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(name)) if name else 0)

    def refresh_profiles(self, select: str | None = None) -> None:
        """List the saved profiles of the chosen format, keeping (or making) `select` the current one."""
        keep = select if select is not None else self.profile_combo.currentData()
        try:
            self._profiles, self._profiles_error = {p.name: p for p in profiles_for(self.format_name())}, ""
        except ServiceError as exc:  # a malformed file in the profiles folder: say which, offer none
            self._profiles = {}
            self._profiles_error = fill(self.tr("The saved mapping profiles could not be read: {reason}"),
                                        reason=refusal_text(exc))
            self.message.error(self._profiles_error)
        self.profile_combo.blockSignals(True)
        while self.profile_combo.count() > 1:
            self.profile_combo.removeItem(1)
        for name in self._profiles:
            self.profile_combo.addItem(name, name)
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(keep)) if keep else 0)
        self.profile_combo.blockSignals(False)

    def _on_profile_combo_changed(self, _index: int) -> None:
        self._custom = None  # the profile's mapping now
        self._show_options(profile_options(self.profile()))
        self.run_preview()

    def _on_mapping_changed(self) -> None:
        """A column mapped by hand: preview again with that mapping (it can then be saved as a profile)."""
        if self.preview_result is None and self._custom is None:
            return
        self._custom = custom_profile(self.format_name(), self.mapping.columns(), self.options())
        self.run_preview()

    def map_column(self, header: str, field: str) -> Task | None:
        """Make the file's column `header` feed `field` (IGNORED: leave it out) and preview again."""
        self.mapping.choose(header, field)
        return self._preview_task

    def mapping_profile(self) -> MappingProfile | None:
        """What the preview and the import read the file with: the hand-edited mapping, else the chosen profile."""
        return self._custom or self.profile()

    def save_profile(self, name: str | None = None, *, replace: bool = False) -> MappingProfile | None:
        """Save the previewed reading options and column mapping as a profile, then choose it.

        Without `name` the user is asked for one; an existing profile of that name is replaced only if
        the user agrees (or `replace`). A non-interactive dialog opens no dialog: it needs `name`.
        """
        preview = self.preview_result
        if not can_save_profile(preview) or self._apply_running():
            return None
        name = self._ask_profile_name() if name is None else name
        if name is None:
            return None
        if not name.strip():
            self.message.error(self.tr("Type a name for the mapping profile: nothing was saved."))
            return None
        existing = profile_named(name)
        if existing is not None and not (replace or self._confirm_replace(existing.name)):
            self.message.error(fill(self.tr("A mapping profile named “{name}” already exists: nothing was saved."),
                                    name=existing.name))
            return None
        assert preview is not None  # can_save_profile said so
        try:
            profile = save_preview_as_profile(name, preview, self._custom)
        except (ServiceError, OSError) as exc:
            self.message.error(fill(self.tr("The mapping profile could not be saved: {reason}"),
                                    reason=refusal_text(exc)))
            return None
        self._custom = None  # the same mapping, now chosen under its name
        self.refresh_profiles(select=profile.name)
        self._show_options(profile_options(profile))  # the same options the preview resolved: no new preview
        self.message.ok(fill(self.tr("Saved the mapping profile “{name}”."), name=profile.name))
        return profile

    def _ask_profile_name(self) -> str | None:
        if not self.interactive:
            return None
        current = self.profile()
        name, ok = QInputDialog.getText(self, self.tr("Save as mapping profile"),
                                        self.tr("Name of the mapping profile (e.g. our ERP's monthly export):"),
                                        text=current.name if current else "")
        return name if ok else None

    def _confirm_replace(self, name: str) -> bool:
        if not self.interactive:
            return False
        answer = QMessageBox.question(
            self, self.tr("Save as mapping profile"),
            fill(self.tr("A mapping profile named “{name}” already exists. Replace it?"), name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # -- preview -------------------------------------------------------------------------------------
    def run_preview(self) -> Task | None:
        """Preview the file with the options shown (off the GUI thread); a running preview is dropped."""
        if self.path is None or self._apply_running():
            return None
        if self._preview_task is not None and not self._preview_task.finished:
            self._preview_task.cancel()
        self.preview_result, self.report = None, None
        self.apply_button.setEnabled(False)
        self.save_profile_button.setEnabled(False)
        self.message.clear_message()
        if self._profiles_error:
            self.message.error(self._profiles_error)
        path, fmt, options, profile = self.path, self.format_name(), self.options(), self.mapping_profile()

        def work(ctx: TaskContext) -> Preview:
            try:
                return self.importer.preview(path, fmt, options, profile=profile, progress=import_progress(ctx),
                                             cancel=ctx.cancel)
            except ImportCancelled:
                raise Cancelled() from None  # a dropped preview: no callback at all

        self._start_busy("reading")
        self._preview_task = run_task(work, self._on_previewed, self._on_preview_failed,
                                      progress=self._on_progress, owner=self)
        return self._preview_task

    def _on_previewed(self, preview: Preview) -> None:
        self._end_busy()
        self.preview_result = preview
        sniff, result = preview.sniff, preview.result
        detected = sniff.options if sniff else ReadOptions()
        self.encoding_combo.set_detected(detected.encoding)
        self.delimiter_combo.set_detected(detected.delimiter)
        self.decimal_combo.set_detected(detected.decimal)
        self.date_combo.set_detected(detected.date_order)
        self.encoding_combo.setEnabled(sniff is None or sniff.file_kind == "csv")
        self.delimiter_combo.setEnabled(sniff is None or sniff.file_kind == "csv")
        self._show_notes()
        self.sample_model.set_sample(sniff.headers if sniff else (), sniff.sample if sniff else ())
        if sniff is not None:
            self.mapping.show_mapping(sniff.headers, sniff.sample, self.importer.fields(result.format),
                                      dict(result.columns))
        else:
            self.mapping.show_mapping((), (), [], {})
        self.error_model.set_rows(result.errors)
        self.values.show_values(preview.values, preview.choices)
        self._fill_preview_texts()
        self._update_apply()
        self.save_profile_button.setEnabled(can_save_profile(preview))
        if result.errors:
            self.pages.setCurrentWidget(self.mapping_page if self.mapping.missing() and sniff else self.error_table)
        elif self.values.undecided():
            self.pages.setCurrentWidget(self.values_page)
        self.previewed.emit()

    def _update_apply(self) -> None:
        """Apply only a file with rows, no errors, and every new name that needs it decided."""
        preview = self.preview_result
        ready = (preview is not None and preview.result.ok and preview.result.rows_read > 0
                 and not self.values.undecided() and not self._apply_running())
        self.apply_button.setEnabled(ready)
        self._fill_values_note()

    def _on_preview_failed(self, error: BaseException) -> None:
        self._end_busy()
        log.error("import preview failed", exc_info=error)
        self.message.error(fill(self.tr("The file could not be previewed: {reason}"), reason=refusal_text(error)))
        self.previewed.emit()

    def _fill_preview_texts(self) -> None:
        preview = self.preview_result
        self.pages.setTabText(2, fill(self.tr("Errors ({count})"), count=self.formats.number(self.error_model.rowCount())))
        self.pages.setTabText(3, fill(self.tr("New names ({count})"), count=self.formats.number(len(self.values.values))))
        if preview is None:
            self.ignored_label.setText("")
            self.summary.setText("")
            return
        result = preview.result
        missing = self.mapping.missing()
        ignored = (fill(self.tr("Not imported: {columns}"), columns=", ".join(result.ignored_columns))
                   if result.ignored_columns else self.tr("Every column is imported."))
        if missing:
            ignored += " " + fill(self.tr("Choose a column for: {fields}."), fields=", ".join(missing))
        self.ignored_label.setText(ignored)
        parts = [fill(self.tr("{count} rows read."), count=self.formats.number(result.rows_read))]
        if result.errors:
            parts.append(fill(self.tr("{count} errors: fix the file (or the reading options or the column mapping) and "
                                      "preview again; nothing can be imported until there are none."),
                              count=self.formats.number(len(result.errors))))
        elif result.rows_read:
            parts.append(self.tr("No errors: ready to import."))
        else:
            parts.append(self.tr("The file has no data rows."))
        if result.new_categories:
            parts.append(fill(self.tr("New categories: {names}."), names=", ".join(result.new_categories)))
        if result.new_owner_logins:
            parts.append(fill(self.tr("New owners: {names}."), names=", ".join(result.new_owner_logins)))
        self.summary.setText(" ".join(parts))

    def _fill_values_note(self) -> None:
        waiting = self.values.undecided()
        if not self.values.values:
            self.values_note.setText(self.tr("The file names no category or person this store does not know."))
        elif waiting:
            self.values_note.setText(fill(self.tr(
                "Say what each new name is before importing: {names}. A name like an existing one is never added "
                "as a near-duplicate; only an administrator adds people."), names=", ".join(v.value for v in waiting)))
        else:
            self.values_note.setText(self.tr("Every new name is decided: mapped to an existing one, or added as new."))

    # -- apply ---------------------------------------------------------------------------------------
    def _apply_running(self) -> bool:
        return self._apply_task is not None and not self._apply_task.finished

    def apply(self) -> Task | None:
        """Import the previewed file in one transaction, off the GUI thread."""
        preview = self.preview_result
        if self.path is None or preview is None or not preview.ok or self._apply_running():
            return None
        path, fmt, options, profile = self.path, self.format_name(), self.options(), self.mapping_profile()
        decisions = self.values.decisions()
        cancel = threading.Event()  # our own flag: the result (even an applied one) always comes back
        self._apply_cancel = cancel

        def work(ctx: TaskContext) -> ImportReport:
            return self.importer.apply(path, fmt, options, profile=profile, progress=import_progress(ctx),
                                       cancel=cancel, values=decisions)

        self._set_inputs_enabled(False)
        self.apply_button.setEnabled(False)
        self.message.clear_message()
        self._start_busy("reading")
        self._apply_task = run_task(work, self._on_applied, self._on_apply_failed, progress=self._on_progress,
                                    owner=self)
        return self._apply_task

    def _on_applied(self, report: ImportReport) -> None:
        self._end_busy()
        self._set_inputs_enabled(True)
        self.report = report
        if report.errors:  # the store changed since the preview: show why nothing was written
            self.error_model.set_rows(report.errors)
            self._fill_preview_texts()
            self.pages.setCurrentWidget(self.error_table)
            self.message.error(fill(self.tr("Nothing was imported: {count} conflicts with the data store."),
                                    count=self.formats.number(len(report.errors))))
        else:
            counts = [f"{self.formats.number(n)} {translated(COUNT_TITLES.get(key, key))}"
                      for key, n in report.counts.items() if n]
            self.message.ok(fill(self.tr("Imported {count} rows from {file}: {what}."),
                                 count=self.formats.number(report.rows_read), file=report.file,
                                 what=", ".join(counts) or self.tr("nothing new")))
            self.imported.emit(report)
        self.apply_ended.emit()

    def _on_apply_failed(self, error: BaseException) -> None:
        self._end_busy()
        self._set_inputs_enabled(True)
        self._update_apply()
        if isinstance(error, ImportCancelled):
            self.message.error(self.tr("Import cancelled: nothing was written."))
        else:
            log.error("import failed", exc_info=error)
            self.message.error(fill(self.tr("The import failed and nothing was written: {reason}"),
                                    reason=refusal_text(error)))
        self.apply_ended.emit()

    def cancel(self) -> None:
        """Stop the preview or the import under way (an import rolls back: nothing is written)."""
        if self._apply_running() and self._apply_cancel is not None:
            self._apply_cancel.set()
            self.cancel_button.setEnabled(False)
        elif self._preview_task is not None and not self._preview_task.finished:
            self._preview_task.cancel()
            self._end_busy()
            self.message.error(self.tr("Preview cancelled."))
            self.previewed.emit()

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (self.format_combo, self.browse_button, self.profile_combo, self.mapping, self.values,
                       *self._option_combos()):
            widget.setEnabled(enabled)
        self.save_profile_button.setEnabled(enabled and can_save_profile(self.preview_result))

    # -- progress ------------------------------------------------------------------------------------
    def _start_busy(self, phase: str) -> None:
        self._phase = phase
        self.progress.setValue(0)
        self.progress.setFormat(translated(PHASE_TITLES[phase]))
        self.progress.setVisible(True)
        self.cancel_button.setEnabled(True)

    def _end_busy(self) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)

    def _on_progress(self, done: int, total: int, phase: str) -> None:
        if phase in PHASE_TITLES and phase != self._phase:
            self._phase = phase
            self.progress.setFormat(translated(PHASE_TITLES[phase]))
        self.progress.setValue(min(PROGRESS_STEPS, done * PROGRESS_STEPS // total) if total else 0)

    # -- lifetime and language -------------------------------------------------------------------------
    def done(self, result: int) -> None:  # noqa: D102 - closing cancels work under way
        if self._apply_running() and self._apply_cancel is not None:
            self._apply_cancel.set()
        if self._preview_task is not None and not self._preview_task.finished:
            self._preview_task.cancel()
        super().done(result)

    def _show_notes(self) -> None:
        """What the preview detected (encoding, decimal mark, date order), in the window's language."""
        sniff = self.preview_result.sniff if self.preview_result is not None else None
        self.notes_label.setText("\n".join(message_text(note) for note in sniff.notes) if sniff else "")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a file"))
        self.format_label.setText(self.tr("&Format:"))
        self.format_label.setBuddy(self.format_combo)
        self.file_label.setText(self.tr("F&ile:"))
        self.file_label.setBuddy(self.browse_button)
        for i in range(self.format_combo.count()):
            name = str(self.format_combo.itemData(i))
            self.format_combo.setItemText(i, translated(FORMAT_TITLES.get(name, name)))
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV or XLSX export…"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.profile_label.setText(self.tr("&Profile:"))
        self.profile_label.setBuddy(self.profile_combo)
        self.profile_combo.setItemText(0, self.tr("None: match headers by name"))
        self.profile_combo.setToolTip(self.tr("A saved mapping profile: reading options and the header of each "
                                              "column, for an export that comes in the same shape every time"))
        self.save_profile_button.setText(self.tr("&Save as profile…"))
        self.save_profile_button.setToolTip(self.tr("Save these reading options and this column mapping as a "
                                                    "mapping profile of the format"))
        for label, text in zip(self.option_labels, (self.tr("&Encoding:"), self.tr("&Delimiter:"), self.tr("Decimal &mark:"),
                                                     self.tr("Date &order:")), strict=True):
            label.setText(text)
        for label, combo in zip(self.option_labels, self._option_combos(), strict=True):
            label.setBuddy(combo)
            combo.retranslate()
        self.pages.setTabText(0, self.tr("First rows"))
        self.pages.setTabText(1, self.tr("Column mapping"))
        self.mapping.retranslate()
        self.values.retranslate()
        self.apply_button.setText(self.tr("&Import"))
        self.cancel_button.setText(self.tr("&Cancel"))
        self.close_button.setText(self.tr("C&lose"))
        self.error_model.retranslate()
        self._show_notes()
        self._fill_preview_texts()
