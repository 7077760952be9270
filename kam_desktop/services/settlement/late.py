"""Late facts: invoice lines and returns that arrived after their quarter was closed, settled by new entries.

A line is *late* when its import was applied after its account's quarter was closed (the moment the close
accrual was written, else the quarter's first close). Its quarter's reward is recomputed as if the line had
been known at the close (`domain/late_facts.py`): a late sale books the missing accrual, a late return
reverses the accrual it affects, and cashback already spent becomes a clawback due. One fact per invoice
(and category, when an invoice spans several), traceable by its number. Settled in the import's own unit of
work, and again at every close for anything that arrived another way; booked on the first open day.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.clawback import CLAWBACK_REASON, ClawbackRule, due_for
from kam_desktop.domain.grades import ProgramTerms
from kam_desktop.domain.late_facts import ClosedQuarter, FactKind, LateFact, LateFactLine, late_fact_entries
from kam_desktop.domain.ledger import LedgerEntry
from kam_desktop.domain.monetary import Money
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.rewards import GRADE_NOTE, close_key
from kam_desktop.domain.vocabulary import Grade, LedgerUnit
from kam_desktop.services.ledger.entries import book, load_domain
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.services.settlement.locks import check_open, period_locks
from kam_desktop.services.settlement.terms import SettlementConfig, settlement_config
from kam_desktop.store.models import ClawbackDue, InvoiceLine, LateFactRecord
from kam_desktop.store.queries.grades import AccountRef, accounts, latest_evaluations
from kam_desktop.store.queries.settlement import (
    ArrivedLine,
    account_close_moments,
    account_lines,
    closed_quarters,
    import_moments,
    imports_since,
    lines_of_imports,
)
from kam_desktop.store.settlement_lock import hold_settlement
from kam_desktop.store.uow import UnitOfWork


@dataclass(frozen=True)
class LateFactRow:
    """A late fact as the close report and the import report list it: what it changed and what was booked."""

    account: str
    quarter: str
    ref: str
    kind: str
    occurred_on: date
    category: str
    net: Money
    cashback_change: Money
    points_change: Decimal
    shortfall: Money  # spent cashback the reversal could not take back: a clawback due
    settled_on: date  # the day its entries are booked on (the first open day)
    locked: bool  # its quarter is locked: booked in the open period
    entry_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class LateSettlement:
    """What one settling run found and booked."""

    rows: tuple[LateFactRow, ...]
    entries: int
    locked_quarters: tuple[str, ...]  # locked quarters the facts belong to (their entries are in the open period)


@dataclass
class _Late:
    """Late lines of one account and quarter, and the lines known at its close."""

    account: AccountRef
    quarter: Quarter
    known: dict[str, Decimal]
    facts: dict[str, tuple[LateFact, datetime, uuid.UUID | None]]


def settle_late_facts_in(uow: UnitOfWork, on: date, now: datetime, config: SettlementConfig,
                         import_id: uuid.UUID | None = None, since: datetime | None = None) -> LateSettlement:
    """Settle every late fact not settled yet, in the caller's unit of work.

    `import_id`: only the accounts and quarters that import touches (its lines count as arriving now, as the
    import commits after any close it sees). Else the lines of imports applied after a close and after `since`
    (the previous settling run: what came before it was settled then, by its import or by that run).
    """
    session = uow.session
    hold_settlement(session)
    closed = closed_quarters(session)
    if not closed:
        return LateSettlement((), 0, ())
    last_day = max(Quarter.parse(q) for q in closed).end
    if import_id is not None:
        candidates = lines_of_imports(session, [import_id], last_day)
    else:
        after = max(min(closed.values()), since) if since is not None else min(closed.values())
        candidates = lines_of_imports(session, list(imports_since(session, after)), last_day)
    touched = {(line.account_id, Quarter.of(line.invoice_date)) for line in candidates
               if str(Quarter.of(line.invoice_date)) in closed}
    if not touched:
        return LateSettlement((), 0, ())
    refs = {a.id: a for a in accounts(session, active_only=False)}
    locks = period_locks(session)
    booked_on = locks.open_day_for(on)
    rows: list[LateFactRow] = []
    entries = 0
    for account_id, quarter in sorted(touched, key=lambda t: (t[1], refs[t[0]].code)):
        late = _late_of(session, refs[account_id], quarter, closed[str(quarter)], import_id, now)
        if late is None:
            continue
        made, new_rows = _settle(uow, late, booked_on, config, locks.is_locked(quarter.end))
        entries += made
        rows += new_rows
    locked = tuple(sorted({r.quarter for r in rows if r.locked}))
    if rows:
        uow.audit("settlement.late_facts", "late_fact", None, facts=len(rows), entries=entries, booked_on=booked_on,
                  locked_quarters=list(locked), import_id=import_id)
    return LateSettlement(tuple(rows), entries, locked)


def _late_of(session: Session, account: AccountRef, quarter: Quarter, quarter_closed: datetime,
             import_id: uuid.UUID | None, now: datetime) -> _Late | None:
    """The account's quarter split into lines known at its close and late facts; None when nothing is new."""
    moment = account_close_moments(session, str(quarter)).get(account.id, quarter_closed)
    lines = account_lines(session, account.id, quarter.start, quarter.end)
    arrived = import_moments(session, {line.import_id for line in lines if line.import_id is not None})
    known: dict[str, Decimal] = {}
    late: dict[tuple[str, str], list[tuple[ArrivedLine, datetime]]] = {}
    for line in lines:
        if line.import_id is not None and line.import_id == import_id:
            late.setdefault((line.invoice_no, line.category), []).append((line, now))  # after the close it sees
            continue
        at = arrived.get(line.import_id) if line.import_id is not None else None
        if at is None or at <= moment:  # written outside an import (the demo), or known at the close
            known[line.category] = known.get(line.category, ZERO) + line.net
        else:
            late.setdefault((line.invoice_no, line.category), []).append((line, at))
    facts = _facts(late)
    recorded = set(session.scalars(select(LateFactRecord.ref).where(
        LateFactRecord.account_id == account.id, LateFactRecord.quarter == str(quarter))))
    if not set(facts) - recorded:
        return None
    return _Late(account, quarter, known, facts)


def _facts(late: Mapping[tuple[str, str], list[tuple[ArrivedLine, datetime]]],
           ) -> dict[str, tuple[LateFact, datetime, uuid.UUID | None]]:
    """One fact per invoice and category (named by the invoice alone when it has one category)."""
    categories: dict[str, int] = {}
    for invoice, _category in late:
        categories[invoice] = categories.get(invoice, 0) + 1
    facts = {}
    for (invoice, category), items in sorted(late.items()):
        net = sum((line.net for line, _ in items), ZERO)
        if net == 0:
            continue
        ref = invoice if categories[invoice] == 1 else f"{invoice} ({category})"
        day = max(line.invoice_date for line, _ in items)
        kind = FactKind.SALE if net > 0 else FactKind.RETURN
        at = max(at for _, at in items)
        facts[ref] = (LateFact(ref, kind, day, abs(net), category), at, items[0][0].import_id)
    return facts


def _grade(session: Session, account: AccountRef, quarter: Quarter, ledger: Sequence[LedgerEntry]) -> Grade | None:
    """The grade the quarter was closed at (its accrual's note), else the one a close would use now."""
    accrual = next((e for e in ledger if e.idempotency_key == close_key(quarter, account.code, "cashback")), None)
    earned = GRADE_NOTE.read(accrual.note) if accrual is not None else None
    if earned is not None:
        return Grade(earned.params["grade"])
    evaluation = (latest_evaluations(session, quarter.start, before=True).get(account.id)
                  or latest_evaluations(session, quarter.end).get(account.id))
    return Grade(evaluation.grade) if evaluation else None


def _settle(uow: UnitOfWork, late: _Late, booked_on: date, config: SettlementConfig,
            locked: bool) -> tuple[int, list[LateFactRow]]:
    session = uow.session
    account, quarter = late.account, late.quarter
    ledger = load_domain(session, [account])
    grade = _grade(session, account, quarter, ledger)
    if grade is None:  # never graded by the quarter's end: it earns nothing here, as in the close
        return 0, []
    program = program_in_force(session, quarter.end)
    closed = ClosedQuarter(account.code, quarter, grade, account.currency, late.known)
    facts = [fact for fact, _, _ in late.facts.values()]
    result = late_fact_entries(ledger, closed, facts, booked_on, program.terms, program.points)
    check_open(period_locks(session), list(result.entries), uow.actor)
    book(session, result.entries, {account.code: account})
    recorded = set(session.scalars(select(LateFactRecord.ref).where(
        LateFactRecord.account_id == account.id, LateFactRecord.quarter == str(quarter))))
    rows = []
    for ref, (fact, at, import_id) in sorted(late.facts.items(), key=lambda kv: (kv[1][0].occurred_on, kv[0])):
        if ref in recorded:
            continue
        lines = [x for x in result.lines if x.ref == ref]
        row = _row(account, quarter, fact, lines, booked_on, locked)
        session.add(LateFactRecord(
            account_id=account.id, quarter=str(quarter), ref=ref, kind=fact.kind, occurred_on=fact.occurred_on,
            category=fact.category, net=fact.net, currency=account.currency, arrived_at=at, import_id=import_id,
            settled_on=booked_on, cashback_change=row.cashback_change.amount, points_change=row.points_change,
            shortfall=row.shortfall.amount, created_by=uow.actor))
        rows.append(row)
    session.flush()
    if config.terms.clawback is not ClawbackRule.IGNORE:
        _record_dues(uow, late, grade, program.terms, config.terms.clawback, rows)
    return len(result.entries), rows


def _row(account: AccountRef, quarter: Quarter, fact: LateFact, lines: Iterable[LateFactLine], booked_on: date,
         locked: bool) -> LateFactRow:
    items = list(lines)

    def total(unit: LedgerUnit, field: str) -> Decimal:
        return sum((getattr(x, field) for x in items if x.unit is unit), ZERO)

    currency = account.currency
    return LateFactRow(
        account.code, str(quarter), fact.ref, fact.kind, fact.occurred_on, fact.category,
        Money(fact.net, currency), Money(total(LedgerUnit.CASHBACK, "change"), currency),
        total(LedgerUnit.POINTS, "change"), Money(total(LedgerUnit.CASHBACK, "shortfall"), currency), booked_on,
        locked, tuple(k for x in items for k in x.entry_keys),
    )


def _record_dues(uow: UnitOfWork, late: _Late, grade: Grade, terms: ProgramTerms, rule: ClawbackRule,
                 rows: Sequence[LateFactRow]) -> None:
    """Clawback dues from these facts: spent cashback a return could not reverse, and a quarter turned negative."""
    session = uow.session
    account, quarter = late.account, late.quarter
    for row in rows:
        if row.shortfall.is_positive:
            reason = CLAWBACK_REASON.fill(net=-row.net, quarter=quarter, grade=grade,
                                          percent=terms.cashback_percent[grade])
            session.add(ClawbackDue(account_id=account.id, quarter=str(quarter), origin=f"late:{row.ref}",
                                    amount=row.shortfall.amount, currency=account.currency, reason=reason,
                                    created_by=uow.actor))
    if not rows:
        return
    net = Money(sum(late.known.values(), ZERO) + sum((f.signed_net for f, _, _ in late.facts.values()), ZERO),
                account.currency)
    record_net_due(uow, account, quarter, grade, terms, rule, net, origin=f"net:{rows[-1].ref}")


def record_net_due(uow: UnitOfWork, account: AccountRef, quarter: Quarter, grade: Grade, terms: ProgramTerms,
                   rule: ClawbackRule, net: Money, origin: str = "net") -> Money:
    """Record what a net-negative quarter owes (the domain's `due_for`) beyond the dues already recorded for its
    net; nothing when it owes nothing more."""
    due = due_for(account.code, quarter, grade, net, terms, rule)
    if due is None:
        return Money.zero(net.currency)
    session = uow.session
    rows = session.execute(select(ClawbackDue.origin, ClawbackDue.amount).where(
        ClawbackDue.account_id == account.id, ClawbackDue.quarter == str(quarter))).all()
    before = sum((amount for name, amount in rows if name == "net" or name.startswith("net:")), ZERO)
    more = due.amount.amount - before
    if more <= 0 or origin in {name for name, _ in rows}:
        return Money.zero(net.currency)
    session.add(ClawbackDue(account_id=account.id, quarter=str(quarter), origin=origin, amount=more,
                            currency=account.currency, reason=due.reason, created_by=uow.actor))
    session.flush()
    return Money(more, net.currency)


@dataclass(frozen=True)
class ImportSettlement:
    """What an import of invoice lines settled as late facts, and the locked quarters its lines fall in."""

    counts: dict[str, int]
    locked_quarters: tuple[str, ...]


def settle_import_in(uow: UnitOfWork, on: date, now: datetime, import_id: uuid.UUID) -> ImportSettlement:
    """Late facts of an import's lines (in its own unit of work), and which locked quarters it touches."""
    session = uow.session
    hold_settlement(session)  # the closes and locks read below are final until this import commits
    locks = period_locks(session)
    touched: tuple[str, ...] = ()
    if locks.locked:  # (most stores lock nothing: no need to read the import's days)
        days = session.scalars(select(InvoiceLine.invoice_date).where(InvoiceLine.import_id == import_id).distinct())
        touched = tuple(str(q) for q in locks.touched(days))
    done = settle_late_facts_in(uow, on, now, settlement_config(session), import_id)
    counts = {"late_facts": len(done.rows), "late_fact_entries": done.entries} if done.rows else {}
    return ImportSettlement(counts, touched)
