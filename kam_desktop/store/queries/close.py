"""The three reads of a quarter's close (accounts, the grade in force, net revenue per category), through SQLite's
driver on a laptop: the same rows as `accounts`, `grades_in_force_by_code` and `net_by_code_and_category`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import NamedTuple

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
# rows to the Core functions'. Each keeps its Core twin's plan (the covering `ix_accounts_graded`, one seek per
# account into the roll-up's key, one per account into the evaluations' key).
_ACCOUNTS = ("SELECT id, code, kind, currency, status, enrolled_on, control_group FROM accounts "
             "WHERE deleted_at IS NULL ORDER BY code")
_LATEST = ("(SELECT g.grade FROM grade_evaluations AS g WHERE g.account_id = accounts.id AND g.evaluated_on {} ? "
           "ORDER BY g.evaluated_on DESC LIMIT 1)")
_GRADES = f"SELECT code, coalesce({_LATEST.format('<')}, {_LATEST.format('<=')}) FROM accounts"
_NETS = ("SELECT accounts.code, product_categories.code, coalesce(sum(sales_rollup.net_amount), 0) "
         "FROM accounts CROSS JOIN sales_rollup ON sales_rollup.account_id = accounts.id "
         "AND sales_rollup.month BETWEEN ? AND ? "
         "JOIN product_categories ON product_categories.id = sales_rollup.category_id "
         "WHERE accounts.deleted_at IS NULL GROUP BY accounts.id, product_categories.id")


def close_reads(session: Session, start: date, end: date) -> CloseReads:
    """The close's inputs for the period [start, end]; through the driver on SQLite when the period is whole months
    (a quarter), else (a server, a cut month) through the Core functions."""
    connection = session.connection()
    if connection.dialect.name != "sqlite" or cut_months(start, end):
        return CloseReads(accounts(session, active_only=False), grades_in_force_by_code(session, start, end),
                          net_by_code_and_category(session, start, end))
    lo, hi = whole_months(start, end)
    with driver_errors(connection, "the close's reads") as driver:
        refs = [_account(*row) for row in driver.execute(_ACCOUNTS)]
        grades = {code: grade for code, grade in driver.execute(_GRADES, (start.isoformat(), end.isoformat()))
                  if grade is not None}
        nets = [(code, category, _money(net)) for code, category, net in driver.execute(_NETS, (lo, hi))]
    return CloseReads(refs, grades, nets)


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
