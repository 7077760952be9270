"""Row-level security of the team server, generated from the models: ENABLE + FORCE and policies on every table.

Each table falls in one class, decided here once: an account's rows (directly by `account_id`, or through the
row they hang off), the program's shared rows (readable by everyone, written by the roles that configure them),
the audit log, and the laptop-only tables that the server keeps empty. Append-only tables get no UPDATE or
DELETE policy at all, so no app role can change a ledger row, a decision or an audit line. A table this module
does not classify fails `policy_statements` — and the catalog test fails the suite — rather than stay open.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import Table

from kam_desktop.store.models import Base

# a row that hangs off another row: how to reach its account (`{row}` is the row being checked)
THROUGH_PARENT: dict[str, str] = {
    "approval_steps": "(SELECT account_id FROM exception_requests p WHERE p.id = {row}.exception_id)",
    "document_files": "(SELECT account_id FROM documents p WHERE p.id = {row}.document_id)",
    "ledger_allocations": "(SELECT account_id FROM ledger_entries p WHERE p.id = {row}.entry_id)",
    "annex_benefits": "(SELECT account_id FROM benefit_grants p WHERE p.id = {row}.grant_id)",
    "mdf_claims": "(SELECT account_id FROM mdf_funds p WHERE p.id = {row}.fund_id)",
    "mdf_fund_transfers": "(SELECT account_id FROM mdf_funds p WHERE p.id = {row}.fund_id)",
    "mdf_proofs": "(SELECT f.account_id FROM mdf_claims c JOIN mdf_funds f ON f.id = c.fund_id WHERE c.id = {row}.claim_id)",
}
# shared by the whole team: readable by everyone, written only by these roles (program, policy and catalog: admin)
SHARED_WRITERS: dict[str, tuple[str, ...]] = {
    "benefit_catalog": ("admin",),
    "commercial_policies": ("admin",),
    "policy_caps": ("admin",),
    "program_configs": ("admin",),
    "program_grade_terms": ("admin",),
    "earning_rules": ("admin",),
    "product_categories": ("kam", "director", "finance", "admin"),  # an import may bring a new category
    "users": ("admin",),
    "fx_rates": ("finance", "admin"),
    "settings": ("finance", "admin"),
    "period_locks": ("finance", "admin"),
    "numbering_devices": (),  # written only by kam.register_device (db/server/70_numbering.sql)
    "number_block_leases": (),  # written only by kam.lease_number_block
    "alembic_version": (),
}
LAPTOP_ONLY = ("local_device", "sync_outbox", "sync_state", "sync_conflicts", "audit_chain",
               "ledger_chain", "data_generation", "portfolio_snapshots", "kpi_snapshots")  # kept empty on the server
AUDIT = "audit_log"
# rows of an account that only the team server's functions write (the decision function)
FUNCTION_WRITTEN = {"approval_steps": "current_setting('kam.deciding', true) = 'on'"}


@dataclass(frozen=True)
class Policy:
    table: str
    name: str
    command: str  # SELECT, INSERT, UPDATE, DELETE
    using: str | None
    check: str | None

    def sql(self) -> str:
        parts = [f'CREATE POLICY {self.name} ON public."{self.table}" AS PERMISSIVE FOR {self.command} TO kam_app']
        if self.using is not None:
            parts.append(f"USING ({self.using})")
        if self.check is not None:
            parts.append(f"WITH CHECK ({self.check})")
        return " ".join(parts)


def append_only(table: Table) -> bool:
    """Rows written once and never changed (the models' AppendOnlyMixin)."""
    mapper = next((m for m in Base.registry.mappers if m.local_table is table), None)
    return bool(mapper is not None and getattr(mapper.class_, "__append_only__", False))


def policies(table: Table) -> list[Policy]:
    """The policies of one table of the store's schema."""
    name = table.name
    if name in LAPTOP_ONLY:
        return [Policy(name, "laptop_only", "SELECT", "false", None)]
    if name == AUDIT:  # a person reads their own actions; directors and finance everything; nobody edits
        return [Policy(name, "audit_read", "SELECT",
                       "created_by = session_user OR kam.has_role('director', 'finance', 'admin')", None),
                Policy(name, "audit_write", "INSERT", None, "created_by = session_user")]
    if name in SHARED_WRITERS:
        return _shared(name, SHARED_WRITERS[name], append_only(table))
    account = _account_of(table)
    if account is None:
        raise LookupError(f"table {name} has no row-level security class: add it to store/server/policies.py")
    return _of_account(name, account, append_only(table))


def _account_of(table: Table) -> str | None:
    if table.name == "accounts":
        return "{row}.id"
    if "account_id" in table.c:
        return "{row}.account_id"
    return THROUGH_PARENT.get(table.name)


def _of_account(name: str, account: str, frozen: bool) -> list[Policy]:
    # the role once per statement (an InitPlan) and a KAM's accounts as one set: per-row function calls made a
    # director's count of 48,000 invoice lines take seconds
    read = f"(SELECT kam.has_role('director', 'finance', 'admin')) OR {account} IN (SELECT kam.own_account_ids())"
    write = read
    if name in FUNCTION_WRITTEN:
        write = f"({write}) AND {FUNCTION_WRITTEN[name]}"
    found = [Policy(name, "account_read", "SELECT", read, None), Policy(name, "account_insert", "INSERT", None, write)]
    if not frozen:
        found.append(Policy(name, "account_update", "UPDATE", write, write))
        found.append(Policy(name, "account_delete", "DELETE", f"({write}) AND (SELECT kam.has_role('admin'))", None))
    return found


def _shared(name: str, writers: tuple[str, ...], frozen: bool) -> list[Policy]:
    found = [Policy(name, "shared_read", "SELECT", "true", None)]
    if not writers:
        return found
    allowed = "kam.has_role(" + ", ".join(f"'{role}'" for role in writers) + ")"
    found.append(Policy(name, "shared_insert", "INSERT", None, allowed))
    if not frozen:
        found.append(Policy(name, "shared_update", "UPDATE", allowed, allowed))
        found.append(Policy(name, "shared_delete", "DELETE", "kam.has_role('admin')", None))
    return found


def policy_statements(table_names: list[str]) -> Iterator[str]:
    """For each table: ENABLE and FORCE row-level security, drop its old policies, create the new ones.

    A policy refers to the row it checks by the table's own name: `{row}` in the expressions above.
    """
    tables = {t.name: t for t in Base.metadata.sorted_tables}
    for name in table_names:
        table = tables.get(name)
        found = policies(table) if table is not None else _shared(name, SHARED_WRITERS.get(name, ()), True)
        yield f'ALTER TABLE public."{name}" ENABLE ROW LEVEL SECURITY'
        yield f'ALTER TABLE public."{name}" FORCE ROW LEVEL SECURITY'
        yield (f"DO $$ DECLARE p record; BEGIN FOR p IN SELECT policyname FROM pg_policies WHERE schemaname = 'public' "
               f"AND tablename = '{name}' LOOP EXECUTE format('DROP POLICY %I ON public.%I', p.policyname, "
               f"'{name}'); END LOOP; END $$")
        for policy in found:
            yield policy.sql().replace("{row}", f'"{name}"')
