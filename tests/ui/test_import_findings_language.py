"""The import dialog's error table shows each finding in the window's language, at its row and column."""

from __future__ import annotations

from kam_desktop.domain.messages import Message
from kam_desktop.imports.errors import ImportFileError, ImportIssue
from kam_desktop.ui.i18n import Formats, Translators
from kam_desktop.ui.import_models import issue_columns
from kam_desktop.ui.refusals import refusal_text

ISSUE = ImportIssue.of("bad.csv", 7, "Ilość", Message.of(
    "{value!r} is not a number; write it like {example} (decimal mark {mark!r}, or change it in the preview)",
    value="dziesięć", example="1 234,56", mark=","))


def _cells(issue: ImportIssue) -> dict[str, str]:
    formats = Formats("en")
    return {col.key: col.text(issue, formats) for col in issue_columns()}


def test_the_error_table_follows_the_installed_catalogue(qapp) -> None:  # type: ignore[no-untyped-def]
    translators = Translators()
    try:
        assert translators.switch("pl")
        assert _cells(ISSUE) == {"file": "bad.csv", "row": "7", "column": "Ilość", "message": (
            "„dziesięć” nie jest liczbą; zapisz ją jak 1 234,56 (separator dziesiętny „,” albo zmień go w podglądzie)")}
        assert translators.switch("ru")
        assert _cells(ISSUE)["message"] == ("«dziesięć» — не число; запишите его как 1 234,56 (десятичный разделитель "
                                            "«,», или измените его в предпросмотре)")
        translators.clear()
        assert _cells(ISSUE)["message"] == ISSUE.message
    finally:
        translators.clear()


def test_a_file_the_preview_cannot_read_says_why_in_the_windows_language(qapp) -> None:  # type: ignore[no-untyped-def]
    error = ImportFileError(ImportIssue.of("pic.csv", None, None, Message.of(
        "this is not a text file (it holds binary bytes); export CSV or XLSX from the ERP")))
    translators = Translators()
    try:
        assert translators.switch("ru")
        assert refusal_text(error) == ("pic.csv::: это не текстовый файл (в нём двоичные байты); выгрузите CSV или "
                                       "XLSX из ERP-системы")
    finally:
        translators.clear()
