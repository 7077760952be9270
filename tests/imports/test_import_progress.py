"""Large files: chunked reading reports progress, can be cancelled, and chunking changes no result."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from import_builders import INVOICE_HEADER

from kam_desktop.imports.errors import ImportCancelled
from kam_desktop.imports.options import Progress
from kam_desktop.imports.staged import ImportResult

ROWS = 200_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("big") / "big.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(INVOICE_HEADER + "\n")
        for i in range(ROWS):
            account = ("PL-0001", "PL-0002", "PL-0003")[(i // 4) % 3]
            fh.write(f"FV/{i // 4},{i % 4 + 1},2026-01-{(i // 4) % 28 + 1:02d},{account},Cables,"
                     f"{i % 50 + 1},{(i % 997) + 1}.{i % 100:02d},0.{i % 7}5,PLN\n")
    return path


def test_progress_is_reported_per_chunk_up_to_the_whole_file(big_csv: Path,
                                                            run: Callable[..., ImportResult]) -> None:
    seen: list[Progress] = []
    result = run(big_csv, progress=seen.append, chunk_rows=25_000)
    assert result.ok, result.error_lines()[:5]
    assert len(result.staged) == ROWS
    assert len(seen) == ROWS // 25_000 + 1  # the header row makes one more chunk
    assert [p.rows_done for p in seen] == sorted(p.rows_done for p in seen)
    assert seen[-1].bytes_done == seen[-1].bytes_total == big_csv.stat().st_size
    assert seen[0].fraction < 0.2 and seen[-1].fraction == 1.0


def test_an_event_cancels_and_nothing_is_returned(big_csv: Path, run: Callable[..., ImportResult]) -> None:
    stop = threading.Event()

    def progress(p: Progress) -> None:
        if p.rows_done >= 50_000:
            stop.set()

    with pytest.raises(ImportCancelled, match=r"cancelled after 50000 rows"):
        run(big_csv, progress=progress, cancel=stop, chunk_rows=25_000)


def test_a_callable_cancels_too(big_csv: Path, run: Callable[..., ImportResult]) -> None:
    calls = iter(range(1000))
    with pytest.raises(ImportCancelled):
        run(big_csv, cancel=lambda: next(calls) >= 2, chunk_rows=25_000)


def test_chunk_size_changes_no_error_and_no_row_number(write: Callable[..., Path],
                                                       run: Callable[..., ImportResult]) -> None:
    good = "FV/{n},{line},2026-02-05,PL-0001,Cables,1,10.00,1.00,PLN"
    rows = [good.format(n=i // 2, line=i % 2 + 1) for i in range(40)]
    rows[17] = rows[3]  # a duplicate far from its first
    rows[25] = rows[25].replace("PL-0001", "PL-0002")  # an invoice whose lines disagree across chunks
    rows[30] = rows[30].replace("10.00", "1O.00")
    path = write("x.csv", INVOICE_HEADER + "\n" + "\n".join(rows) + "\n")
    whole = run(path).error_lines()
    assert whole == run(path, chunk_rows=3).error_lines() == run(path, chunk_rows=1).error_lines()
    assert [line.split(":")[1] for line in whole] == ["19", "27", "32"]


def test_staged_rows_offer_tuples_for_bulk_inserts(big_csv: Path, run: Callable[..., ImportResult]) -> None:
    staged = run(big_csv).staged
    first = next(staged.tuples())
    assert staged.fields[:3] == ("invoice_no", "line_no", "invoice_date")
    assert first == tuple(getattr(next(iter(staged)), name) for name in staged.fields)
