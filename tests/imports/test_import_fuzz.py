"""Fuzzing the importers from the sample files: any mutation is read or refused cleanly, and never staged half.

The normal suite runs a short budget; KAM_FUZZ_EXAMPLES=20000 runs the long one (docs/imports-hostile.md).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_builders import SAMPLES, workbook

from kam_desktop.imports.importer import import_file
from kam_desktop.imports.staged import ImportResult, KnownData

EXAMPLES = int(os.environ.get("KAM_FUZZ_EXAMPLES", "60"))
SEEDS = [("accounts.csv", "accounts"), ("contacts.csv", "contacts"), ("invoices.csv", "invoices"),
         ("invoices_pl_cp1250.csv", "invoices"), ("invoices_ru_cp1251.csv", "invoices"),
         ("opening-balances.csv", "opening-balances"), ("potential.csv", "potential")]
KNOWN = KnownData(accounts={"PL-0001": "PLN", "PL-0002": "PLN", "PL-0003": "PLN", "RU-0001": "RUB",
                            "EU-0001": "EUR"},
                  owner_logins=frozenset({"anowak", "ipetrov"}), categories=frozenset({"Cables"}),
                  today=date(2026, 3, 1))
HOSTILE = [b"\x00", b"\x1b[2J", b"\xff", b"\xe2\x80\x8b", b'"', b";", b",", b"\n", b"\r", b"9" * 20, b"1e999",
           b"2099-01-01", b"\xd0\xb0", b"=cmd|' /C calc'!A0", b"\xef\xbb\xbf"]


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Apply (position, how many bytes to drop, bytes to insert) edits, positions taken modulo the length."""
    out = bytearray(data)
    for position, drop, insert in edits:
        at = position % (len(out) + 1)
        out[at:at + drop] = insert
    return bytes(out)


def check(result: ImportResult) -> None:
    """Clean: refused with every issue located in the file and nothing staged, or read with no issue."""
    if result.errors:
        assert len(result.staged) == 0
        for issue in result.errors:
            assert issue.file and issue.message
            assert "\x1b" not in issue.message and "\x00" not in issue.message
    else:
        assert len(result.staged) == result.rows_read


edit = st.tuples(st.integers(0, 10_000), st.integers(0, 8),
                 st.one_of(st.sampled_from(HOSTILE), st.binary(max_size=12)))


@pytest.mark.parametrize(("name", "fmt"), SEEDS)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(edit, min_size=1, max_size=6))
def test_mutated_csv_is_read_or_refused_cleanly(name: str, fmt: str, edits: list[tuple[int, int, bytes]]) -> None:
    data = mutate((SAMPLES / name).read_bytes(), edits)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        check(import_file(path, fmt, KNOWN))


def _seed_workbook() -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        lines = (SAMPLES / "invoices.csv").read_text(encoding="utf-8").splitlines()
        rows = [line.split(",") for line in lines]
        return workbook(Path(tmp) / "seed.xlsx", rows).read_bytes()


SEED_XLSX = _seed_workbook()


@settings(max_examples=EXAMPLES, deadline=None)
@given(member=st.integers(0, 50), edits=st.lists(edit, min_size=1, max_size=4), whole=st.booleans())
def test_mutated_xlsx_is_read_or_refused_cleanly(member: int, edits: list[tuple[int, int, bytes]], whole: bool) -> None:
    if whole:  # damage the container itself
        data = mutate(SEED_XLSX, edits)
    else:  # damage one part's XML and zip it again (CRCs right, content hostile)
        source = zipfile.ZipFile(io.BytesIO(SEED_XLSX))
        infos = source.infolist()
        target = infos[member % len(infos)].filename
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
            for info in infos:
                part = source.read(info)
                out.writestr(info.filename, mutate(part, edits) if info.filename == target else part)
        data = buffer.getvalue()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.xlsx"
        path.write_bytes(data)
        check(import_file(path, "invoices", KNOWN))
