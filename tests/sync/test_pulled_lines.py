"""Invoice lines that reach a laptop by a pull keep its sales roll-up equal to the lines (docs/rollup.md): after the
first snapshot, after lines pulled from the change log, and after an account is reassigned away — `kamctl check`
passes on the laptop."""

from __future__ import annotations

import itertools
import json
import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from kam_desktop.cli.main import main
from kam_desktop.store import rollup
from kam_desktop.store.models import Account, InvoiceLine, ProductCategory, SalesRollup
from kam_desktop.store.server.people import assign_account
from kam_desktop.store.store import Store
from tests.sync.team import Laptop, Team

pytestmark = pytest.mark.pg

_invoice = itertools.count(1)


def sell(team: Team, code: str, *sales: tuple[date, str, str]) -> None:
    """Invoice lines written on the server (as an ERP import on the server would): (day, category, net)."""
    with team.store.unit_of_work("admin") as uow:
        account_id = uow.session.scalar(select(Account.id).where(Account.code == code))
        categories = {code: id_ for code, id_ in uow.session.execute(select(ProductCategory.code, ProductCategory.id))}
        for day, category, net in sales:
            amount = Decimal(net)
            uow.session.add(InvoiceLine(invoice_no=f"FV/{next(_invoice)}", line_no=1, invoice_date=day,
                                        account_id=account_id, category_id=categories[category], quantity=Decimal(2),
                                        net_amount=amount, margin_amount=(amount * Decimal("0.25")).quantize(
                                            Decimal("0.01")), currency="PLN"))
        uow.commit()


def rolled_up(store: Store) -> tuple[uuid.UUID, str] | None:
    """The roll-up consistency check: the first cell that differs from a fresh aggregation of the lines."""
    with store.engine.connect() as connection:
        return rollup.first_difference(connection)


def net_in_rollup(store: Store) -> Decimal:
    with store.read() as session:
        return Decimal(session.scalar(select(func.coalesce(func.sum(SalesRollup.net_amount), 0))) or 0)


def test_pulled_lines_keep_the_laptops_roll_up_equal_to_a_fresh_aggregation(team: Team) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam2")
    sell(team, "A1", (date(2026, 1, 5), "HW", "100.00"), (date(2026, 1, 20), "SW", "50.00"))
    sell(team, "B1", (date(2026, 1, 7), "HW", "999.00"))
    laptop = team.laptop("kam1")
    assert laptop.sync().snapshot
    assert rolled_up(laptop.store) is None and net_in_rollup(laptop.store) == Decimal("150.00")

    # from the change log: a new month and a line into a month the laptop already rolled up
    sell(team, "A1", (date(2026, 2, 3), "HW", "40.00"), (date(2026, 1, 28), "HW", "10.00"))
    report = laptop.sync()
    assert not report.snapshot and report.pulled >= 2
    assert rolled_up(laptop.store) is None and net_in_rollup(laptop.store) == Decimal("200.00")
    with laptop.store.read() as session:
        cell = session.scalar(select(SalesRollup.net_amount).where(SalesRollup.month == "2026-01",
                                                                    SalesRollup.category_id.in_(
                                                                        select(ProductCategory.id).where(
                                                                            ProductCategory.code == "HW"))))
    assert cell == Decimal("110.00")


def test_an_account_that_arrives_or_leaves_takes_its_roll_up_along(team: Team) -> None:
    team.account("A1", "kam1")
    team.account("B1", "kam2")
    sell(team, "A1", (date(2026, 3, 1), "HW", "70.00"))
    sell(team, "B1", (date(2026, 3, 2), "SW", "30.00"), (date(2025, 12, 31), "HW", "5.00"))
    laptop = team.laptop("kam1")
    laptop.sync()
    assign_account(team.store.engine, "B1", team.login("kam1"))  # B1 arrives whole
    laptop.sync()
    assert rolled_up(laptop.store) is None and net_in_rollup(laptop.store) == Decimal("105.00")
    assign_account(team.store.engine, "A1", team.login("kam2"))  # A1 leaves: its lines and its cells go
    laptop.sync()
    assert rolled_up(laptop.store) is None and net_in_rollup(laptop.store) == Decimal("35.00")


def test_kamctl_check_passes_on_a_laptop_after_pulls(team: Team, capsys: pytest.CaptureFixture[str]) -> None:
    team.account("A1", "kam1")
    sell(team, "A1", (date(2026, 4, 1), "HW", "12.00"))
    boss = team.laptop("boss")
    boss.sync()
    sell(team, "A1", (date(2026, 4, 2), "HW", "8.00"), (date(2026, 5, 2), "SW", "1.00"))
    boss.sync()
    path = str(_path(boss))
    boss.store.dispose()
    assert main(["--db", path, "check", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["consistent"] is True


def _path(laptop: Laptop) -> str:
    return str(laptop.store.engine.url.database)
