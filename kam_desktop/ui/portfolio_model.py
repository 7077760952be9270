"""The portfolio table model: adapts a list of PortfolioRow for Qt views; it holds nothing else."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QModelRoleData,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kam_desktop.services.plain import AccountWallet, PortfolioRow
from kam_desktop.ui.i18n import QT_TRANSLATE_NOOP, Formats, fill

CONTEXT = "PortfolioModel"
ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class Roles(IntEnum):
    """Custom data roles; views and proxies ask for these instead of parsing display text."""

    SORT = Qt.ItemDataRole.UserRole + 1  # a key that sorts numerically (money, counts, %)
    SEARCH = Qt.ItemDataRole.UserRole + 2  # the row's searchable text, case-folded
    ROW = Qt.ItemDataRole.UserRole + 3  # the PortfolioRow itself
    GRADE = Qt.ItemDataRole.UserRole + 4  # grade code for the badge delegate ("" when ungraded)
    BADGE_COLOR = Qt.ItemDataRole.UserRole + 5  # the grade badge's fill colour


# Plain ints: data() compares the role on every call, and an enum member's lookup costs more than the compare.
_DISPLAY, _ALIGNMENT = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND, _TOOLTIP = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.ToolTipRole)
_SORT, _SEARCH = int(Roles.SORT), int(Roles.SEARCH)
# roles a delegate asks of every cell that this model never answers (`cell` gives None for them)
_UNANSWERED = frozenset(int(r) for r in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
                                         Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DecorationRole))
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

GRADE_COLORS = {"L1": "#5b3fa3", "L2": "#b7791f", "L3": "#4f6d8a", "L4": "#8a94a6"}
UP_COLOR, DOWN_COLOR, RISK_COLOR = "#1e7d34", "#c62828", "#b45309"

KIND_LABELS = {"customer": QT_TRANSLATE_NOOP("PortfolioModel", "Customer"), "partner": QT_TRANSLATE_NOOP("PortfolioModel", "Partner")}
STATUS_LABELS = {"active": QT_TRANSLATE_NOOP("PortfolioModel", "Active"), "inactive": QT_TRANSLATE_NOOP("PortfolioModel", "Inactive")}
SEGMENT_LABELS = {
    "A": QT_TRANSLATE_NOOP("PortfolioModel", "A · Strategic"),
    "B": QT_TRANSLATE_NOOP("PortfolioModel", "B · Development"),
    "C": QT_TRANSLATE_NOOP("PortfolioModel", "C · Volume"),
    "P": QT_TRANSLATE_NOOP("PortfolioModel", "P · Partner"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # untranslated source text; translated when shown
    tip: str
    numeric: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("code", QT_TRANSLATE_NOOP("PortfolioModel", "Code"), QT_TRANSLATE_NOOP("PortfolioModel", "Account code from the ERP")),
    Column("name", QT_TRANSLATE_NOOP("PortfolioModel", "Account"), QT_TRANSLATE_NOOP("PortfolioModel", "Client company")),
    Column("kind", QT_TRANSLATE_NOOP("PortfolioModel", "Kind"), QT_TRANSLATE_NOOP("PortfolioModel", "Customer or channel partner")),
    Column("grade", QT_TRANSLATE_NOOP("PortfolioModel", "Grade"), QT_TRANSLATE_NOOP("PortfolioModel", "Grade in force (L1 is the best)")),
    Column("segment", QT_TRANSLATE_NOOP("PortfolioModel", "Segment"), QT_TRANSLATE_NOOP("PortfolioModel", "Strategic segment")),
    Column("ltv_12m", QT_TRANSLATE_NOOP("PortfolioModel", "LTV 12 m"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Net revenue over the last 12 months"), numeric=True),
    Column("trend", QT_TRANSLATE_NOOP("PortfolioModel", "Trend"),
           QT_TRANSLATE_NOOP("PortfolioModel", "LTV change against the 12 months before"), numeric=True),
    Column("share_of_wallet", QT_TRANSLATE_NOOP("PortfolioModel", "Share of wallet"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Our sales over the client's total spend in the surveyed categories"),
           numeric=True),
    Column("slot_money", QT_TRANSLATE_NOOP("PortfolioModel", "Slot value"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Potential left to win: the client's spend beyond our sales, summed over categories"),
           numeric=True),
    Column("open_benefits", QT_TRANSLATE_NOOP("PortfolioModel", "Open benefits"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Benefits proposed, waiting for approval or active"), numeric=True),
    Column("pending_exceptions", QT_TRANSLATE_NOOP("PortfolioModel", "Pending exceptions"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Policy exception requests in draft or submitted"), numeric=True),
    Column("at_risk", QT_TRANSLATE_NOOP("PortfolioModel", "At risk"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Would drop a grade after the grace period")),
    Column("churned", QT_TRANSLATE_NOOP("PortfolioModel", "Churn"),
           QT_TRANSLATE_NOOP("PortfolioModel", "No invoice for the program's churn period")),
    Column("last_statement", QT_TRANSLATE_NOOP("PortfolioModel", "Last statement"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Quarter of the latest issued quarterly statement")),
    Column("owner", QT_TRANSLATE_NOOP("PortfolioModel", "KAM"), QT_TRANSLATE_NOOP("PortfolioModel", "Key account manager")),
    Column("region", QT_TRANSLATE_NOOP("PortfolioModel", "Region"), QT_TRANSLATE_NOOP("PortfolioModel", "Sales region")),
    Column("status", QT_TRANSLATE_NOOP("PortfolioModel", "Status"), QT_TRANSLATE_NOOP("PortfolioModel", "Account status")),
    Column("evaluated_on", QT_TRANSLATE_NOOP("PortfolioModel", "Graded on"),
           QT_TRANSLATE_NOOP("PortfolioModel", "Date of the grade evaluation in force")),
)
COLUMN_INDEX = {column.key: i for i, column in enumerate(COLUMNS)}
WALLET_COLUMNS = ("share_of_wallet", "slot_money")  # filled when the potential arrives, after the rows
_GRADE_ORDER = {"L1": 1, "L2": 2, "L3": 3, "L4": 4}
_NO_VALUE = float("-inf")


class PortfolioModel(QAbstractTableModel):
    """Rows are PortfolioRow objects from the portfolio service; every cell is derived on request."""

    def __init__(self, formats: Formats, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PortfolioRow] = []
        # per row, made at the first filter after a load (not at the start): filtering 20,000 rows stays cheap
        self._search: list[str] | None = None
        self._loaded: list[PortfolioRow] = []  # in the service's order
        self._search_loaded: list[str] | None = None
        self._load_index: list[int] = []  # per shown row, its position in `_loaded`
        self._sort_keys: dict[int, list[Any]] = {}  # per column, by load position, filled on first sort
        self._sort_column, self._sort_order = -1, Qt.SortOrder.AscendingOrder
        self._formats = formats
        self._wallets: Mapping[str, AccountWallet] = {}  # by account id text; empty until the potential is read
        self._keys: Mapping[str, str] = {}  # tax IDs and contacts by account id text, read after the rows
        self._display: dict[str, Callable[[PortfolioRow], str]] = {
            "code": lambda r: r.code,
            "name": lambda r: r.name,
            "kind": lambda r: tr(KIND_LABELS.get(r.kind, r.kind)),
            "grade": lambda r: r.grade or "",
            "segment": lambda r: tr(SEGMENT_LABELS[r.segment]) if r.segment in SEGMENT_LABELS else (r.segment or ""),
            "ltv_12m": lambda r: self._formats.money(r.ltv_12m, r.currency),
            "trend": self._trend_text,
            "share_of_wallet": self._share_text,
            "slot_money": self._slot_text,
            "open_benefits": lambda r: self._formats.number(r.open_benefits) if r.open_benefits else "",
            "pending_exceptions": lambda r: self._formats.number(r.pending_exceptions) if r.pending_exceptions else "",
            "at_risk": lambda r: QCoreApplication.translate("PortfolioModel", "At risk") if r.at_risk else "",
            "churned": lambda r: QCoreApplication.translate("PortfolioModel", "Churned") if r.churned else "",
            "last_statement": lambda r: _quarter_text(r.last_statement),
            "owner": lambda r: r.owner or "",
            "region": lambda r: r.region or "",
            "status": lambda r: tr(STATUS_LABELS.get(r.status, r.status)),
            "evaluated_on": lambda r: self._formats.date(r.evaluated_on) if r.evaluated_on else "",
        }

    # -- the adapted list -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[PortfolioRow]) -> None:
        """New rows, kept in the order of the last `sort` (the service's order if none)."""
        self.beginResetModel()
        self._loaded = list(rows)
        self._sort_keys = {}
        self._search_loaded = None
        self._arrange(self._order(self._sort_column, self._sort_order))
        self.endResetModel()

    def set_wallets(self, wallets: Mapping[str, AccountWallet]) -> None:
        """Each account's share of wallet and slot value (keyed by account id text), read after the rows."""
        self._wallets = wallets
        columns = [COLUMN_INDEX[key] for key in WALLET_COLUMNS]
        for column in columns:
            self._sort_keys.pop(column, None)
        if self._sort_column in columns:
            self.sort(self._sort_column, self._sort_order)
        if self._rows:
            self.dataChanged.emit(self.index(0, min(columns)), self.index(len(self._rows) - 1, max(columns)))

    def _search_text(self, r: PortfolioRow) -> str:
        extra = self._keys.get(str(r.account_id), "") if self._keys else ""
        return f"{r.code} {r.name} {r.owner or ''} {r.region or ''} {extra}".casefold()

    def _searchable(self) -> list[str]:
        """Each shown row's search text, made when first asked for (20,000 of them would delay the first paint)."""
        if self._search is None:
            if self._search_loaded is None:
                self._search_loaded = [self._search_text(r) for r in self._loaded]
            loaded = self._search_loaded
            self._search = [loaded[i] for i in self._load_index]
        return self._search

    def set_search_keys(self, keys: Mapping[str, str]) -> None:
        """More words each account is found by (its tax ID, its contacts' names), read after the rows; the
        filter proxy matches them once it is told to filter again (`PortfolioFilterProxy.refilter`)."""
        self._keys = keys
        self._search_loaded = self._search = None

    def wallet(self, row: PortfolioRow) -> AccountWallet | None:
        return self._wallets.get(str(row.account_id))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by the column's cached keys: one Python sort, no comparison through Qt.

        A filter proxy over this model then only filters (sorting 20,000 rows through a proxy asks
        data() half a million times). Ties keep the service's order, in either direction.
        """
        self._sort_column, self._sort_order = column, order
        if len(self._loaded) < 2:
            return
        self.layoutAboutToBeChanged.emit()
        order_now = self._order(column, order)
        new_row = [0] * len(order_now)  # load position -> shown row
        for shown, loaded in enumerate(order_now):
            new_row[loaded] = shown
        persistent = self.persistentIndexList()
        moved = [self.index(new_row[self._load_index[i.row()]], i.column()) for i in persistent]
        self._arrange(order_now)
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> list[int]:
        """Load positions in the order to show them."""
        positions = list(range(len(self._loaded)))
        if not 0 <= column < len(COLUMNS):
            return positions
        keys = self._column_keys(column)
        return sorted(positions, key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    def _arrange(self, order: list[int]) -> None:
        self._load_index = order
        self._rows = [self._loaded[i] for i in order]
        self._search = None

    def _column_keys(self, column: int) -> list[Any]:
        keys = self._sort_keys.get(column)
        if keys is None:
            key = COLUMNS[column].key
            if key in WALLET_COLUMNS:
                keys = [_wallet_sort_key(key, self.wallet(r)) for r in self._loaded]
            else:
                keys = list(map(_sort_key(key), self._loaded))
            self._sort_keys[column] = keys
        return keys

    def formats_number(self, value: int) -> str:
        return self._formats.number(value)

    def display_text(self, row: PortfolioRow, key: str) -> str:
        """The cell of `row` in column `key` as the table shows it."""
        return self._display[key](row)

    def export_value(self, row: PortfolioRow, key: str) -> object:
        """The cell for a spreadsheet: amounts, shares and counts as numbers (in the account's currency, as shown),
        a date as a date, everything else as the table writes it."""
        if key == "ltv_12m":
            return row.ltv_12m
        if key == "trend":
            return row.trend_pct
        if key in ("open_benefits", "pending_exceptions"):
            return int(getattr(row, key))
        if key == "evaluated_on":
            return row.evaluated_on
        wallet = self.wallet(row)
        if key == "share_of_wallet":
            return None if wallet is None or wallet.share_of_wallet is None else wallet.share_of_wallet * 100
        if key == "slot_money":
            return None if wallet is None else wallet.slot_money
        return self._display[key](row)

    def search_texts(self) -> list[str]:
        """Each row's searchable text, case-folded (what the filter proxy matches against)."""
        return self._searchable()

    def sort_key(self, row: int, column: int) -> Any:
        return self._column_keys(column)[self._load_index[row]]

    def row_at(self, row: int) -> PortfolioRow:
        return self._rows[row]

    def set_formats(self, formats: Formats) -> None:
        """A new UI language: every cell and header text changes."""
        self._formats = formats
        self.retranslate()

    def retranslate(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    # -- QAbstractTableModel ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: ModelIndex = _ROOT) -> QModelIndex:
        """As Qt's, without its two calls back into Python for the counts (the filter proxy asks per cell)."""
        if parent.isValid() or not 0 <= row < len(self._rows) or not 0 <= column < len(COLUMNS):
            return QModelIndex()
        return self.createIndex(row, column)

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return self.column_header(section, role) if orientation == Qt.Orientation.Horizontal else None

    def column_header(self, section: int, role: int) -> Any:
        """`headerData` of a column: the filter proxy asks it directly (~400 times before the first paint)."""
        if not 0 <= section < len(COLUMNS):
            return None
        column = COLUMNS[section]
        if role == _DISPLAY:
            return tr(column.title)
        if role == _TOOLTIP:
            return tr(column.tip)
        if role == _ALIGNMENT:
            return _alignment(column)
        return None

    def data(self, index: ModelIndex, role: int = _DISPLAY) -> Any:
        if not index.isValid():
            return None
        return self.cell(index.row(), index.column(), role)

    def cell(self, number: int, column_number: int, role: int) -> Any:
        """What data() answers for row `number`, column `column_number`: the filter proxy asks this directly,
        without an index, as a painted table asks ~1,500 times (seven roles a cell)."""
        if not 0 <= number < len(self._rows) or not 0 <= column_number < len(COLUMNS):
            return None
        row, column = self._rows[number], COLUMNS[column_number]
        if role == _DISPLAY:
            return self._display[column.key](row)
        if role == _ALIGNMENT:
            return _RIGHT if column.numeric else _LEFT
        if role == _FOREGROUND:
            return self._foreground(column.key, row)
        if role == _SORT:
            return self.sort_key(number, column_number)
        if role == _SEARCH:
            return self._searchable()[number]
        if role == _TOOLTIP:
            return self._tooltip(column.key, row)
        return self._custom(role, row)

    def fill_cell(self, number: int, column_number: int, entries: Iterable[QModelRoleData]) -> None:
        """`cell` for every role in `entries` (what a painted cell asks at once, through `multiData`).

        A delegate asks seven roles a cell, of which display, alignment and colour have answers here: those are
        answered without a call a role, the others cleared at once (~1,000 of the first paint's calls into Python).
        """
        if not 0 <= number < len(self._rows) or not 0 <= column_number < len(COLUMNS):
            for wanted in entries:
                wanted.clearData()
            return
        row, column = self._rows[number], COLUMNS[column_number]
        value: Any
        for wanted in entries:
            role = wanted.role()
            if role == _DISPLAY:
                value = self._display[column.key](row)
            elif role == _ALIGNMENT:
                value = _RIGHT if column.numeric else _LEFT
            elif role == _FOREGROUND:
                value = self._foreground(column.key, row)
            elif role in _UNANSWERED:
                value = None
            else:
                value = self.cell(number, column_number, role)
            if value is None:
                wanted.clearData()  # a delegate reuses its span from cell to cell: the last cell's value is there
            else:
                wanted.setData(value)

    def _custom(self, role: int, row: PortfolioRow) -> Any:
        if role == Roles.ROW:
            return row
        if role == Roles.GRADE:
            return row.grade or ""
        if role == Roles.BADGE_COLOR:
            return QColor(GRADE_COLORS.get(row.grade or "", "#9aa3b2"))
        return None

    # -- derived cells -----------------------------------------------------------------------------
    def _trend_text(self, row: PortfolioRow) -> str:
        trend = row.trend_pct
        if trend is None:
            return QCoreApplication.translate("PortfolioModel", "new") if row.ltv_12m > 0 else ""
        arrow = "▲" if trend > 0 else "▼" if trend < 0 else "▶"
        return f"{arrow} {self._formats.percent(trend, signed=True)}"

    def _share_text(self, row: PortfolioRow) -> str:
        wallet = self.wallet(row)
        if wallet is None or wallet.share_of_wallet is None:
            return ""
        return self._formats.percent(wallet.share_of_wallet * 100)

    def _slot_text(self, row: PortfolioRow) -> str:
        wallet = self.wallet(row)
        return "" if wallet is None else self._formats.money(wallet.slot_money, row.currency)

    @staticmethod
    def _foreground(key: str, row: PortfolioRow) -> QColor | None:
        if key == "trend" and row.trend_pct is not None and row.trend_pct != 0:
            return QColor(UP_COLOR if row.trend_pct > 0 else DOWN_COLOR)
        if key == "at_risk" and row.at_risk:
            return QColor(RISK_COLOR)
        return None

    def _tooltip(self, key: str, row: PortfolioRow) -> str | None:
        if key == "ltv_12m":
            previous = self._formats.money(row.ltv_prev_12m, row.currency, cents=True)
            return fill(QCoreApplication.translate("PortfolioModel", "{amount} (the 12 months before: {previous})"),
                        amount=self._formats.money(row.ltv_12m, row.currency, cents=True), previous=previous)
        if key == "name":
            return row.name
        return None


def _alignment(column: Column) -> int:
    return _RIGHT if column.numeric else _LEFT


def _quarter_text(period: str | None) -> str:
    """2026Q1 → "Q1 2026" (the same in the three languages)."""
    if not period or "Q" not in period:
        return period or ""
    year, quarter = period.split("Q", 1)
    return f"Q{quarter} {year}"


def _wallet_sort_key(key: str, wallet: AccountWallet | None) -> float:
    if wallet is None:
        return _NO_VALUE
    value = wallet.share_of_wallet if key == "share_of_wallet" else wallet.slot_money
    return _NO_VALUE if value is None else float(value)


def _ltv_key(row: PortfolioRow) -> float:
    base = row.ltv_12m_base  # accounts in other currencies compare in the base currency when a rate is known
    return float(base if base is not None else row.ltv_12m)


def _trend_key(row: PortfolioRow) -> float:
    trend = row.trend_pct
    return _NO_VALUE if trend is None else float(trend)


def _text_key(key: str) -> Callable[[PortfolioRow], str]:
    def text(row: PortfolioRow) -> str:
        value = getattr(row, key, None)
        return (str(value) if value is not None else "").casefold()
    return text


# Each column's sort key: a value Qt compares natively (float, int, str), so sorting stays numeric and fast. One
# function per column, mapped over the rows: the default sort (LTV) of 20,000 rows runs before the first paint.
_SORT_KEYS: dict[str, Callable[[PortfolioRow], Any]] = {
    "ltv_12m": _ltv_key,
    "trend": _trend_key,
    "grade": lambda row: _GRADE_ORDER.get(row.grade or "", 9),
    "open_benefits": lambda row: int(row.open_benefits),
    "pending_exceptions": lambda row: int(row.pending_exceptions),
    "at_risk": lambda row: int(row.at_risk),
    "churned": lambda row: int(row.churned),
    "evaluated_on": lambda row: row.evaluated_on.toordinal() if row.evaluated_on else 0,
}


def _sort_key(key: str) -> Callable[[PortfolioRow], Any]:
    """The sort key function of a column `key` (its text, case-folded, where it has no better one)."""
    return _SORT_KEYS.get(key) or _text_key(key)
