"""The corpus of bad files: every one gives a clear error naming row and column, and stages nothing."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from import_builders import BILLION_LAUGHS, INVOICE_HEADER, rewrite, sheet_xml, workbook

from kam_desktop.imports.options import ReadOptions
from kam_desktop.imports.staged import ImportResult
from kam_desktop.imports.xlsx_safety import XlsxLimits

PL_HEADER = "Nr faktury;Lp;Data wystawienia;Kod kontrahenta;Kategoria;Ilość;Wartość netto;Marża;Waluta"
PL_ROW = "FV/1/2026;1;05.02.2026;PL-0001;Kable;10;1 234,56;200,00;PLN"
GOOD = "FV/1,1,2026-02-05,PL-0001,Cables,10,100.00,20.00,PLN"


def lines(*rows: str, header: str = INVOICE_HEADER) -> str:
    return "\n".join((header, *rows)) + "\n"


@dataclass(frozen=True)
class Case:
    """A bad file: how to build it, which format to read it as, and the errors it must give."""

    name: str
    build: Callable[[Path], Path]
    expect: tuple[tuple[int | None, str | None, str], ...]  # (row, column, words in the message)
    format: str = "invoices"
    options: ReadOptions = ReadOptions()
    kwargs: dict[str, object] = field(default_factory=dict)


def text(content: str, name: str = "bad.csv", encoding: str = "utf-8") -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(content.encode(encoding))
        return path
    return build


def raw(content: bytes, name: str = "bad.csv") -> Callable[[Path], Path]:
    def build(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(content)
        return path
    return build


def mixed_encodings(tmp: Path) -> Path:
    # UTF-8 head and tail beyond the sniffer's sample, one Windows-1250 row in the middle
    body = [GOOD.replace("FV/1", f"FV/{i}") for i in range(16000)]
    body[8000] = "FV/x,1,2026-02-05,PL-0001,Złącza,1,1.00,0.10,PLN"
    path = tmp / "mixed.csv"
    path.write_bytes(lines(*body).encode("cp1250"))
    return path


def long_line(tmp: Path) -> Path:
    path = tmp / "long.csv"
    path.write_bytes(b"x" * 400_000)
    return path


def xlsx(rows: list[list[object]]) -> Callable[[Path], Path]:
    return lambda tmp: workbook(tmp / "book.xlsx", rows)


def zip_bomb(tmp: Path) -> Path:
    path = workbook(tmp / "bomb.xlsx", [INVOICE_HEADER.split(",")])
    return rewrite(path, {"xl/worksheets/sheet1.xml": sheet_xml(path) + b" " * (8 << 20)})


def entity_bomb(tmp: Path) -> Path:
    path = workbook(tmp / "lol.xlsx", [INVOICE_HEADER.split(",")])
    return rewrite(path, {"xl/worksheets/sheet1.xml": BILLION_LAUGHS.encode() + sheet_xml(path)})


def external_entity(tmp: Path) -> Path:
    path = workbook(tmp / "xxe.xlsx", [INVOICE_HEADER.split(",")])
    doctype = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    return rewrite(path, {}, extra={"xl/sharedStrings.xml": doctype + b"<sst>&e;</sst>"})


def utf16_part(tmp: Path) -> Path:
    path = workbook(tmp / "u16.xlsx", [INVOICE_HEADER.split(",")])
    return rewrite(path, {"xl/workbook.xml": '<?xml version="1.0"?><workbook/>'.encode("utf-16")})


def plain_zip(tmp: Path) -> Path:
    import zipfile

    path = tmp / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("holiday.txt", "not a workbook")
    return path


def xlsx_with_formula(tmp: Path) -> Path:
    rows: list[list[object]] = [INVOICE_HEADER.split(","),
                                ["FV/1", 1, "2026-02-05", "PL-0001", "Cables", 10, "=5*20", 20, "PLN"]]
    return workbook(tmp / "formula.xlsx", rows)


def xlsx_empty(tmp: Path) -> Path:
    return workbook(tmp / "empty.xlsx", [])


def garbage(tmp: Path) -> Path:
    path = tmp / "garbage.csv"
    path.write_bytes(random.Random(4).randbytes(5000))
    return path


A = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"
P = "account_code,category,total_units,total_value,source,collected_on,confidence"
C = "account_code,name,role,email,phone,language"
OB = "account_code,points,cashback,expires_on,note"

CASES = [
    Case("empty file", raw(b""), ((None, None, "empty"),)),
    Case("blank lines only", text("\n\n\n"), ((None, None, "only blank lines"),)),
    Case("blank first row", text("\n" + lines(GOOD)), ((None, None, "row 1 is empty"),)),
    Case("header only", text(INVOICE_HEADER + "\n"), ((None, None, "no data rows"),)),
    Case("header and blank lines", text(INVOICE_HEADER + "\n\n \n"), ((None, None, "no data rows"),)),
    Case("binary garbage", garbage, ((None, None, "not a text file"),)),
    Case("png renamed", raw(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "pic.csv"),
         ((None, None, "not a text file"),)),
    Case("cp1250 read as utf-8", text(PL_HEADER + "\n" + PL_ROW + "\n", encoding="cp1250"),
         ((None, None, "not valid utf-8"),), options=ReadOptions(encoding="utf-8")),
    Case("cp1251 read as cp1250", text("Номер счета;№ строки;Дата;Код контрагента;Категория;Количество;"
                                       "Сумма без НДС;Маржа;Валюта\n", encoding="cp1251"),
         ((None, None, "missing required column 'invoice_no'"),), options=ReadOptions(encoding="cp1250")),
    Case("utf-8 read as cp1251", text(PL_HEADER + "\n" + PL_ROW + "\n"),
         ((None, None, "missing required column 'quantity'"),), options=ReadOptions(encoding="cp1251")),
    Case("mixed encodings mid-file", mixed_encodings, ((8002, None, "mixes encodings"),)),
    Case("undecidable code page", raw(b"a;b\n1;\xa7\xb0\xb1\n"), ((None, None, "choose the encoding"),)),
    Case("unbalanced quote", text(lines(GOOD, 'FV/2,1,2026-02-05,PL-0001,"Cables,1,1.00,0.10,PLN')),
         ((3, None, "never closed"),)),
    Case("truncated last row", text(INVOICE_HEADER + "\n" + GOOD + "\nFV/2,1,2026-02-05,PL-00"),
         ((3, None, "looks truncated"), (3, "quantity", "missing value"))),
    Case("wrong delimiter chosen", text(PL_HEADER + "\n" + PL_ROW + "\n"),
         ((None, None, "looks semicolon-separated"),), options=ReadOptions(delimiter=",")),
    Case("one column only", text("just some notes\nand more notes\n"), ((None, None, "only one column"),)),
    Case("too many values", text(lines(GOOD, GOOD.replace("FV/1", "FV/2") + ",extra")),
         ((3, None, "has 10 values but the header has 9"),)),
    Case("missing required column", text("invoice_no,line_no,invoice_date,account_code,category,quantity,"
                                         "margin_amount,currency\nFV/1,1,2026-02-05,PL-0001,Cables,1,1,PLN\n"),
         ((None, None, "missing required column 'net_amount' (or a synonym); found: 'invoice_no'"),)),
    Case("two columns for one", text(lines(GOOD + ",2026-02-05", header=INVOICE_HEADER.replace(
        "invoice_date", "Data") + ",Data wystawienia")), ((None, None, "all look like 'invoice_date'"),)),
    Case("impossible date", text(lines(GOOD.replace("2026-02-05", "2026-02-30"))),
         ((2, "invoice_date", "'2026-02-30' is not a date"),)),
    Case("date in words", text(PL_HEADER + "\n" + PL_ROW + "\n" + PL_ROW.replace("05.02.2026", "wczoraj")
                               .replace(";1;", ";2;") + "\n"),
         ((3, "Data wystawienia", "'wczoraj' is not a date; expected day.month.year"),)),
    Case("two-digit year", text(PL_HEADER + "\n" + PL_ROW + "\n" + PL_ROW.replace("05.02.2026", "06.02.26")
                                .replace(";1;", ";2;") + "\n"),
         ((3, "Data wystawienia", "'06.02.26' is not a date"),)),
    Case("not a number", text(lines(GOOD.replace("10,100.00", "ten,100.00"))),
         ((2, "quantity", "'ten' is not a number"),)),
    Case("decimal comma with comma delimiter", text(lines(GOOD.replace("100.00", '"100,5,0"'))),
         ((2, "net_amount", "'100,5,0' is not a number"),)),
    Case("amount with fractions of a cent", text(lines(GOOD.replace("100.00", "100.005"))),
         ((2, "net_amount", "at most 2 decimal places"),)),
    Case("amount too large for the store", text(lines(GOOD.replace("100.00,20.00", "1234567890123456.00,20.00"))),
         ((2, "net_amount", "'1234567890123456.00' is not a number"),)),
    Case("line number not whole", text(lines(GOOD.replace("FV/1,1,", "FV/1,1.5,"))),
         ((2, "line_no", "not a whole number above 0"),)),
    Case("duplicate key", text(lines(GOOD, GOOD.replace("Cables", "Other"))),
         ((3, "invoice_no+line_no", "duplicate key FV/1 + 1: already in row 2"),)),
    Case("unknown account", text(lines(GOOD.replace("PL-0001", "PL-9999"))),
         ((2, "account_code", "unknown account 'PL-9999'"),)),
    Case("account code in wrong case", text(lines(GOOD.replace("PL-0001", "pl-0001"))),
         ((2, "account_code", "did you mean 'PL-0001'"),)),
    Case("currency mismatch", text(lines(GOOD.replace("PLN", "EUR"))),
         ((2, "currency", "currency EUR does not match account PL-0001's currency PLN"),)),
    Case("not a currency", text(lines(GOOD.replace("PLN", "zloty"))),
         ((2, "currency", "not a currency code"),)),
    Case("wrong sign", text(lines(GOOD.replace("100.00,20.00", "-100.00,-20.00"))),
         ((2, "quantity", "quantity 10 and net_amount -100.00 have different signs"),)),
    Case("margin beyond net", text(lines(GOOD.replace("100.00,20.00", "100.00,120.00"))),
         ((2, "margin_amount", "margin_amount 120.00 is beyond net_amount 100.00"),)),
    Case("missing value", text(lines(GOOD.replace("PL-0001", ""))),
         ((2, "account_code", "missing value"),)),
    Case("invoice lines disagree", text(lines(GOOD, GOOD.replace("FV/1,1,", "FV/1,2,").replace(
        "PL-0001", "PL-0002"))), ((3, "account_code", "all lines of an invoice share account_code"),)),
    Case("formula in a number column", text(lines(GOOD.replace("10,100.00", "=2+8,100.00"))),
         ((2, "quantity", "'=2+8' is not a number"),)),
    Case("very long line", long_line, ((None, None, "longer than 256 KB"),)),
    Case("very long value", text(lines(GOOD.replace("Cables", "C" * 5000))),
         ((2, "category", "5000 characters long"),)),
    Case("accounts: bad kind and language", text(A + "\nK1,Firma,1,vip,anowak,r,i,PLN,de\n"),
         ((2, "kind", "'vip' is not one of: customer, partner"), (2, "language", "'de' is not one of")),
         format="accounts"),
    Case("accounts: duplicate code", text(A + "\nK1,A,,customer,x,,,PLN,pl\nK1,B,,partner,x,,,PLN,pl\n"),
         ((3, "account_code", "duplicate key K1: already in row 2"),), format="accounts"),
    Case("accounts: currency change", text(A + "\nEU-0001,Nordic,,partner,jsmith,,,PLN,en\n"),
         ((2, "currency", "does not match account EU-0001's currency EUR"),), format="accounts"),
    Case("potential: bad values", text(P + "\nPL-0001,Cables,-5,100,guess,2026-01-10,1.5\n"),
         ((2, "total_units", "negative"), (2, "source", "'guess' is not one of"),
          (2, "confidence", "not a confidence between 0 and 1")), format="potential"),
    Case("potential: future date and duplicate", text(P + "\nPL-0001,Cables,5,100,survey,2026-01-10,0.5"
                                                          "\nPL-0001,cables,5,100,survey,2026-01-10,0.5"
                                                          "\nPL-0001,Cables,5,100,survey,2027-01-10,0.5\n"),
         ((4, "collected_on", "after today"),), format="potential"),
    Case("contacts: bad e-mail", text(C + "\nPL-0001,Anna,buyer,anna(at)example.pl,,pl\n"),
         ((2, "email", "not an e-mail address"),), format="contacts"),
    Case("opening balances: negative and empty", text(OB + "\nPL-0001,-5,10.00,,\nPL-0002,0,0,,\n"),
         ((2, "points", "negative"), (3, "points", "nothing to carry over")), format="opening-balances"),
    Case("xlsx: zip bomb", zip_bomb, ((None, None, "possible zip bomb"),)),
    Case("xlsx: billion laughs", entity_bomb, ((None, None, "declares a DTD or XML entities"),)),
    Case("xlsx: external entity", external_entity, ((None, None, "declares a DTD or XML entities"),)),
    Case("xlsx: utf-16 part", utf16_part, ((None, None, "is not UTF-8 XML"),)),
    Case("xlsx: a zip that is no workbook", plain_zip, ((None, None, "not an Excel workbook"),)),
    Case("xlsx: legacy xls", raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old.xls"),
         ((None, None, "legacy .xls"),)),
    Case("xlsx: text named .xlsx", text(lines(GOOD), name="fake.xlsx"), ((None, None, "not a zip container"),)),
    Case("xlsx: empty sheet", xlsx_empty, ((None, None, "sheet is empty"),)),
    Case("xlsx: formula cell", xlsx_with_formula, ((2, "net_amount", "holds a formula ('=5*20')"),)),
    Case("xlsx: bad date cell", xlsx([INVOICE_HEADER.split(","),
                                      ["FV/1", 1, "31/31/2026", "PL-0001", "Cables", 1, 1, 0.5, "PLN"]]),
         ((2, "invoice_date", "'31/31/2026' is not a date"),)),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_file_gives_clear_errors_and_stages_nothing(case: Case, tmp_path: Path,
                                                        run: Callable[..., ImportResult]) -> None:
    path = case.build(tmp_path)
    result = run(path, case.format, options=case.options, **case.kwargs)
    assert not result.ok
    assert len(result.staged) == 0
    shown = "\n".join(result.error_lines())
    for row, column, words in case.expect:
        assert any(i.row == row and i.column == column and words in i.message for i in result.errors), (
            f"expected {row}:{column}: …{words}… in\n{shown}")
    for issue in result.errors:
        assert str(issue).startswith(f"{path.name}:{'' if issue.row is None else issue.row}:")


def test_the_corpus_is_broad() -> None:
    assert len(CASES) >= 30


def test_every_bad_row_is_reported_not_only_the_first(tmp_path: Path, run: Callable[..., ImportResult]) -> None:
    rows = [GOOD.replace("FV/1", f"FV/{i}").replace("2026-02-05", "2026-02-31") for i in range(50)]
    result = run(text(lines(*rows))(tmp_path))
    assert [i.row for i in result.errors] == list(range(2, 52))


def test_shrunk_limits_refuse_a_large_honest_workbook(tmp_path: Path, run: Callable[..., ImportResult]) -> None:
    path = workbook(tmp_path / "big.xlsx", [INVOICE_HEADER.split(",")] + [[f"FV/{i}", 1] for i in range(3000)])
    result = run(path, limits=XlsxLimits(max_total_bytes=10_000))
    assert "possible zip bomb" in result.errors[0].message


def test_openpyxl_parses_with_defusedxml() -> None:
    import openpyxl
    from defusedxml import EntitiesForbidden
    from openpyxl.xml.functions import fromstring

    assert openpyxl.DEFUSEDXML is True
    with pytest.raises(EntitiesForbidden):
        fromstring(BILLION_LAUGHS + "<lolz>&lol3;</lolz>")
