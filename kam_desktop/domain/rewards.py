"""Earning rules (cashback per grade, points per spend and partner events) and the idempotent quarter close."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum
from uuid import uuid4

from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.ledger import (
    IdFactory,
    LedgerEntry,
    SourceKind,
    default_expiry,
    random_ids,
    reverse,
)
from kam_desktop.domain.messages import NoteTemplate, Refusal
from kam_desktop.domain.money import EXACT_CENTS, percent_of, percent_of_cents
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import Grade, LedgerKind, LedgerUnit

ZERO = Decimal(0)
WHOLE = Decimal(1)


# the note on a quarter's cashback accrual: the grade it was earned at (a later return is reversed at it)
GRADE_NOTE = NoteTemplate("grade {grade}", {"grade": Grade})


class EventMismatchError(Refusal, ValueError):
    """A partner event handed to the wrong account or quarter."""


class PartnerEvent(StrEnum):
    """Partner behaviours that earn points on their own, outside purchases."""

    CERTIFICATION = "certification"
    CUSTOMER_ACTIVE_90_DAYS = "customer_active_90_days"
    LICENCE_SALE = "licence_sale"


def _default_event_points() -> dict[PartnerEvent, Decimal]:
    return {
        PartnerEvent.CERTIFICATION: Decimal("500"),
        PartnerEvent.CUSTOMER_ACTIVE_90_DAYS: Decimal("200"),
        PartnerEvent.LICENCE_SALE: Decimal("50"),
    }


@dataclass(frozen=True)
class PointsRules:
    """How points are earned: per money spent, times a category multiplier, plus partner events."""

    points_per_money: Decimal = Decimal("0.01")  # 1 point per 100 of net revenue
    category_multipliers: Mapping[str, Decimal] = field(default_factory=dict)  # absent category → ×1
    event_points: Mapping[PartnerEvent, Decimal] = field(default_factory=_default_event_points)
    point_value: Decimal = Decimal("0.01")  # what one point costs us, in money, for reward-cost KPIs


def cashback_for(net_revenue: Decimal, grade: Grade, terms: ProgramTerms) -> Decimal:
    """Cashback on a quarter's net revenue at the grade's %, rounded to cents; nothing on a net loss."""
    if net_revenue <= 0:
        return ZERO
    return percent_of(net_revenue, terms.cashback_percent[grade])


def points_for(category_net: Mapping[str, Decimal], rules: PointsRules) -> Decimal:
    """Points on net revenue per category × multiplier, summed, then rounded down to whole points.

    A category with a net loss (returns above sales) earns nothing rather than negative points, and
    rounding happens once at the end so that small categories are not each rounded away.
    """
    raw = sum(
        (
            net * rules.points_per_money * rules.category_multipliers.get(category, WHOLE)
            for category, net in category_net.items()
            if net > 0
        ),
        ZERO,
    )
    return raw.quantize(WHOLE, rounding=ROUND_DOWN)


class CentsRates:
    """`cashback_for` and `points_for` on amounts of whole cents, in integers: the same values (tests hold them to the
    Decimal functions), for closing 20,000 accounts at once.

    An amount is priced here only where the Decimal functions' every step is exact (at most 28 digits), so both give
    the same value; `of` gives None for rules, and the methods None for an account, past that (the caller then uses the
    Decimal functions).
    """

    __slots__ = ("_cashback_below", "_default", "_divisor", "_percent", "_spent_below", "_weights")

    def __init__(self, percent: Mapping[Grade, Decimal], weights: dict[str, int], default: int, divisor: int,
                 spent_below: int) -> None:
        self._percent, self._weights, self._default, self._divisor = percent, weights, default, divisor
        self._spent_below = spent_below
        self._cashback_below = {grade: EXACT_CENTS // max(1, abs(p.as_integer_ratio()[0])) for grade, p in percent.items()}

    @classmethod
    def of(cls, terms: ProgramTerms, rules: PointsRules) -> CentsRates | None:
        """The rates of a program: each category's points per cent as an integer weight over one common divisor."""
        factors = [rules.points_per_money, *rules.category_multipliers.values()]
        exponents = [int(f.as_tuple().exponent) for f in factors]
        if any(e > 0 for e in exponents):  # "1E+1": Decimal's steps are not held to integers here
            return None
        ratios = {c: m.as_integer_ratio() for c, m in rules.category_multipliers.items()}
        numerator, denominator = rules.points_per_money.as_integer_ratio()
        common = math.lcm(1, *(d for _n, d in ratios.values()))
        # net × ppm × multiplier = cents × numerator × m / (100 × denominator × d) = cents × weight / divisor
        weights = {c: numerator * m * (common // d) for c, (m, d) in ratios.items()}
        default = numerator * common  # a category with no multiplier: × 1
        divisor = 100 * denominator * common
        # Decimal sums the products at the smallest exponent they have: an integer `scale` times ours (the divisor
        # divides 10^-exponent); all its steps are exact while Σ cents × max |weight| × scale < 10^28
        smallest = 2 - exponents[0] - min(exponents[1:], default=0)
        scale = 10**smallest // divisor
        largest = max(abs(w) for w in (default, *weights.values()))
        return cls(terms.cashback_percent, weights, default, divisor, 10**28 // (scale * max(1, largest)))

    def cashback(self, grade: Grade, net_cents: int) -> int | None:
        """`cashback_for` of a quarter's net revenue, in cents; None past exact pricing."""
        if net_cents <= 0:
            return 0
        if net_cents >= self._cashback_below[grade]:
            return None
        return percent_of_cents(net_cents, self._percent[grade])

    def points(self, category_cents: Iterable[tuple[str, int]]) -> int | None:
        """`points_for` of the nets per category, in whole points; None past exact pricing."""
        weights, default, total, spent = self._weights, self._default, 0, 0
        for category, cents in category_cents:
            if cents > 0:  # a category with a net loss earns nothing
                spent += cents
                total += cents * weights.get(category, default)
        if spent >= self._spent_below:
            return None
        # ROUND_DOWN rounds toward zero (a negative multiplier can make the sum negative)
        return total // self._divisor if total >= 0 else -(-total // self._divisor)


@dataclass(frozen=True)
class PartnerEventRecord:
    """A partner event that happened, with a reference that makes it unique (certificate no., customer id)."""

    account: str
    event: PartnerEvent
    ref: str
    occurred_on: date


@dataclass(frozen=True)
class AccountQuarter:
    """One account's inputs to a quarter close."""

    account: str
    grade: Grade  # the effective grade during the quarter
    net_revenue: Decimal  # returns already netted
    category_net: Mapping[str, Decimal] = field(default_factory=dict)
    events: tuple[PartnerEventRecord, ...] = ()


def close_key(quarter: Quarter, account: str, kind: str) -> str:
    """The deterministic idempotency key of a quarter-close entry."""
    return f"close:{quarter}:{account}:{kind}"


def quarter_close_entries(
    ledger: Sequence[LedgerEntry],
    quarter: Quarter,
    accounts: Iterable[AccountQuarter],
    terms: ProgramTerms,
    points: PointsRules | None = None,
    new_id: IdFactory | None = None,
) -> list[LedgerEntry]:
    """The accruals a quarter close should book that the ledger does not hold yet.

    Each accrual has a key `close:{quarter}:{account}:{kind}` (kind = cashback, points, or
    event:{event}:{ref}); an entry whose key is already in the ledger is not produced again. So a second
    run, or a run after a crash that booked only some entries, completes the close and never doubles it. Ids:
    `new_id`'s, by default random ones as `uuid4` makes them (`random_ids`).
    """
    points, new_id = points or PointsRules(), new_id or random_ids()
    booked = {e.idempotency_key for e in ledger}
    booked_on, expires_on = quarter.end, default_expiry(quarter.end)  # the same for every entry: worked out once
    period = str(quarter)
    prefix = close_key(quarter, "", "")[:-1]  # "close:{quarter}:", then account:kind (20,000 accounts a close)
    notes: dict[Grade, str] = {}  # the cashback's note, one per grade
    # each unit's accrual made once; each entry is one of them with its own account, amount, key, id and note
    # (`with_values`: as `replace`, checked the same, without a call of __init__ with every field)
    like = {unit: LedgerEntry(account="", unit=unit, kind=LedgerKind.ACCRUAL, amount=WHOLE, booked_on=booked_on,
                              source_kind=SourceKind.QUARTER_CLOSE, source_ref=period, idempotency_key="",
                              expires_on=expires_on).with_values for unit in LedgerUnit}
    result: list[LedgerEntry] = []
    for acc in accounts:
        for kind, unit, amount, source_ref in _accruals(quarter, acc, terms, points, period):
            key = f"{prefix}{acc.account}:{kind}"
            if amount <= 0 or key in booked:
                continue
            booked.add(key)
            result.append(like[unit](
                account=acc.account, amount=amount,
                source_kind=SourceKind.PARTNER_EVENT if kind.startswith("event:") else SourceKind.QUARTER_CLOSE,
                source_ref=source_ref, idempotency_key=key, id=new_id(),
                note=(notes.get(acc.grade) or notes.setdefault(acc.grade, GRADE_NOTE.fill(grade=acc.grade))
                      if unit is LedgerUnit.CASHBACK else "")))
    return result


def _accruals(
    quarter: Quarter, acc: AccountQuarter, terms: ProgramTerms, points: PointsRules, period: str
) -> list[tuple[str, LedgerUnit, Decimal, str]]:
    items = [
        ("cashback", LedgerUnit.CASHBACK, cashback_for(acc.net_revenue, acc.grade, terms), period),
        ("points", LedgerUnit.POINTS, points_for(acc.category_net, points), period),
    ]
    for ev in acc.events:
        if ev.account != acc.account or not quarter.contains(ev.occurred_on):
            raise EventMismatchError("event {event} {ref} of {account} on {day} does not belong to {expected} in "
                                     "{quarter}", event=ev.event, ref=ev.ref, account=ev.account, day=ev.occurred_on,
                                     expected=acc.account, quarter=quarter)
        items.append(
            (f"event:{ev.event}:{ev.ref}", LedgerUnit.POINTS, points.event_points.get(ev.event, ZERO), ev.ref)
        )
    return items


def return_reversals(
    ledger: Sequence[LedgerEntry],
    account: str,
    closed_quarter: Quarter,
    grade: Grade,
    category: str,
    returned_net: Decimal,
    return_ref: str,
    booked_on: date,
    terms: ProgramTerms,
    points: PointsRules | None = None,
    new_id: IdFactory = uuid4,
) -> list[LedgerEntry]:
    """Partial reversals of a closed quarter's cashback and points for a return booked after the close.

    The cashback reversed is the return × the % of `grade`, the grade the quarter was closed at; the
    points reversed are the points the returned revenue earned. Keys `return:{ref}:{unit}`
    make it idempotent.
    """
    points = points or PointsRules()
    result: list[LedgerEntry] = []
    for unit in (LedgerUnit.CASHBACK, LedgerUnit.POINTS):
        accrual = next(
            (e for e in ledger if e.idempotency_key == close_key(closed_quarter, account, unit.value)), None
        )
        if accrual is None:
            continue
        if unit is LedgerUnit.CASHBACK:
            amount = cashback_for(returned_net, grade, terms)
        else:
            amount = points_for({category: returned_net}, points)
        already = sum((-e.amount for e in ledger if e.reverses == accrual.id), ZERO)
        amount = min(amount, accrual.amount - already)  # never reverse more than was accrued
        if amount <= 0:
            continue
        entry = reverse(
            list(ledger) + result,
            accrual,
            booked_on,
            SourceKind.RETURN,
            return_ref,
            f"return:{return_ref}:{unit}",
            amount=amount,
            new_id=new_id,
        )
        if entry is not None:
            result.append(entry)
    return result


def reward_cost(entries: Iterable[LedgerEntry], points: PointsRules | None = None) -> Decimal:
    """What accrued rewards (net of reversals) cost in money: cashback + points × point value."""
    points = points or PointsRules()
    total = ZERO
    for e in entries:
        if e.kind not in (LedgerKind.ACCRUAL, LedgerKind.REVERSAL) or (
            e.kind is LedgerKind.REVERSAL and e.amount > 0
        ):
            continue
        total += e.amount if e.unit is LedgerUnit.CASHBACK else e.amount * points.point_value
    return total
