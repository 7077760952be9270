"""Rules across columns and rows: known accounts, currencies, signs, natural keys, new names."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

from kam_desktop.domain.messages import Listing, Message
from kam_desktop.domain.printable import unprintable, unprintable_problem
from kam_desktop.imports.columns import IssueSink
from kam_desktop.imports.fast import empty, flags, floats, floats_of, lookup
from kam_desktop.imports.staged import KnownData
from kam_desktop.imports.synonyms import normalise_label
from kam_desktop.imports.values import clipped, is_negative


def check_known_accounts(codes: pd.Series, rows: pd.Series, header: str, known: KnownData,
                         sink: IssueSink) -> pd.Series:
    """Flag account codes the store does not have; returns the mask of known ones."""
    uniques = [u for u in codes.unique() if u]
    folded = {code.casefold(): code for code in known.accounts}
    hints = {u: folded.get(u.casefold()) for u in uniques if u not in known.accounts}
    if not hints:
        return ~empty(codes)
    unknown = codes.isin(list(hints))
    sink.add_rows(rows, unknown, header, codes, lambda v: _unknown_account(v, hints.get(v)))
    return ~empty(codes) & ~unknown


def _unknown_account(code: str, hint: str | None) -> Message:
    if hint:
        return Message.of("unknown account {code!r} (did you mean {hint!r}? codes are case-sensitive); import or "
                          "create the account first", code=clipped(code), hint=hint)
    return Message.of("unknown account {code!r}; import or create the account first", code=clipped(code))


def account_currency(codes: pd.Series, known: KnownData) -> pd.Series:
    return lookup(codes, dict(known.accounts))


def check_currency(codes: pd.Series, currency: pd.Series, rows: pd.Series, header: str,
                   known: KnownData, sink: IssueSink) -> None:
    """A row's currency must be the account's: amounts are never converted silently."""
    expected = account_currency(codes, known)
    wrong = ~empty(expected) & ~empty(currency) & (currency != expected)
    if wrong.any():
        for row, code, got, want in zip(rows[wrong], codes[wrong], currency[wrong], expected[wrong],
                                        strict=True):
            sink.add(int(row), header, Message.of("currency {got} does not match account {code}'s currency "
                                                  "{want}; fix the export or the account",
                                                  got=got, code=code, want=want))


def check_sign(quantity: pd.Series, net: pd.Series, rows: pd.Series, header: str, sink: IssueSink,
               as_floats: tuple[pd.Series, pd.Series] | None = None) -> None:
    """Quantity and net amount share a sign: a sale is positive, a return negative in both.

    `as_floats` may bring float views already computed (fast.floats): exact enough for a sign.
    """
    q, n = as_floats or (floats(quantity), floats(net))
    differ = (q * n) < 0
    if differ.any():
        for row, q, n in zip(rows[differ], quantity[differ], net[differ], strict=True):
            sink.add(int(row), header, Message.of("quantity {quantity} and net_amount {net} have different signs; "
                                                  "a return has both negative, a sale both positive",
                                                  quantity=_number(q), net=_number(n)))


def check_margin(net: pd.Series, margin: pd.Series, rows: pd.Series, header: str, sink: IssueSink,
                 as_floats: tuple[pd.Series, pd.Series] | None = None) -> None:
    """Margin is net minus cost, so it cannot exceed a sale's net (nor fall below a return's)."""
    # float only to compare (NaN where empty compares False); the staged values stay exact Decimal text
    n, m = as_floats or (floats(net), floats(margin))
    beyond = ((n > 0) & (m > n)) | ((n < 0) & (m < n))
    if beyond.any():
        for row, nv, mv in zip(rows[beyond], net[beyond], margin[beyond], strict=True):
            sink.add(int(row), header, Message.of("margin_amount {margin} is beyond net_amount {net}; "
                                                  "is this column the gross amount or the price?",
                                                  margin=_number(mv), net=_number(nv)))


def check_printable(texts: pd.Series, rows: pd.Series, header: str, sink: IssueSink) -> None:
    """A name the documents print must be in letters their font has (domain.printable): no CJK, no emoji."""
    bad = flags(texts, lambda v: not v.isascii() and bool(unprintable(v)))
    if not bad.any():
        return
    for row, value in zip(rows[bad].tolist(), texts[bad].tolist(), strict=True):
        problem = unprintable_problem(None, value)  # the finding names the column
        if problem is not None:
            sink.add(int(row), header, problem)


def check_not_negative(values: pd.Series, rows: pd.Series, header: str, what: Message,
                       sink: IssueSink) -> None:
    sink.add_rows(rows, is_negative(values) & (values != ""), header, values,
                  lambda v: Message.of("{value} is negative; {what} cannot be below 0", value=_number(v), what=what))


def check_not_future(dates: pd.Series, rows: pd.Series, header: str, known: KnownData,
                     sink: IssueSink) -> None:
    future = dates.notna() & (dates > pd.Timestamp(known.today))
    sink.add_rows(rows, future, header, dates.dt.date,
                  lambda v: Message.of("{day} is after today ({today}); check the date order", day=v,
                                       today=known.today))


EARLIEST = pd.Timestamp("1990-01-01")  # no fact of this program (or its clients' ERPs) is older
HORIZON_YEARS = 10  # an expiry further out than this is a typo (2099, 20026), not a plan


def check_date_range(dates: pd.Series, rows: pd.Series, header: str, known: KnownData, sink: IssueSink) -> None:
    """Dates before 1990 or more than ten years after today: a mistyped year or an ERP's 'no date' filler."""
    latest = pd.Timestamp(known.today) + pd.DateOffset(years=HORIZON_YEARS)
    odd = dates.notna() & ((dates < EARLIEST) | (dates > latest))
    sink.add_rows(rows, odd, header, dates.dt.date,
                  lambda v: Message.of("{day} is outside {earliest}..{latest}; check the year", day=v,
                                       earliest=EARLIEST.date(), latest=latest.date()))


# SQLite stores money as int64 minor units (max ~9.2e16 major units): one file may bring at most a tenth of it,
# so the largest single value (15 digits) still fits, and 120 of them (issue 16) do not.
MAX_SUM = 10 ** 16


def check_sums(frame: pd.DataFrame, columns: list[str], headers: Mapping[str, str], sink: IssueSink,
               parsed: Mapping[str, pd.Series] | None = None) -> None:
    """A file whose values add up beyond what a total can hold is refused before anything is written.

    Each line within the 15-digit limit is not enough: 120 such lines made every aggregate of the store
    overflow. The absolute values are summed, so a sale and its return cannot hide each other.
    """
    for col in columns:
        total = floats_of(frame, col, parsed).abs().sum()
        if total >= MAX_SUM:
            sink.add(None, headers[col], Message.of(
                "the {column} values add up to about {total:,}, beyond the {limit:,} a sum can hold; check the "
                "column (a wrong unit or column?) or split the file",
                column=headers[col], total=round(total), limit=MAX_SUM - 1))


def new_names(values: pd.Series, known: frozenset[str]) -> tuple[dict[str, str], list[str]]:
    """Spelling map (to the known spelling, case- and space-insensitive) and the new names, first spelling wins."""
    by_label = {normalise_label(k): k for k in known}
    spelling: dict[str, str] = {}
    fresh: dict[str, str] = {}
    for value in values.unique():
        if not value:
            continue
        label = normalise_label(value)
        if label in by_label:
            spelling[value] = by_label[label]
        else:
            spelling[value] = fresh.setdefault(label, value)
    return spelling, list(fresh.values())


def check_duplicates(frame: pd.DataFrame, key: tuple[str, ...], headers: Mapping[str, str],
                     sink: IssueSink) -> None:
    """Each natural key once per file; every repeat names the row it repeats."""
    present = pd.Series(True, index=frame.index)
    for col in key:
        values = frame[col]
        present &= values.notna() & ((values != "") if values.dtype == object else True)
    keyed = frame.loc[present, [*key, "_row"]]
    repeat = keyed.duplicated(list(key), keep="first")
    if not repeat.any():
        return
    first = keyed.drop_duplicates(list(key), keep="first").set_index(list(key))["_row"]
    column = "+".join(headers[c] for c in key)
    for values in keyed[repeat].itertuples(index=False):
        parts = tuple(values[: len(key)])
        shown = Listing(tuple(_show(v) for v in parts), " + ")
        where = first.loc[parts if len(key) > 1 else parts[0]]
        sink.add(int(values[-1]), column, Message.of("duplicate key {key}: already in row {row}; each appears once "
                                                     "in a file", key=shown, row=int(where)))


def _show(value: object) -> Message | str:
    """A key's or a head's value: a date in the reader's way, anything else as the file wrote it."""
    if isinstance(value, pd.Timestamp):
        return Message.of("{day}", day=value.date())
    return str(value)


def _number(text: str) -> Decimal | str:
    """A number the checks read (canonical text: `-1234.5`) as a Decimal, written in the reader's way."""
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def check_invoice_heads(frame: pd.DataFrame, headers: Mapping[str, str], sink: IssueSink) -> None:
    """All lines of one invoice agree on date, account and currency, as the first line says."""
    lines = frame[frame["invoice_no"] != ""]
    heads = ["invoice_date", "account_code", "currency"]
    firsts = lines.groupby("invoice_no", sort=False)[heads].transform("first")
    for col in heads:
        values, first = lines[col], firsts[col]
        differ = values.notna() & first.notna() & (values != first)
        if col != "invoice_date":
            differ &= (values != "") & (first != "")
        for row, no, got, want in zip(lines["_row"][differ], lines["invoice_no"][differ], values[differ],
                                      first[differ], strict=True):
            sink.add(int(row), headers[col], Message.of(
                "invoice {invoice} has {here} here but {first} on its first line; all lines of an invoice share "
                "{column}", invoice=no, here=_show(got), first=_show(want), column=col))
