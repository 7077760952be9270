"""Importing ERP/CRM files into the store: preview, then validate everything and apply in one transaction.

`preview` sniffs a file and validates it against the store without writing. `run_import` validates the
whole file and, only with zero errors, applies it in one unit of work: a conflict with the store, a
database error or a cancel at any row rolls everything back. Every applied or refused import is
written to the audit log (who, when, file, SHA-256, counts); a cancelled one is not, as nothing happened.

Natural keys: accounts by code, contacts by account + name, potential by account + category +
collected_on, invoice lines by invoice_no + line_no, opening balances once per account and unit.
An invoice line already stored with the same values is skipped; one stored with *different* values is
an error naming the differences (ERP lines are facts: a correction comes as a new line, so a changed
line means a re-numbered or edited export that someone must look at, not something to keep or overwrite
silently).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from kam_desktop.domain.messages import Message
from kam_desktop.domain.permissions import Scope, UseCase
from kam_desktop.imports import store_sums
from kam_desktop.imports.errors import ImportCancelled, ImportFileError, ImportIssue, ProfileError
from kam_desktop.imports.formats import FORMATS, get_format
from kam_desktop.imports.importer import import_file
from kam_desktop.imports.options import DETECT, CancelCheck, Progress, ReadOptions, SniffResult, is_cancelled
from kam_desktop.imports.profiles import MappingProfile, load_profile, load_profiles, save_profile
from kam_desktop.imports.sniffing import sniff_file
from kam_desktop.imports.staged import ImportResult, KnownData
from kam_desktop.paths import data_dir
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.imports import apply as ap
from kam_desktop.services.imports import lines as il
from kam_desktop.services.imports import values as iv
from kam_desktop.services.settlement.late import settle_import_in
from kam_desktop.store.line_seal import DETAIL
from kam_desktop.store.models import Account, ProductCategory, User
from kam_desktop.store.queries.sales import sales_magnitude
from kam_desktop.store.rollup import CELL_LIMIT, CellOverflow

__all__ = [
    "DETECT", "FORMAT_NAMES", "ImportCancelled", "ImportIssue", "ImportProgress", "ImportReport", "MappingProfile",
    "Preview", "ReadOptions", "get_profile", "known_data", "list_profiles", "preview", "profiles_dir",
    "run_import", "save_mapping_profile",
]

FORMAT_NAMES = tuple(FORMATS)
_AUDITED_ERRORS = 20  # error lines kept in a refusal's audit entry


@dataclass(frozen=True, slots=True)
class ImportProgress:
    """Where an import is: `reading` (done/total in bytes) then `applying` (done/total in rows)."""

    phase: str
    done: int
    total: int
    rows: int = 0  # rows read so far (reading) or written (applying)

    @property
    def fraction(self) -> float:
        return min(1.0, self.done / self.total) if self.total else 1.0


ProgressCallback = Callable[[ImportProgress], None]


@dataclass(frozen=True)
class ImportReport:
    """The outcome of `run_import`: applied (or would be, for a dry run) with counts, or refused with errors."""

    format: str
    file: str
    sha256: str
    dry_run: bool
    applied: bool
    rows_read: int
    errors: tuple[ImportIssue, ...]
    counts: dict[str, int] = field(default_factory=dict)  # e.g. accounts_created, invoice_lines_skipped
    new_categories: tuple[str, ...] = ()
    new_owner_logins: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    notes: tuple[Message, ...] = ()
    options: ReadOptions = DETECT
    import_id: uuid.UUID | None = None  # the audit entry's id (also InvoiceLine.import_id)
    seconds: float = 0.0
    locked_quarters: tuple[str, ...] = ()  # locked quarters its lines fall in: their corrections go to the open period

    @property
    def ok(self) -> bool:
        return not self.errors

    def error_lines(self) -> list[str]:
        """FILE:ROW:COLUMN: message, one per error."""
        return [str(issue) for issue in self.errors]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.format, "file": self.file, "sha256": self.sha256, "dry_run": self.dry_run,
            "applied": self.applied, "rows_read": self.rows_read, "counts": dict(self.counts),
            "errors": self.error_lines(), "new_categories": list(self.new_categories),
            "new_owner_logins": list(self.new_owner_logins), "ignored_columns": list(self.ignored_columns),
            "notes": [str(note) for note in self.notes], "import_id": str(self.import_id) if self.import_id else None,
            "options": _options_json(self.options), "seconds": round(self.seconds, 3),
            "locked_quarters": list(self.locked_quarters),
        }


@dataclass(frozen=True)
class Preview:
    """What the import dialog shows before importing: detection (None if unreadable), a dry validation, and the
    file's new names (categories, owners) with what each probably means and the existing ones to map it to."""

    sniff: SniffResult | None
    result: ImportResult
    values: tuple[iv.NewValue, ...] = ()
    choices: dict[str, tuple[iv.Known, ...]] = field(default_factory=dict)  # kind → existing ones to map to

    @property
    def ok(self) -> bool:
        return self.result.ok


# -- profiles ---------------------------------------------------------------------------------------

def profiles_dir() -> Path:
    """Where users' mapping profiles live: the data folder's `profiles`."""
    return data_dir() / "profiles"


def list_profiles(format_name: str | None = None) -> list[MappingProfile]:
    """Saved mapping profiles by name, optionally only those for one format."""
    try:
        profiles = load_profiles(profiles_dir())
    except ProfileError as exc:
        raise ServiceError.of(exc) from None
    wanted = None if format_name is None else _format(format_name)
    return [p for _, p in sorted(profiles.items()) if wanted is None or _format(p.format) == wanted]


def get_profile(name: str) -> MappingProfile:
    try:
        return load_profile(profiles_dir(), name)
    except ProfileError as exc:
        raise ServiceError.of(exc) from None


def save_mapping_profile(profile: MappingProfile) -> Path:
    """Save (or replace) a profile in the data folder; returns its file."""
    try:
        return save_profile(profiles_dir(), profile)
    except ProfileError as exc:
        raise ServiceError.of(exc) from None


# -- reading ----------------------------------------------------------------------------------------

def known_data(session: Session, on: date, fmt: str) -> KnownData:
    """What validation checks against: one query each for accounts, logins and categories."""
    rows = session.execute(select(Account.code, Account.currency).where(Account.deleted_at.is_(None)))
    accounts = {code: currency for code, currency in rows}
    logins = frozenset(session.scalars(select(User.login)))
    categories: set[str] = set()
    for code, name in session.execute(select(ProductCategory.code, ProductCategory.name)):
        categories.update((code, name))
    # the stored sales bound only an invoices file's sums; reading them scans the roll-up (0.57 s at 20,000 accounts)
    stored = sales_magnitude(session) if fmt == "invoices" else {}
    return KnownData(accounts=accounts, owner_logins=logins, categories=frozenset(categories), today=on,
                     stored_sales=stored)


def _format(name: str) -> str:
    try:
        return get_format(name).name
    except KeyError:
        raise ServiceError("unknown import format {name!r}; choose one of {formats}", name=name,
                           formats=", ".join(FORMATS)) from None


def _profile(profile: MappingProfile | str | None) -> MappingProfile | None:
    return get_profile(profile) if isinstance(profile, str) else profile


IMPORT_USE_CASES = {"accounts": UseCase.IMPORT_ACCOUNTS, "invoices": UseCase.IMPORT_SALES,
                    "opening-balances": UseCase.IMPORT_BALANCES, "potential": UseCase.IMPORT_CRM,
                    "contacts": UseCase.IMPORT_CRM}


def preview(ctx: Context, path: Path, format_name: str, options: ReadOptions = DETECT,
            profile: MappingProfile | str | None = None, *, progress: ProgressCallback | None = None,
            cancel: CancelCheck | None = None, values: iv.ValueMap | None = None) -> Preview:
    """Sniff `path` and validate all of it against the store; writes nothing (not even the audit log).

    `values` maps the file's new names as the person decided (to an existing one, or `CREATE`).
    """
    fmt, chosen = _format(format_name), _profile(profile)
    ctx.permit(IMPORT_USE_CASES[fmt])
    with ctx.read() as session:
        known = known_data(session, ctx.today(), fmt)
    try:
        sniffed: SniffResult | None = sniff_file(Path(path), get_format(fmt), options, chosen)
    except ImportFileError:
        sniffed = None  # the dry validation below reports why
    result = import_file(Path(path), fmt, known, options=options, profile=chosen,
                         progress=_reading(progress), cancel=cancel)
    with ctx.read() as session:
        result = iv.remapped(result, values or {})
        found = iv.review(session, result, ctx.actor.role)
        choices = {kind: tuple(iv.known_values(session, kind).values()) for kind in {v.kind for v in found}}
    return Preview(sniffed, result, found, choices)


def _reading(progress: ProgressCallback | None) -> Callable[[Progress], None] | None:
    if progress is None:
        return None
    return lambda p: progress(ImportProgress("reading", p.bytes_done, p.bytes_total, p.rows_done))


# -- importing --------------------------------------------------------------------------------------

class _Refused(Exception):
    def __init__(self, issues: list[ImportIssue]) -> None:
        super().__init__(f"{len(issues)} conflicts with the store")
        self.issues = issues


def run_import(ctx: Context, path: Path, format_name: str, *, options: ReadOptions = DETECT,
               profile: MappingProfile | str | None = None, dry_run: bool = False,
               progress: ProgressCallback | None = None, cancel: CancelCheck | None = None,
               values: iv.ValueMap | None = None) -> ImportReport:
    """Validate all of `path`; with zero errors apply it in one transaction (unless `dry_run`).

    Returns a report with counts, or with every error (`FILE:ROW:COLUMN: message`) and nothing written.
    Raises ImportCancelled if `cancel` fires (reading or applying): nothing is written.
    A dry run also checks the rows against the store (conflicts, what would be created or updated)
    in a transaction it rolls back, without writing invoice lines.
    """
    started = time.perf_counter()
    fmt, chosen, path = _format(format_name), _profile(profile), Path(path)
    use_case = IMPORT_USE_CASES[fmt]
    scope = ctx.permit(use_case)
    with ctx.read() as session:
        known = known_data(session, ctx.today(), fmt)
    result = import_file(path, fmt, known, options=options, profile=chosen, progress=_reading(progress),
                         cancel=cancel)
    if not result.ok:
        return _refuse(ctx, _report(result, dry_run, started, errors=result.errors))
    with ctx.read() as session:  # a near-duplicate name or a person the actor may not add: nothing is applied
        result = iv.remapped(result, values or {})
        undecided = iv.undecided(result, iv.review(session, result, ctx.actor.role), values or {})
    if undecided:
        return _refuse(ctx, _report(result, dry_run, started, errors=tuple(undecided)))
    import_id = uuid.uuid4()
    tick = _applying(len(result.staged), progress, cancel)
    try:
        with ctx.unit_of_work() as uow:
            if scope is Scope.OWN:
                _refuse_others_accounts(ctx, uow.session, result, use_case)
            out = _apply(uow.session, result, import_id, tick, known.today, dry_run, near_cell_limit(known, result))
            if out.issues:
                raise _Refused(out.issues)
            late = settle_import_in(uow, ctx.today(), ctx.now(), import_id)  # sales of closed quarters
            report = _report(result, dry_run, started, counts=dict(out.counts) | late.counts, applied=not dry_run,
                             import_id=None if dry_run else import_id, locked_quarters=late.locked_quarters)
            if dry_run:
                return report  # the unit of work rolls back
            sealed = uow.session.info.pop(il.SEAL_INFO, None)  # the lines' seal (a laptop's bulk insert)
            entry = uow.audit("import.apply", "import", import_id, **_audit_details(report),
                              **({DETAIL: sealed} if sealed else {}))
            entry.id = import_id
            uow.commit()
    except _Refused as refused:
        return _refuse(ctx, _report(result, dry_run, started, errors=tuple(refused.issues)))
    except CellOverflow as overflow:
        issues = tuple(ImportIssue.of(result.file, None, "net_amount", Message.of(
            "the sales of {account} in {month} would add up beyond the {limit:,} an account's month can hold; check "
            "the file's amounts (a wrong unit or column?)", account=code, month=month, limit=CELL_LIMIT - 1))
            for code, month in overflow.cells)
        return _refuse(ctx, _report(result, dry_run, started, errors=issues))
    except (IntegrityError, DataError) as exc:
        issue = ImportIssue.of(result.file, None, None, Message.of(
            "the database refused the import ({problem}); nothing was written. Another user may have changed the "
            "same rows: import the file again", problem=_first_line(exc)))
        return _refuse(ctx, _report(result, dry_run, started, errors=(issue,)))
    return _replace_seconds(report, started)


def _applying(total: int, progress: ProgressCallback | None,
              cancel: CancelCheck | None) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if is_cancelled(cancel):
            raise ImportCancelled("import cancelled while applying; nothing was written")
        if progress is not None:
            progress(ImportProgress("applying", done, total, done))
    return tick


def _apply(session: Session, result: ImportResult, import_id: uuid.UUID, tick: Callable[[int], None],
           on: date, dry_run: bool, guard: bool = True) -> ap.Applied:
    out = ap.Applied()
    keys = ap.StoreKeys.load(session)
    rows = result.staged
    tick(0)
    ap.create_categories(session, keys, result.new_categories, out)
    ap.create_owners(session, keys, result.new_owner_logins, out)
    session.flush()
    missing = _vanished_accounts(result, keys)
    if missing:
        out.issues.extend(missing)
        return out
    if result.format == "accounts":
        ap.apply_accounts(session, keys, rows, result.file, set(result.columns), out)
    elif result.format == "contacts":
        ap.apply_contacts(session, keys, rows, out)
    elif result.format == "potential":
        ap.apply_potential(session, keys, rows, out)
    elif result.format == "opening-balances":
        ap.apply_opening_balances(session, keys, rows, result.file, on, out)
    else:
        _apply_lines(session, result, keys, import_id, tick, dry_run, out, guard)
    session.flush()
    tick(len(rows))
    return out


def near_cell_limit(known: KnownData, result: ImportResult) -> bool:
    """Whether this file's lines could take some account's month beyond `CELL_LIMIT`: then the roll-up checks
    every cell before it adds them (~10 % of an import's time); a store far from the limit (every real one) skips
    that check."""
    if result.format != "invoices" or len(result.staged) == 0:
        return False
    return store_sums.near(known, result.staged.frame, float(CELL_LIMIT), result.staged.numbers)


def _refuse_others_accounts(ctx: Context, session: Session, result: ImportResult, use_case: UseCase) -> None:
    """A KAM imports rows of their own accounts only: one row of another KAM's account refuses the whole file."""
    if len(result.staged) == 0:
        return
    codes = result.staged.frame["account_code"].unique().tolist()
    owners = dict(session.execute(select(Account.code, User.login).outerjoin(User, User.id == Account.owner_id)
                                  .where(Account.code.in_(codes))).all())
    for code in codes:
        ctx.permit_on(use_case, code, owners.get(code))


def _vanished_accounts(result: ImportResult, keys: ap.StoreKeys) -> list[ImportIssue]:
    """Accounts validated a moment ago but deleted before the transaction began."""
    if result.format == "accounts" or len(result.staged) == 0:
        return []
    frame = result.staged.frame
    ids = keys.account_ids()
    gone = frame[~frame["account_code"].isin(list(ids))]
    header = result.columns.get("account_code", "account_code")
    return [ImportIssue.of(result.file, int(row), header, Message.of(
        "account {account} was removed while the file was read; import it again", account=code)) for row, code in
            zip(gone["row"].tolist()[:_AUDITED_ERRORS], gone["account_code"].tolist(), strict=False)]


def _apply_lines(session: Session, result: ImportResult, keys: ap.StoreKeys, import_id: uuid.UUID,
                 tick: Callable[[int], None], dry_run: bool, out: ap.Applied, guard: bool) -> None:
    frame = result.staged.frame
    lines = il.resolve(frame, keys.account_ids(), keys.category_ids(frame["category"].unique().tolist()),
                       result.staged.numbers)
    existing = il.find_existing(session, lines)
    header = result.columns.get("invoice_no", "invoice_no")
    for row, key, what in existing.differ:
        out.refuse(result.file, row, header, Message.of(
            "invoice {line} is already in the store with other values ({changes}); stored ERP lines are never "
            "overwritten: an ERP correction comes as a new line, so check this export", line=key, changes=what))
    if out.issues:
        return
    new = lines.subset(~existing.same) if existing.same.any() else lines  # a new period: every line, uncopied
    out.counts["invoice_lines_skipped"] = int(existing.same.sum())
    out.counts["invoice_lines_inserted"] = len(new)
    if not dry_run:
        il.insert_lines(session, new, import_id, tick, guard=guard)


def _report(result: ImportResult, dry_run: bool, started: float, *, errors: tuple[ImportIssue, ...] = (),
            counts: dict[str, int] | None = None, applied: bool = False,
            import_id: uuid.UUID | None = None, locked_quarters: tuple[str, ...] = ()) -> ImportReport:
    return ImportReport(
        format=result.format, file=result.file, sha256=result.sha256, dry_run=dry_run, applied=applied,
        rows_read=result.rows_read, errors=errors, counts=counts or {}, new_categories=result.new_categories,
        new_owner_logins=result.new_owner_logins, ignored_columns=result.ignored_columns, notes=result.notes,
        options=result.options, import_id=import_id, seconds=time.perf_counter() - started,
        locked_quarters=locked_quarters,
    )


def _replace_seconds(report: ImportReport, started: float) -> ImportReport:
    from dataclasses import replace

    return replace(report, seconds=time.perf_counter() - started)


def _audit_details(report: ImportReport) -> dict[str, Any]:
    return {
        "format": report.format, "file": report.file, "sha256": report.sha256, "rows_read": report.rows_read,
        "counts": dict(report.counts), "new_categories": list(report.new_categories[:50]),
        "new_owner_logins": list(report.new_owner_logins[:50]), "options": _options_json(report.options),
    }


def _refuse(ctx: Context, report: ImportReport) -> ImportReport:
    """Record a refused import (not a dry run: that is only a look) in its own transaction."""
    if report.dry_run:
        return report
    with ctx.unit_of_work() as uow:
        uow.audit("import.refused", "import", None, format=report.format, file=report.file, sha256=report.sha256,
                  rows_read=report.rows_read, errors=len(report.errors),
                  first_errors=report.error_lines()[:_AUDITED_ERRORS])
        uow.commit()
    return report


def _options_json(options: ReadOptions) -> dict[str, str | None]:
    return {"encoding": options.encoding, "delimiter": options.delimiter, "decimal": options.decimal,
            "date_order": options.date_order, "sheet": options.sheet}


def _first_line(exc: BaseException) -> str:
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
