"""The worked example of a liability roll-forward and its journal: two clients, two currencies, 2026Q3.

KRAKOW (PLN) before Q3: Q1 accrual 1,000.00, a 100.00 promotion usable through 2026-07-31, Q2 accrual
800.00, 100 points. In Q3: a 60.00 rebate note (from the promotion, which expires with 40.00 left),
a late return taking 50.00 back from Q2's accrual, a 25.00 goodwill adjustment, 30 points redeemed,
the Q3 accrual of 700.00. After Q3: a redemption on 2026-10-05 that a Q3 roll-forward ignores.
BERLIN (EUR): Q1 accrual 200.01; in Q3 a clawback of 20.00 for Q2 and a 150.00 next-invoice discount.
"""

from __future__ import annotations

from decimal import Decimal

from kam_desktop.domain.clawback import ClawbackDue, ClawbackRule, clawback_entries
from kam_desktop.domain.ledger import LedgerEntry, SourceKind, adjust, redeem, reverse
from kam_desktop.domain.payout import Party, PayoutRequest, SettlementTerms, pay_out
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import BenefitType, LedgerUnit

from .builders import accrual, cashback, d, eur, next_id, pln

CB, PT = LedgerUnit.CASHBACK, LedgerUnit.POINTS
US = Party("KAM Supplies sp. z o.o.", "PL5252248481")
KRAKOW = Party("Kraków Maszyny S.A.", "PL6762463436")


class Book(list[LedgerEntry]):
    """A ledger that the example appends to with the domain's own functions."""

    def add(self, *entries: LedgerEntry | None) -> LedgerEntry:
        for entry in entries:
            assert entry is not None
            self.append(entry)
        assert entries[-1] is not None
        return entries[-1]


def example_ledger() -> Book:
    book = Book()
    book.add(cashback("1000.00", "2026-03-31", "KRAKOW", "PLN", key="close:2026Q1:KRAKOW:cashback"))
    book.add(cashback("100.00", "2026-05-10", "KRAKOW", "PLN", key="promo", expires_on="2026-07-31"))
    q2 = book.add(cashback("800.00", "2026-06-30", "KRAKOW", "PLN", key="close:2026Q2:KRAKOW:cashback"))
    book.add(accrual(100, "2026-03-31", "KRAKOW", PT, key="close:2026Q1:KRAKOW:points"))
    book.add(cashback("200.01", "2026-03-31", "BERLIN", "EUR", key="close:2026Q1:BERLIN:cashback"))
    # 2026Q3
    note = pay_out(book, PayoutRequest("KRAKOW", BenefitType.CASHBACK, pln("60.00"), "RN-2026-00031",
                                       d("2026-07-15"), "2026Q2", US, KRAKOW), SettlementTerms(), next_id)
    assert note is not None
    book.add(note.entry)
    book.add(reverse(book, q2, d("2026-08-20"), SourceKind.RETURN, "RET-2026-118", "late:2026Q2:KRAKOW:RET-118",
                     Decimal("50.00"), next_id))
    book.add(adjust(book, "KRAKOW", CB, Decimal("25.00"), d("2026-09-01"), "ADJ-2026-00007", "adjust:ADJ-7",
                    "late delivery goodwill", next_id, currency="PLN"))
    book.add(*redeem(book, "KRAKOW", PT, Decimal(30), d("2026-08-01"), "ORDER-9", "redeem:ORDER-9", next_id).entries)
    book.add(cashback("700.00", "2026-09-30", "KRAKOW", "PLN", key="close:2026Q3:KRAKOW:cashback"))
    due = ClawbackDue("BERLIN", Quarter(2026, 2), eur("20.00"), "net revenue EUR -1000.00 in 2026Q2 at grade L2")
    book.add(*clawback_entries(book, [due], ClawbackRule.CLAW_BACK, d("2026-07-01"), next_id).entries)
    discount = pay_out(book, PayoutRequest("BERLIN", BenefitType.VOLUME_DISCOUNT, eur("150.00"), "DSC-2026-0004",
                                           d("2026-07-10"), "2026Q2"), SettlementTerms(), next_id)
    assert discount is not None
    book.add(discount.entry)
    # after Q3
    book.add(*redeem(book, "KRAKOW", CB, Decimal("10.00"), d("2026-10-05"), "RQ-1", "redeem:RQ-1", next_id).entries)
    return book


Q3_START, Q3_END = d("2026-07-01"), d("2026-09-30")
