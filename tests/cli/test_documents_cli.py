"""kamctl document …: every command on a real SQLite file, as JSON and as one clear error line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from kam_desktop.cli.main import main
from kam_desktop.store.store import Store

# tests/cli is not a package; tests/documents is, imported by pytest as `documents` (tests/ on sys.path)
_TESTS = str(Path(__file__).parents[1])
if _TESTS not in sys.path:
    sys.path.insert(0, _TESTS)
from documents import world as _world  # noqa: E402


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip().startswith(("[", "{")) else out, err


@pytest.fixture
def db(sqlite_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("KAM_TODAY", _world.TODAY)
    store = Store.open(sqlite_path)
    _world.build(store)
    store.dispose()
    return str(sqlite_path)


def test_agreement_annex_sign_verify_list(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "agr.pdf"
    code, data, _ = run(capsys, "document", "agreement", "EN1", "--out", str(out), "--db", db, "--json")
    assert code == 0 and data["number"] == "AGR-2026-00001" and data["language"] == "en"
    assert out.read_bytes().startswith(b"%PDF") and not data["existing"]
    code, _, err = run(capsys, "document", "agreement", "EN1", "--lang", "pl", "--out", str(out), "--db", db)
    assert code == 2 and out.read_bytes().startswith(b"%PDF")  # an existing file is never silently replaced
    assert "is a file already; nothing was issued or written" in err and "--force" in err
    code, data, _ = run(capsys, "document", "list", "EN1", "--db", db, "--json")
    assert [r["number"] for r in data] == ["AGR-2026-00001"]  # and nothing was issued
    code, data, _ = run(capsys, "document", "agreement", "EN1", "--lang", "pl", "--out", str(out), "--db", db,
                        "--json", "--force")
    assert code == 0 and data["number"] == "AGR-2026-00002" and data["language"] == "pl"
    code, data, _ = run(capsys, "document", "annex", "EN1", "--out", str(tmp_path / "anx.pdf"), "--db", db, "--json")
    assert code == 0 and data["status"] == "issued" and data["agreement"] == "AGR-2026-00001"
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    code, data, _ = run(capsys, "document", "sign", data["number"], "--signatory", "Olivia Grant",
                        "--date", "2026-02-10", "--scan", str(scan), "--db", db, "--json")
    assert code == 0 and data["status"] == "signed" and data["scans"] == 1
    code, text, _ = run(capsys, "document", "verify", data["number"], "--db", db)
    assert code == 0 and "intact" in text and "scan" in text
    code, rows, _ = run(capsys, "document", "list", "EN1", "--db", db, "--json")
    assert [(r["number"], r["status"]) for r in rows] == [
        ("AGR-2026-00001", "issued"), ("AGR-2026-00002", "issued"), ("ANX-2026-00001", "signed")]
    code, text, _ = run(capsys, "document", "list", "EN1", "--db", db)
    assert code == 0 and "ANX-2026-00001" in text and "signed" in text


def test_draft_annex_cannot_be_signed_and_reissue_makes_v2(db: str, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "document", "agreement", "PL1", "--out", str(tmp_path / "a.pdf"), "--db", db)
    code, text, _ = run(capsys, "document", "annex", "PL1", "--out", str(tmp_path / "x.pdf"), "--db", db)
    assert code == 0 and "DRAFT" in text
    code, out, err = run(capsys, "document", "sign", "ANX-2026-00001", "--signatory", "X", "--date", "2026-02-10",
                         "--db", db)
    assert code == 1 and out == "" and err.count("\n") == 1 and "DRAFT" in err
    code, data, _ = run(capsys, "document", "reissue", "ANX-2026-00001", "--out", str(tmp_path / "v2.pdf"),
                        "--db", db, "--json")
    assert code == 0 and data["version"] == 2 and data["supersedes"] == "ANX-2026-00001 v1"
    code, _, _ = run(capsys, "document", "pdf", "ANX-2026-00001", "--version", "1", "--out",
                     str(tmp_path / "v1.pdf"), "--db", db)
    assert code == 0 and (tmp_path / "v1.pdf").read_bytes() == (tmp_path / "x.pdf").read_bytes()


def test_statement_and_statements(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, _ = run(capsys, "document", "statement", "RU1", "--quarter", "2025Q4", "--out",
                        str(tmp_path / "s.pdf"), "--db", db, "--json")
    assert code == 0 and data["period"] == "2025Q4" and data["language"] == "ru"
    folder = tmp_path / "out"
    code, data, _ = run(capsys, "document", "statements", "--quarter", "2025Q4", "--out-dir", str(folder),
                        "--owner", "kasia", "--db", db, "--json")
    assert code == 0 and (data["issued"], data["existing"], data["failures"]) == (2, 1, [])
    assert len(list(folder.glob("*.pdf"))) == 3
    code, text, _ = run(capsys, "document", "statements", "--quarter", "2025Q4", "--out-dir", str(folder),
                        "--db", db)
    assert code == 0 and "7 issued, 3 already issued" in text


def test_verify_fails_on_tampered_bytes(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    run(capsys, "document", "agreement", "RU1", "--out", str(tmp_path / "a.pdf"), "--db", db)
    with sqlite3.connect(db) as con:
        con.execute("UPDATE document_files SET content = CAST(content || X'0A' AS BLOB)")
    code, data, _ = run(capsys, "document", "verify", "AGR-2026-00001", "--db", db, "--json")
    assert code == 1 and data["ok"] is False


def test_verify_all_finds_a_document_whose_bytes_and_stored_hashes_were_replaced_together(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 16: new bytes with their own hashes written into the document and its file passed `verify`; the
    SHA-256 the audit chain recorded at issue does not change with them."""
    import hashlib
    import sqlite3

    for code in ("PL1", "RU1", "EN1"):
        run(capsys, "document", "agreement", code, "--out", str(tmp_path / f"{code}.pdf"), "--db", db)
    assert run(capsys, "document", "verify", "--all", "--db", db)[:2] == (0, "3 documents verified: all intact\n")
    forged = b"%PDF-1.4 forged"
    digest = hashlib.sha256(forged).hexdigest()
    with sqlite3.connect(db) as con:
        doc_id = con.execute("SELECT id FROM documents WHERE number = 'AGR-2026-00002'").fetchone()[0]
        con.execute("UPDATE document_files SET content = ?, sha256 = ?, size = ? WHERE document_id = ?",
                    (forged, digest, len(forged), doc_id))
        con.execute("UPDATE documents SET sha256 = ? WHERE id = ?", (digest, doc_id))
    code, text, _ = run(capsys, "document", "verify", "--all", "--db", db)
    assert code == 1
    assert text.splitlines() == ["AGR-2026-00002 v1 (RU1): DOES NOT MATCH what was issued",
                                 "3 documents verified: not matching: 1"]
    code, text, _ = run(capsys, "document", "verify", "AGR-2026-00002", "--db", db)
    assert code == 1 and "the audit chain recorded" in text
    code, _, err = run(capsys, "document", "verify", "--db", db)
    assert code != 0 and "name a document number, or give --all" in err


@pytest.mark.parametrize(("argv", "message"), [
    (("document", "agreement", "NOPE", "--out", "x.pdf"), "no account with code 'NOPE'"),
    (("document", "statement", "PL1", "--quarter", "2026Q5", "--out", "x.pdf"), "not a quarter"),
    (("document", "statement", "PL1", "--quarter", "2026Q1", "--out", "x.pdf"), "not over yet"),
    (("document", "annex", "PL1", "--out", "x.pdf"), "no participation agreement"),
    (("document", "verify", "ANX-2026-00099"), "no document 'ANX-2026-00099'"),
    (("document", "sign", "AGR-2026-00001", "--signatory", "X", "--date", "2026-02-10", "--scan", "x.docx"),
     "PDF, JPG or PNG"),
    (("document", "statements", "--quarter", "2025Q4", "--out-dir", "o", "--owner", "ghost"), "no person"),
])
def test_errors_are_one_clear_line(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                   monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv, "--db", db)
    assert code == 1 and out == "" and err.startswith("kamctl: error: ") and err.count("\n") == 1
    assert message in err


def test_a_bad_date_is_a_usage_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["document", "sign", "AGR-2026-00001", "--signatory", "X", "--date", "31.03.2026", "--db", db])
    assert exit_info.value.code == 2 and "write it like 2026-03-31" in capsys.readouterr().err
