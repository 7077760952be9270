"""Commercial policy caps per grade, versioned, and a check that reports every violation at once."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kam_desktop.domain.messages import Message, Refusal
from kam_desktop.domain.money import percent_of
from kam_desktop.domain.vocabulary import ExceptionKind, Grade

ZERO = Decimal(0)


class PolicyError(Refusal, ValueError):
    """A policy that cannot be applied (no version in force, grade without caps)."""


@dataclass(frozen=True)
class GradeCaps:
    """What one grade may get without an exception."""

    max_discount_percent: Decimal
    max_payment_days: int
    benefit_budget_percent_of_margin: Decimal
    gift_limit_per_person_per_year: Decimal


def _default_caps() -> dict[Grade, GradeCaps]:
    return {
        Grade.L1: GradeCaps(Decimal(15), 60, Decimal(5), Decimal(500)),
        Grade.L2: GradeCaps(Decimal(10), 45, Decimal(4), Decimal(300)),
        Grade.L3: GradeCaps(Decimal(7), 30, Decimal(3), Decimal(200)),
        Grade.L4: GradeCaps(Decimal(3), 14, Decimal(1), Decimal(100)),
    }


@dataclass(frozen=True)
class CommercialPolicy:
    """One version of the caps, valid from a day until the next version."""

    version: int = 1
    valid_from: date = date(2000, 1, 1)
    caps: Mapping[Grade, GradeCaps] = field(default_factory=_default_caps)

    def caps_for(self, grade: Grade) -> GradeCaps:
        """The caps of a grade; a policy that forgets a grade is a configuration error, not 'no cap'."""
        try:
            return self.caps[grade]
        except KeyError:
            raise PolicyError("policy version {version} has no caps for grade {grade}", version=self.version,
                              grade=grade) from None


@dataclass(frozen=True)
class GiftRequest:
    """A gift or personal benefit to one person at the client, with what they already got this year."""

    person: str
    value: Decimal
    already_this_year: Decimal = ZERO


@dataclass(frozen=True)
class BenefitRequest:
    """What a KAM wants to grant an account; any field left None is not being asked for."""

    discount_percent: Decimal | None = None
    payment_days: int | None = None
    benefit_cost: Decimal | None = None  # the new benefit's cost in the period
    benefits_already_granted: Decimal = ZERO  # cost of the account's benefits already in the period
    gross_margin_in_period: Decimal = ZERO
    gifts: tuple[GiftRequest, ...] = ()


@dataclass(frozen=True)
class Violation:
    """One cap exceeded: which rule, the cap, the requested value, and a sentence for the user."""

    rule: ExceptionKind  # the cap exceeded; also the kind of exception that would cover it
    cap: Decimal
    requested: Decimal
    message: Message
    person: str | None = None  # for gift limits: whose limit


def check(policy: CommercialPolicy, grade: Grade, request: BenefitRequest) -> list[Violation]:
    """Every cap the request exceeds for the grade (empty when it is within policy)."""
    caps = policy.caps_for(grade)
    found: list[Violation] = []
    if request.discount_percent is not None and request.discount_percent > caps.max_discount_percent:
        found.append(
            Violation(
                ExceptionKind.DISCOUNT,
                caps.max_discount_percent,
                request.discount_percent,
                Message.of("discount {requested} % exceeds the {grade} cap of {cap} %", requested=request.discount_percent,
                           grade=grade, cap=caps.max_discount_percent),
            )
        )
    if request.payment_days is not None and request.payment_days > caps.max_payment_days:
        found.append(
            Violation(
                ExceptionKind.PAYMENT_TERMS,
                Decimal(caps.max_payment_days),
                Decimal(request.payment_days),
                Message.of("payment terms {requested} days exceed the {grade} cap of {cap} days",
                           requested=request.payment_days, grade=grade, cap=caps.max_payment_days),
            )
        )
    if request.benefit_cost is not None:
        found += _budget(caps, grade, request)
    for gift in request.gifts:
        total = gift.already_this_year + gift.value
        if total > caps.gift_limit_per_person_per_year:
            found.append(
                Violation(
                    ExceptionKind.GIFT_VALUE,
                    caps.gift_limit_per_person_per_year,
                    total,
                    Message.of("gifts to {person} would reach {total} this year, above the {grade} limit of {cap} "
                               "per person", person=gift.person, total=total, grade=grade,
                               cap=caps.gift_limit_per_person_per_year),
                    person=gift.person,
                )
            )
    return found


def _budget(caps: GradeCaps, grade: Grade, request: BenefitRequest) -> list[Violation]:
    # Rewards are budgeted from gross margin: with no margin there is no budget at all.
    margin = max(request.gross_margin_in_period, ZERO)
    cap = percent_of(margin, caps.benefit_budget_percent_of_margin)
    total = request.benefits_already_granted + (request.benefit_cost or ZERO)
    if total <= cap:
        return []
    return [
        Violation(
            ExceptionKind.BENEFIT_BUDGET,
            cap,
            total,
            Message.of("benefits would cost {total}, above the {grade} budget of {cap} ({percent} % of gross margin "
                       "{margin})", total=total, grade=grade, cap=cap, percent=caps.benefit_budget_percent_of_margin,
                       margin=margin),
        )
    ]
