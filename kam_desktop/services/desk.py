"""The desk: every service the windows call, bound to the open store and the person at the keyboard.

Windows hold a Desk and never the store; tests build one over a temporary SQLite file. The engine's
newer modules (exceptions, grants, KPIs, simulation) are imported when first used.
"""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from kam_desktop.domain.periods import Quarter
from kam_desktop.domain.vocabulary import ExceptionStatus, Role
from kam_desktop.services.clock import today
from kam_desktop.services.errors import Refused, ServiceError
from kam_desktop.services.people import UserRow, get_user, list_users

if TYPE_CHECKING:  # loaded on first use, so that the window shows before the engine is imported
    from kam_desktop.services import grading
    from kam_desktop.services import potential as slots_service
    from kam_desktop.services.accounts import card as accounts
    from kam_desktop.services.accounts import workspace as ui_account
    from kam_desktop.services.ledger import close as quarter_close
    from kam_desktop.services.ledger import entries as ledger_service
    from kam_desktop.services.program.company import CompanyFields
    from kam_desktop.store.store import Store

APPROVER_ROLES = (Role.DIRECTOR, Role.FINANCE)


class Cancelled(ServiceError):
    """The person stopped a long job before it was committed: nothing was changed."""


@dataclass(frozen=True)
class InboxRow:
    """A request waiting for the approver, with the account's margin and how much of its budget is used."""

    request: Any  # services.exceptions.ExceptionRow
    account_name: str
    currency: str
    margin_12m: Decimal
    budget: Decimal
    committed: Decimal

    @property
    def budget_use(self) -> Decimal | None:
        return None if self.budget <= 0 else (self.committed / self.budget).quantize(Decimal("0.0001"))


class Desk:
    """Service calls as `login` (None: the single user of a laptop, acting as admin)."""

    def __init__(self, store: Store, login: str | None) -> None:
        self.store = store
        self.login = login

    @property
    def actor(self) -> str:
        return self.login or "admin"

    def user(self) -> UserRow | None:
        return get_user(self.store, self.login) if self.login else None

    def role(self) -> str:
        user = self.user()
        return user.role if user else Role.ADMIN.value

    def today(self) -> date:
        """The business date (KAM_TODAY in tests and demos)."""
        return today()

    def users(self) -> list[UserRow]:
        return list_users(self.store)

    def as_user(self, login: str | None) -> Desk:
        return Desk(self.store, login)

    # -- one account ---------------------------------------------------------------------------------
    def card(self, code: str) -> accounts.AccountCard:
        from kam_desktop.services.accounts import card as accounts
        return accounts.account_card(self.store, code)

    def slots(self, code: str) -> slots_service.AccountSlots:
        from kam_desktop.services import potential as slots
        return slots.account_slots(self.store, code)

    def save_slot(self, code: str, category: str, *, total_units: Decimal, total_money: Decimal, source: str,
                  collected_on: date, confidence: Decimal) -> uuid.UUID:
        from kam_desktop.services import potential as slots
        return slots.save_slot(self.store, code, category, total_units=total_units, total_money=total_money,
                               source=source, collected_on=collected_on, confidence=confidence, actor=self.actor)

    def ledger(self, code: str) -> ledger_service.AccountLedger:
        from kam_desktop.services.ledger import entries as ledger
        return ledger.account_ledger(self.store, code)

    def ltv_series(self, code: str) -> list[ui_account.LtvPoint]:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.ltv_series(self.store, code)

    def grade_progress(self, code: str) -> ui_account.GradeProgress:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.grade_progress(self.store, code)

    def benefits(self, code: str) -> ui_account.AccountBenefits:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.account_benefits(self.store, code)

    def catalog(self) -> list[ui_account.CatalogLine]:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.benefit_catalog(self.store)

    def estimate_cost(self, code: str, catalog_code: str, value: Decimal | None) -> Decimal:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.estimate_cost(self.store, code, catalog_code, value)

    def live_check(self, code: str, catalog_code: str, value: Decimal | None, cost: Decimal) -> Any:
        from kam_desktop.services.accounts import workspace as ui_account
        return ui_account.live_check(self.store, code, catalog_code, value, cost)

    def add_benefit(self, code: str, catalog_code: str, value: Decimal | None, cost: Decimal,
                    valid_to: date | None = None) -> Any:
        from kam_desktop.services.benefits.grants import add_benefit_grant

        return add_benefit_grant(self.store, code, catalog_code, cost_estimate=cost, actor=self.actor, value=value,
                                 valid_to=valid_to)

    def activate_benefit(self, grant_id: uuid.UUID) -> str:
        from kam_desktop.services.benefits.grants import activate_grant

        return activate_grant(self.store, grant_id, self.actor)

    def link_exception(self, grant_id: uuid.UUID, number: str) -> None:
        from kam_desktop.services.benefits.grants import link_exception

        link_exception(self.store, grant_id, number, self.actor)

    # -- exceptions ------------------------------------------------------------------------------------
    def exceptions(self, code: str | None = None, status: str | None = None) -> list[Any]:
        from kam_desktop.services.exceptions.requests import list_exceptions

        return list_exceptions(self.store, status=status, code=code)

    def request_exception(self, code: str, kind: str, requested: Decimal, justification: str, *,
                          expected_margin: Decimal | None = None, valid_until: date | None = None) -> Any:
        from kam_desktop.services.exceptions.requests import request_exception

        return request_exception(self.store, code, kind, requested, justification, self.actor,
                                 expected_margin=expected_margin, valid_until=valid_until)

    def submit_exception(self, number: str) -> Any:
        from kam_desktop.services.exceptions.requests import submit_exception

        return submit_exception(self.store, number, self.actor)

    def withdraw_exception(self, number: str, note: str = "") -> Any:
        from kam_desktop.services.exceptions.requests import withdraw_exception

        return withdraw_exception(self.store, number, self.actor, note)

    def decide_exception(self, number: str, approve: bool, note: str, seen_version: int | None) -> Any:
        from kam_desktop.services.exceptions.requests import decide_exception

        return decide_exception(self.store, number, approve, self.actor, note, seen_version)

    def inbox(self) -> list[InboxRow]:
        """Submitted requests waiting for this person's role, not their own (nobody decides their own)."""
        from kam_desktop.services.accounts import workspace as ui_account
        role = self.role()
        if role not in APPROVER_ROLES:
            return []
        names = ui_account.account_names(self.store)
        rows = []
        for request in self.exceptions(status=ExceptionStatus.SUBMITTED.value):
            if request.waiting_for != role:
                continue
            budget = ui_account.account_benefits(self.store, request.account).budget
            name, currency = names.get(request.account, (request.account, budget.currency))
            rows.append(InboxRow(request, name, currency, budget.margin_12m, budget.budget, budget.committed))
        return rows

    # -- documents -----------------------------------------------------------------------------------
    def documents(self, code: str) -> list[Any]:
        from kam_desktop.services.documents.register import list_documents

        return list_documents(self.store, code)

    def issue_document(self, code: str, kind: str, quarter: str | None = None) -> Any:
        """Issue the account's agreement, annex (its current benefits) or a quarter's statement."""
        from kam_desktop.services.documents import register as documents
        if kind == "agreement":
            return documents.issue_agreement(self.store, code, actor=self.actor)
        if kind == "annex":
            return documents.issue_annex(self.store, code, actor=self.actor)
        return documents.issue_statement(self.store, code, quarter or self.last_finished_quarter(), actor=self.actor)

    def document_pdf(self, number: str, version: int | None = None) -> bytes:
        from kam_desktop.services.documents.register import document_pdf

        return document_pdf(self.store, number, version)

    def sign_document(self, number: str, signatory: str, signed_on: date, scan: str | None = None) -> Any:
        from kam_desktop.services.documents.register import sign

        return sign(self.store, number, signatory, signed_on, scan, actor=self.actor)

    # -- portfolio-wide --------------------------------------------------------------------------------
    def kpis(self) -> Any:
        from kam_desktop.services.reports.kpi import program_kpis

        return program_kpis(self.store)

    def potential_matrix(self) -> list[tuple[str, Decimal, Decimal, str]]:
        """(code, slot units, slot money, quadrant) of every account with slots."""
        from kam_desktop.services import potential as slots
        with self.store.read() as session:
            potential = slots.portfolio_potential(session, today())
            codes = {str(a.id): a.code for a in slots_accounts(session)}
        result = []
        for key, p in potential.potentials.items():
            placed = potential.matrix.placements.get(key)
            result.append((codes.get(key, key), p.slot_units, p.slot_money, placed.value if placed else ""))
        return result

    def base_currency(self) -> str:
        """The company's base currency (KPIs are stated in it)."""
        from kam_desktop.services.program.in_force import program_in_force

        with self.store.read() as session:
            return program_in_force(session, today()).base_currency

    def current_terms(self) -> tuple[tuple[Decimal, Decimal, Decimal], tuple[Decimal, ...]]:
        """The cut-offs (fractions) and cashback % (L1..L4) in force: where the what-if starts."""
        from kam_desktop.domain.vocabulary import Grade
        from kam_desktop.services.program.in_force import program_in_force

        with self.store.read() as session:
            terms = program_in_force(session, today()).terms
        cut = terms.rules.cutoffs
        return (cut.l1, cut.l2, cut.l3), tuple(terms.cashback_percent[g] for g in Grade)

    def simulate(self, cutoffs: list[Decimal], cashback: list[Decimal]) -> Any:
        from kam_desktop.services.reports.simulate import simulate

        return simulate(self.store, cutoffs, cashback)

    def grade_now(self, cancelled: Callable[[], bool] = lambda: False) -> grading.GradingRun:
        """Grade every account as of today and store it; if `cancelled()` at the end, nothing is stored."""
        from kam_desktop.services import grading
        self._require_director("grade the portfolio")
        with self.store.unit_of_work(self.actor) as uow:
            run = grading.apply_grades(uow, today())
            if cancelled():
                raise Cancelled("grading cancelled; nothing was stored")
            uow.commit()
        return run

    def last_finished_quarter(self) -> str:
        return str(Quarter.of(today()).previous())

    def close_quarter(self, quarter: str, cancelled: Callable[[], bool] = lambda: False) -> quarter_close.CloseResult:
        """Close a finished quarter in one transaction; cancelled before the commit, nothing is booked."""
        from kam_desktop.services.ledger import close as quarter_close
        self._require_director("close a quarter")
        with self.store.unit_of_work(self.actor) as uow:
            result = quarter_close.close_in(uow, Quarter.parse(quarter))
            if cancelled():
                raise Cancelled(f"closing {quarter} cancelled; nothing was booked")
            uow.commit()
        return result

    # -- our company on documents ----------------------------------------------------------------------
    def company(self) -> CompanyFields:
        from kam_desktop.services.program.company import company_fields

        return company_fields(self.store)

    def may_change_company(self) -> bool:
        from kam_desktop.services.program.company import EDITOR_ROLES

        return self.role() in EDITOR_ROLES

    def save_company(self, fields: CompanyFields) -> list[str]:
        """Refused for a KAM; invalid fields raise services.company.CompanyInvalid naming each field."""
        from kam_desktop.services.program.company import save_company

        return save_company(self.store, fields, self.actor)

    def _require_director(self, what: str) -> None:
        if self.role() not in (Role.DIRECTOR, Role.ADMIN, Role.FINANCE):
            raise Refused(f"{self.actor}: only a sales director, finance or an admin may {what}")


def slots_accounts(session: Any) -> list[Any]:
    from kam_desktop.store.queries.grades import accounts as account_refs

    return account_refs(session, active_only=False)


def load_demo(store: Store, actor: str = "admin", seed: int = 1) -> None:
    """The demo company, graded as of today, so every screen has something to show."""
    from kam_desktop.services import grading
    from kam_desktop.services.demo.setup import initialize

    initialize(store, demo=True, seed=seed, actor=actor)
    with contextlib.suppress(Refused):  # the demo came graded already
        grading.grade_portfolio(store, today(), apply=True, actor=actor)
