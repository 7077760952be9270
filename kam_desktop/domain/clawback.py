"""Net-negative quarters: cashback owed back when returns exceed sales, per the program's clawback rule.

A quarter whose net revenue is negative earns nothing (`rewards.cashback_for`); the program decides
what happens to the negative part. The amount owed (the *due*) is the grade's cashback % of the
negative net, rounded half up to cents, in the account's currency:
- `claw_back`: taken at once from the account's open, unexpired cashback lots (soonest-expiring
  first); what they cannot cover stays owed and is taken from later accruals as they come;
- `carry_forward`: the balance is left alone; the due is a negative balance carried forward and
  taken only from accruals booked after the quarter (e.g. the next close);
- `ignore`: nothing is owed.
Late returns that could not be reversed because the cashback was spent (domain/late_facts.py) are
dues of the same kind. Each taking is an adjustment entry (source `clawback`, keys
`clawback:{quarter}:{account}:{n}`), so what is still owed is the due less those entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import uuid4

from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.ledger import IdFactory, LedgerEntry, Lot, SourceKind, open_lots, take_fifo
from kam_desktop.domain.messages import Message, NoteTemplate
from kam_desktop.domain.monetary import Money, parse
from kam_desktop.domain.money import money
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import Grade, LedgerKind, LedgerUnit

ZERO = Decimal(0)
CLAWBACK_REASON = NoteTemplate("net revenue {net} in {quarter} at grade {grade} ({percent} %)",
                               {"net": parse, "quarter": Quarter.parse, "grade": Grade, "percent": Decimal})


def _reason(text: str) -> Message | str:
    return CLAWBACK_REASON.read(text) or text


CLAWBACK_NOTE = NoteTemplate("clawback: {reason}", {"reason": _reason})  # on the entry that takes it back


class ClawbackRule(StrEnum):
    """What the program does with the cashback of a net-negative quarter (configurable per program)."""

    CLAW_BACK = "claw_back"
    CARRY_FORWARD = "carry_forward"
    IGNORE = "ignore"


@dataclass(frozen=True)
class ClawbackDue:
    """Cashback an account owes back for one quarter (positive), in its currency."""

    account: str
    quarter: Quarter
    amount: Money
    reason: str

    @property
    def key_prefix(self) -> str:
        return f"clawback:{self.quarter}:{self.account}:"


def due_for(
    account: str, quarter: Quarter, grade: Grade, net_revenue: Money, terms: ProgramTerms, rule: ClawbackRule
) -> ClawbackDue | None:
    """The due of a net-negative quarter under `rule` (None when nothing is owed)."""
    if rule is ClawbackRule.IGNORE or not net_revenue.is_negative:
        return None
    amount = (-net_revenue).percent(terms.cashback_percent[grade])
    if amount.is_zero:
        return None
    reason = CLAWBACK_REASON.fill(net=net_revenue, quarter=quarter, grade=grade, percent=terms.cashback_percent[grade])
    return ClawbackDue(account, quarter, amount, reason)


@dataclass(frozen=True)
class Outstanding:
    """What is still owed on a due after a run: a negative balance carried forward (shown on the statement)."""

    due: ClawbackDue
    remaining: Money


@dataclass(frozen=True)
class ClawbackRun:
    entries: tuple[LedgerEntry, ...]
    outstanding: tuple[Outstanding, ...]


def settled(ledger: Iterable[LedgerEntry], due: ClawbackDue) -> Decimal:
    """How much of the due the ledger has taken already."""
    return -sum((e.amount for e in ledger if e.idempotency_key.startswith(due.key_prefix)), ZERO)


def clawback_entries(
    ledger: Sequence[LedgerEntry], dues: Iterable[ClawbackDue], rule: ClawbackRule, on: date,
    new_id: IdFactory = uuid4,
) -> ClawbackRun:
    """Take what the rule allows towards each due on `on`; idempotent (a second run on the same day takes nothing)."""
    if rule is ClawbackRule.IGNORE:
        return ClawbackRun((), ())
    book = list(ledger)
    entries: list[LedgerEntry] = []
    outstanding: list[Outstanding] = []
    for due in sorted(dues, key=lambda d: (d.quarter, d.account)):
        remaining = money(due.amount.amount - settled(book, due))
        lots = _takeable(book, due, rule, on)
        take = min(remaining, sum((lot.remaining for lot in lots), ZERO))
        if take > 0:
            entry = _entry(book, due, take, lots, on, new_id)
            book.append(entry)
            entries.append(entry)
            remaining -= take
        if remaining > 0:
            outstanding.append(Outstanding(due, Money(remaining, due.amount.currency)))
    return ClawbackRun(tuple(entries), tuple(outstanding))


def _takeable(book: Sequence[LedgerEntry], due: ClawbackDue, rule: ClawbackRule, on: date) -> list[Lot]:
    lots = [
        lot for lot in open_lots(book, due.account, LedgerUnit.CASHBACK)
        if not lot.is_expired_on(on) and lot.entry.currency in (due.amount.currency, None)
    ]
    if rule is ClawbackRule.CARRY_FORWARD:  # only what was earned after the negative quarter
        lots = [lot for lot in lots if lot.entry.booked_on > due.quarter.end]
    return lots


def _entry(
    book: Sequence[LedgerEntry], due: ClawbackDue, take: Decimal, lots: Sequence[Lot], on: date, new_id: IdFactory
) -> LedgerEntry:
    count = sum(1 for e in book if e.idempotency_key.startswith(due.key_prefix))
    return LedgerEntry(
        account=due.account, unit=LedgerUnit.CASHBACK, kind=LedgerKind.ADJUSTMENT, amount=-take, booked_on=on,
        source_kind=SourceKind.CLAWBACK, source_ref=str(due.quarter), idempotency_key=f"{due.key_prefix}{count + 1}",
        id=new_id(), allocations=take_fifo(lots, take), currency=due.amount.currency, note=CLAWBACK_NOTE.fill(reason=due.reason),
    )
