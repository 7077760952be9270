"""A granted benefit's life after it is saved: what may be edited, cancelled or used, and when.

proposed | pending approval → active (a signed annex or approved exceptions) → used (its cost consumed) or
expired; any of proposed, pending or active → cancelled, with a reason. Terms in an issued annex are the
client's paper: such a grant is not edited (cancel it and grant anew). Each check returns every problem
as an English template with named parameters (the message id a screen translates), never raising on the
first one, so a form shows all of them at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from kam_desktop.domain.vocabulary import GrantStatus

EDITABLE = frozenset({GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL})
CANCELLABLE = frozenset({GrantStatus.PROPOSED, GrantStatus.PENDING_APPROVAL, GrantStatus.ACTIVE})
USABLE = frozenset({GrantStatus.ACTIVE})


@dataclass(frozen=True)
class Problem:
    """One reason a change to a grant is refused: a template with named parameters."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class GrantFacts:
    """What the rules need to know of a grant."""

    benefit: str  # the catalog code, to name it
    status: GrantStatus
    in_annex: bool
    valid_from: date
    valid_to: date | None
    cost: Decimal
    used: Decimal
    currency: str = ""


def validity_problems(valid_from: date, valid_to: date | None) -> list[Problem]:
    """A validity ends on or after it starts."""
    if valid_to is not None and valid_to < valid_from:
        return [Problem("the benefit ends on {valid_to} before it starts on {valid_from}",
                        {"valid_to": valid_to, "valid_from": valid_from})]
    return []


def edit_problems(grant: GrantFacts, valid_from: date, valid_to: date | None, cost: Decimal) -> list[Problem]:
    """Why the grant's terms may not be changed to these (empty: they may)."""
    problems = []
    if grant.status not in EDITABLE:
        problems.append(Problem("{benefit} is {status}: only a proposed or pending benefit is edited; cancel it "
                                "and grant a new one", {"benefit": grant.benefit, "status": grant.status.value}))
    elif grant.in_annex:
        problems.append(Problem("{benefit} is in an issued annex: the client's paper is not changed; cancel it and "
                                "grant a new one", {"benefit": grant.benefit}))
    if cost < 0:
        problems.append(Problem("the cost cannot be negative ({currency} {cost})",
                                {"cost": cost, "currency": grant.currency}))
    return problems + validity_problems(valid_from, valid_to)


def cancel_problems(grant: GrantFacts, reason: str) -> list[Problem]:
    """Why the grant may not be cancelled (empty: it may)."""
    problems = []
    if grant.status not in CANCELLABLE:
        problems.append(Problem("{benefit} is {status}: only a proposed, pending or active benefit is cancelled",
                                {"benefit": grant.benefit, "status": grant.status.value}))
    if not reason.strip():
        problems.append(Problem("say why the benefit is cancelled: the reason is kept on the record"))
    return problems


def usage_problems(grant: GrantFacts, amount: Decimal, on: date, today: date) -> list[Problem]:
    """Why `amount` of the grant's cost may not be recorded as used on `on` (empty: it may)."""
    problems = []
    if grant.status not in USABLE:
        problems.append(Problem("{benefit} is {status}: only an active benefit is used",
                                {"benefit": grant.benefit, "status": grant.status.value}))
    if amount <= 0:
        problems.append(Problem("a usage is a positive amount, not {currency} {amount}",
                                {"amount": amount, "currency": grant.currency}))
    elif grant.used + amount > grant.cost:
        problems.append(Problem("{benefit}: {currency} {amount} more would use {currency} {total} of its cost "
                                "{currency} {cost}; at most {currency} {left} is left",
                                {"benefit": grant.benefit, "amount": amount, "total": grant.used + amount,
                                 "cost": grant.cost, "left": max(grant.cost - grant.used, Decimal(0)),
                                 "currency": grant.currency}))
    if on > today:
        problems.append(Problem("a usage on {on} is in the future (today is {today})", {"on": on, "today": today}))
    elif on < grant.valid_from or (grant.valid_to is not None and on > grant.valid_to):
        problems.append(Problem("{benefit} is valid {valid_from} – {valid_to}, not on {on}",
                                {"benefit": grant.benefit, "valid_from": grant.valid_from,
                                 "valid_to": grant.valid_to or "…", "on": on}))
    return problems


def status_after_use(grant: GrantFacts, amount: Decimal) -> GrantStatus:
    """A benefit whose whole cost is used becomes used; otherwise it stays as it is."""
    return GrantStatus.USED if grant.used + amount >= grant.cost else grant.status
