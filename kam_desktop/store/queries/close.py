"""The three reads of a quarter's close (accounts, the grade in force, net revenue per category), through SQLite's
driver on a laptop: the same rows as `accounts`, `grades_in_force_by_code` and `net_by_code_and_category`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, NamedTuple

from sqlalchemy.orm import Session

from kam_desktop.store.codec import EXACT_BELOW, scaled_decimal, uuid_of_hex
from kam_desktop.store.ledger_chain import driver_errors
from kam_desktop.store.queries.grades import AccountRef, accounts, grades_in_force_by_code
from kam_desktop.store.queries.sales import net_by_code_and_category
from kam_desktop.store.sales_months import cut_months, whole_months


class CloseReads(NamedTuple):
    """Every account not deleted (by code), the grade in force by account code, and (code, category, net) cells."""

    accounts: list[AccountRef]
    grades: dict[str, str]
    nets: list[tuple[str, str, Decimal]]


# The statements the Core functions compile to on SQLite, written out: at 20,000 accounts and 60,000 cells a close
# spent more in SQLAlchemy's rows and result processing (~0.2 s) than SQLite in the statements; a test holds the
# rows to the Core functions'. Accounts and their grades in one scan (`grades_in_force_by_code` reads deleted
# accounts too: the flag tells them apart), one seek per account into the evaluations' key; the roll-up's cells
# read by category id, its code looked up here (a join per cell cost SQLite more than a dict here).
_LATEST = ("(SELECT g.grade FROM grade_evaluations AS g WHERE g.account_id = accounts.id AND g.evaluated_on {} ? "
           "ORDER BY g.evaluated_on DESC LIMIT 1)")
_ACCOUNTS = ("SELECT id, code, kind, currency, status, enrolled_on, control_group, deleted_at IS NULL, "
             f"coalesce({_LATEST.format('<')}, {_LATEST.format('<=')}) FROM accounts ORDER BY code")
_CATEGORIES = "SELECT id, code FROM product_categories"
_NETS = ("SELECT accounts.code, sales_rollup.category_id, coalesce(sum(sales_rollup.net_amount), 0) "
         "FROM accounts CROSS JOIN sales_rollup ON sales_rollup.account_id = accounts.id "
         "AND sales_rollup.month BETWEEN ? AND ? "
         "WHERE accounts.deleted_at IS NULL GROUP BY accounts.id, sales_rollup.category_id")


class CloseCells(NamedTuple):
    """The close's reads as SQLite keeps them: every account not deleted by code, as (id's hex digits, code, kind,
    currency, status, enrolled_on, control_group); the grade in force by account code; the nets (integers of cents)
    by account code and category code; and whether every net is an integer (SQLite sums a REAL to a float)."""

    accounts: dict[str, tuple[str, str, str, str, str, str | None, int]]
    grades: dict[str, str]
    nets: dict[str, dict[str, int]]
    whole: bool


def close_reads(session: Session, start: date, end: date) -> CloseReads:
    """The close's inputs for the period [start, end]; through the driver on SQLite when the period is whole months
    (a quarter), else (a server, a cut month) through the Core functions."""
    cells = close_cells(session, start, end)
    if cells is None:
        return CloseReads(accounts(session, active_only=False), grades_in_force_by_code(session, start, end),
                          net_by_code_and_category(session, start, end))
    return CloseReads([_account(*values) for values in cells.accounts.values()], cells.grades,
                      [(code, category, _money(net)) for code, nets in cells.nets.items() for category, net in nets.items()])


def close_cells(session: Session, start: date, end: date) -> CloseCells | None:
    """`close_reads`' rows as stored, through SQLite's driver, when the period is whole months; else None."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or cut_months(start, end):
        return None
    lo, hi = whole_months(start, end)
    refs: dict[str, Any] = {}
    grades: dict[str, str] = {}
    nets: dict[str, dict[str, int]] = {}
    whole = True
    with driver_errors(connection, "the close's reads") as driver:
        for row in driver.execute(_ACCOUNTS, (start.isoformat(), end.isoformat())):
            if row[7]:  # not deleted
                refs[row[1]] = row[:7]
            if row[8] is not None:
                grades[row[1]] = row[8]
        categories = dict(driver.execute(_CATEGORIES).fetchall())
        for code, category, net in driver.execute(_NETS, (lo, hi)):
            name = categories.get(category)
            if name is None:  # as the inner join: a cell of no category is no cell (a foreign key)
                continue
            cells = nets.get(code)
            if cells is None:
                cells = nets[code] = {}
            cells[name] = net
            if type(net) is not int:
                whole = False
    return CloseCells(refs, grades, nets, whole)


def _account(row_id: str, code: str, kind: str, currency: str, status: str, enrolled_on: str | None,
             control_group: int) -> AccountRef:
    # the values as the columns' types read them back: a Uuid from its hex digits, a Date, a Boolean
    return AccountRef(uuid_of_hex(row_id), code, kind, currency, status,
                      None if enrolled_on is None else date.fromisoformat(enrolled_on), bool(control_group))


def _money(value: int | float) -> Decimal:
    # what `Money`'s result processing makes of SQLite's integer of cents
    if type(value) is int and -EXACT_BELOW < value < EXACT_BELOW:
        return Decimal(value).scaleb(-2)
    return scaled_decimal(value, 2)
