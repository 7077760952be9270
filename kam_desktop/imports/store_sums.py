"""Sales a file would bring beyond what the store's sums can hold, together with the sales already stored."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.columns import IssueSink
from kam_desktop.imports.fast import floats_of
from kam_desktop.imports.staged import KnownData

# Per currency, without signs: well inside the ~9.2e16 a sum of money can hold (int64 minor units on SQLite), so
# that several files, each within `rules.MAX_SUM`, cannot together bring the store to the overflow that made every
# report fail (issue 16). The stored part is read from the roll-up's cells, not the lines: cheap even at 5M lines.
STORE_MAX_SUM = 5 * 10 ** 16


def brought(frame: pd.DataFrame, columns: tuple[str, ...] = ("net_amount",),
            parsed: Mapping[str, pd.Series] | None = None) -> dict[str, float]:
    """Per currency, what a file's `columns` add up to with their signs ignored (`parsed`: columns already as
    `floats`, row for row)."""
    values = pd.concat([floats_of(frame, c, parsed) for c in columns]).abs()
    currencies = pd.concat([frame["currency"]] * len(columns))
    return {str(currency): float(total) for currency, total in values.groupby(currencies).sum().items()}


def near(known: KnownData, frame: pd.DataFrame, limit: float, parsed: Mapping[str, pd.Series] | None = None) -> bool:
    """Whether stored and brought sales (nets and margins, signs ignored) reach `limit` in some currency: they
    bound every cell of the roll-up, so below it no cell can."""
    if known.stored_sales is None:
        return True
    return any(float(known.stored_sales.get(currency, 0)) + total >= limit
               for currency, total in brought(frame, ("net_amount", "margin_amount"), parsed).items())


def check_store_sums(frame: pd.DataFrame, headers: Mapping[str, str], known: KnownData, sink: IssueSink,
                     parsed: Mapping[str, pd.Series] | None = None) -> None:
    """One finding per currency whose stored sales and this file's, signs ignored, reach `STORE_MAX_SUM`."""
    if "net_amount" not in frame or "currency" not in frame:
        return
    header = headers["net_amount"]
    if known.stored_sales is None:
        sink.add(None, header, Message.of(
            "the sales already stored add up beyond what a sum can hold; nothing more can be imported until "
            "finance reverses the import that brought them"))
        return
    for currency, total in brought(frame, parsed=parsed).items():
        stored = float(known.stored_sales.get(currency, 0))
        if stored + total >= STORE_MAX_SUM:
            sink.add(None, header, Message.of(
                "the {currency} sales stored ({stored:,}) and this file's ({brought:,}) add up to more than the {limit:,} "
                "the store's sums can hold; check the file's amounts (a wrong unit or column?)",
                currency=currency, stored=round(stored), brought=round(total), limit=STORE_MAX_SUM - 1))
