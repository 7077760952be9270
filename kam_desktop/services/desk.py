"""The desk: every use case, bound to one store, the person acting and the clock — the GUI's and the CLI's door.

A Desk holds a `Context` and nothing else; each method is one call of a use-case function, which checks the
actor's permission itself (so the sync applier, calling the same functions, gets the same answer). Windows and
`kamctl` commands hold a Desk and never the store.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.permissions import UseCase, permits
from kam_desktop.domain.vocabulary import Grade, Role
from kam_desktop.services import people as _people
from kam_desktop.services import potential as _potential
from kam_desktop.services import team_sync as _team
from kam_desktop.services.account_view import AccountView, account_view
from kam_desktop.services.accounts import card as _card
from kam_desktop.services.accounts import portfolio as _portfolio
from kam_desktop.services.accounts import search as _search
from kam_desktop.services.accounts import workspace as _workspace
from kam_desktop.services.admin import backup as _backup
from kam_desktop.services.admin import check as _check
from kam_desktop.services.admin import encryption as _encryption
from kam_desktop.services.admin import status as _status
from kam_desktop.services.benefits import approval as _approval
from kam_desktop.services.benefits import catalog as _catalog
from kam_desktop.services.benefits import grants as _grants
from kam_desktop.services.benefits import lifecycle as _lifecycle
from kam_desktop.services.clock import Clock
from kam_desktop.services.context import Actor, Context, open_context
from kam_desktop.services.documents import register as _register
from kam_desktop.services.documents.records import DocumentRow, Issued
from kam_desktop.services.exceptions import caps as _caps
from kam_desktop.services.exceptions import inbox as _inbox
from kam_desktop.services.exceptions import requests as _requests
from kam_desktop.services.grading import GradingRun, grade_portfolio
from kam_desktop.services.ledger import entries as _entries
from kam_desktop.services.plain import AccountWallet, RollupCheck, StoreInfo, SyncStatus
from kam_desktop.services.program import company as _company
from kam_desktop.services.program import fx as _fx
from kam_desktop.services.program import policy as _policy
from kam_desktop.services.program.in_force import program_in_force
from kam_desktop.services.reports import kpi as _kpi
from kam_desktop.services.reports import simulate as _simulate
from kam_desktop.services.settlement import adjustments as _adjustments
from kam_desktop.services.settlement import clawbacks as _clawbacks
from kam_desktop.services.settlement import closing as _closing
from kam_desktop.services.settlement import economics as _economics
from kam_desktop.services.settlement import liability as _liability
from kam_desktop.services.settlement import locks as _locks
from kam_desktop.services.settlement import mdf as _mdf
from kam_desktop.services.settlement import regrade as _regrade
from kam_desktop.services.settlement import terms as _terms
from kam_desktop.store.portfolio_row import PortfolioRow
from kam_desktop.store.store import Store

if TYPE_CHECKING:  # reportlab (documents), pandas (files) and the demo generator load when first used
    from kam_desktop.imports.export import Cell
    from kam_desktop.services import audit as _audit
    from kam_desktop.services.documents.batch import Progress, StatementsBatch
    from kam_desktop.services.imports.exports import ExportResult
    from kam_desktop.services.imports.preview import Importer
    from kam_desktop.services.settlement import journal as _journal
    from kam_desktop.services.settlement import payouts as _payouts

PotentialPoint = tuple[str, Decimal, Decimal, str]  # code, slot units, slot money, quadrant


class Desk:
    """Use cases as one person on one store."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx

    @classmethod
    def open(cls, store: Store, login: str | None = None, clock: Clock | None = None) -> Desk:
        """The desk of `login` (default: the store's administrator); unknown or inactive people are refused."""
        return cls(open_context(store, login, clock))

    # -- who and when ------------------------------------------------------------------------------------
    @property
    def actor(self) -> Actor:
        return self.ctx.actor

    @property
    def login(self) -> str:
        return self.ctx.actor.login

    @property
    def role(self) -> Role:
        return self.ctx.actor.role

    def may(self, use_case: UseCase) -> bool:
        """Whether the actor's role may use `use_case` at all (to offer or hide an action; the use case decides)."""
        return permits(self.role, use_case)

    def today(self) -> date:
        return self.ctx.today()

    def as_user(self, login: str) -> Desk:
        """The same store and clock, another person (a solo or demo store only: team stores are bound)."""
        return Desk(self.ctx.as_(login))

    def users(self) -> list[_people.UserRow]:
        return _people.list_users(self.ctx)

    def add_user(self, login: str, role: str, name: str | None = None) -> _people.UserRow:
        return _people.add_user(self.ctx, login, role, name)

    # -- the portfolio and one account -------------------------------------------------------------------
    def portfolio(self, owner: str | None = None, as_of: date | None = None) -> list[PortfolioRow]:
        return _portfolio.portfolio(self.ctx, owner, as_of)

    def wallets(self) -> dict[str, AccountWallet]:
        return _portfolio.portfolio_wallets(self.ctx)

    def search_keys(self) -> dict[str, str]:
        """Tax IDs and contacts of the accounts the actor sees, for the portfolio's filter."""
        return _search.search_keys(self.ctx)

    def export_view(self, path: Path, headers: Sequence[str], rows: Sequence[Sequence[Cell]]) -> int:
        """The portfolio as the screen shows it (its rows and visible columns) to .xlsx or .csv."""
        from kam_desktop.services.accounts import view_export  # openpyxl: only when a file is written

        return view_export.export_view(self.ctx, path, headers, rows)

    def account_view(self, code: str) -> AccountView:
        """Everything the account's workspace shows, read in one transaction."""
        return account_view(self.ctx, code)

    def card(self, code: str) -> _card.AccountCard:
        return _card.account_card(self.ctx, code)

    def slots(self, code: str, as_of: date | None = None) -> _potential.AccountSlots:
        return _potential.account_slots(self.ctx, code, as_of)

    def categories(self) -> list[_potential.CategoryLine]:
        return _potential.product_categories(self.ctx)

    def save_slot(self, code: str, category: str, *, total_units: Decimal, total_money: Decimal, source: str,
                  collected_on: date, confidence: Decimal) -> uuid.UUID:
        return _potential.save_slot(self.ctx, code, category, total_units=total_units, total_money=total_money,
                                   source=source, collected_on=collected_on, confidence=confidence)

    def ledger(self, code: str) -> _entries.AccountLedger:
        return _entries.account_ledger(self.ctx, code)

    def redeem(self, code: str, unit: str, amount: Decimal, ref: str, on: date | None = None) -> _entries.EntryRow:
        """Redeem cashback or points from the soonest-expiring lots (finance), idempotent per reference."""
        return _entries.redeem(self.ctx, code, unit, amount, ref, on)

    def ltv_series(self, code: str) -> list[_workspace.LtvPoint]:
        return _workspace.ltv_series(self.ctx, code)

    def grade_progress(self, code: str) -> _workspace.GradeProgress:
        return _workspace.grade_progress(self.ctx, code)

    def policy_check(self, code: str, *, discount: Decimal | None = None, payment_days: int | None = None,
                     benefit_cost: Decimal | None = None, gifts: dict[str, Decimal] | None = None) -> _policy.PolicyCheck:
        return _policy.policy_check(self.ctx, code, discount=discount, payment_days=payment_days,
                                   benefit_cost=benefit_cost, gifts=gifts)

    # -- benefits -----------------------------------------------------------------------------------------
    def benefits(self, code: str) -> _catalog.AccountBenefits:
        return _catalog.account_benefits(self.ctx, code)

    def catalog(self) -> list[_catalog.CatalogLine]:
        return _catalog.benefit_catalog(self.ctx)

    def estimate_cost(self, code: str, catalog_code: str, value: Decimal | None) -> Decimal:
        return _catalog.estimate_cost(self.ctx, code, catalog_code, value)

    def live_check(self, code: str, catalog_code: str, value: Decimal | None, cost: Decimal) -> _policy.PolicyCheck:
        return _catalog.live_check(self.ctx, code, catalog_code, value, cost)

    def add_benefit(self, code: str, catalog_code: str, value: Decimal | None, cost: Decimal,
                    valid_to: date | None = None, valid_from: date | None = None) -> _grants.GrantOutcome:
        return _grants.add_benefit_grant(self.ctx, code, catalog_code, cost_estimate=cost, value=value,
                                        valid_from=valid_from, valid_to=valid_to)

    def edit_benefit(self, grant_id: uuid.UUID, terms: _lifecycle.GrantTerms) -> _grants.GrantOutcome:
        return _lifecycle.edit_grant(self.ctx, grant_id, terms)

    def cancel_benefit(self, grant_id: uuid.UUID, reason: str) -> str:
        return _lifecycle.cancel_grant(self.ctx, grant_id, reason)

    def use_benefit(self, grant_id: uuid.UUID, amount: Decimal, on: date | None = None,
                    note: str = "") -> tuple[Decimal, str]:
        """Record what the client used of an active benefit: (used so far, status)."""
        return _lifecycle.record_usage(self.ctx, grant_id, amount, on, note)

    def benefit_blockers(self, grant_id: uuid.UUID) -> list[_grants.Blocker]:
        """Why a benefit is not active today (empty: it can be activated now)."""
        return _lifecycle.grant_blockers(self.ctx, grant_id)

    def activate_benefit(self, grant_id: uuid.UUID) -> str:
        return _grants.activate_grant(self.ctx, grant_id)

    def link_exception(self, grant_id: uuid.UUID, number: str) -> None:
        _grants.link_exception(self.ctx, grant_id, number)

    # -- exceptions ---------------------------------------------------------------------------------------
    def exceptions(self, code: str | None = None, status: str | None = None) -> list[_requests.ExceptionRow]:
        return _requests.list_exceptions(self.ctx, status=status, code=code)

    def request_exception(self, code: str, kind: str, requested: Decimal, justification: str, *,
                          expected_cost: Decimal | None = None, expected_margin: Decimal | None = None,
                          valid_until: date | None = None) -> _requests.ExceptionRow:
        return _requests.request_exception(self.ctx, code, kind, requested, justification,
                                          expected_cost=expected_cost, expected_margin=expected_margin,
                                          valid_until=valid_until)

    def request_exceptions(self, code: str, wanted: Sequence[tuple[str, Decimal]], justification: str, *,
                           grant_id: uuid.UUID | None = None, expected_margin: Decimal | None = None,
                           valid_until: date | None = None, submit: bool = False) -> list[_requests.ExceptionRow]:
        """Every request one form asks for, linked to its grant and submitted when asked: all or nothing."""
        return _approval.request_exceptions_for_grant(self.ctx, code, wanted, justification, grant_id=grant_id,
                                                     expected_margin=expected_margin, valid_until=valid_until,
                                                     submit=submit)

    def submit_exception(self, number: str) -> _requests.ExceptionRow:
        return _requests.submit_exception(self.ctx, number)

    def withdraw_exception(self, number: str, note: str = "") -> _requests.ExceptionRow:
        return _requests.withdraw_exception(self.ctx, number, note)

    def decide_exception(self, number: str, approve: bool, note: str = "",
                         seen_version: int | None = None) -> _requests.ExceptionRow:
        return _approval.decide_exception(self.ctx, number, approve, note, seen_version)

    def decide_exceptions(self, seen: Sequence[tuple[str, int]], approve: bool,
                          note: str = "") -> list[_approval.DecisionOutcome]:
        """Approve or reject several (number, version read) with one note; each refusal is named."""
        return _approval.decide_many(self.ctx, seen, approve, note)

    def cap_for(self, code: str, kind: str) -> _caps.Cap:
        """The policy cap a request of `kind` for the account would go beyond."""
        return _caps.cap_for(self.ctx, code, kind)

    def inbox(self) -> list[_inbox.InboxRow]:
        return _inbox.inbox(self.ctx)

    # -- documents ----------------------------------------------------------------------------------------
    def documents(self, code: str) -> list[DocumentRow]:
        return _register.list_documents(self.ctx, code)

    def issue_document(self, code: str, kind: str, quarter: str | None = None,
                       lang: str | None = None) -> Issued:
        """Issue the account's agreement, annex (its current benefits) or a quarter's statement."""
        from kam_desktop.services.documents import issue as _issue  # reportlab: only when a document is made

        if kind == "agreement":
            return _issue.issue_agreement(self.ctx, code, lang)
        if kind == "annex":
            return _issue.issue_annex(self.ctx, code, lang)
        return _issue.issue_statement(self.ctx, code, quarter or self.last_finished_quarter(), lang)

    def reissue_document(self, number: str, lang: str | None = None) -> Issued:
        from kam_desktop.services.documents import issue as _issue  # reportlab: only when a document is made

        return _issue.reissue(self.ctx, number, lang)

    def document(self, number: str, version: int | None = None) -> DocumentRow:
        return _register.get_document(self.ctx, number, version)

    def document_pdf(self, number: str, version: int | None = None) -> bytes:
        return _register.document_pdf(self.ctx, number, version)

    def document_scan(self, number: str, version: int | None = None) -> tuple[str, str, bytes] | None:
        return _register.document_scan(self.ctx, number, version)

    def verify_document(self, number: str, version: int | None = None) -> _register.Verification:
        return _register.verify(self.ctx, number, version)

    def verify_documents(self) -> list[_register.Verification]:
        """Every document the actor may see, its bytes against its stored and its audited SHA-256."""
        return _register.verify_all(self.ctx)

    def sign_document(self, number: str, signatory: str, signed_on: date,
                      scan: Path | str | None = None) -> DocumentRow:
        from kam_desktop.services.documents import signing as _signing  # reportlab, through the annex's rules

        return _signing.sign(self.ctx, number, signatory, signed_on, scan)

    def attach_scan(self, number: str, scan: Path | str) -> DocumentRow:
        from kam_desktop.services.documents import signing as _signing  # reportlab, through the annex's rules

        return _signing.attach_scan(self.ctx, number, scan)

    def issue_statements(self, quarter: str, owner: str | None = None, *, lang: str | None = None,
                         progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                         sink: Callable[[DocumentRow, bytes], None] | None = None,
                         chunk: int = 100) -> StatementsBatch:
        from kam_desktop.services.documents import batch as _batch  # reportlab: only when documents are made

        return _batch.issue_statements(self.ctx, quarter, owner, lang=lang, progress=progress, cancelled=cancelled,
                                       sink=sink, chunk=chunk)

    def last_finished_quarter(self) -> str:
        return str(Quarter.of(self.today()).previous())

    # -- the program ----------------------------------------------------------------------------------------
    def kpis(self, as_of: date | None = None) -> _kpi.ProgramKpis:
        return _kpi.program_kpis(self.ctx, as_of)

    def portfolio_kpis(self, as_of: date | None = None, owner: str | None = None) -> _kpi.ProgramKpis:
        """The KPIs of one KAM's accounts (a KAM: their own): the "My portfolio" dashboard."""
        return _kpi.portfolio_kpis(self.ctx, as_of, owner)

    def potential_matrix(self) -> list[PotentialPoint]:
        """(code, slot units, slot money, quadrant) of every account with slots."""
        return _potential.matrix_points(self.ctx)

    def portfolio_matrix(self, owner: str | None = None) -> list[PotentialPoint]:
        """The potential matrix's points of one KAM's accounts (a KAM: their own)."""
        return _potential.portfolio_matrix_points(self.ctx, owner=owner)

    def base_currency(self) -> str:
        """The company's base currency (KPIs are stated in it)."""
        with self.ctx.read() as session:
            return program_in_force(session, self.today()).base_currency

    def current_terms(self) -> tuple[tuple[Decimal, Decimal, Decimal], tuple[Decimal, ...]]:
        """The cut-offs (fractions) and cashback % (L1..L4) in force: where the what-if starts."""
        with self.ctx.read() as session:
            terms = program_in_force(session, self.today()).terms
        cut = terms.rules.cutoffs
        return (cut.l1, cut.l2, cut.l3), tuple(terms.cashback_percent[g] for g in Grade)

    def simulate(self, cutoffs: Sequence[Decimal], cashback: Sequence[Decimal],
                 as_of: date | None = None) -> _simulate.Simulation:
        return _simulate.simulate(self.ctx, cutoffs, cashback, as_of)

    def grade(self, as_of: date | None = None, apply: bool = False,
              cancelled: Callable[[], bool] = lambda: False) -> GradingRun:
        """Grade every account as of a day (today); with `apply` store it, unless `cancelled()` at the end."""
        return grade_portfolio(self.ctx, as_of, apply, cancelled)

    def close_quarter(self, quarter: str, cancelled: Callable[[], bool] = lambda: False) -> _closing.CloseReport:
        """Close a finished quarter and settle what arrived late, in one transaction; cancelled, nothing is booked."""
        return _closing.close_quarter(self.ctx, quarter, cancelled)

    def fx_rates(self, currency: str | None = None) -> list[_fx.RateRow]:
        return _fx.list_rates(self.ctx, currency)

    def set_fx_rate(self, currency: str, rate: str, on: date | None = None) -> _fx.RateRow:
        return _fx.set_rate(self.ctx, currency, rate, on)

    # -- settlement: a KAM proposes, finance books ------------------------------------------------------------
    def lock_quarter(self, quarter: str) -> _locks.LockRow:
        return _locks.lock_quarter(self.ctx, quarter)

    def locks(self) -> list[_locks.LockRow]:
        return _locks.list_locks(self.ctx)

    def settle(self) -> _closing.Settled:
        """Settle late facts and take clawbacks now, outside a close."""
        return _closing.settle_now(self.ctx)

    def clawbacks_owed(self, code: str) -> list[_clawbacks.ClawbackLine]:
        return _clawbacks.outstanding_for(self.ctx, code)

    def pay_out(self, code: str, amount: Decimal | str, *, benefit: str = "cashback", period: str | None = None,
                lang: str | None = None) -> _payouts.PayoutResult:
        from kam_desktop.services.settlement import payouts as _payouts  # reportlab: only when a note is made

        return _payouts.pay_out(self.ctx, code, amount, benefit=benefit, period=period, lang=lang)

    def payouts(self, code: str | None = None) -> list[_payouts.PayoutRow]:
        from kam_desktop.services.settlement import payouts as _payouts  # reportlab: only when a note is made

        return _payouts.list_payouts(self.ctx, code)

    def payout(self, number: str) -> _payouts.PayoutRow:
        from kam_desktop.services.settlement import payouts as _payouts  # reportlab: only when a note is made

        return _payouts.payout(self.ctx, number)

    def propose_adjustment(self, code: str, unit: str, amount: Decimal | str, reason: str,
                           dated: date | None = None) -> _adjustments.AdjustmentRow:
        return _adjustments.propose(self.ctx, code, unit, amount, reason, dated)

    def approve_adjustment(self, number: str, note: str = "", seen_version: int | None = None,
                           ) -> _adjustments.AdjustmentRow:
        return _adjustments.approve(self.ctx, number, note, seen_version)

    def reject_adjustment(self, number: str, note: str, seen_version: int | None = None) -> _adjustments.AdjustmentRow:
        return _adjustments.reject(self.ctx, number, note, seen_version)

    def withdraw_adjustment(self, number: str) -> _adjustments.AdjustmentRow:
        return _adjustments.withdraw(self.ctx, number)

    def book_adjustment(self, number: str, seen_version: int | None = None) -> _adjustments.AdjustmentRow:
        return _adjustments.book_adjustment(self.ctx, number, seen_version)

    def adjustments(self, status: str | None = None, code: str | None = None) -> list[_adjustments.AdjustmentRow]:
        return _adjustments.list_adjustments(self.ctx, status, code)

    def adjustments_inbox(self) -> list[_adjustments.AdjustmentRow]:
        return _adjustments.adjustments_inbox(self.ctx)

    def mdf_fund(self, code: str, quarter: str, allocated: Decimal | str, claim_days: int = 30) -> _mdf.FundRow:
        return _mdf.set_fund(self.ctx, code, quarter, allocated, claim_days)

    def mdf_funds(self, quarter: str | None = None) -> list[_mdf.FundRow]:
        return _mdf.list_funds(self.ctx, quarter)

    def mdf_claim(self, code: str, quarter: str, activity: str, performed_on: date, amount: Decimal | str,
                  proofs: list[tuple[str, str]] | None = None) -> _mdf.ClaimRow:
        return _mdf.submit_claim(self.ctx, code, quarter, activity, performed_on, amount, proofs)

    def mdf_proof(self, number: str, kind: str, reference: str) -> _mdf.ClaimRow:
        return _mdf.add_proof(self.ctx, number, kind, reference)

    def mdf_decide(self, number: str, approve: bool, note: str = "", seen_version: int | None = None) -> _mdf.ClaimRow:
        return _mdf.decide_claim(self.ctx, number, approve, note, seen_version)

    def mdf_pay(self, number: str, payment_ref: str) -> _mdf.ClaimRow:
        return _mdf.pay_claim(self.ctx, number, payment_ref)

    def mdf_settle(self, code: str, quarter: str) -> _mdf.SettlementRow:
        return _mdf.settle_fund(self.ctx, code, quarter)

    def mdf_claims(self, status: str | None = None, code: str | None = None) -> list[_mdf.ClaimRow]:
        return _mdf.list_claims(self.ctx, status, code)

    def liability(self, start: date, end: date, in_money: bool = False) -> _liability.LiabilityReport:
        return _liability.liability_report(self.ctx, start, end, in_money)

    def verify_audit(self, anchor: str | None = None) -> _audit.AuditCheck:
        """Walk the audit chain; the first line that does not hold is named."""
        from kam_desktop.services import audit as _audit

        return _audit.verify_audit(self.ctx, anchor)

    def journal_export(self, start: date, end: date, path: Path | str) -> _journal.JournalExport:
        from kam_desktop.services.settlement import journal as _journal  # the file writers: only when written

        return _journal.journal_export(self.ctx, start, end, path)

    def economics(self, start: date, end: date) -> _economics.Economics:
        return _economics.program_economics(self.ctx, start, end)

    def settlement_terms(self) -> list[_terms.TermLine]:
        return _terms.terms_lines(self.ctx)

    def set_settlement_term(self, key: str, value: str) -> _terms.TermLine:
        return _terms.set_term(self.ctx, key, value)

    def replay_grading(self, as_of: date) -> list[_regrade.ReplayRow]:
        """The grades applied on a day, run again with what was known then and with everything known now."""
        return _regrade.replay_grading(self.ctx, as_of)

    # -- our company on documents ---------------------------------------------------------------------------
    def company(self) -> _company.CompanyFields:
        return _company.company_fields(self.ctx)

    def save_company(self, fields: _company.CompanyFields) -> list[str]:
        """Refused for a KAM; invalid fields raise `CompanyInvalid` naming each field."""
        return _company.save_company(self.ctx, fields)

    # -- files in and out, the store ------------------------------------------------------------------------
    def importer(self) -> Importer:
        from kam_desktop.services.imports.preview import Importer  # pandas: only when a file is read

        return Importer(self.ctx)

    def export(self, kind: str, path: Path, *, owner: str | None = None, account: str | None = None,
               as_of: date | None = None) -> ExportResult:
        from kam_desktop.services.imports.exports import export  # pandas: only when a file is written

        return export(self.ctx, kind, path, owner=owner, account=account, as_of=as_of)

    def backup(self, target: Path) -> Path:
        return _backup.backup(self.ctx, target)

    def check_rollup(self) -> RollupCheck:
        return _check.check_rollup(self.ctx)

    def restore(self, source: Path) -> Path:
        return _backup.restore(self.ctx, source)

    def backup_now(self) -> Path:
        return _backup.backup_now(self.ctx)

    def keep_daily_backup(self) -> Path | None:
        return _backup.keep_daily_backup(self.ctx)

    def backups(self) -> list[Path]:
        return _backup.backups(self.ctx)

    # -- the store itself -------------------------------------------------------------------------------------
    def store_info(self) -> StoreInfo:
        return _status.describe_store(self.ctx.store)

    def encrypt_store(self) -> _encryption.Conversion:
        return _encryption.encrypt_store(self.ctx)

    def decrypt_store(self) -> _encryption.Conversion:
        return _encryption.decrypt_store(self.ctx)

    def store_key(self) -> str:
        return _encryption.store_key_text(self.ctx)

    def sync_status(self) -> SyncStatus:
        return _status.sync_status(self.ctx.store)

    # -- the team server ---------------------------------------------------------------------------------------
    def team_binding(self) -> _team.BoundTo | None:
        return _team.bound_to(self.ctx.store)

    def sync_with_team(self, server: str, login: str, password: str | None) -> _team.SyncReport:
        return _team.sync_with_team(self.ctx.store, server, login, password)

    def test_team_connection(self, server: str, login: str, password: str | None) -> str:
        return _team.test_connection(server, login, password)

    def saved_team_password(self, server: str, login: str) -> str | None:
        return _team.saved_password(server, login)

    def save_team_password(self, server: str, login: str, password: str) -> bool:
        return _team.save_password(server, login, password)

    def sync_conflicts(self) -> list[_team.Conflict]:
        return _team.conflicts(self.ctx)

    def reapply_conflict(self, conflict_id: uuid.UUID) -> _team.Conflict:
        return _team.reapply_conflict(self.ctx, conflict_id)

    def dismiss_conflict(self, conflict_id: uuid.UUID) -> None:
        _team.dismiss_conflict(self.ctx, conflict_id)

    def store_is_empty(self) -> bool:
        return _status.store_is_empty(self.ctx.store)

    def load_demo(self) -> None:
        """The demo company into this (empty) store, as of the desk's business date."""
        from kam_desktop.services.demo import setup as _setup  # the demo generator and reportlab

        _setup.load_demo(self.ctx.store, clock=self.ctx.clock)
