"""The accounting export: one journal line per booking of a period, as CSV or XLSX an ERP imports.

The expiry run goes first (so that lots expired by the period's end are booked, as the roll-forward counts
them); then the lines (`domain/journal.py`, accounts from the settings' mapping) are reconciled with the
roll-forward in money: the journal's net credit to each liability account equals closing − opening. A file
that would not reconcile is not written. Columns: `domain.journal.JOURNAL_COLUMNS` (docs/settlement.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from kam_desktop.domain import journal as dj
from kam_desktop.domain import liability as dli
from kam_desktop.domain.ledger import LedgerError
from kam_desktop.domain.monetary import CENT, MoneyBag
from kam_desktop.domain.movements import Denomination
from kam_desktop.domain.permissions import UseCase
from kam_desktop.imports.export import Cell, write_csv, write_xlsx
from kam_desktop.services.context import Context
from kam_desktop.services.errors import ServiceError
from kam_desktop.services.ledger.entries import expire_in, load_domain
from kam_desktop.services.settlement.terms import settlement_config


@dataclass(frozen=True)
class JournalExport:
    """What was written: where, how many lines, the totals per currency, and the check against the roll-forward."""

    path: Path
    start: date
    end: date
    lines: int
    expiries_booked: int  # by the expiry run before the export
    debit_totals: MoneyBag  # the lines' amounts per currency
    liability_change: dict[str, str]  # per denomination: the journal's net credit to the liability account
    reconciled: bool


def journal_lines(ctx: Context, start: date, end: date) -> tuple[list[dj.JournalLine], int]:
    """The period's journal lines after the expiry run (committed), and how many expiries it booked."""
    ctx.permit(UseCase.EXPORT_JOURNAL)
    if end < start:
        raise ServiceError("a period cannot end ({end}) before it starts ({start})", end=end, start=start)
    with ctx.unit_of_work() as uow:
        expired = expire_in(uow, min(end, ctx.today()))
        session = uow.session
        config = settlement_config(session)
        entries = load_domain(session)
        uow.commit()
    lines = dj.journal(entries, start, end, config.mapping, config.point_value)
    try:
        rolls = dli.roll_forward(entries, start, end, dli.in_money(config.point_value))
    except LedgerError as exc:
        raise ServiceError.of(exc) from None
    problems = dj.reconcile(lines, rolls, config.mapping)
    if problems:
        raise ServiceError("the journal of {start}..{end} does not reconcile with the roll-forward: {problems}; "
                           "nothing was written", start=start, end=end, problems="; ".join(problems))
    return lines, expired


def journal_export(ctx: Context, start: date, end: date, path: Path | str) -> JournalExport:
    """Write the journal of [start, end] to a .csv or .xlsx file, reconciled with the roll-forward."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ServiceError("{file}: write the journal to a .csv or .xlsx file", file=path.name)
    lines, expired = journal_lines(ctx, start, end)
    # numbers and dates as such (an XLSX cell is then a number); the CSV writes them ISO and with a dot
    rows: list[list[Cell]] = [[x.booked_on, *x.as_row()[1:3], x.amount.amount.quantize(CENT), *x.as_row()[4:]]
                              for x in lines]
    if suffix == ".csv":
        write_csv(path, list(dj.JOURNAL_COLUMNS), rows)
    else:
        write_xlsx(path, list(dj.JOURNAL_COLUMNS), rows, sheet="Journal")
    with ctx.read() as session:
        mapping = settlement_config(session).mapping
    change = {str(d): f"{v:.2f}" for d, v in sorted(dj.liability_change(lines, mapping).items(), key=_by_name)}
    return JournalExport(path, start, end, len(lines), expired, MoneyBag.of(x.amount for x in lines), change, True)


def _by_name(item: tuple[Denomination, object]) -> str:
    return str(item[0])
