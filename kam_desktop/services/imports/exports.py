"""Exports to XLSX and CSV: the portfolio, grades, slots, ledger and KPIs, and the canonical import formats.

Report kinds reuse the services the screens use (portfolio, grading dry run, slots, ledger, KPIs).
The canonical kinds (accounts, invoices, potential, contacts) write exactly the columns the importer
reads, so an export imported back gives the same data. Text cells that a spreadsheet would run as a
formula (=, +, -, @) are neutralised by the writers; numbers stay numbers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kam_desktop.domain.permissions import UseCase
from kam_desktop.imports.export import Cell, write_csv, write_xlsx
from kam_desktop.services.accounts.portfolio import portfolio
from kam_desktop.services.context import Context
from kam_desktop.services.errors import NotFound, ServiceError
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.imports.kinds import CANONICAL_KINDS, EXPORT_KINDS
from kam_desktop.services.ledger.entries import account_ledger
from kam_desktop.services.potential import account_slots
from kam_desktop.services.reports.kpi import program_kpis
from kam_desktop.store.models import Account, Contact, InvoiceLine, PotentialSlot, ProductCategory, User

Table = tuple[list[str], Iterable[Sequence[Cell]]]


@dataclass(frozen=True)
class ExportResult:
    kind: str
    path: Path
    rows: int


def export(ctx: Context, kind: str, path: Path, *, owner: str | None = None, account: str | None = None,
           as_of: date | None = None) -> ExportResult:
    """Write `kind` to `path` (.xlsx or .csv), optionally only one KAM's or one account's rows."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ServiceError("{file}: export to a .xlsx or .csv file", file=path.name)
    if kind not in EXPORT_KINDS:
        raise ServiceError("unknown export {kind!r}; choose one of {kinds}", kind=kind, kinds=", ".join(EXPORT_KINDS))
    if kind == "portfolio":
        owner = ctx.owner_filter(UseCase.EXPORT_PORTFOLIO, owner)
    else:
        ctx.permit(UseCase.EXPORT_DATA)
    as_of = as_of or ctx.today()
    with ctx.read() as session:
        codes = _codes(session, owner, account)
    headers, rows = _table(ctx, kind, codes, as_of)
    if suffix == ".csv":
        count = write_csv(path, headers, rows)
    else:
        count = write_xlsx(path, headers, rows, sheet=kind)
    return ExportResult(kind, path, count)


def _codes(session: Session, owner: str | None, account: str | None) -> set[str] | None:
    """The account codes in scope, or None for all."""
    if owner is None and account is None:
        return None
    query = select(Account.code).where(Account.deleted_at.is_(None))
    if owner is not None:
        if session.scalar(select(User.id).where(User.login == owner)) is None:
            raise NotFound("no user with login {login!r}", login=owner)
        query = query.join(User, Account.owner_id == User.id).where(User.login == owner)
    if account is not None:
        query = query.where(Account.code == account)
    codes = set(session.scalars(query))
    if account is not None and not codes:
        if owner:
            raise NotFound("no account with code {code!r} owned by {login}", code=account, login=owner)
        raise NotFound("no account with code {code!r}", code=account)
    return codes


def _table(ctx: Context, kind: str, codes: set[str] | None, as_of: date) -> Table:
    if kind in CANONICAL_KINDS:
        return _canonical(ctx, kind, codes)
    return {"portfolio": _portfolio, "grades": _grades, "slots": _slots, "ledger": _ledger,
            "kpi": _kpi}[kind](ctx, codes, as_of)


def _portfolio(ctx: Context, codes: set[str] | None, as_of: date) -> Table:
    headers = ["code", "name", "kind", "status", "owner", "currency", "region", "grade", "segment", "at_risk",
               "evaluated_on", "ltv_12m", "ltv_prev_12m", "ltv_trend_pct", "open_benefits", "pending_exceptions",
               "churned", "last_invoice_on", "last_statement"]
    rows = [[r.code, r.name, r.kind, r.status, r.owner, r.currency, r.region, r.grade, r.segment, _yes(r.at_risk),
             r.evaluated_on, r.ltv_12m, r.ltv_prev_12m, r.trend_pct, r.open_benefits, r.pending_exceptions,
             _yes(r.churned), r.last_invoice_on, r.last_statement]
            for r in portfolio(ctx, as_of=as_of) if codes is None or r.code in codes]
    return headers, rows


def _grades(ctx: Context, codes: set[str] | None, as_of: date) -> Table:
    headers = ["code", "kind", "basis", "rank", "population", "percentile", "cutoff", "computed_grade", "grade",
               "grade_name", "previous_grade", "at_risk", "overridden", "why"]
    run = grade_portfolio(ctx, as_of)
    rows = [[r.code, r.kind, r.basis, r.rank, r.population, r.percentile, r.cutoff, r.computed_grade, r.grade,
             r.grade_name, r.previous_grade, _yes(r.at_risk), _yes(r.overridden), "; ".join(r.why)]
            for r in run.rows if codes is None or r.code in codes]
    return headers, rows


def _in_scope(ctx: Context, codes: set[str] | None, as_of: date) -> list[str]:
    return sorted(r.code for r in portfolio(ctx, as_of=as_of) if codes is None or r.code in codes)


def _slots(ctx: Context, codes: set[str] | None, as_of: date) -> Table:
    headers = ["account_code", "category", "total_units", "total_money", "our_units", "our_money", "slot_units",
               "slot_money", "share_units", "share_money", "source", "collected_on", "confidence", "needs_refresh"]

    def rows() -> Iterator[list[Cell]]:
        for code in _in_scope(ctx, codes, as_of):
            for s in account_slots(ctx, code, as_of).categories:
                yield [code, s.category, s.total_units, s.total_money, s.our_units, s.our_money, s.slot_units,
                       s.slot_money, s.share_units, s.share_money, s.source, s.collected_on, s.confidence,
                       _yes(s.needs_refresh)]
    return headers, rows()


def _ledger(ctx: Context, codes: set[str] | None, as_of: date) -> Table:
    headers = ["account_code", "booked_on", "unit", "kind", "amount", "currency", "quarter", "expires_on",
               "source_kind", "source_ref", "idempotency_key", "note"]

    def rows() -> Iterator[list[Cell]]:
        for code in _in_scope(ctx, codes, as_of):
            for e in account_ledger(ctx, code, as_of).entries:
                yield [code, e.booked_on, e.unit, e.kind, e.amount, e.currency, e.quarter, e.expires_on,
                       e.source_kind, e.source_ref, e.key, e.note]
    return headers, rows()


def _kpi(ctx: Context, codes: set[str] | None, as_of: date) -> Table:
    if codes is not None:
        raise ServiceError("KPIs are program-wide: export them without --owner or --account")
    k = program_kpis(ctx, as_of)
    rows: list[list[Cell]] = [["as_of", as_of], ["accounts", k.accounts], ["ltv_12m", k.ltv_12m],
                              ["ltv_prev_12m", k.ltv_prev_12m], ["ltv_trend", k.ltv_trend],
                              ["churn_months", k.churn_months], ["churned", ", ".join(k.churned)],
                              ["churn_rate", k.churn_rate], ["share_of_wallet", k.share_of_wallet],
                              ["roi_note", str(k.roi_note)]]
    if k.roi is not None:
        rows += _flat("roi", k.roi)
    for name in ("tier_table", "waterfall", "cohorts", "basket"):
        for i, item in enumerate(getattr(k, name)):
            rows += _flat(f"{name}[{i}]", item)
    return ["metric", "value"], rows


def _flat(prefix: str, item: Any) -> list[list[Cell]]:
    out: list[list[Cell]] = []
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if isinstance(value, list | tuple | dict):
            value = str(value)
        out.append([f"{prefix}.{f.name}", _cell(value)])
    return out


def _cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | Decimal | date):
        return value  # type: ignore[no-any-return,unused-ignore]
    return str(value)


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


# -- canonical formats: what the importer reads back --------------------------------------------------

def _canonical(ctx: Context, kind: str, codes: set[str] | None) -> Table:
    query, headers = {
        "accounts": _accounts_query, "invoices": _invoices_query, "potential": _potential_query,
        "contacts": _contacts_query,
    }[kind]()
    if codes is not None:
        query = query.where(Account.code.in_(sorted(codes)))

    def rows() -> Iterator[Sequence[Cell]]:
        with ctx.read() as session:
            for row in session.execute(query.execution_options(yield_per=20_000)):
                yield tuple(row)
    return headers, rows()


def _accounts_query() -> tuple[Any, list[str]]:
    headers = ["account_code", "name", "tax_id", "kind", "owner_login", "region", "industry", "currency",
               "language", "status", "enrolled_on"]
    query = (select(Account.code, Account.name, Account.tax_id, Account.kind, User.login, Account.region,
                    Account.industry, Account.currency, Account.language, Account.status, Account.enrolled_on)
             .outerjoin(User, Account.owner_id == User.id).where(Account.deleted_at.is_(None)).order_by(Account.code))
    return query, headers


def _invoices_query() -> tuple[Any, list[str]]:
    headers = ["invoice_no", "line_no", "invoice_date", "account_code", "category", "quantity", "net_amount",
               "margin_amount", "currency"]
    query = (select(InvoiceLine.invoice_no, InvoiceLine.line_no, InvoiceLine.invoice_date, Account.code,
                    ProductCategory.code, InvoiceLine.quantity, InvoiceLine.net_amount, InvoiceLine.margin_amount,
                    InvoiceLine.currency)
             .join(Account, InvoiceLine.account_id == Account.id)
             .join(ProductCategory, InvoiceLine.category_id == ProductCategory.id)
             .order_by(InvoiceLine.invoice_no, InvoiceLine.line_no))
    return query, headers


def _potential_query() -> tuple[Any, list[str]]:
    headers = ["account_code", "category", "total_units", "total_value", "source", "collected_on", "confidence"]
    query = (select(Account.code, ProductCategory.code, PotentialSlot.total_units, PotentialSlot.total_value,
                    PotentialSlot.source, PotentialSlot.collected_on, PotentialSlot.confidence)
             .join(Account, PotentialSlot.account_id == Account.id)
             .join(ProductCategory, PotentialSlot.category_id == ProductCategory.id)
             .where(PotentialSlot.deleted_at.is_(None))
             .order_by(Account.code, ProductCategory.code, PotentialSlot.collected_on))
    return query, headers


def _contacts_query() -> tuple[Any, list[str]]:
    headers = ["account_code", "name", "role", "email", "phone", "language", "position"]
    # the role and the job title each in its own column: the job title's words need not give the stored role
    # (120 of the demo's 606 did not), and the file must import back unchanged
    query = (select(Account.code, Contact.name, Contact.role, Contact.email, Contact.phone, Contact.language,
                    Contact.position)
             .join(Account, Contact.account_id == Account.id).where(Contact.deleted_at.is_(None))
             .order_by(Account.code, Contact.name))
    return query, headers
