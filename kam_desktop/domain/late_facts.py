"""Late facts: a sale or return dated in a quarter already closed, settled by new linked entries.

The quarter's reward is recomputed as if the fact had been known at the close, and only the
difference is booked: rounding stays per account and quarter (half up), so two late invoices of
0.25 do not earn two rounded cents. Facts are applied in date order, then by reference, so each gets
its own entry, traceable to its document, and the entries of all facts add up to the quarter's
recomputed reward exactly:
- a late **sale** books its missing accrual, linked (`corrects`) to the quarter's close accrual;
- a late **return** reverses the accrual it affects (the close accrual first, then the quarter's late
  accruals), taking from the accrual's own lot first. What the client has already spent cannot be
  reversed: it is reported as a shortfall for the program's clawback rule (domain/clawback.py).
Nothing in the closed quarter is edited; entries are booked on `booked_on` (an open day, see
domain/closing.py). Idempotent per fact: keys `late:{quarter}:{account}:{ref}:{unit}[:n]`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from uuid import uuid4

from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.ledger import (
    IdFactory,
    InsufficientBalanceError,
    LedgerEntry,
    SourceKind,
    default_expiry,
    reverse,
)
from kam_desktop.domain.messages import NoteTemplate, Refusal
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import PointsRules, cashback_for, close_key, points_for
from kam_desktop.domain.vocabulary import Grade, LedgerKind, LedgerUnit

ZERO = Decimal(0)
LATE_SALE_NOTE = NoteTemplate("late sale in {quarter}, grade {grade}", {"quarter": Quarter.parse, "grade": Grade})


class FactKind(StrEnum):
    SALE = "sale"
    RETURN = "return"


@dataclass(frozen=True)
class LateFact:
    """An invoice or return that reached us after its quarter was closed; `net` is positive."""

    ref: str
    kind: FactKind
    occurred_on: date
    net: Decimal
    category: str

    @property
    def signed_net(self) -> Decimal:
        return self.net if self.kind is FactKind.SALE else -self.net


@dataclass(frozen=True)
class ClosedQuarter:
    """One account's closed quarter as the close saw it: its grade, currency and net per category."""

    account: str
    quarter: Quarter
    grade: Grade
    currency: str
    category_net: Mapping[str, Decimal]


@dataclass(frozen=True)
class LateFactLine:
    """A line of the close report: what a late fact changed, and what could not be taken back."""

    account: str
    quarter: Quarter
    ref: str
    kind: FactKind
    occurred_on: date
    unit: LedgerUnit
    change: Decimal  # the quarter's reward after the fact minus before it
    booked: Decimal  # what the new entries add to the balance (0 if booked before)
    shortfall: Decimal  # a reversal the lots could not cover (already spent): for the clawback rule
    entry_keys: tuple[str, ...]


@dataclass(frozen=True)
class LateFactResult:
    entries: tuple[LedgerEntry, ...]
    lines: tuple[LateFactLine, ...]

    def shortfall(self, unit: LedgerUnit) -> Decimal:
        return sum((line.shortfall for line in self.lines if line.unit is unit), ZERO)


def fact_key(quarter: Quarter, account: str, ref: str, unit: LedgerUnit) -> str:
    return f"late:{quarter}:{account}:{ref}:{unit}"


def late_fact_entries(
    ledger: Sequence[LedgerEntry],
    closed: ClosedQuarter,
    facts: Sequence[LateFact],
    booked_on: date,
    terms: ProgramTerms,
    points: PointsRules | None = None,
    new_id: IdFactory = uuid4,
) -> LateFactResult:
    """The entries that settle `facts` against the closed quarter (all of its late facts, booked or not)."""
    points = points or PointsRules()
    for fact in facts:
        _check(closed, fact)
    cats = dict(closed.category_net)
    book = list(ledger)
    entries: list[LedgerEntry] = []
    lines: list[LateFactLine] = []
    for fact in sorted(facts, key=lambda f: (f.occurred_on, f.ref)):
        before = _rewards(cats, closed.grade, terms, points)
        cats[fact.category] = cats.get(fact.category, ZERO) + fact.signed_net
        after = _rewards(cats, closed.grade, terms, points)
        for unit in (LedgerUnit.CASHBACK, LedgerUnit.POINTS):
            change = after[unit] - before[unit]
            if change == 0:
                continue
            new, shortfall = _settle(book, closed, fact, unit, change, booked_on, new_id)
            book += new
            entries += new
            lines.append(LateFactLine(
                closed.account, closed.quarter, fact.ref, fact.kind, fact.occurred_on, unit, change,
                sum((e.amount for e in new), ZERO), shortfall, tuple(e.idempotency_key for e in new),
            ))
    return LateFactResult(tuple(entries), tuple(lines))


class LateFactError(Refusal, ValueError):
    """A late fact that cannot be settled against the quarter given."""


def _check(closed: ClosedQuarter, fact: LateFact) -> None:
    if not closed.quarter.contains(fact.occurred_on):
        raise LateFactError("{ref} of {day} is not in {quarter}", ref=fact.ref, day=fact.occurred_on,
                            quarter=closed.quarter)
    if fact.net <= 0:
        raise LateFactError("{ref}: the net amount of a late {kind} must be positive, not {net}", ref=fact.ref,
                            kind=fact.kind, net=fact.net)


def _rewards(cats: Mapping[str, Decimal], grade: Grade, terms: ProgramTerms, points: PointsRules) -> dict[LedgerUnit, Decimal]:
    return {
        LedgerUnit.CASHBACK: cashback_for(sum(cats.values(), ZERO), grade, terms),
        LedgerUnit.POINTS: points_for(cats, points),
    }


def _already(book: Sequence[LedgerEntry], key: str, fact: LateFact, unit: LedgerUnit) -> bool:
    # A return settled earlier through `rewards.return_reversals` has the key return:{ref}:{unit}.
    legacy = f"return:{fact.ref}:{unit}"
    return any(e.idempotency_key.startswith(key) or e.idempotency_key == legacy for e in book)


def _settle(
    book: list[LedgerEntry], closed: ClosedQuarter, fact: LateFact, unit: LedgerUnit, change: Decimal,
    booked_on: date, new_id: IdFactory,
) -> tuple[list[LedgerEntry], Decimal]:
    key = fact_key(closed.quarter, closed.account, fact.ref, unit)
    if _already(book, key, fact, unit):
        return [], ZERO
    if change > 0:
        return [_late_accrual(book, closed, fact, unit, change, booked_on, key, new_id)], ZERO
    return _reversals(book, closed, fact, unit, -change, booked_on, key, new_id)


def _close_accrual(book: Sequence[LedgerEntry], closed: ClosedQuarter, unit: LedgerUnit) -> LedgerEntry | None:
    key = close_key(closed.quarter, closed.account, unit.value)
    return next((e for e in book if e.idempotency_key == key), None)


def _late_accrual(
    book: Sequence[LedgerEntry], closed: ClosedQuarter, fact: LateFact, unit: LedgerUnit, amount: Decimal,
    booked_on: date, key: str, new_id: IdFactory,
) -> LedgerEntry:
    target = _close_accrual(book, closed, unit)
    # The lot lives as long as the quarter's own accrual would, but is never born expired.
    expires_on = max(default_expiry(closed.quarter.end), Quarter.of(booked_on).end)
    return LedgerEntry(
        account=closed.account, unit=unit, kind=LedgerKind.ACCRUAL, amount=amount, booked_on=booked_on,
        source_kind=SourceKind.LATE_SALE, source_ref=fact.ref, idempotency_key=key, id=new_id(),
        expires_on=expires_on, currency=_currency(closed, unit), corrects=target.id if target else None,
        note=LATE_SALE_NOTE.fill(quarter=closed.quarter, grade=closed.grade),
    )


def _currency(closed: ClosedQuarter, unit: LedgerUnit) -> str | None:
    return closed.currency if unit is LedgerUnit.CASHBACK else None


def _quarter_accruals(book: Sequence[LedgerEntry], closed: ClosedQuarter, unit: LedgerUnit) -> list[LedgerEntry]:
    close = _close_accrual(book, closed, unit)
    prefix = f"late:{closed.quarter}:{closed.account}:"
    late = [e for e in book if e.kind is LedgerKind.ACCRUAL and e.unit is unit and e.idempotency_key.startswith(prefix)]
    return ([close] if close else []) + late


def _reversals(
    book: list[LedgerEntry], closed: ClosedQuarter, fact: LateFact, unit: LedgerUnit, wanted: Decimal,
    booked_on: date, key: str, new_id: IdFactory,
) -> tuple[list[LedgerEntry], Decimal]:
    made: list[LedgerEntry] = []
    left = wanted
    for target in _quarter_accruals(book, closed, unit):
        open_part = target.amount - sum((-e.amount for e in book + made if e.reverses == target.id), ZERO)
        take = min(left, open_part)
        if take <= 0:
            continue
        entry = _reverse_up_to(book + made, target, take, booked_on, fact, f"{key}:{len(made) + 1}", new_id)
        if entry is None:
            break
        made.append(entry)
        left += entry.amount  # a reversal's amount is negative
        if left <= 0:
            break
    return made, left


def _reverse_up_to(
    book: Sequence[LedgerEntry], target: LedgerEntry, amount: Decimal, booked_on: date, fact: LateFact,
    key: str, new_id: IdFactory,
) -> LedgerEntry | None:
    try:
        return reverse(book, target, booked_on, SourceKind.RETURN, fact.ref, key, amount, new_id)
    except InsufficientBalanceError as exc:  # partly spent already: reverse what is still there
        if exc.available <= 0:
            return None
        return reverse(book, target, booked_on, SourceKind.RETURN, fact.ref, key, exc.available, new_id)
