"""The rows of a grading: made from the evaluation's columns when read, in rank order with ties by code."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from kam_desktop.services.grading import grade_portfolio
from kam_desktop.store.models import FxRate
from tests.acting import as_

from .builders import account, sale, world
from .test_grading_currencies import _in_currency

AS_OF = date(2025, 12, 31)


def test_rows_are_in_rank_order_with_ties_by_code_and_read_as_a_list(any_store: Any) -> None:
    world(any_store)
    # made out of code order, so neither the accounts' ids nor their codes give the tie order by chance
    sales = {"T-9": "500.00", "Z-1": "900.00", "T-2": "500.00", "N-3": None, "T-5": "500.00", "N-1": None,
             "E-4": "125.00", "P-5": "500.00", "N-2": "-20.00", "A-0": None}
    for code, net in sales.items():
        account(any_store, code)
        if net is not None:
            sale(any_store, code, date(2025, 12, 1), net)
    _in_currency(any_store, "E-4", "EUR")  # 125 EUR × 4 = 500.00 PLN: a tie made by a conversion
    with any_store.unit_of_work("test") as uow:
        uow.session.add(FxRate(rate_date=date(2025, 12, 1), currency="EUR", base_currency="PLN", rate=Decimal("4")))
        uow.commit()
    run = grade_portfolio(as_(any_store), AS_OF)
    rows = list(run.rows)
    ranked = [(r.code, r.rank) for r in rows]
    graded = [code for code in ranked if code[0] in sales or code[0] == "E-4"]
    expected = sorted(graded, key=lambda c: (c[1], c[0]))
    assert graded == expected
    ours = {code: rank for code, rank in graded}
    assert [ours[c] for c in ("Z-1", "E-4", "P-5", "T-2", "T-5", "T-9")] == [1, 2, 2, 2, 2, 2]
    assert ours["A-0"] == ours["N-1"] == ours["N-3"] < ours["N-2"]
    assert rows[ours["E-4"] - 1].basis == Decimal("500.00")
    # the view reads as the list of its rows
    assert len(run.rows) == len(rows) and run.rows == rows and repr(run.rows) == repr(rows)
    assert run.rows[-1] == rows[-1] and run.rows[1:4] == rows[1:4] and run.rows[0].why == rows[0].why
