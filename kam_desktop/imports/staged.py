"""What an import hands to the service layer: typed staged rows, the lookup it checked against, the result."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from typing import Any, Generic, TypeVar

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.errors import ImportIssue
from kam_desktop.imports.options import ReadOptions


@dataclass(frozen=True)
class KnownData:
    """What the store already holds, passed in by the caller so imports never touch a database.

    Owner logins and categories compare case-insensitively; account codes exactly.
    """

    accounts: Mapping[str, str] = field(default_factory=dict)  # account_code → currency (ISO 4217)
    owner_logins: frozenset[str] = frozenset()
    categories: frozenset[str] = frozenset()
    today: date = field(default_factory=date.today)  # default enrolled_on; future-date checks
    # per currency, the stored sales' sums without their signs (None: past any limit already); a file's own sums
    # are checked against what is left
    stored_sales: Mapping[str, Decimal] | None = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class StagedAccount:
    account_code: str
    name: str
    tax_id: str | None
    kind: str  # customer | partner
    owner_login: str
    region: str | None
    industry: str | None
    currency: str
    language: str  # pl | ru | en
    status: str  # active | inactive
    enrolled_on: date | None  # None: no date given for a known account, which keeps its own
    row: int  # the spreadsheet row it came from, for errors found while applying


@dataclass(frozen=True, slots=True)
class StagedInvoiceLine:
    invoice_no: str
    line_no: int
    invoice_date: date
    account_code: str
    category: str  # the known spelling if the category exists (case-insensitive match)
    quantity: Decimal
    net_amount: Decimal
    margin_amount: Decimal
    currency: str
    row: int


@dataclass(frozen=True, slots=True)
class StagedPotential:
    account_code: str
    category: str
    total_units: Decimal
    total_value: Decimal
    currency: str  # the account's currency: potential is money of the account
    source: str  # survey | interview | sales_book | estimate
    collected_on: date
    confidence: Decimal  # 0..1
    row: int


@dataclass(frozen=True, slots=True)
class StagedContact:
    account_code: str
    name: str
    role: str | None
    email: str | None
    phone: str | None
    language: str | None
    position: str | None
    row: int


@dataclass(frozen=True, slots=True)
class StagedOpeningBalance:
    account_code: str
    points: Decimal
    cashback: Decimal
    currency: str  # the account's currency
    expires_on: date | None
    note: str | None
    row: int


Staged = StagedAccount | StagedInvoiceLine | StagedPotential | StagedContact | StagedOpeningBalance
T = TypeVar("T", StagedAccount, StagedInvoiceLine, StagedPotential, StagedContact, StagedOpeningBalance)

ROW_TYPES: dict[str, type[Any]] = {
    "accounts": StagedAccount, "invoices": StagedInvoiceLine, "potential": StagedPotential,
    "contacts": StagedContact, "opening-balances": StagedOpeningBalance,
}


class StagedRows(Generic[T]):
    """Validated rows kept columnar (compact for a million lines), materialised as dataclasses on demand.

    `tuples()` yields plain tuples in the dataclass's field order for a bulk insert without building
    objects; iterating yields the frozen dataclasses.
    """

    def __init__(self, row_type: type[T], frame: pd.DataFrame, kinds: Mapping[str, str],
                 numbers: Mapping[str, pd.Series] | None = None) -> None:
        self.row_type: type[T] = row_type
        self._frame = frame
        self._kinds = dict(kinds)  # field → "decimal" | "date" | "optional" | "int" | "text"
        self.fields = tuple(f.name for f in fields(row_type))
        # amount columns as float64, row for row with `frame`, as validation parsed them: for bounds only (how far
        # the store's sums are from their limits), never stored; parsing a million texts again costs ~0.5 s a column
        self.numbers: Mapping[str, pd.Series] = dict(numbers or {})

    def __len__(self) -> int:
        return len(self._frame)

    @property
    def frame(self) -> pd.DataFrame:
        """The columnar rows for bulk writers (do not modify): numbers as exact normalised text
        ("-1234.5"), dates as datetime64, whole numbers as text, optional text as "" when empty."""
        return self._frame

    def kind_of(self, name: str) -> str:
        """How `name` is held in `frame`: decimal, date, int, optional or text."""
        return self._kinds.get(name, "text")

    def tuples(self, batch: int = 50_000) -> Iterator[tuple[Any, ...]]:
        for start in range(0, len(self._frame), batch):
            part = self._frame.iloc[start:start + batch]
            columns = [_python_values(part[name], self._kinds.get(name, "text")) for name in self.fields]
            yield from zip(*columns, strict=True)

    def __iter__(self) -> Iterator[T]:
        make = self.row_type
        for values in self.tuples():
            yield make(*values)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, StagedRows) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"StagedRows({self.row_type.__name__}, {len(self)} rows)"


def _python_values(series: pd.Series, kind: str) -> list[Any]:
    if kind == "decimal":
        return [Decimal(v) for v in series.tolist()]
    if kind == "date":
        # few distinct dates in many rows: convert each once
        codes, uniques = pd.factorize(series, use_na_sentinel=True)
        days = [v.date() for v in uniques]
        return [days[c] if c >= 0 else None for c in codes.tolist()]
    if kind == "int":
        return [int(v) for v in series.tolist()]
    if kind == "optional":
        return [v or None for v in series.tolist()]
    values: list[Any] = series.tolist()
    return values


def empty_rows(format_name: str) -> StagedRows[Any]:
    return StagedRows(ROW_TYPES[format_name], pd.DataFrame(), {})


@dataclass(frozen=True)
class ImportResult:
    """The outcome of reading and validating one file; apply it only if `ok`.

    When there are errors `staged` is empty on purpose: a half-valid file must not be applied.
    """

    format: str
    file: str  # the file name as the user chose it
    sha256: str
    options: ReadOptions
    columns: Mapping[str, str]  # canonical column → header as written in the file
    ignored_columns: tuple[str, ...]
    rows_read: int  # data rows, blank lines not counted
    errors: tuple[ImportIssue, ...]
    staged: StagedRows[Any]
    new_categories: tuple[str, ...] = ()
    new_owner_logins: tuple[str, ...] = ()
    notes: tuple[Message, ...] = ()  # what the preview detected, for the reader's language

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_lines(self) -> list[str]:
        """FILE:ROW:COLUMN: message, one per error, for the CLI and logs."""
        return [str(issue) for issue in self.errors]

    def summary(self) -> dict[str, object]:
        """A JSON-ready summary for `kamctl import --json` and the dialog's last page."""
        return {
            "format": self.format, "file": self.file, "sha256": self.sha256, "rows_read": self.rows_read,
            "rows_staged": len(self.staged), "errors": len(self.errors),
            "ignored_columns": list(self.ignored_columns), "new_categories": list(self.new_categories),
            "new_owner_logins": list(self.new_owner_logins), "notes": [str(note) for note in self.notes],
        }
