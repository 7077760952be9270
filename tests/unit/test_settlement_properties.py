"""Properties of settlement over any sequence of accruals, redemptions, payouts, expiries, returns,
adjustments and clawbacks on a PLN and a EUR client: the roll-forward closes to the ledger balance per
currency, the journal moves the liability by the same amounts, no lot is consumed twice, and no entry
takes money of another currency.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from kam_desktop.domain.clawback import ClawbackDue, ClawbackRule, clawback_entries
from kam_desktop.domain.journal import AccountMapping, journal, reconcile
from kam_desktop.domain.ledger import (
    LedgerEntry,
    LedgerError,
    LedgerKind,
    SourceKind,
    adjust,
    balance,
    expire,
    open_lots,
    redeem,
    reverse,
)
from kam_desktop.domain.ledger_checks import validate
from kam_desktop.domain.liability import in_money, roll_forward
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.movements import Denomination, PointValue
from kam_desktop.domain.payout import Party, PayoutRequest, SettlementTerms, pay_out
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import BenefitType, LedgerUnit

CURRENCY = {"KRAKOW": "PLN", "BERLIN": "EUR"}
START = date(2026, 1, 1)
PARTY = Party("KAM Supplies sp. z o.o.", "PL5252248481")
OPS = ("accrue", "redeem", "rebate_note", "discount", "mdf", "expire", "return", "undo", "adjust", "clawback")
BENEFIT = {"rebate_note": BenefitType.CASHBACK, "discount": BenefitType.VOLUME_DISCOUNT, "mdf": BenefitType.MDF}


@dataclass(frozen=True)
class Op:
    kind: str
    account: str
    unit: LedgerUnit
    amount: Decimal
    days: int
    pick: int


ops = st.builds(
    Op,
    st.sampled_from(("accrue",) * 4 + OPS),  # accruals weigh more, so that there is something to take from
    st.sampled_from(sorted(CURRENCY)),
    st.sampled_from(list(LedgerUnit)),
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("500"), places=2), st.integers(0, 45),
    st.integers(0, 10_000),
)


sequences = st.lists(ops, min_size=15, max_size=50)


def currency(op: Op) -> str | None:
    return CURRENCY[op.account] if op.unit is LedgerUnit.CASHBACK else None


def _accrual(ledger: list[LedgerEntry], op: Op, day: date) -> LedgerEntry:
    expires = Quarter.of(day).plus(op.pick % 5).end  # from this quarter's end to four quarters later
    return LedgerEntry(op.account, op.unit, LedgerKind.ACCRUAL, op.amount, day, SourceKind.QUARTER_CLOSE,
                       str(Quarter.of(day)), f"acc:{len(ledger)}", expires_on=expires, currency=currency(op))


def _pick(ledger: list[LedgerEntry], op: Op, kind: LedgerKind) -> LedgerEntry | None:
    mine = [e for e in ledger if e.kind is kind and (e.account, e.unit) == (op.account, op.unit)]
    return mine[op.pick % len(mine)] if mine else None


def step(ledger: list[LedgerEntry], op: Op, day: date) -> list[LedgerEntry]:
    """The entries one operation books (none when the ledger's rules refuse it, e.g. an overdraft)."""
    key = f"{op.kind}:{len(ledger)}"
    if op.kind != "accrue":  # takings smaller than accruals, so that most of them succeed
        op = Op(op.kind, op.account, op.unit, max((op.amount / 4).quantize(Decimal("0.01")), Decimal("0.01")),
                op.days, op.pick)
    money = Money(op.amount, CURRENCY[op.account])
    try:
        if op.kind == "accrue":
            return [_accrual(ledger, op, day)]
        if op.kind == "redeem":
            return list(redeem(ledger, op.account, op.unit, op.amount, day, key, key).entries)
        if op.kind in BENEFIT:
            request = PayoutRequest(op.account, BENEFIT[op.kind], money, key, day, "p", PARTY, PARTY)
            payout = pay_out(ledger, request, SettlementTerms())
            return [payout.entry] if payout else []
        if op.kind == "expire":
            return expire(ledger, day)
        if op.kind in ("return", "undo"):
            target = _pick(ledger, op, LedgerKind.ACCRUAL if op.kind == "return" else LedgerKind.REDEMPTION)
            amount = op.amount if op.kind == "return" else None
            entry = reverse(ledger, target, day, SourceKind.RETURN, key, key, amount) if target else None
            return [entry] if entry else []
        if op.kind == "adjust":
            signed = op.amount if op.pick % 2 else -op.amount
            entry = adjust(ledger, op.account, op.unit, signed, day, key, key, "fix", currency=currency(op))
            return [entry] if entry else []
        due = ClawbackDue(op.account, Quarter.of(day).previous(), money, "net-negative quarter")
        rule = (ClawbackRule.CLAW_BACK, ClawbackRule.CARRY_FORWARD)[op.pick % 2]
        return list(clawback_entries(ledger, [due], rule, day).entries)
    except LedgerError:  # refused by the rules (overdraft, reversing more than accrued): nothing booked
        return []


def run(sequence: list[Op]) -> tuple[list[LedgerEntry], date]:
    ledger: list[LedgerEntry] = []
    day = START
    for op in sequence:
        day += timedelta(days=op.days)
        ledger += step(ledger, op, day)
    return ledger, day


def balances(ledger: list[LedgerEntry], end: date) -> dict[Denomination, Decimal]:
    result: dict[Denomination, Decimal] = {}
    for account, cur in CURRENCY.items():
        for unit in LedgerUnit:
            d = Denomination(unit, cur if unit is LedgerUnit.CASHBACK else None)
            result[d] = result.get(d, Decimal(0)) + balance(ledger, account, unit, as_of=end)
    return {d: b for d, b in result.items() if any(e.unit is d.unit for e in ledger if e.booked_on <= end)}


@settings(max_examples=100, deadline=None)
@given(sequences, st.data())
def test_property_the_roll_forward_closes_to_the_ledger_balance_per_currency(sequence: list[Op], data: st.DataObject) -> None:
    ledger, last = run(sequence)
    span = (last - START).days
    start = START + timedelta(days=data.draw(st.integers(0, span)))
    end = start + timedelta(days=data.draw(st.integers(0, span)))
    booked = roll_forward(ledger, start, end, include_due_expiries=False)
    assert all(rf.closes() for rf in booked.values())
    assert {d: rf.closing for d, rf in booked.items() if rf.closing or d in balances(ledger, end)} == {
        d: b for d, b in balances(ledger, end).items() if b or d in booked
    }
    with_due = roll_forward(ledger, start, end)
    after_run = [*ledger, *expire([e for e in ledger if e.booked_on <= end], end)]
    assert all(rf.closes() for rf in with_due.values())
    for d, rf in with_due.items():
        assert rf.closing == balances(after_run, end).get(d, Decimal(0))


@settings(max_examples=100, deadline=None)
@given(sequences)
def test_property_no_lot_is_consumed_twice_and_no_entry_takes_another_currency(sequence: list[Op]) -> None:
    ledger, last = run(sequence)
    assert validate(ledger) == []  # unique keys, allocations to known lots of the same account and currency
    for e in ledger:
        expected = CURRENCY[e.account] if e.unit is LedgerUnit.CASHBACK else None
        assert e.currency == expected, e
    for account in CURRENCY:
        # Money refuses to add two currencies, so folding an account's cashback proves it is all in one.
        cashback = [e.money for e in ledger if e.account == account and e.unit is LedgerUnit.CASHBACK]
        assert Money.total(cashback, CURRENCY[account]).amount == balance(ledger, account, LedgerUnit.CASHBACK)
        for unit in LedgerUnit:
            assert all(Decimal(0) < lot.remaining <= lot.entry.amount for lot in open_lots(ledger, account, unit))


@settings(max_examples=100, deadline=None)
@given(sequences)
def test_property_the_journal_moves_the_liability_by_the_roll_forward(sequence: list[Op]) -> None:
    ledger, last = run(sequence)
    point = PointValue(Money.of("0.01", "PLN"))
    chart = AccountMapping.standard()
    lines = journal(ledger, START, last, chart, point)
    rolled = roll_forward(ledger, START, last, in_money(point), include_due_expiries=False)
    assert reconcile(lines, rolled, chart) == []
    assert all(x.amount.is_positive for x in lines)
