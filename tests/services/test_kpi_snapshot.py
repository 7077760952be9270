"""The remembered Reports figures (store/kpi_snapshot.py): served only while they equal what the KPIs and the
simulator compute - the same day, scope, build and data - on a laptop; a team server computes every time."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from kam_desktop.services.errors import NotPermittedError
from kam_desktop.services.grading import grade_portfolio
from kam_desktop.services.imports.files import run_import
from kam_desktop.services.ledger.close import close_quarter
from kam_desktop.services.potential import save_slot
from kam_desktop.services.program.fx import set_rate
from kam_desktop.services.reports import kpi, simulate
from kam_desktop.services.reports.kpi import kpis_of, portfolio_kpis, program_kpis
from kam_desktop.store import kpi_snapshot
from kam_desktop.store.models import KpiSnapshot
from tests.acting import as_
from tests.kpi_reference import reference_kpis, reference_simulation

from .test_kpis_against_lines import HEADER, TODAY, rich  # noqa: F401  (`rich`: the fixture these tests use)

DAY = date(2025, 12, 31)
CUTOFFS, CASHBACK = [Decimal("0.1"), Decimal("0.3"), Decimal("0.6")], [Decimal(3), Decimal(2), Decimal(1), Decimal(0)]
LAPTOP = pytest.mark.parametrize("any_store", ["sqlite"], indirect=True)  # only a laptop's store remembers


class Counted:
    """How often the KPIs and the simulator's bases were computed rather than read from an entry."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.kpis = self.bases = 0
        computed, bases = kpi._computed, simulate.simulation_columns

        def count_kpis(*args: Any) -> Any:
            self.kpis += 1
            return computed(*args)

        def count_bases(*args: Any) -> Any:
            self.bases += 1
            return bases(*args)

        monkeypatch.setattr(kpi, "_computed", count_kpis)
        monkeypatch.setattr(simulate, "simulation_columns", count_bases)


def _entries(store: Any) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(KpiSnapshot)))


def _both(ctx: Any, day: date = DAY, owner: str | None = None) -> tuple[str, str]:
    return repr(kpis_of(ctx, day, owner)), repr(simulate.simulate(ctx, CUTOFFS, CASHBACK, day))


def _expected(ctx: Any, day: date = DAY, owner: str | None = None) -> tuple[str, str]:
    return repr(reference_kpis(ctx, day, owner)), repr(reference_simulation(ctx, CUTOFFS, CASHBACK, day))


@pytest.mark.parametrize("owner", [None, "kam2"])
def test_the_remembered_figures_equal_the_computed_ones_and_a_server_remembers_nothing(
        rich: Any, owner: str | None, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    ctx = as_(rich, "admin", TODAY)
    laptop = rich.engine.dialect.name == "sqlite"
    for day in (DAY, date(2026, 2, 14), date(2026, 3, 1)):
        expected = _expected(ctx, day, owner)
        counted = Counted(monkeypatch)
        assert _both(ctx, day, owner) == expected  # computed (and remembered on a laptop)
        assert _both(ctx, day, owner) == expected  # remembered on a laptop, computed again on a server
        assert (counted.kpis, counted.bases) == ((1, 1) if laptop else (2, 2)), day
        monkeypatch.undo()
    assert _entries(rich) == (6 if laptop else 0)


def _rate(ctx: Any, folder: Path) -> None:
    set_rate(ctx, "EUR", "4.4444", date(2025, 12, 31))


def _import(ctx: Any, folder: Path) -> None:
    csv = folder / "late.csv"
    csv.write_text(f"{HEADER}\nSNAP/1,1,2025-12-30,P1,HW,1,1234.56,100.00,PLN\n", encoding="utf-8")
    report = run_import(ctx, csv, "invoices")
    assert report.ok, report.error_lines()


def _grades(ctx: Any, folder: Path) -> None:
    grade_portfolio(ctx, date(2026, 3, 31), apply=True)  # the grades in force at the end of March


def _slot(ctx: Any, folder: Path) -> None:
    save_slot(ctx, "E2", "HW", total_units=Decimal(7), total_money=Decimal("66000.00"), source="survey",
              collected_on=date(2025, 12, 1), confidence=Decimal("0.5"))


def _ledger(ctx: Any, folder: Path) -> None:
    close_quarter(as_(ctx.store, "money", TODAY), "2026Q1")  # books rewards: the KPIs' reward costs


@LAPTOP
@pytest.mark.parametrize("change", [_rate, _import, _grades, _slot, _ledger],
                         ids=["fx rate", "invoice import", "grades applied", "survey slot", "ledger"])
def test_a_change_through_the_services_makes_the_next_call_compute_again(
        rich: Any, tmp_path: Path, change: Callable[[Any, Path], None],  # noqa: F811
        monkeypatch: pytest.MonkeyPatch) -> None:
    ctx = as_(rich, "admin", TODAY)
    days = (DAY, date(2026, 3, 31))
    for day in days:
        _both(ctx, day)
    counted = Counted(monkeypatch)
    change(ctx, tmp_path)
    for day in days:
        assert _both(ctx, day) == _expected(ctx, day), day
    assert (counted.kpis, counted.bases) == (2, 2)
    assert _entries(rich) == 4  # the figures after the change; those of before are gone


@LAPTOP
def test_every_table_the_figures_read_counts_its_changes(rich: Any) -> None:  # noqa: F811
    """SQLite's authorizer lists every table the KPIs (whole program, one portfolio, month end and mid-month) and the
    simulator read; each must have the triggers that count its changes, or be one of the sales' tables whose writer
    (store/rollup.py) counts them."""
    read: set[str] = set()

    def authorize(action: int, table: str | None, *_: object) -> int:
        if action == sqlite3.SQLITE_READ and table:
            read.add(table)
        return sqlite3.SQLITE_OK

    ctx = as_(rich, "admin", TODAY)
    with rich.engine.connect() as connection:
        raw = connection.connection.driver_connection
        counted = {t for (t,) in connection.execute(text(
            "SELECT tbl_name FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%data_generation%'"))}
        # the pool hands this very connection to the services below
        raw.set_authorizer(authorize)
        try:
            for day in (DAY, date(2026, 2, 14)):
                kpi._computed(_session(connection), day, None)
                kpi._computed(_session(connection), day, "kam2")
                simulate._bases(ctx, _session(connection), day, 12)
        finally:
            raw.set_authorizer(None)
            connection.rollback()
    assert {"ledger_entries", "potential_slots", "sales_rollup", "invoice_lines", "fx_rates"} <= read  # it saw them
    by_writer = {"invoice_lines", "sales_months", "sales_rollup"}
    own = {"data_generation", "kpi_snapshots", "kpi_month_rates", "sqlite_temp_master", "sqlite_master"}
    assert read - by_writer - own <= counted, sorted(read - by_writer - own - counted)
    for table in sorted(counted):  # and each trigger counts
        with rich.engine.begin() as connection:
            before = connection.scalar(text("SELECT generation FROM data_generation"))
            changed = connection.execute(text(f"UPDATE {table} SET rowid = rowid WHERE rowid = "
                                              f"(SELECT min(rowid) FROM {table})")).rowcount
            after = connection.scalar(text("SELECT generation FROM data_generation"))
            connection.rollback()
        assert not changed or after > before, table


def _session(connection: Any) -> Any:
    from sqlalchemy.orm import Session

    return Session(bind=connection)


@LAPTOP
def test_another_day_scope_or_person_is_not_served_a_wrong_entry(rich: Any) -> None:  # noqa: F811
    director = as_(rich, "admin", TODAY)
    program = program_kpis(director, DAY)
    assert repr(program_kpis(director, DAY)) == repr(reference_kpis(director, DAY, None))
    for day in (date(2026, 1, 1), date(2025, 12, 30)):
        assert repr(program_kpis(director, day)) == repr(reference_kpis(director, day, None))
    assert repr(portfolio_kpis(director, DAY, "kam2")) == repr(reference_kpis(director, DAY, "kam2"))
    kam1 = as_(rich, "kam1", TODAY)
    mine = portfolio_kpis(kam1, DAY, None)  # a KAM gets their own portfolio, not kam2's nor the program's entry
    assert repr(mine) == repr(reference_kpis(director, DAY, "kam1")) != repr(program)
    with pytest.raises(NotPermittedError):  # the check comes before any entry is read
        program_kpis(kam1, DAY)
    with pytest.raises(NotPermittedError):
        portfolio_kpis(kam1, DAY, "kam2")
    with pytest.raises(NotPermittedError):
        simulate.simulate(kam1, CUTOFFS, CASHBACK, DAY)


@LAPTOP
def test_a_damaged_or_unknown_entry_or_another_build_computes_again(
        rich: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    ctx = as_(rich, "admin", TODAY)
    expected = _expected(ctx)
    _both(ctx)
    for damage in ("not json", '{"$":"obj","c":"builtins.object","f":{}}', '{"$":"d","v":"1.5"}', '[1.5]',
                   '{"$":"obj","c":"kam_desktop.services.reports.kpi.ProgramKpis","f":{"as_of":null}}'):
        with rich.engine.begin() as connection:
            connection.execute(text("UPDATE kpi_snapshots SET value = :v"), {"v": damage})
        counted = Counted(monkeypatch)
        assert _both(ctx) == expected, damage
        assert (counted.kpis, counted.bases) == (1, 1), damage
        monkeypatch.undo()
    monkeypatch.setattr(kpi_snapshot, "VERSION", "another build")
    counted = Counted(monkeypatch)
    assert _both(ctx) == expected
    assert (counted.kpis, counted.bases) == (1, 1)


@LAPTOP
def test_figures_read_before_a_change_are_never_kept(rich: Any, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    ctx = as_(rich, "admin", TODAY)
    computed = kpi._computed

    def changed_meanwhile(*args: Any) -> Any:
        kpis = computed(*args)
        set_rate(ctx, "EUR", "4.1234", date(2025, 12, 31))  # committed while the figures were being made
        return kpis

    monkeypatch.setattr(kpi, "_computed", changed_meanwhile)
    stale = kpis_of(ctx, DAY, None)
    monkeypatch.undo()
    assert _entries(rich) == 0
    assert repr(kpis_of(ctx, DAY, None)) == repr(reference_kpis(ctx, DAY, None)) != repr(stale)


def test_the_format_keeps_every_value_exactly() -> None:
    from kam_desktop.domain import kpi as dk
    from kam_desktop.domain.messages import Message
    from kam_desktop.domain.periods import Quarter
    from kam_desktop.domain.vocabulary import Grade

    value = (dk.CohortRow(Quarter(2025, 1), 3, (Decimal("0.50"), None, Decimal("1E+2"))),
             [Decimal("-0"), Decimal("0.00"), None, "", True, 0, date(999, 1, 2)],
             {Grade.L1: Message.of("{n} of {m}", n=Decimal("1.10"), m=Message.of("x")), 3: ()},
             dk.IncrementMethod(next(iter(dk.IncrementMethod)).value), [None, None], ("a", None, "ż"), ["x", 1],
             (0, -1, 10**30), [7, True])
    classes = (dk.CohortRow, Quarter, Grade, Message, dk.IncrementMethod)
    assert repr(kpi_snapshot.decode(kpi_snapshot.encode(value), classes)) == repr(value)
    for unkept in (1.5, {1}, date.today, object()):
        with pytest.raises(TypeError):
            kpi_snapshot.encode([unkept])
    with pytest.raises(ValueError):  # a class the reader does not allow
        kpi_snapshot.decode(kpi_snapshot.encode(Quarter(2025, 1)), ())
    with pytest.raises(ValueError):  # a damaged column of text
        kpi_snapshot.decode('{"$":"ss","t":true,"v":["a",{"$":"d","v":"1"}]}', ())
    with pytest.raises(ValueError):  # a damaged column of whole numbers
        kpi_snapshot.decode('{"$":"is","t":true,"v":[1,"2"]}', ())
