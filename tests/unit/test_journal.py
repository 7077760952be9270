"""The accounting export of 2026Q3: one journal line per booking, the same numbers as the roll-forward."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from kam_desktop.domain.journal import JOURNAL_COLUMNS, AccountMapping, JournalError, journal, reconcile
from kam_desktop.domain.ledger import LedgerEntry, SourceKind, adjust, expire, reverse
from kam_desktop.domain.liability import in_money, roll_forward
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.movements import Movement, PointValue
from kam_desktop.domain.vocabulary import LedgerUnit

from .builders import d, next_id, pln
from .example_book import Q3_END, Q3_START, example_ledger

CHART = AccountMapping.standard()
POINT = PointValue(pln("0.01"))


def booked_ledger() -> list[LedgerEntry]:
    """The example after the expiry run: the journal exports booked entries only."""
    ledger = example_ledger()
    return [*ledger, *expire([e for e in ledger if e.booked_on <= Q3_END], Q3_END, next_id)]


def test_each_booking_is_one_line_debit_and_credit_from_the_mapping() -> None:
    lines = journal(booked_ledger(), Q3_START, Q3_END, CHART, POINT)
    got = [(x.booked_on.isoformat(), x.account, x.counter_account, str(x.amount), x.document_number, x.source)
           for x in lines if x.movement is not Movement.EXPIRED]
    assert got == [
        ("2026-07-01", "2490", "6450", "EUR 20.00", "2026Q2", "clawback"),
        ("2026-07-10", "2490", "2015", "EUR 150.00", "DSC-2026-0004", "payout_invoice_discount"),
        ("2026-07-15", "2490", "2010", "PLN 60.00", "RN-2026-00031", "payout_rebate_note"),
        ("2026-08-01", "2491", "7300", "PLN 0.30", "ORDER-9", "redemption_request"),  # 30 points × 0.01
        ("2026-08-20", "2490", "6450", "PLN 50.00", "RET-2026-118", "return"),
        ("2026-09-01", "6451", "2490", "PLN 25.00", "ADJ-2026-00007", "manual"),
        ("2026-09-30", "6450", "2490", "PLN 700.00", "INV-2026-09-30", "invoice"),
    ]
    (expiry,) = [x for x in lines if x.movement is Movement.EXPIRED]
    assert (expiry.account, expiry.counter_account, expiry.amount) == ("2490", "7600", pln("40.00"))


def test_a_line_as_the_erp_reads_it() -> None:
    line = journal(booked_ledger(), Q3_START, Q3_END, CHART, POINT)[2]
    row = dict(zip(JOURNAL_COLUMNS, line.as_row(), strict=True))
    assert row == {
        "date": "2026-07-15", "account": "2490", "counter_account": "2010", "amount": "60.00", "currency": "PLN",
        "document_number": "RN-2026-00031", "source": "payout_rebate_note", "client": "KRAKOW",
        "movement": "paid_out_rebate_note", "entry_id": str(line.entry_id),
    }


def test_the_journal_moves_the_liability_exactly_as_the_roll_forward() -> None:
    ledger = booked_ledger()
    lines = journal(ledger, Q3_START, Q3_END, CHART, POINT)
    rolled = roll_forward(ledger, Q3_START, Q3_END, in_money(POINT), include_due_expiries=False)
    assert reconcile(lines, rolled, CHART) == []
    tampered = [replace(lines[0], amount=Money.of("21.00", "EUR")), *lines[1:]]
    assert reconcile(tampered, rolled, CHART) == [
        "cashback EUR: journal moves the liability by -171.00, the roll-forward by -170.00"
    ]


def test_against_the_usual_direction_the_accounts_swap() -> None:
    ledger = booked_ledger()
    negative = adjust(ledger, "KRAKOW", LedgerUnit.CASHBACK, Decimal("-5.00"), d("2026-09-15"), "ADJ-8", "adj8",
                      "double accrual", next_id)
    (points_redemption,) = [e for e in ledger if e.source_ref == "ORDER-9"]
    undo = reverse(ledger, points_redemption, d("2026-09-16"), SourceKind.MANUAL, "ORDER-9 cancelled", "undo9",
                   new_id=next_id)
    assert negative is not None and undo is not None
    lines = journal([*ledger, negative, undo], d("2026-09-15"), d("2026-09-16"), CHART, POINT)
    assert [(x.account, x.counter_account, x.movement) for x in lines] == [
        ("2490", "6451", Movement.ADJUSTED),
        ("7300", "2491", Movement.REDEEMED),  # a cancelled redemption gives the points back
    ]


def test_the_mapping_comes_from_settings_and_names_every_gap() -> None:
    settings = {"liability.cashback": "2490", "liability.points": "2491"}
    settings |= {f"counter.{m}": "6450" for m in Movement}
    settings["counter.expired.points"] = "7610"
    chart = AccountMapping.from_settings(settings)
    assert chart.posting(Movement.EXPIRED, LedgerUnit.POINTS) == ("2491", "7610")
    assert chart.posting(Movement.EXPIRED, LedgerUnit.CASHBACK) == ("2490", "6450")
    with pytest.raises(JournalError, match="no liability account for points; no counter-account for accrued"):
        AccountMapping.from_settings({k: v for k, v in settings.items() if k not in ("liability.points", "counter.accrued")})
    with pytest.raises(JournalError, match="unknown setting"):
        AccountMapping.from_settings({**settings, "counter.gifts": "1"})
