"""A quarter close's inputs read in fewer passes (the grade in force, the quarter's net per category) are what the
general reads give: on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from kam_desktop.domain.periods import Quarter
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.store.models import Account, ProductCategory
from kam_desktop.store.queries import sales
from kam_desktop.store.queries.close import close_reads
from kam_desktop.store.queries.grades import accounts, grades_in_force_by_code, latest_grades_by_code
from kam_desktop.store.queries.sales_source import bound, windowed
from tests.acting import as_

from .builders import account, sale, world

Q1 = Quarter(2026, 1)


def test_the_grade_in_force_is_the_latest_before_the_quarter_else_the_latest_by_its_end(any_store: Any) -> None:
    world(any_store)
    for code in ("OLD", "TWICE"):
        account(any_store, code)
        sale(any_store, code, date(2025, 8, 1), "1000.00")
    grade_portfolio(as_(any_store), date(2025, 9, 30), apply=True)
    grade_portfolio(as_(any_store), date(2025, 12, 31), apply=True)  # the later one before the quarter counts
    account(any_store, "NEW")  # first graded during the quarter, then again at its end: the latest by the end
    sale(any_store, "NEW", date(2026, 1, 5), "50000.00")
    grade_portfolio(as_(any_store), date(2026, 2, 15), apply=True)
    grade_portfolio(as_(any_store), date(2026, 3, 31), apply=True)
    account(any_store, "LATE")  # graded after the quarter only: no grade in force
    grade_portfolio(as_(any_store), date(2026, 4, 30), apply=True)
    account(any_store, "NEVER")
    with any_store.read() as session:
        for quarter in (Q1, Quarter(2025, 4), Quarter(2026, 2), Quarter(2025, 1)):
            before = latest_grades_by_code(session, quarter.start, before=True)
            at_end = latest_grades_by_code(session, quarter.end)
            expected = {code: before.get(code) or at_end[code] for code in {*before, *at_end}}
            assert grades_in_force_by_code(session, quarter.start, quarter.end) == expected, quarter
        in_force = grades_in_force_by_code(session, Q1.start, Q1.end)
    assert set(in_force) == {"OLD", "TWICE", "NEW"}


def test_a_quarters_net_per_category_is_the_windowed_sum(any_store: Any) -> None:
    """Whole months (a quarter) are read account by account from the roll-up; any window the general way."""
    world(any_store)
    for code in ("ACME", "BETA", "GONE"):
        account(any_store, code)
    for code, day, net, category in (("ACME", date(2026, 1, 1), "100.00", "HW"), ("ACME", date(2026, 3, 31), "0.50", "HW"),
                                     ("ACME", date(2026, 2, 3), "-40.00", "SW"), ("ACME", date(2025, 12, 31), "7.00", "HW"),
                                     ("ACME", date(2026, 4, 1), "9.00", "HW"), ("BETA", date(2026, 2, 28), "12.34", "SW"),
                                     ("BETA", date(2026, 2, 28), "-12.34", "SW"), ("GONE", date(2026, 2, 1), "5.00", "HW")):
        sale(any_store, code, day, net, category=category)
    with any_store.unit_of_work("test") as uow:
        session = uow.session
        gone = session.scalars(select(Account).where(Account.code == "GONE")).one()
        gone.deleted_at = gone.created_at
        uow.commit()
    with any_store.read() as session:
        for first, last in ((Q1.start, Q1.end), (date(2025, 12, 1), date(2026, 4, 30)), (date(2026, 1, 15), Q1.end),
                            (date(2026, 2, 28), date(2026, 4, 1))):
            window = windowed(bound(first, last), ["account_id", "category_id"], [sales.NET], dialect=sales._dialect(session))
            general = sorted(tuple(row) for row in session.execute(
                select(Account.code, ProductCategory.code, window.c.net)
                .join(Account, Account.id == window.c.account_id)
                .join(ProductCategory, ProductCategory.id == window.c.category_id)
                .where(Account.deleted_at.is_(None))))
            assert sorted(sales.net_by_code_and_category(session, first, last)) == general, (first, last)
        quarter = sorted(sales.net_by_code_and_category(session, Q1.start, Q1.end))
    assert [(code, category, str(net)) for code, category, net in quarter] == [
        ("ACME", "HW", "100.50"), ("ACME", "SW", "-40.00"), ("BETA", "SW", "0.00")]


def test_the_close_reads_are_the_general_reads(any_store: Any) -> None:
    """`close_reads` (through SQLite's driver for a quarter) gives the very values, types included, of `accounts`,
    `grades_in_force_by_code` and `net_by_code_and_category`: deleted, ungraded, unenrolled and control accounts."""
    world(any_store)
    account(any_store, "ACME")
    account(any_store, "CTRL", kind="partner", control_group=True, enrolled_on=None)
    account(any_store, "GONE")
    for code, day, net, category in (("ACME", date(2026, 1, 1), "100.00", "HW"), ("ACME", date(2026, 3, 31), "0.50", "HW"),
                                     ("ACME", date(2026, 2, 3), "-40.00", "SW"), ("CTRL", date(2025, 12, 31), "7.00", "HW"),
                                     ("CTRL", date(2026, 2, 28), "12.34", "SW"), ("GONE", date(2026, 2, 1), "5.00", "HW")):
        sale(any_store, code, day, net, category=category)
    grade_portfolio(as_(any_store), date(2025, 12, 31), apply=True)
    account(any_store, "LATE")  # graded during the quarter only
    sale(any_store, "LATE", date(2026, 1, 9), "999999999999.99")
    grade_portfolio(as_(any_store), date(2026, 2, 28), apply=True)
    account(any_store, "NEVER")
    sale(any_store, "NEVER", date(2026, 3, 1), "1.00")
    with any_store.unit_of_work("test") as uow:
        gone = uow.session.scalars(select(Account).where(Account.code == "GONE")).one()
        gone.deleted_at = gone.created_at
        uow.commit()
    with any_store.read() as session:
        for first, last in ((Q1.start, Q1.end), (date(2025, 12, 1), date(2026, 4, 30)), (date(2026, 1, 15), Q1.end)):
            reads = close_reads(session, first, last)
            general = (accounts(session, active_only=False), grades_in_force_by_code(session, first, last),
                       sales.net_by_code_and_category(session, first, last))
            assert reads.accounts == general[0] and reads.grades == general[1], (first, last)
            assert sorted(reads.nets) == sorted(general[2]), (first, last)
            assert repr((reads.accounts, sorted(reads.grades.items()), sorted(reads.nets))) == repr(
                (general[0], sorted(general[1].items()), sorted(general[2]))), (first, last)
        quarter = close_reads(session, Q1.start, Q1.end)
    assert [a.code for a in quarter.accounts] == ["ACME", "CTRL", "LATE", "NEVER"]
    assert set(quarter.grades) == {"ACME", "CTRL", "GONE", "LATE"}  # as the general read: deleted ones too
    assert [(c, k, str(n)) for c, k, n in sorted(quarter.nets)] == [
        ("ACME", "HW", "100.50"), ("ACME", "SW", "-40.00"), ("CTRL", "SW", "12.34"), ("LATE", "HW", "999999999999.99"),
        ("NEVER", "HW", "1.00")]
