"""A quarter's close accruals on a laptop's own store, in columns: priced in whole cents and written as SQLite keeps
the rows, with no domain entry, Decimal or UUID object per row (a close of 20,000 accounts books ~30,000 rows).

The same entries as `quarter_close_entries` booked by `book` (tests hold every row, link and result to that path,
ids and stamps aside), where nothing else needs the entries as objects. A laptop bound to a team server (the outbox
records each row), a locked quarter (its entries move into the open period), a cut month, or an amount past exact
integer pricing takes that path instead.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from kam_desktop.domain.closing import PeriodLocks
from kam_desktop.domain.ledger import SourceKind, default_expiry, random_hex_ids
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import GRADE_NOTE, CentsRates, close_key
from kam_desktop.domain.vocabulary import Grade, LedgerKind, LedgerUnit
from kam_desktop.services.program.in_force import Program
from kam_desktop.store import models
from kam_desktop.store.ledger_chain import ENTRY_COLUMNS, insert_entry_texts
from kam_desktop.store.limits import check_columns
from kam_desktop.store.queries.close import close_cells
from kam_desktop.store.queries.ledger import keyed_entries


@dataclass(frozen=True)
class Booked:
    """What a close's accruals came to: the accounts closed, the entries booked, cashback per currency (in the order
    the currencies were first booked), points, and the accounts skipped because never graded."""

    accounts: int
    entries: int
    cashback: dict[str, Decimal]
    points: Decimal
    ungraded: list[str]


def book_in_columns(session: Session, quarter: Quarter, only: Collection[str] | None, program: Program,
                    locks: PeriodLocks, actor: str) -> Booked | None:
    """Book the quarter's accruals not booked yet; None (nothing read into the session, nothing written) where this
    path does not apply."""
    if session.info.get("outbox") or locks.is_locked(quarter.end):
        return None
    rates = CentsRates.of(program.terms, program.points)
    cells = None if rates is None else close_cells(session, quarter.start, quarter.end)
    if rates is None or cells is None:
        return None
    if not cells.whole:  # a sum SQLite no longer keeps as an integer: the Decimal path says what it is
        return None
    per_account = cells.nets if only is None else {code: nets for code, nets in cells.nets.items() if code in only}
    booked = {key for key, _code in keyed_entries(session, close_key(quarter, "", "")[:-1])}
    # an account whose quarter was settled by late facts is booked already (see close.py)
    settled_late = {code for _key, code in keyed_entries(session, f"late:{quarter}:")}
    rows = _accrual_rows(per_account, cells.grades, cells.accounts, booked, settled_late, quarter, program, rates,
                         actor)
    if rows is None:
        return None
    accounts, ungraded, values, cashback, points = rows
    check_columns(models.LedgerEntry, ENTRY_COLUMNS, values)
    session.flush()  # rows added before these are inserted (and linked) first: the chain keeps the booking order
    insert_entry_texts(session, values)
    return Booked(accounts, len(values), {currency: Decimal(cents).scaleb(-2) for currency, cents in cashback.items()},
                  ZERO + points, ungraded)  # summed from money's ZERO, as the entries' amounts are


def _accrual_rows(per_account: dict[str, dict[str, int]], grades: dict[str, str],
                  account_rows: dict[str, tuple[Any, ...]], booked: set[str], settled_late: set[str], quarter: Quarter,
                  program: Program, rates: CentsRates, actor: str,
                  ) -> tuple[int, list[str], list[tuple[Any, ...]], dict[str, int], int] | None:
    """(accounts closed, ungraded accounts, rows in `ENTRY_COLUMNS` order, cashback cents per currency, points) in
    the domain's order (accounts by code; cashback, then points); None past exact pricing."""
    period, prefix = str(quarter), close_key(quarter, "", "")[:-1]
    booked_on, expires_on = quarter.end.isoformat(), default_expiry(quarter.end, program.expiry_quarters).isoformat()
    ids = iter(random_hex_ids(2 * len(per_account)))
    accrual, source, cashback_unit, points_unit = LedgerKind.ACCRUAL, SourceKind.QUARTER_CLOSE, LedgerUnit.CASHBACK, \
        LedgerUnit.POINTS
    known_grades: dict[str, tuple[Grade, str]] = {}  # each grade and its note made once, not 20,000 times
    rows: list[tuple[Any, ...]] = []
    ungraded: list[str] = []
    cashback_by_currency: dict[str, int] = {}
    accounts = points_total = 0
    for code, categories in sorted(per_account.items()):
        grade_value = grades.get(code)
        if grade_value is None:
            ungraded.append(code)
            continue
        if code in settled_late:
            continue
        accounts += 1
        grade, note = known_grades.get(grade_value) or known_grades.setdefault(
            grade_value, (Grade(grade_value), GRADE_NOTE.fill(grade=Grade(grade_value))))
        cashback = rates.cashback(grade, sum(categories.values()))
        points = rates.points(categories.items())
        if cashback is None or points is None:
            return None
        account = account_rows[code]
        account_id, currency = account[0], account[3]
        key = f"{prefix}{code}:cashback"
        if cashback > 0 and key not in booked:
            booked.add(key)
            rows.append((next(ids), None, actor, account_id, accrual, cashback_unit, cashback, currency, booked_on,
                         period, expires_on, source, period, key, None, None, note))
            cashback_by_currency[currency] = cashback_by_currency.get(currency, 0) + cashback
        key = f"{prefix}{code}:points"
        if points > 0 and key not in booked:
            booked.add(key)
            rows.append((next(ids), None, actor, account_id, accrual, points_unit, points * 100, None, booked_on,
                         period, expires_on, source, period, key, None, None, None))
            points_total += points
    return accounts, ungraded, rows, cashback_by_currency, points_total
