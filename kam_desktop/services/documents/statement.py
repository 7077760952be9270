"""Quarterly statement view models from the store, for one account or a whole portfolio at once.

`StatementSource` reads everything a batch needs in a handful of queries (accounts, evaluations, ledger
entries, grants, slots, sales) and then builds each statement in memory, so 1,000 statements cost the
same few queries as one. Balances are folds of the ledger entries in the store: opening = entries booked
before the quarter, closing = entries booked up to its last day — the closing balance *is* the ledger's.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.documents.content import (
    BenefitUsage,
    DocumentHeader,
    EntryKind,
    ExpiryLine,
    GradeProgress,
    Lang,
    LedgerEntryLine,
    LedgerSection,
    OpenOffer,
    OwedBack,
    StatementContent,
    WalletShare,
)
from kam_desktop.documents.texts import quarter_short
from kam_desktop.domain import clawback as dc
from kam_desktop.domain import ledger as dl
from kam_desktop.domain.messages import Message
from kam_desktop.domain.money import ZERO
from kam_desktop.domain.periods import Quarter, trailing_window
from kam_desktop.domain.vocabulary import AccountKind, Grade, GrantStatus, LedgerKind, LedgerUnit
from kam_desktop.services.documents.content import (
    client_party,
    company_identity,
    require_printable,
    value_text,
)
from kam_desktop.services.ledger.entries import load_domain
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.store.models import Account, BenefitGrant, GradeEvaluation, ProductCategory, User
from kam_desktop.store.queries.grades import AccountRef
from kam_desktop.store.queries.sales import sales_by_category
from kam_desktop.store.queries.settlement import dues
from kam_desktop.store.queries.slots import latest_slots

QUARTER_KEY = re.compile(r"\d{4}Q[1-4]")
USED_STATUSES = (GrantStatus.ACTIVE, GrantStatus.USED, GrantStatus.EXPIRED)
# offered within the policy, waiting only for the client: one still waiting for an approval is not offered yet
OFFER_STATUSES = (GrantStatus.PROPOSED,)
_SOURCES = {
    "quarter_close": {"pl": "Zamknięcie kwartału", "ru": "Закрытие квартала", "en": "Quarter close"},
    "invoice": {"pl": "Zakupy", "ru": "Закупки", "en": "Purchases"},
    "return": {"pl": "Korekta po zwrocie towaru", "ru": "Корректировка после возврата", "en": "Return of goods"},
    "partner_event": {"pl": "Aktywność partnerska", "ru": "Партнёрская активность", "en": "Partner activity"},
    "redemption_request": {"pl": "Wykorzystanie", "ru": "Использование", "en": "Redemption"},
    "exception": {"pl": "Na podstawie wyjątku", "ru": "На основании исключения", "en": "Under an exception"},
    "expiry_run": {"pl": "Wygaśnięcie", "ru": "Сгорание", "en": "Expiry"},
    "manual": {"pl": "Korekta", "ru": "Корректировка", "en": "Adjustment"},
    # what a client reads for the entries settlement books (an unknown kind would read as a bare "Adjustment")
    "opening_balance": {"pl": "Saldo przeniesione", "ru": "Перенесённый остаток", "en": "Balance brought over"},
    "late_sale": {"pl": "Zakupy zaksięgowane po zamknięciu kwartału", "ru": "Закупки, учтённые после закрытия квартала",
                  "en": "Purchases booked after the quarter closed"},
    "clawback": {"pl": "Zwrot cashbacku za ujemny kwartał", "ru": "Возврат кэшбэка за отрицательный квартал",
                 "en": "Cashback owed back for a net-negative quarter"},
    "payout_rebate_note": {"pl": "Wypłata: nota rabatowa", "ru": "Выплата: бонусное уведомление",
                           "en": "Paid out: rebate note"},
    "payout_invoice_discount": {"pl": "Wypłata: rabat na następnej fakturze", "ru": "Выплата: скидка в следующем счёте",
                                "en": "Paid out: discount on the next invoice"},
    "payout_mdf": {"pl": "Wypłata: budżet marketingowy (MDF)", "ru": "Выплата: маркетинговый бюджет (MDF)",
                   "en": "Paid out: marketing fund (MDF)"},
}
_ENTRY_KINDS: dict[str, EntryKind] = {
    LedgerKind.ACCRUAL: "accrual", LedgerKind.REDEMPTION: "redemption", LedgerKind.EXPIRY: "expiry",
    LedgerKind.REVERSAL: "adjustment", LedgerKind.ADJUSTMENT: "adjustment",
}


class StatementSource:
    """The store's facts for statements of `accounts` for `quarter`, read once."""

    def __init__(self, session: Session, accounts: Sequence[Account], quarter: Quarter) -> None:
        self.session = session
        self.quarter = quarter
        self.accounts = list(accounts)
        ids = [a.id for a in self.accounts]
        end = quarter.end
        self.company = company_identity(session)
        self.program = program_in_force(session, end)
        refs = [AccountRef(a.id, a.code, a.kind, a.currency, a.status, a.enrolled_on, a.control_group)
                for a in self.accounts]
        self.entries: dict[str, list[dl.LedgerEntry]] = defaultdict(list)
        for e in load_domain(session, refs):
            if e.booked_on <= end:
                self.entries[e.account].append(e)
        self.owed: dict[str, list[dc.ClawbackDue]] = defaultdict(list)
        for due in dues(session, refs):
            if due.quarter <= quarter:
                self.owed[due.account].append(due)
        self.owners = dict(session.execute(select(User.id, User.name)).all())
        self.evaluations = self._evaluations(ids)
        self.grants: dict[uuid.UUID, list[BenefitGrant]] = defaultdict(list)
        for g in session.scalars(select(BenefitGrant).where(BenefitGrant.account_id.in_(ids),
                                                            BenefitGrant.deleted_at.is_(None))
                                 .order_by(BenefitGrant.valid_from, BenefitGrant.id)):
            self.grants[g.account_id].append(g)
        self.categories = {c.id: c for c in session.scalars(select(ProductCategory))}
        wanted = set(ids)
        self.slots = defaultdict(list)
        for row in latest_slots(session, end):
            if row.account_id in wanted:
                self.slots[row.account_id].append(row)
        first, last = trailing_window(end, 12)
        self.sales = {(s.account_id, s.category_id): s.net_revenue for s in sales_by_category(session, first, last)
                      if s.account_id in wanted}

    def _evaluations(self, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[GradeEvaluation]]:
        """Each account's evaluations up to the quarter end, newest first, plus the portfolio's last grading."""
        since = self.quarter.plus(-4).start
        rows = self.session.scalars(select(GradeEvaluation).where(
            GradeEvaluation.evaluated_on >= since, GradeEvaluation.evaluated_on <= self.quarter.end)
            .order_by(GradeEvaluation.evaluated_on.desc()))
        by_account: dict[uuid.UUID, list[GradeEvaluation]] = defaultdict(list)
        self.graded_on: date | None = None
        self.bases_on_last: list[Decimal] = []
        for e in rows:
            if self.graded_on is None:
                self.graded_on = e.evaluated_on
            if e.evaluated_on == self.graded_on:
                self.bases_on_last.append(e.basis)
            by_account[e.account_id].append(e)
        self.bases_on_last.sort(reverse=True)
        wanted = set(ids)
        return {k: v for k, v in by_account.items() if k in wanted}

    def content(self, account: Account, lang: Lang, header: DocumentHeader) -> StatementContent:
        """The statement of one account (one of those given at construction)."""
        kam = self.owners.get(account.owner_id, "") if account.owner_id else ""
        require_printable(account.code, ((Message.of("Account manager"), kam),))
        return StatementContent(
            header, self.company, client_party(self.session, account, lang), self.quarter, kam,
            self._progress(account), self._ledgers(account, lang), self._benefits(account, lang),
            self._offers(account, lang), self._wallet(account, lang), self._owed(account))

    def _progress(self, account: Account) -> GradeProgress:
        terms = self.program.terms
        names = terms.names[AccountKind(account.kind)]
        evaluations = self.evaluations.get(account.id, [])
        latest = evaluations[0] if evaluations else None
        grade = Grade(latest.grade) if latest else Grade.L4
        value = latest.basis if latest else ZERO
        history = []
        for back in range(3, -1, -1):
            q = self.quarter.plus(-back)
            at = next((e for e in evaluations if e.evaluated_on <= q.end), None)
            if at is not None and at.evaluated_on > q.start - timedelta(days=1):
                history.append((q, at.basis))
        next_code = next_name = ""
        threshold = None
        computed = Grade(latest.computed_grade) if latest else Grade.L4
        if computed is not Grade.L1 and latest is not None and latest.evaluated_on == self.graded_on:
            target = Grade(f"L{computed.level - 1}")
            cutoffs = terms.rules.cutoffs
            cutoff = {Grade.L1: cutoffs.l1, Grade.L2: cutoffs.l2, Grade.L3: cutoffs.l3}[target]
            last_rank = int(cutoff * latest.population)
            if 1 <= last_rank <= len(self.bases_on_last):
                next_code, next_name = target.value, names.get(target, target.value)
                threshold = self.bases_on_last[last_rank - 1]
        return GradeProgress(grade.value, names.get(grade, grade.value), terms.rules.basis.value,
                             # grading ranks every account in the base currency: its figures are in it, never
                             # relabelled as the client's (a EUR client's PLN basis read as euros)
                             value, self.program.base_currency, self.program.basis_months, next_code, next_name,
                             threshold,
                             tuple(history))

    def _ledgers(self, account: Account, lang: Lang) -> tuple[LedgerSection, ...]:
        entries = self.entries.get(account.code, [])
        sections = []
        before = self.quarter.start - timedelta(days=1)
        for unit in (LedgerUnit.POINTS, LedgerUnit.CASHBACK):
            mine = [e for e in entries if e.unit is unit]
            if not mine and unit is LedgerUnit.POINTS:
                continue
            by_id = {e.id: e for e in mine}
            lines = tuple(
                LedgerEntryLine(e.booked_on, _ENTRY_KINDS[e.kind], _SOURCES.get(e.source_kind, _SOURCES["manual"])[lang],
                                _reference(e, by_id, lang), e.amount)
                for e in mine if self.quarter.contains(e.booked_on))
            schedule = tuple(ExpiryLine(x.expires_on, x.amount)
                             for x in dl.expiry_schedule(mine, account.code, unit, self.quarter.end))
            sections.append(LedgerSection(
                unit.value, dl.balance(mine, account.code, unit, before), lines,  # type: ignore[arg-type]
                dl.balance(mine, account.code, unit, self.quarter.end), schedule,
                account.currency if unit is LedgerUnit.CASHBACK else ""))
        return tuple(sections)

    def _benefits(self, account: Account, lang: Lang) -> tuple[BenefitUsage, ...]:
        out = []
        for g in self.grants.get(account.id, []):
            overlaps = g.valid_from <= self.quarter.end and (g.valid_to is None or g.valid_to >= self.quarter.start)
            if g.status in USED_STATUSES and overlaps and g.cost_estimate > 0:
                out.append(BenefitUsage(_name(g, lang), g.cost_estimate, min(g.used_amount, g.cost_estimate),
                                        g.currency))
        return tuple(out)

    def _offers(self, account: Account, lang: Lang) -> tuple[OpenOffer, ...]:
        return tuple(
            OpenOffer(_name(g, lang), _offer_terms(g, lang),
                      g.valid_to or g.valid_from.replace(year=g.valid_from.year + 1))
            for g in self.grants.get(account.id, [])
            if g.status in OFFER_STATUSES and (g.valid_to is None or g.valid_to >= self.quarter.end))

    def _owed(self, account: Account) -> tuple[OwedBack, ...]:
        """What net-negative quarters up to this one still owe back at its end (taken by entries booked by then)."""
        entries = self.entries.get(account.code, [])
        owed = []
        for due in self.owed.get(account.code, []):
            left = due.amount.amount - dc.settled(entries, due)
            if left > 0:
                owed.append(OwedBack(due.quarter, left, due.amount.currency))
        return tuple(owed)

    def _wallet(self, account: Account, lang: Lang) -> tuple[WalletShare, ...]:
        out = []
        for row in self.slots.get(account.id, []):
            category = self.categories.get(row.category_id)
            name = row.category if category is None else (
                {"pl": category.name_pl, "ru": category.name_ru}.get(lang) or category.name)
            ours = self.sales.get((account.id, row.category_id), ZERO)
            out.append(WalletShare(name, max(ours, ZERO), max(row.total_value, ours, ZERO), row.currency))
        return tuple(out)


def _reference(entry: dl.LedgerEntry, by_id: dict[uuid.UUID, dl.LedgerEntry], lang: Lang) -> str:
    """Where an entry comes from; an expiry names the quarter of the lot it took (its ref is an internal id).

    A quarter is written in the document's words ("III kw. 2026"), never as the store's key "2026Q3"."""
    if entry.kind is LedgerKind.EXPIRY and entry.allocations:
        lots = sorted({Quarter.of(by_id[a.lot_id].booked_on) for a in entry.allocations if a.lot_id in by_id})
        if lots:
            return ", ".join(quarter_short(lang, q) for q in lots)
    ref = entry.source_ref or str(Quarter.of(entry.booked_on))
    if QUARTER_KEY.fullmatch(ref):
        return quarter_short(lang, Quarter.parse(ref))
    return ref if len(ref) <= 24 else ref[:23] + "…"


def _offer_terms(grant: BenefitGrant, lang: Lang) -> str:
    """The offer's value in the document's words, then the terms a person typed; the name when there is neither."""
    item = grant.catalog_item
    value = "" if grant.value is None else value_text(lang, grant.value, item.value_unit, grant.currency)
    return " — ".join(x for x in (value, grant.terms or "") if x) or _name(grant, lang)


def _name(grant: BenefitGrant, lang: Lang) -> str:
    item = grant.catalog_item
    return {"pl": item.name_pl, "ru": item.name_ru}.get(lang) or item.name
