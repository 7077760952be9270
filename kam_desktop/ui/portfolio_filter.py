"""Filter-as-you-type for the portfolio: the rows matching the typed words, and a proxy showing just those."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, chain, compress, repeat
from operator import contains, not_, or_
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractProxyModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QPersistentModelIndex,
    Qt,
)

from kam_desktop.ui.portfolio_model import COLUMNS, PortfolioModel, Roles

ModelIndex = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
# Only rows change on a filter: the hint leaves the horizontal header (widths, hidden and moved columns)
# alone and lets the selection model keep whole rows.
_ROWS_ONLY = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
_WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"  # the signals' overload


def _emit_rows_only(signal: Any) -> None:
    signal[_WITH_HINT].emit([], _ROWS_ONLY)


def filter_words(text: str) -> tuple[str, ...]:
    """The words of a filter text, case-folded; a row matches when it contains every one."""
    return tuple(text.casefold().split())


def matching_rows(texts: Sequence[str], words: Sequence[str], among: Sequence[int] | None = None,
                  index: WordIndex | None = None) -> list[int]:
    """Positions of the texts containing every word, among `among` in its order (default: all, ascending).

    Each word is one pass of C-level iterators over the rows left, not a Python call per row: 20,000
    rows cost one to two milliseconds a word. The longest word goes first as it is usually the rarest.
    An `index` of these texts (`WordIndex`) gives, without `among`, the rows of the first word it finds in few
    tokens instead of that pass, and keeps those of the rows found that hold a later word when that is cheaper.
    """
    ordered = sorted(_essential(words), key=len, reverse=True)
    if not ordered:
        return list(range(len(texts))) if among is None else list(among)
    looked_up = None if index is None or among is not None else index.first_look_up(ordered)
    if looked_up is not None:
        first, found = looked_up
        ordered.remove(first)
    else:
        rows: Sequence[int] = range(len(texts)) if among is None else among
        first_texts = texts if among is None else map(texts.__getitem__, rows)
        found = list(compress(rows, map(contains, first_texts, repeat(ordered.pop(0)))))
    for word in ordered:
        if not found:
            break
        kept = None if index is None else index.keep_rows_with(word, found)
        found = kept if kept is not None else list(
            compress(found, map(contains, map(texts.__getitem__, found), repeat(word))))
    return found


class WordIndex:
    """The rows of a list of texts by each distinct token (whitespace-free run) in them: a word's rows
    found without reading every text.

    A word holds no whitespace, so a text contains it exactly when one of its tokens does. The distinct
    tokens are far fewer than the texts' characters and are searched as joined strings (a C-level scan
    of contiguous memory; the ASCII tokens apart, one byte a character, and the only ones an ASCII word
    can be in); a word found in few tokens has the union of those tokens' rows. One found in many
    tokens ("a") is better left to a scan of the rows (`looks_up` says which).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        # A token of one row (a code) has its row, not a list: 20,000 lists made at once would set off the
        # garbage collector's full pass over every object of the portfolio (~120 ms, measured).
        postings: dict[str, int | list[int]] = {}
        get = postings.get
        for row, text in enumerate(texts):
            for token in text.split():
                rows = get(token)
                if rows is None:
                    postings[token] = row
                elif isinstance(rows, int):
                    if rows != row:  # the token twice in one text: the row once
                        postings[token] = [rows, row]
                elif rows[-1] != row:
                    rows.append(row)
        ascii_tokens = [token for token in postings if token.isascii()]
        other_tokens = [token for token in postings if not token.isascii()]
        self._ascii = _Tokens(ascii_tokens, [_rows(postings[t]) for t in ascii_tokens], len(texts))
        self._other = _Tokens(other_tokens, [_rows(postings[t]) for t in other_tokens], len(texts))
        # a word in more tokens is matched by a pass over the rows (~0.1 µs a row) rather than looked up
        self._most_tokens = max(64, len(texts) // 16)

    def _parts(self, word: str) -> tuple[_Tokens, ...]:
        return (self._ascii, self._other) if word.isascii() else (self._other,)

    def looks_up(self, word: str) -> bool:
        """True when `word` (no whitespace) is in few enough distinct tokens for a look-up to beat a scan."""
        return sum(part.joined.count(word) for part in self._parts(word)) <= self._most_tokens

    def first_look_up(self, words: Sequence[str]) -> tuple[str, list[int]] | None:
        """The first of `words` that `looks_up`, and its rows (`rows_with`); None when none does."""
        for word in words:
            if self.looks_up(word):
                return word, self.rows_with(word)
        return None

    def rows_with(self, word: str) -> list[int]:
        """The rows, ascending (a new list), whose text contains `word` (no whitespace)."""
        postings = [rows for part in self._parts(word) for rows, _ in part.holding(word)]
        if len(postings) <= 1:
            return list(postings[0]) if postings else []
        return sorted(set().union(*postings))

    def keep_rows_with(self, word: str, rows: list[int]) -> list[int] | None:
        """Those of `rows` whose text contains `word`, in their order, by the rows of the tokens holding it; None when
        those are too many for this to beat reading the texts of `rows` (scattered in memory: ~0.2 µs a row)."""
        if not self.looks_up(word):
            return None
        held = [posting for part in self._parts(word) for posting in part.holding(word)]
        if not held:
            return []
        held.sort(key=lambda posting: len(posting[0]), reverse=True)
        (largest, its_set), others = held[0], [rows for rows, _ in held[1:]]
        made = sum(map(len, others)) + (len(largest) if its_set is None else 0)  # ~0.04 µs a row made a member
        if made > 4 * len(rows):
            return None
        having = set(largest) if its_set is None else its_set
        if others and len(largest) < len(rows):
            having = having.union(*others)
        elif others:  # the largest may hold nearly all ("z" in "sp. z o.o."): the others asked only for the rest
            in_largest = list(map(having.__contains__, rows))
            missing = list(compress(rows, map(not_, in_largest)))
            also = set(missing).intersection(chain.from_iterable(others)) if missing else set()
            if also:
                return list(compress(rows, map(or_, in_largest, map(also.__contains__, rows))))
            return list(compress(rows, in_largest))
        return list(compress(rows, map(having.__contains__, rows)))


def _rows(rows: int | list[int]) -> Sequence[int]:
    """A token's rows as a sequence: a range for one row (no object for the garbage collector to follow)."""
    return range(rows, rows + 1) if isinstance(rows, int) else rows


class _Tokens:
    """Distinct tokens joined by newlines (no token holds whitespace: no word spans two), each with its rows, and
    the rows of the commonest ones as a set too (a filter's later words keep rows by asking those). No object per
    token but its rows (and no tuple): see WordIndex."""

    def __init__(self, tokens: list[str], rows: list[Sequence[int]], size: int) -> None:
        self.joined = "\n".join(tokens) + "\n"
        self.starts = list(accumulate(map(len, tokens), lambda at, length: at + length + 1, initial=0))
        self.rows = rows
        common = max(256, size // 32)
        self.sets = {token: frozenset(of) for token, of in enumerate(rows) if len(of) >= common}

    def holding(self, word: str) -> list[tuple[Sequence[int], frozenset[int] | None]]:
        """The rows (and set) of each token containing `word`."""
        joined, starts, found = self.joined, self.starts, []
        at = joined.find(word)
        while at >= 0:
            token = bisect_right(starts, at) - 1
            found.append((self.rows[token], self.sets.get(token)))
            at = joined.find(word, starts[token + 1])  # on from the next token: each token once
        return found


def _essential(words: Sequence[str]) -> list[str]:
    """The words without repeats and without those inside another word ("sp" is implied by "sp.")."""
    unique = list(dict.fromkeys(words))
    return [w for w in unique if not any(w != other and w in other for other in unique)]


def narrows(old: Sequence[str], new: Sequence[str]) -> bool:
    """True when every row matching `new` also matches `old` (each old word lies inside a new one)."""
    return all(any(word in other for other in new) for word in old)


class PortfolioFilterProxy(QAbstractProxyModel):
    """Shows the source rows whose search text contains every word typed (any order, any case).

    It keeps the list of matching source rows, in the source's order, computed in one go per filter
    change; a change is one layout change, so the view keeps the selection of rows still shown. It never
    sorts itself: `sort` reorders the source model (a Python sort on cached keys) and the proxy follows.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._rows: list[int] = []  # proxy row -> source row, ascending
        self._saved: list[tuple[QModelIndex, QPersistentModelIndex]] = []  # across a source layout change
        self._cell_flags: Qt.ItemFlag | None = None  # the portfolio model's, alike for every cell
        self._index: WordIndex | None = None  # of the portfolio model's search texts `_indexed` (kept: made once)
        self._indexed: Sequence[str] | None = None

    # -- filter ---------------------------------------------------------------------------------------
    def set_filter_text(self, text: str) -> None:
        words = filter_words(text)
        if words == self._words:
            return
        among = self._rows if self._words and narrows(self._words, words) else None  # typing on narrows
        self._words = words
        self._relayout(self._matching(among, typed=True))

    def refilter(self) -> None:
        """Match the typed words again: the rows' search texts changed (more keys arrived)."""
        if self._words:
            self._relayout(self._matching())

    def _matching(self, among: Sequence[int] | None = None, typed: bool = False) -> list[int]:
        """The source rows matching the words; `typed`: for a new filter text, which may make the words' index."""
        if not self._words:  # every row: the search texts are not needed (nor made, at a start)
            source = self.sourceModel()
            return list(range(source.rowCount() if source is not None else 0)) if among is None else list(among)
        texts = self._search_texts()
        index = self._word_index(texts, make=typed)
        if among is not None and index is not None and any(map(index.looks_up, self._words)):
            among = None  # a look-up finds every match at once (the rows shown hold them all: no need to say so)
        return matching_rows(texts, self._words, among, index)

    def _word_index(self, texts: Sequence[str], make: bool) -> WordIndex | None:
        """The index of the portfolio model's search texts, if it was made for these texts or `make` says to make it.

        It is made when a filter is typed after the texts changed (a load, a sort, more search keys), not at those
        changes, which one pass matches as before: 20,000 rows take 40-70 ms of CPU once, a word's rows then
        ~0.3 ms, not ~2 (a pass over 20,000 texts scattered in memory)."""
        if not isinstance(self.sourceModel(), PortfolioModel):  # texts made per call: an index would not last
            return None
        if texts is not self._indexed:  # an index of other texts is of no more use
            self._index, self._indexed = (WordIndex(texts), texts) if make else (None, None)
        return self._index

    def _search_texts(self) -> Sequence[str]:
        source = self.sourceModel()
        if source is None:
            return []
        if isinstance(source, PortfolioModel):  # computed once per load, no model call per row
            return source.search_texts()
        return [source.index(r, 0).data(Roles.SEARCH) or "" for r in range(source.rowCount())]

    def _relayout(self, rows: list[int]) -> None:
        """Show `rows`; persistent indexes (selection, current row) follow their source rows or vanish."""
        _emit_rows_only(self.layoutAboutToBeChanged)
        old = self.persistentIndexList()
        sources = [self._rows[i.row()] for i in old]
        self._rows = rows
        moved = [self._from_source_row(s, i.column()) for s, i in zip(sources, old, strict=True)]
        self.changePersistentIndexList(old, moved)
        _emit_rows_only(self.layoutChanged)

    def _from_source_row(self, source_row: int, column: int) -> QModelIndex:
        at = bisect_left(self._rows, source_row)
        if at < len(self._rows) and self._rows[at] == source_row:
            return self.createIndex(at, column)
        return QModelIndex()

    def _proxy_span(self, first: int, last: int) -> tuple[int, int]:
        """Proxy rows [start, stop) showing source rows first…last: the mapping is ascending."""
        return bisect_left(self._rows, first), bisect_right(self._rows, last)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None:
            source.sort(column, order)

    # -- QAbstractProxyModel ---------------------------------------------------------------------------
    def setSourceModel(self, source: QAbstractItemModel) -> None:  # noqa: N802 - Qt API
        self.beginResetModel()
        old = self.sourceModel()
        if old is not None:
            self._disconnect(old)
        super().setSourceModel(source)
        self._cell_flags = None
        if source is not None:
            self._connect(source)
        self._rows = self._matching()
        self.endResetModel()

    def mapToSource(self, proxy_index: ModelIndex) -> QModelIndex:  # noqa: N802 - Qt API
        source = self.sourceModel()
        if source is None or not proxy_index.isValid() or proxy_index.row() >= len(self._rows):
            return QModelIndex()
        return source.index(self._rows[proxy_index.row()], proxy_index.column())

    def mapFromSource(self, source_index: ModelIndex) -> QModelIndex:  # noqa: N802 - Qt API
        if not source_index.isValid():
            return QModelIndex()
        return self._from_source_row(source_index.row(), source_index.column())

    def index(self, row: int, column: int, parent: ModelIndex = _ROOT) -> QModelIndex:
        """As Qt's; the portfolio model's columns are counted without two calls into Python (asked per painted cell)."""
        if parent.isValid() or not 0 <= row < len(self._rows):
            return QModelIndex()
        source = self.sourceModel()
        columns = len(COLUMNS) if isinstance(source, PortfolioModel) else self.columnCount()
        return self.createIndex(row, column) if 0 <= column < columns else QModelIndex()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        """The portfolio model's (the same for every cell) without mapping the index through Python: a painted cell
        asks for them, and the base class's answer called mapToSource and the source's index() each time."""
        source = self.sourceModel()
        if not isinstance(source, PortfolioModel) or not index.isValid():
            return super().flags(index)
        if self._cell_flags is None:
            self._cell_flags = super().flags(index)
        return self._cell_flags

    def parent(self, _index: ModelIndex = _ROOT) -> QModelIndex:  # type: ignore[override]
        return QModelIndex()

    def rowCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = _ROOT) -> int:  # noqa: N802 - Qt API
        source = self.sourceModel()
        return 0 if parent.isValid() or source is None else source.columnCount()

    def hasChildren(self, parent: ModelIndex = _ROOT) -> bool:  # noqa: N802 - Qt API
        return not parent.isValid() and bool(self._rows) and self.columnCount() > 0

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The source cell's data, asked of the portfolio model without making its index (~1,500 calls a paint)."""
        source, row = self.sourceModel(), index.row()
        if source is None or not index.isValid() or row >= len(self._rows):
            return None
        if isinstance(source, PortfolioModel):
            return source.cell(self._rows[row], index.column(), role)
        return source.data(source.index(self._rows[row], index.column()), role)

    def multiData(self, index: ModelIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:  # noqa: N802
        """Every role a painted cell asks for (a delegate asks seven at once) in one call into Python, not seven."""
        source, row = self.sourceModel(), index.row()
        if not isinstance(source, PortfolioModel) or not index.isValid() or row >= len(self._rows):
            super().multiData(index, roleDataSpan)
            return
        try:
            entries = iter(roleDataSpan)  # type: ignore[call-overload]  # a span, as Qt passes it
        except TypeError:  # a binding whose spans Python cannot walk: one data() call a role, as Qt's own does
            super().multiData(index, roleDataSpan)
            return
        source.fill_cell(self._rows[row], index.column(), entries)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Titles straight from the source (the base class maps each through a proxy index into Python)."""
        source = self.sourceModel()
        if source is None:
            return None
        if isinstance(source, PortfolioModel) and orientation == Qt.Orientation.Horizontal:
            return source.column_header(section, role)
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rows):
                return None
            section = self._rows[section]
        return source.headerData(section, orientation, role)

    # -- the source's signals --------------------------------------------------------------------------
    def _signal_slots(self, source: QAbstractItemModel) -> list[tuple[Any, Any]]:
        return [
            (source.modelAboutToBeReset, self.beginResetModel),
            (source.modelReset, self._on_source_model_reset),
            (source.layoutAboutToBeChanged, self._on_source_layout_about_to_be_changed),
            (source.layoutChanged, self._on_source_layout_changed),
            (source.dataChanged, self._on_source_data_changed),
            (source.headerDataChanged, self._on_source_header_data_changed),
            (source.rowsInserted, self._on_source_rows_inserted),
            (source.rowsAboutToBeRemoved, self._on_source_rows_about_to_be_removed),
            (source.rowsRemoved, self._on_source_rows_removed),
            (source.rowsAboutToBeMoved, self._on_source_layout_about_to_be_changed),
            (source.rowsMoved, self._on_source_layout_changed),
            (source.columnsAboutToBeInserted, self.beginResetModel),
            (source.columnsInserted, self._on_source_model_reset),
            (source.columnsAboutToBeRemoved, self.beginResetModel),
            (source.columnsRemoved, self._on_source_model_reset),
            (source.columnsAboutToBeMoved, self.beginResetModel),
            (source.columnsMoved, self._on_source_model_reset),
            (source.destroyed, self._on_source_destroyed),
        ]

    def _connect(self, source: QAbstractItemModel) -> None:
        for signal, slot in self._signal_slots(source):
            signal.connect(slot)

    def _disconnect(self, source: QAbstractItemModel) -> None:
        for signal, slot in self._signal_slots(source):
            signal.disconnect(slot)

    def _on_source_destroyed(self, *_args: object) -> None:
        self._rows = []  # as the base class, which drops the persistent indexes and emits nothing

    def _on_source_model_reset(self, *_args: object) -> None:
        self._rows = self._matching()
        self.endResetModel()

    def _on_source_layout_about_to_be_changed(self, *_args: object) -> None:
        """Remember each persistent index's source cell; the source moves those during its change."""
        _emit_rows_only(self.layoutAboutToBeChanged)
        self._saved = [(i, QPersistentModelIndex(self.mapToSource(i)))
                       for i in self.persistentIndexList()]

    def _on_source_layout_changed(self, *_args: object) -> None:
        self._rows = self._matching()  # the same rows match, in the source's new order
        saved, self._saved = self._saved, []
        self.changePersistentIndexList([proxy for proxy, _ in saved],
                                       [self.mapFromSource(source) for _, source in saved])
        _emit_rows_only(self.layoutChanged)

    def _on_source_data_changed(self, top_left: QModelIndex, bottom_right: QModelIndex,
                                roles: list[int] = []) -> None:  # noqa: B006 - Qt's signature, never mutated
        """Forward the shown part; a search text only changes with a reset, so the rows shown stay."""
        start, stop = self._proxy_span(top_left.row(), bottom_right.row())
        if start < stop:
            self.dataChanged.emit(self.index(start, top_left.column()), self.index(stop - 1, bottom_right.column()),
                                  roles)

    def _on_source_header_data_changed(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        if orientation == Qt.Orientation.Horizontal:
            self.headerDataChanged.emit(orientation, first, last)
            return
        start, stop = self._proxy_span(first, last)
        if start < stop:
            self.headerDataChanged.emit(orientation, start, stop - 1)

    def _on_source_rows_inserted(self, parent: QModelIndex, first: int, last: int) -> None:
        """New source rows that match are inserted; nothing shown changes before they exist."""
        if parent.isValid():
            return
        count = last - first + 1
        at = bisect_left(self._rows, first)
        self._rows[at:] = [r + count for r in self._rows[at:]]  # the rows shown stay, renumbered
        new = matching_rows(self._search_texts(), self._words, range(first, last + 1))
        if new:
            self.beginInsertRows(QModelIndex(), at, at + len(new) - 1)
            self._rows[at:at] = new
            self.endInsertRows()

    def _on_source_rows_about_to_be_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        start, stop = self._proxy_span(first, last)
        if not parent.isValid() and start < stop:
            self.beginRemoveRows(QModelIndex(), start, stop - 1)

    def _on_source_rows_removed(self, parent: QModelIndex, first: int, last: int) -> None:
        if parent.isValid():
            return
        start, stop = self._proxy_span(first, last)
        count = last - first + 1
        self._rows[start:] = [r - count for r in self._rows[stop:]]
        if start < stop:
            self.endRemoveRows()
