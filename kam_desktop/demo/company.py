"""The demo company: people, 200+ accounts, three years of sales, slots, benefits and exceptions.

Deterministic per (seed, as_of): every random choice comes from `random.Random` streams derived from
the seed, ids included, and every timestamp from `as_of`. Grades, ledger entries and documents are
not written here: the engine and the document services derive them from this data.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Protocol, cast

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from kam_desktop.demo.accounts import DemoAccount, make_accounts
from kam_desktop.demo.catalog import CATEGORIES, FX_START
from kam_desktop.demo.defaults import Defaults, load_defaults
from kam_desktop.demo.exceptions import ClientFacts, likely_grades, make_exceptions
from kam_desktop.demo.grants import make_grants
from kam_desktop.demo.money import cents, rate, to_pln
from kam_desktop.demo.people import contacts, staff, synced
from kam_desktop.demo.series import LineGenerator, history_start, month_spans
from kam_desktop.demo.slots import make_slots
from kam_desktop.store import rollup
from kam_desktop.store.models import (
    Account,
    ApprovalStep,
    Base,
    BenefitGrant,
    Contact,
    ExceptionRequest,
    FxRate,
    InvoiceLine,
    PotentialSlot,
    ProductCategory,
    User,
)

DEMO_ACCOUNTS = 200
DEMO_ACTOR = "admin"
LineChunk = list[tuple[int, str, int, int, int, int, int, int, int]]


LINES_TABLE = cast(Table, InvoiceLine.__table__)  # Core insert: millions of demo lines skip the ORM


@dataclass(frozen=True)
class DemoSummary:
    users: int
    accounts: int
    customers: int
    partners: int
    control_group: int
    churned: int
    contacts: int
    categories: int
    invoice_lines: int
    returns: int
    potential_slots: int
    benefit_grants: int
    exception_requests: int
    approval_steps: int
    fx_rates: int


@dataclass(frozen=True)
class LineContext:
    """How to turn a generated line's indexes into stored values."""

    days: list[date]
    account_ids: list[Any]
    currencies: list[str]
    category_ids: list[Any]


class Writer(Protocol):
    """Where the generated rows go: the ORM (the demo) or a raw fast path (the benchmarks)."""

    def rows(self, model: type[Base], rows: list[dict[str, Any]]) -> None: ...

    def lines(self, chunks: Iterable[LineChunk], context: LineContext) -> int: ...


class OrmWriter:
    """ORM bulk INSERTs (executemany) through the session, with the store's column types."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def rows(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        if rows:
            self.session.execute(insert(model), rows)

    def lines(self, chunks: Iterable[LineChunk], context: LineContext) -> int:
        import uuid

        count = 0
        days, account_ids, currencies, category_ids = (
            context.days, context.account_ids, context.currencies, context.category_ids)
        for chunk in chunks:
            self.session.execute(insert(LINES_TABLE), [
                {"id": uuid.UUID(int=i), "invoice_no": no, "line_no": ln, "invoice_date": days[d],
                 "account_id": account_ids[a], "category_id": category_ids[c],
                 "quantity": Decimal(q).scaleb(-3), "net_amount": Decimal(n).scaleb(-2),
                 "margin_amount": Decimal(m).scaleb(-2), "currency": currencies[a], "import_id": None}
                for i, no, ln, d, a, c, q, n, m in chunk
            ])
            count += len(chunk)
        rollup.rebuild(self.session.connection())  # Core inserts pass no flush: the roll-up is summed once here
        return count


def build_demo(session: Session, *, seed: int, as_of: date) -> DemoSummary:
    """Write the demo company into an empty store whose defaults exist (one unit of work)."""
    return populate(OrmWriter(session), load_defaults(session), seed=seed, as_of=as_of, accounts=DEMO_ACCOUNTS)


def _stream(seed: int, part: int) -> random.Random:
    # One independent stream per part, so changing how many rows one part draws leaves the others alone.
    return random.Random(seed * 1_000 + part)


def populate(writer: Writer, defaults: Defaults, *, seed: int, as_of: date, accounts: int) -> DemoSummary:
    """Generate and write every demo table through `writer`; `accounts` sets the scale."""
    months = len(month_spans(as_of))
    start = history_start(as_of)
    people = staff(_stream(seed, 1), start - timedelta(days=800))
    writer.rows(User, people.rows)
    categories = _categories(_stream(seed, 2), start)
    writer.rows(ProductCategory, categories)
    demo_accounts = make_accounts(_stream(seed, 3), accounts, as_of, months, people)
    writer.rows(Account, [a.row for a in demo_accounts])
    rng = _stream(seed, 4)
    contact_rows = [c for a in demo_accounts
                    for c in contacts(rng, a.row, a.country, a.domain, as_of, a.row["updated_by"])]
    writer.rows(Contact, contact_rows)
    fx = _fx_rates(_stream(seed, 5), as_of)
    writer.rows(FxRate, fx)

    generator = LineGenerator([a.profile for a in demo_accounts], as_of, _stream(seed, 6))
    context = LineContext(generator.days, [a.row["id"] for a in demo_accounts],
                          [a.row["currency"] for a in demo_accounts], [c["id"] for c in categories])
    line_count = writer.lines(generator.chunks(), context)

    slots = make_slots(_stream(seed, 7), demo_accounts, context.category_ids, generator.category_totals, as_of)
    writer.rows(PotentialSlot, slots)
    clients = _clients(demo_accounts, generator.account_totals)
    requests, steps = make_exceptions(_stream(seed, 8), clients, defaults, people, as_of, max(1, accounts // 200))
    writer.rows(ExceptionRequest, requests)
    writer.rows(ApprovalStep, steps)
    grants = make_grants(_stream(seed, 9), clients, defaults, as_of, requests)
    writer.rows(BenefitGrant, grants)
    partners = sum(a.row["kind"] == "partner" for a in demo_accounts)
    return DemoSummary(
        users=len(people.rows), accounts=len(demo_accounts), customers=len(demo_accounts) - partners,
        partners=partners, control_group=sum(a.row["control_group"] for a in demo_accounts),
        churned=sum(a.profile.churned for a in demo_accounts), contacts=len(contact_rows),
        categories=len(categories), invoice_lines=line_count, returns=generator.returns,
        potential_slots=len(slots), benefit_grants=len(grants), exception_requests=len(requests),
        approval_steps=len(steps), fx_rates=len(fx),
    )


def _categories(rng: random.Random, since: date) -> list[dict[str, Any]]:
    return [{**synced(rng, since, DEMO_ACTOR), "code": c.code, "name": c.name, "name_pl": c.name_pl,
             "name_ru": c.name_ru} for c in CATEGORIES]


def _fx_rates(rng: random.Random, as_of: date) -> list[dict[str, Any]]:
    """Monthly rates to PLN over the history: a gentle random walk from typical levels."""
    rows, levels = [], dict(FX_START)
    for year, month, _, _ in month_spans(as_of):
        day = date(year, month, 1)
        for currency in sorted(levels):
            levels[currency] *= 1 + rng.uniform(-0.02, 0.02)
            rows.append({**synced(rng, day, DEMO_ACTOR), "rate_date": day, "currency": currency,
                         "base_currency": "PLN", "rate": rate(round(levels[currency], 6))})
    return rows


def _clients(accounts: list[DemoAccount], totals: dict[int, list[int]]) -> list[ClientFacts]:
    """Enrolled accounts that bought in the last 12 months, with a likely grade (for caps)."""
    chosen = [(i, a) for i, a in enumerate(accounts)
              if not a.row["control_group"] and totals.get(i, [0, 0])[0] > 0]
    grades = likely_grades([(i, to_pln(cents(totals[i][0]), a.row["currency"])) for i, a in chosen])
    return [ClientFacts(a.row, grades[i], cents(totals[i][0]), cents(totals[i][1])) for i, a in chosen]
