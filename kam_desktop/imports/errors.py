"""What can go wrong in an import: row-level issues as values, and the few typed exceptions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kam_desktop.domain.messages import Message, Refusal


@dataclass(frozen=True, slots=True)
class ImportIssue:
    """One problem a user must fix, pointing at the file, the spreadsheet row and the column as written.

    `row` is None for a file-level problem (missing column, unreadable file); `column` is None when the
    problem is not about one column (a duplicate key spans several).
    """

    file: str
    row: int | None
    column: str | None
    message: str
    # a finding written as a message template (i18n.translated shows it in the reader's language); "" for the
    # findings still written as English text
    template: str = ""
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, file: str, row: int | None, column: str | None, message: Message) -> ImportIssue:
        return cls(file, row, column, str(message), message.template, tuple(message.params.items()))

    def __str__(self) -> str:
        # FILE:ROW:COLUMN: message, the shape compilers use, so editors and CI logs can jump to it.
        row = "" if self.row is None else str(self.row)
        column = "" if self.column is None else self.column
        return f"{self.file}:{row}:{column}: {self.message}"


class ImportFileError(Exception):
    """A file that cannot be read at all (binary, wrong encoding, broken structure); carries the issue."""

    def __init__(self, issue: ImportIssue) -> None:
        super().__init__(str(issue))
        self.issue = issue


class HostileFileError(ImportFileError):
    """A file refused for safety: zip bomb, XML entities, a zip that is not a workbook."""


class ImportCancelled(Exception):
    """The caller asked to stop; nothing was staged."""


class ProfileError(Refusal, ValueError):
    """A saved mapping profile that is malformed or names columns the format does not have."""
