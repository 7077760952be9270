"""Accounting export: one journal line per ledger booking, accounts from a configurable mapping.

Each line debits `account` and credits `counter_account` with a positive amount in its currency.
Every movement has a liability account per unit (cashback, points) and a counter-account; an entry in
its movement's usual direction (an accrual adds, a redemption takes) posts the mapping as it is, the
opposite direction (a reversed redemption, a negative adjustment) swaps the two accounts. Points are
valued entry by entry at the point value (`movements.PointValue`), exactly as the liability
roll-forward in money values them, so the journal's net credit to the liability account of a
denomination equals the roll-forward's closing − opening (`reconcile` checks it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from uuid import UUID

from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.liability import RollForward
from kam_desktop.domain.messages import Listing, Message, Refusal
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.movements import Denomination, Movement, PointValue, classify, money_of
from kam_desktop.domain.vocabulary import LedgerUnit

JOURNAL_COLUMNS = (
    "date", "account", "counter_account", "amount", "currency", "document_number", "source", "client",
    "movement", "entry_id",
)


class JournalError(Refusal, ValueError):
    """An account mapping that cannot post every movement (every problem listed)."""


def _default_counters() -> dict[Movement, str]:
    return {
        Movement.ACCRUED: "6450",  # loyalty reward expense
        Movement.REVERSED: "6450",
        Movement.REDEEMED: "7300",  # goods and services given for rewards
        Movement.PAID_OUT_REBATE_NOTE: "2010",  # client receivables: the rebate note is set off or paid
        Movement.PAID_OUT_INVOICE_DISCOUNT: "2015",  # discounts to deduct on next invoices
        Movement.PAID_OUT_MDF: "2495",  # partners' MDF / service budgets
        Movement.EXPIRED: "7600",  # breakage income
        Movement.CLAWED_BACK: "6450",
        Movement.ADJUSTED: "6451",  # reward adjustments
    }


def _default_liabilities() -> dict[LedgerUnit, str]:
    return {LedgerUnit.CASHBACK: "2490", LedgerUnit.POINTS: "2491"}


@dataclass(frozen=True)
class AccountMapping:
    """The chart: a liability account per unit and a counter-account per movement (optionally per unit)."""

    liability: Mapping[LedgerUnit, str]
    counter: Mapping[Movement, str]
    counter_per_unit: Mapping[tuple[Movement, LedgerUnit], str] | None = None

    def __post_init__(self) -> None:
        problems = [Message.of("no liability account for {unit}", unit=u)
                    for u in LedgerUnit if not self.liability.get(u, "").strip()]
        problems += [Message.of("no counter-account for {movement}", movement=m)
                     for m in Movement if not self.counter.get(m, "").strip()]
        if problems:
            raise JournalError("account mapping: {problems}", problems=Listing(tuple(problems)))

    @classmethod
    def standard(cls) -> AccountMapping:
        """A starting chart (Polish numbering); finance replaces it in Settings."""
        return cls(_default_liabilities(), _default_counters())

    @classmethod
    def from_settings(cls, settings: Mapping[str, str]) -> AccountMapping:
        """Read `liability.<unit>`, `counter.<movement>` and optional `counter.<movement>.<unit>` keys."""
        _refuse_unknown(settings)
        return cls(
            {u: settings.get(f"liability.{u}", "") for u in LedgerUnit},
            {m: settings.get(f"counter.{m}", "") for m in Movement},
            {(m, u): settings[f"counter.{m}.{u}"] for m in Movement for u in LedgerUnit if f"counter.{m}.{u}" in settings},
        )

    def posting(self, movement: Movement, unit: LedgerUnit) -> tuple[str, str]:
        """(debit, credit) for the movement in its usual direction."""
        counter = (self.counter_per_unit or {}).get((movement, unit)) or self.counter[movement]
        liability = self.liability[unit]
        return (counter, liability) if movement.normal_sign > 0 else (liability, counter)


def _refuse_unknown(settings: Mapping[str, str]) -> None:
    known = {f"liability.{u}" for u in LedgerUnit} | {f"counter.{m}" for m in Movement}
    known |= {f"counter.{m}.{u}" for m in Movement for u in LedgerUnit}
    unknown = sorted(set(settings) - known)
    if unknown:
        raise JournalError("account mapping: unknown setting(s) {keys}", keys=", ".join(unknown))


@dataclass(frozen=True)
class JournalLine:
    """One booking as an ERP imports it."""

    booked_on: date
    account: str  # debit
    counter_account: str  # credit
    amount: Money  # positive
    document_number: str
    source: str  # the entry's source kind: quarter_close, return, payout_rebate_note, …
    client: str
    movement: Movement
    entry_id: UUID
    unit: LedgerUnit

    def as_row(self) -> tuple[str, ...]:
        """The line in `JOURNAL_COLUMNS` order: ISO date, plain amount with two places."""
        return (
            self.booked_on.isoformat(), self.account, self.counter_account, f"{self.amount.amount:.2f}",
            self.amount.currency, self.document_number, self.source, self.client, str(self.movement),
            str(self.entry_id),
        )


def journal(
    entries: Iterable[LedgerEntry], start: date, end: date, mapping: AccountMapping, point_value: PointValue
) -> list[JournalLine]:
    """The lines of the entries booked in [start, end], in booking order (date, then key)."""
    pool = list(entries)
    movements = classify(pool)
    lines = []
    for e in sorted(pool, key=lambda x: (x.booked_on, x.idempotency_key)):
        if not start <= e.booked_on <= end:
            continue
        value = money_of(e, point_value)
        if value.is_zero:  # a fraction of a point worth less than half a cent: nothing to post
            continue
        movement = movements[e.id]
        debit, credit = mapping.posting(movement, e.unit)
        if (value.amount > 0) != (movement.normal_sign > 0):
            debit, credit = credit, debit
        lines.append(JournalLine(e.booked_on, debit, credit, abs(value), e.source_ref, str(e.source_kind),
                                 e.account, movement, e.id, e.unit))
    return lines


def liability_change(lines: Iterable[JournalLine], mapping: AccountMapping) -> dict[Denomination, Decimal]:
    """Net credit to each liability account per currency: what the journal says the liability moved."""
    result: dict[Denomination, Decimal] = {}
    for x in lines:
        account = mapping.liability[x.unit]
        d = Denomination(x.unit, x.amount.currency)
        sign = (x.counter_account == account) - (x.account == account)
        result[d] = result.get(d, Decimal(0)) + sign * x.amount.amount
    return result


def reconcile(
    lines: Iterable[JournalLine], roll_forwards: Mapping[Denomination, RollForward], mapping: AccountMapping
) -> list[str]:
    """Every denomination where the journal and the roll-forward (in money) disagree; empty when they agree."""
    moved = liability_change(lines, mapping)
    problems = []
    for d in sorted(set(moved) | set(roll_forwards)):
        rf = roll_forwards.get(d)
        expected = rf.closing - rf.opening if rf else Decimal(0)
        if moved.get(d, Decimal(0)) != expected:
            problems.append(f"{d}: journal moves the liability by {moved.get(d, 0)}, the roll-forward by {expected}")
    return problems
