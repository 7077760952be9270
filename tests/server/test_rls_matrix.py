"""The row-level security matrix of the team server on a real PostgreSQL: every role × every table of the store ×
select/insert/update/delete, tried as that person's own login over two KAMs' data, each write rolled back.

What each role may do is written here from the issue's words, not read from `store/server/policies.py`: a KAM reads
and writes only their own accounts and what hangs off them; directors, finance and the administrator read every
row; program, policy and catalog are written by the administrator only; rows are deleted by the administrator
only; append-only rows, decisions and the audit are never changed; the laptop-only tables stay empty and closed.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy import text

from kam_desktop.store.models import Base
from tests.server.team_world import Server, account_tables, first_column, owned, tables

ROLE = {"kam1": "kam", "boss": "director", "money": "finance", "admin": "admin"}
COMMANDS = ("select", "insert", "update", "delete")
EVERYONE = frozenset(ROLE.values())
# Shared tables and who writes them (the issue: program, policy and catalog by the administrator only)
SHARED = {
    "benefit_catalog": {"admin"},
    "commercial_policies": {"admin"},
    "policy_caps": {"admin"},
    "program_configs": {"admin"},
    "program_grade_terms": {"admin"},
    "earning_rules": {"admin"},
    "users": {"admin"},  # people are added by `kamctl server add-user`, run by the administrator
    "fx_rates": {"finance", "admin"},
    "settings": {"finance", "admin"},
    "period_locks": {"finance", "admin"},
    "product_categories": set(EVERYONE),  # an invoice import may bring a new category
    "numbering_devices": set(),  # only through kam.register_device
    "number_block_leases": set(),  # only through kam.lease_number_block
    "alembic_version": set(),
}
LAPTOP_ONLY = {"local_device", "sync_outbox", "sync_state", "sync_conflicts", "audit_chain", "ledger_chain",
               "data_generation", "portfolio_snapshots", "kpi_snapshots"}
THROUGH_FUNCTIONS = {"approval_steps"}  # decisions: written only by kam.decide_exception
AUDIT = "audit_log"
# The least a run must have exercised with rows on both KAMs' sides, so that a thin world cannot pass unseen
MUST_EXERCISE = {"accounts", "invoice_lines", "sales_months", "sales_rollup", "grade_evaluations", "ledger_entries",
                 "ledger_allocations", "exception_requests", "approval_steps", "potential_slots", "contacts",
                 "documents", "document_files", "benefit_grants"}


@dataclass(frozen=True)
class Outcome:
    """What one statement did: rows it saw or changed, or the refusal it met."""

    rows: int = 0
    refused: str = ""  # row-level security, a missing privilege or a guard trigger
    constraint: str = ""  # an integrity error: the row got past security and met the data's own rules

    @property
    def allowed(self) -> bool:
        return not self.refused and (self.rows > 0 or bool(self.constraint))


def _append_only() -> set[str]:
    """Tables whose rows are written once (the models' AppendOnlyMixin): the spec of the data model itself."""
    return {m.local_table.name for m in Base.registry.mappers if getattr(m.class_, "__append_only__", False)}


def _expected(role: str, table: str, command: str, side: str, frozen: set[str]) -> bool:
    """May `role` run `command` on `table`'s rows of `side` (own/other: a KAM's and another KAM's accounts; all)?"""
    if table in LAPTOP_ONLY:
        return False
    if table == AUDIT:  # one's own actions, or everyone's for the managers; an audit line is never changed
        if command == "select":
            return side == "own" or role != "kam"
        return command == "insert" and side == "own"
    if table in SHARED:
        if command == "select":
            return True
        if command == "delete":
            return role == "admin" and bool(SHARED[table]) and table not in frozen
        return role in SHARED[table] and not (command == "update" and table in frozen)
    if role == "kam" and side == "other":
        return False
    if command == "select":
        return True
    if table == "accounts" and command == "insert":  # a new account is no KAM's until it is assigned to one
        return role != "kam"
    if table in THROUGH_FUNCTIONS:
        return False
    if command == "insert":
        return True
    if table in frozen:
        return False
    return command == "update" or role == "admin"


def _refusal(error: sa.exc.DBAPIError) -> Outcome:
    message = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
    if isinstance(error, sa.exc.IntegrityError) and "row-level security" not in message:
        return Outcome(constraint=message)
    return Outcome(refused=message)


def _try(engine: sa.Engine, statement: str, params: dict[str, Any]) -> Outcome:
    """Run one statement as the person and roll it back: nothing a check writes stays."""
    with engine.connect() as connection:
        transaction = connection.begin()
        try:
            result = connection.execute(text(statement), params)
            return Outcome(rows=int(result.scalar_one()) if statement.startswith("SELECT") else result.rowcount)
        except sa.exc.DBAPIError as error:
            return _refusal(error)
        finally:
            transaction.rollback()


def _sides(server: Server, who: str, table: str, account: str | None) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each side's WHERE clause (rows aliased `t`) and its parameters, for `who` (the audit: their own lines)."""
    if table == AUDIT:
        return {"own": ("t.created_by = :login", {"login": server.logins[who]}),
                "other": ("t.created_by <> :login", {"login": server.logins[who]})}
    if account is None:
        return {"all": ("true", {})}
    return {"own": (f"({account})::text = ANY (:ids)", {"ids": owned(server, "kam1")}),
            "other": (f"({account})::text = ANY (:ids)", {"ids": owned(server, "kam2")})}


def _template(server: Server, table: str, where: str, params: dict[str, Any]) -> dict[str, Any] | None:
    """A row of the side as its owner sees it, as JSON, to insert again (with a new id where it has one)."""
    with server.owner().connect() as connection:
        row = connection.scalar(text(f'SELECT to_jsonb(t) FROM public."{table}" t WHERE {where} LIMIT 1'), params)
    if row is None:
        return None
    return dict(row) | ({"id": str(uuid.uuid4())} if "id" in row else {})


def _owner_count(server: Server, table: str, where: str, params: dict[str, Any]) -> int:
    with server.owner().connect() as connection:
        return int(connection.scalar(text(f'SELECT count(*) FROM public."{table}" t WHERE {where}'), params))


def _audit_template(server: Server, who: str) -> dict[str, Any]:
    """An audit line of someone's, as if `who` wrote it (not everyone in the world has acted yet)."""
    any_line = _template(server, AUDIT, "true", {})
    assert any_line is not None
    return any_line | {"created_by": server.logins[who]}


def test_every_role_on_every_table_every_command_as_the_issue_says(server: Server) -> None:
    frozen = _append_only()
    of_account = account_tables(server)
    found: list[str] = []  # every cell that differs from the expectation
    exercised: set[str] = set()
    for table in tables(server):
        account = of_account.get(table)
        assert table in SHARED or table in LAPTOP_ONLY or table == AUDIT or account is not None, (
            f"{table}: a table the matrix does not know; say here who may do what with it")
        for who, role in ROLE.items():
            engine = server.engine(who)
            column = first_column(server, table)
            for side, (where, params) in _sides(server, who, table, account).items():
                total = _owner_count(server, table, where, params)
                if total and side == "other":
                    exercised.add(table)
                template = _template(server, table, where, params)
                if table == AUDIT and side == "own":
                    template = _audit_template(server, who)
                for command in COMMANDS:
                    expected = _expected(role, table, command, side, frozen)
                    if command == "select":
                        outcome = _try(engine, f'SELECT count(*) FROM public."{table}" t WHERE {where}', params)
                        # a reader sees every row of the side, or none of them
                        ok = outcome.rows == (total if expected else 0) and not outcome.refused
                    elif command == "insert":
                        if template is None:
                            continue  # nothing to copy on this side
                        outcome = _try(engine, f'INSERT INTO public."{table}" SELECT * FROM jsonb_populate_record('
                                               f'NULL::public."{table}", CAST(:row AS jsonb))', {"row": json.dumps(template)})
                        ok = outcome.allowed == expected
                    else:
                        if not total:
                            continue
                        statement = (f'UPDATE public."{table}" t SET "{column}" = "{column}" WHERE {where}'
                                     if command == "update" else f'DELETE FROM public."{table}" t WHERE {where}')
                        outcome = _try(engine, statement, params)
                        # allowed: every row of the side, or the data's own rules stopped it after security
                        ok = (outcome.rows == total or bool(outcome.constraint)) if expected else not outcome.allowed
                    if not ok:
                        found.append(f"{role} {command} {table} ({side}): expected "
                                     f"{'allowed' if expected else 'refused'}, got {outcome}")
            engine.dispose()
    assert found == [], "\n".join(found)
    assert exercised >= MUST_EXERCISE, sorted(MUST_EXERCISE - exercised)
