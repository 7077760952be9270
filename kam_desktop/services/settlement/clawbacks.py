"""Clawbacks: what net-negative quarters and spent late returns owe, taken per the program's rule.

Dues are recorded when they arise (`clawback_dues`); every close (and every settling run) takes what the rule
allows from the account's lots (`domain/clawback.py`): at once (claw_back), only from later accruals
(carry_forward), or not at all (ignore). What is still owed is a negative balance carried forward.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from kam_desktop.domain import clawback as dc
from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.messages import Message
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.permissions import UseCase
from kam_desktop.services.access import account_for
from kam_desktop.services.context import Context
from kam_desktop.services.ledger.entries import book, load_domain
from kam_desktop.services.settlement.locks import check_open, period_locks
from kam_desktop.services.settlement.terms import SettlementConfig
from kam_desktop.store.queries.grades import accounts
from kam_desktop.store.queries.settlement import dues
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class ClawbackLine:
    """One account's quarter that owes cashback back: the due, what is taken so far, and what is still owed."""

    account: str
    quarter: str
    due: Money
    taken: Money  # by the ledger (this run and before)
    taken_now: Money  # by this run
    outstanding: Money  # a negative balance carried forward
    reason: Message | str  # the program's note (translated on screens), or the text as stored


def run_clawbacks_in(uow: UnitOfWork, on: date, config: SettlementConfig) -> list[ClawbackLine]:
    """Take what the rule allows towards every due, booked on the first open day; one line per due still open
    or taken from now."""
    session = uow.session
    refs = accounts(session, active_only=False)
    owed = dues(session, refs)
    if not owed:
        return []
    by_code = {a.code: a for a in refs}
    mine = [by_code[d.account] for d in owed]
    ledger = load_domain(session, {a.id: a for a in mine}.values())
    locks = period_locks(session)
    day = locks.open_day_for(on)
    run = dc.clawback_entries(ledger, owed, config.terms.clawback, day)
    check_open(locks, list(run.entries), uow.actor)
    book(session, run.entries, by_code)
    if run.entries:
        uow.audit("settlement.clawback", "ledger_entry", None, rule=config.terms.clawback, entries=len(run.entries),
                  taken={str(e.money) for e in run.entries})
    return _lines(owed, ledger + list(run.entries), run.entries)


def _lines(owed: list[dc.ClawbackDue], ledger: Sequence[LedgerEntry], new: Sequence[LedgerEntry]) -> list[ClawbackLine]:
    lines = []
    for due in owed:
        currency = due.amount.currency
        taken = Money(dc.settled(ledger, due), currency)
        now = Money(-sum((e.amount for e in new if e.idempotency_key.startswith(due.key_prefix)), ZERO), currency)
        outstanding = (due.amount - taken).max(Money.zero(currency))
        if outstanding.is_zero and now.is_zero:
            continue
        lines.append(ClawbackLine(due.account, str(due.quarter), due.amount, taken, now, outstanding,
                                  dc.CLAWBACK_REASON.read(due.reason) or due.reason))
    return lines


def outstanding_for(ctx: Context, code: str) -> list[ClawbackLine]:
    """What an account still owes back, per quarter (a negative balance carried forward, for its statement)."""
    with ctx.read() as session:
        account = account_for(ctx, session, UseCase.VIEW_SETTLEMENT, code)
        owed = dues(session, [account])
        ledger = load_domain(session, [account])
    return [line for line in _lines(owed, ledger, ()) if line.outstanding.is_positive]
