"""Typed errors of the document renderers."""

from __future__ import annotations


class DocumentError(Exception):
    """Base class: a document cannot be produced from the data given."""


class FontsNotFoundError(DocumentError):
    """The shipped TrueType fonts are missing (a broken install)."""


class UnsupportedLanguageError(DocumentError):
    """A document language other than pl, ru or en."""


class StatementBalanceError(DocumentError):
    """A statement whose closing balance is not opening + the sum of its entries; nothing is rendered."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        super().__init__("statement does not balance: " + "; ".join(self.problems))
