"""Sales a file would bring beyond what the store's sums can hold, together with the sales already stored."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from kam_desktop.domain.messages import Message
from kam_desktop.imports.columns import IssueSink
from kam_desktop.imports.fast import floats
from kam_desktop.imports.staged import KnownData

# Per currency, without signs: well inside the ~9.2e16 a sum of money can hold (int64 minor units on SQLite), so
# that several files, each within `rules.MAX_SUM`, cannot together bring the store to the overflow that made every
# report fail (issue 16). The stored part is read from the roll-up's cells, not the lines: cheap even at 5M lines.
STORE_MAX_SUM = 5 * 10 ** 16

def check_store_sums(frame: pd.DataFrame, headers: Mapping[str, str], known: KnownData, sink: IssueSink) -> None:
    """One finding per currency whose stored sales and this file's, signs ignored, reach `STORE_MAX_SUM`."""
    if "net_amount" not in frame or "currency" not in frame:
        return
    header = headers["net_amount"]
    if known.stored_sales is None:
        sink.add(None, header, Message.of(
            "the sales already stored add up beyond what a sum can hold; nothing more can be imported until "
            "finance reverses the import that brought them"))
        return
    brought = floats(frame["net_amount"]).abs().groupby(frame["currency"]).sum()
    for currency, total in brought.items():
        stored = float(known.stored_sales.get(str(currency), 0))
        if stored + float(total) >= STORE_MAX_SUM:
            sink.add(None, header, Message.of(
                "the {currency} sales stored ({stored:,}) and this file's ({brought:,}) add up to more than the {limit:,} "
                "the store's sums can hold; check the file's amounts (a wrong unit or column?)",
                currency=str(currency), stored=round(stored), brought=round(float(total)), limit=STORE_MAX_SUM - 1))
