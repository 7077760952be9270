"""All or nothing, on real SQLite and PostgreSQL: bad files, database failures and cancels leave no trace."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from apply_builders import TODAY, audits, count, csv_file, seed, snapshot, unchanged
from import_builders import INVOICE_HEADER
from test_import_bad_files import CASES

from kam_desktop.services.imports import lines as il
from kam_desktop.services.imports.files import ImportCancelled, ImportProgress, run_import
from kam_desktop.store.store import Store


@pytest.fixture
def store(any_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    monkeypatch.setenv("KAM_TODAY", TODAY)  # the corpus's future-date case is about 2026-03-01
    seed(any_store)
    return any_store


def _lines(n: int, prefix: str = "FV", day: str = "2026-02-05") -> list[str]:
    return [f"{prefix}/{i // 3},{i % 3 + 1},{day},PL-0001,Cables,{i + 1},{i + 1}.50,0.25,PLN" for i in range(n)]


def test_every_bad_file_of_the_corpus_leaves_the_store_unchanged(store: Store, tmp_path: Path) -> None:
    for i, case in enumerate(CASES):
        folder = tmp_path / f"case{i}"
        folder.mkdir()
        path = case.build(folder)
        before = snapshot(store)
        refused = len(audits(store, "import.refused"))
        report = run_import(store, path, case.format, actor="tester", options=case.options)
        assert not report.ok and not report.applied, case.name
        assert snapshot(store) == before, case.name
        assert len(audits(store, "import.refused")) == refused + 1, case.name
    assert audits(store, "import.apply") == []


def test_a_unique_violation_mid_insert_rolls_everything_back(store: Store, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # A line the comparison cannot see (as if another writer committed it between check and insert),
    # placed so that it fails a later batch after earlier ones, and a new category, were written.
    path = csv_file(tmp_path / "lines.csv", INVOICE_HEADER, *_lines(30),
                    "LATE/1,1,2026-02-05,PL-0002,Brand new,1,1.00,0.10,PLN")
    first = run_import(store, csv_file(tmp_path / "one.csv", INVOICE_HEADER,
                                       "LATE/1,1,2026-02-05,PL-0002,Cables,1,1.00,0.10,PLN"), "invoices", actor="t")
    assert first.ok
    monkeypatch.setattr(il, "BATCH_ROWS", 7)
    monkeypatch.setattr(il, "_stored_lines", lambda session, numbers: [])
    ticks: list[int] = []
    with unchanged(store):
        report = run_import(store, path, "invoices", actor="t",
                            progress=lambda p: ticks.append(p.done) if p.phase == "applying" else None)
    assert not report.ok
    assert "the database refused the import" in report.errors[0].message
    assert "nothing was written" in report.errors[0].message
    assert max(ticks) >= 28  # four batches went in before the fifth failed
    assert count(store, "invoice_lines") == 1
    assert len(audits(store, "import.refused")) == 1


def test_a_category_code_taken_by_another_name_fails_in_the_database_and_rolls_back(
        store: Store, tmp_path: Path) -> None:
    from kam_desktop.services.imports.apply import category_code
    from kam_desktop.store.models import ProductCategory

    long_name = "Przewody i kable energetyczne niskiego napięcia"  # 47 characters: code is shortened
    with store.unit_of_work("t") as uow:
        uow.session.add(ProductCategory(code=category_code(long_name), name="Something else"))
        uow.commit()
    path = csv_file(tmp_path / "x.csv", "account_code,category,total_units,total_value,source,collected_on,confidence",
                    "PL-0001,Cables,10,100.00,survey,2026-01-10,0.5",
                    f"PL-0002,{long_name},10,100.00,survey,2026-01-10,0.5")
    with unchanged(store):
        report = run_import(store, path, "potential", actor="t")
    assert not report.ok and "the database refused the import" in report.errors[0].message


def test_cancel_while_applying_writes_nothing(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(il, "BATCH_ROWS", 10)
    path = csv_file(tmp_path / "lines.csv", INVOICE_HEADER, *_lines(60), "N/1,1,2026-02-05,PL-0001,New one,1,1,0,PLN")
    stop = threading.Event()
    seen: list[ImportProgress] = []

    def progress(p: ImportProgress) -> None:
        seen.append(p)
        if p.phase == "applying" and p.done >= 20:
            stop.set()

    with unchanged(store), pytest.raises(ImportCancelled):
        run_import(store, path, "invoices", actor="t", progress=progress, cancel=stop)
    assert [p.phase for p in seen][0] == "reading" and seen[-1].phase == "applying"
    assert audits(store, "import.apply") == [] and audits(store, "import.refused") == []


def test_cancel_while_reading_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "lines.csv", INVOICE_HEADER, *_lines(50))
    with unchanged(store), pytest.raises(ImportCancelled):
        run_import(store, path, "invoices", actor="t", cancel=lambda: True)


def test_a_changed_line_is_an_error_and_nothing_of_the_file_is_written(store: Store, tmp_path: Path) -> None:
    assert run_import(store, csv_file(tmp_path / "jan.csv", INVOICE_HEADER, *_lines(6)), "invoices", actor="t").ok
    edited = _lines(9)
    edited[4] = edited[4].replace("5.50", "5.51")
    with unchanged(store):
        report = run_import(store, csv_file(tmp_path / "edited.csv", INVOICE_HEADER, *edited), "invoices", actor="t")
    assert [(e.row, e.column) for e in report.errors] == [(6, "invoice_no")]
    assert "FV/1 line 2 is already in the store with other values (net_amount 5.5 in the store, 5.51 here)" \
        in report.errors[0].message


def test_a_dry_run_writes_nothing_not_even_the_audit_log(store: Store, tmp_path: Path) -> None:
    path = csv_file(tmp_path / "lines.csv", INVOICE_HEADER, *_lines(5), "N/1,1,2026-02-05,PL-0001,Fresh,1,1,0,PLN")
    before = snapshot(store, skip=())
    report = run_import(store, path, "invoices", actor="t", dry_run=True)
    assert report.ok and not report.applied and report.dry_run
    assert report.counts == {"categories_created": 1, "invoice_lines_skipped": 0, "invoice_lines_inserted": 6}
    assert snapshot(store, skip=()) == before
