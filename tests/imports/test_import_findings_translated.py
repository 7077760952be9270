"""Import findings in the reader's language (issue 13): each kind of bad row reads in Polish and in Russian, at its
row and column, while `str(issue)` stays the English FILE:ROW:COLUMN: text logs, tests and --json read."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Writer
from import_builders import INVOICE_HEADER

from kam_desktop.i18n import translated
from kam_desktop.imports.errors import ImportFileError, ImportIssue
from kam_desktop.imports.importer import import_file
from kam_desktop.imports.options import ReadOptions
from kam_desktop.imports.sniffing import sniff_file
from kam_desktop.imports.staged import KnownData

GOOD = "FV/1,1,2026-02-05,PL-0001,Cables,10,100.00,20.00,PLN"

# (row, column, the English words, the Polish words, the Russian words) of each finding
ROW_FINDINGS = [
    (2, "invoice_date", "2099-02-05 is outside 1990-01-01..2036-03-01; check the year",
     "data 5 lut 2099 wykracza poza zakres od 1 sty 1990 do 1 mar 2036; sprawdź rok",
     "дата 5 февр. 2099\u202fг. вне диапазона с 1 янв. 1990\u202fг. по 1 мар. 2036\u202fг.; проверьте год"),
    (3, "quantity", "'ten' is not a number; write it like 1234.56 (decimal mark '.', or change it in the preview)",
     "„ten” nie jest liczbą; zapisz ją jak 1234.56 (separator dziesiętny „.” albo zmień go w podglądzie)",
     "«ten» — не число; запишите его как 1234.56 (десятичный разделитель «.», или измените его в предпросмотре)"),
    (4, "invoice_no+line_no", "duplicate key FV/1 + 1: already in row 2; each appears once in a file",
     "powtórzony klucz FV/1 + 1: występuje już w wierszu 2; każdy klucz może wystąpić w pliku tylko raz",
     "повторяющийся ключ FV/1 + 1: уже есть в строке 2; каждый ключ встречается в файле только один раз"),
    (4, "invoice_date", "invoice FV/1 has 2026-02-05 here but 2099-02-05 on its first line",
     "faktura FV/1 ma tutaj 5 lut 2026, a na pierwszej pozycji 5 lut 2099",
     "в счёте FV/1 здесь указано 5 февр. 2026\u202fг., а в первой строке — 5 февр. 2099\u202fг."),
    (5, "net_amount", "'12.345' is too precise: an amount has at most 2 decimal places",
     "„12.345” ma zbyt wiele miejsc po przecinku: kwota ma najwyżej 2 miejsca po przecinku",
     "у «12.345» слишком много знаков после запятой: у суммы не более 2 знаков после запятой"),
    (6, "account_code", "unknown account 'pl-0002' (did you mean 'PL-0002'? codes are case-sensitive)",
     "nieznany klient „pl-0002” (czy chodziło o „PL-0002”?",
     "неизвестный клиент «pl-0002» (вы имели в виду «PL-0002»?"),
    (7, "quantity", "quantity -1 and net_amount 1250.50 have different signs",
     "quantity -1 i net_amount 1\xa0250,5 mają różne znaki",  # numbers written the reader's way
     "у quantity -1 и net_amount 1\xa0250,5 разные знаки"),
]


def _bad_rows(write: Writer) -> Path:
    rows = [
        GOOD.replace("2026-02-05", "2099-02-05"),
        GOOD.replace("FV/1,", "FV/2,").replace(",10,", ",ten,"),
        GOOD,
        GOOD.replace("FV/1,", "FV/3,").replace("100.00", "12.345"),
        GOOD.replace("FV/1,", "FV/4,").replace("PL-0001", "pl-0002"),
        GOOD.replace("FV/1,", "FV/5,").replace(",10,100.00,", ",-1,1250.50,"),
    ]
    return write("bad.csv", "\n".join([INVOICE_HEADER, *rows]) + "\n")


def _at(issues: tuple[ImportIssue, ...], row: int, column: str) -> ImportIssue:
    found = [i for i in issues if i.row == row and i.column == column]
    assert len(found) == 1, [str(i) for i in issues]
    return found[0]


def test_bad_rows_read_in_polish_and_russian_at_their_row_and_column(write: Writer, known: KnownData) -> None:
    result = import_file(_bad_rows(write), "invoices", known)
    assert len(result.errors) == len(ROW_FINDINGS), result.error_lines()
    for row, column, english, polish, russian in ROW_FINDINGS:
        issue = _at(result.errors, row, column)
        assert issue.template and english in issue.message  # the English text is the template filled in
        assert str(issue).startswith(f"bad.csv:{row}:{column}: {english}")
        assert translated(issue, "en") == issue.message
        for language, words in (("pl", polish), ("ru", russian)):
            text = translated(issue, language)
            assert words in text, (language, text)
            assert english not in text and issue.message not in text


@pytest.mark.parametrize(("build", "english", "polish", "russian"), [
    ("missing column", "missing required column 'net_amount' (or a synonym); found: 'invoice_no'",
     "brak wymaganej kolumny „net_amount” (ani jej synonimu); znaleziono: 'invoice_no'",
     "нет обязательного столбца «net_amount» (или его синонима); найдено: 'invoice_no'"),
    ("undecidable encoding", "the file is neither UTF-8 nor clearly Windows-1250 or Windows-1251",
     "plik nie jest w UTF-8 ani wyraźnie w Windows-1250 czy Windows-1251; wybierz kodowanie",
     "файл не в UTF-8 и не явно в Windows-1250 или Windows-1251; выберите кодировку"),
    ("unknown encoding", "'no-such-codec' is not a text encoding this importer reads",
     "„no-such-codec” nie jest kodowaniem tekstu, które odczytuje import",
     "«no-such-codec» — не текстовая кодировка, которую читает импорт"),
    ("wrong delimiter", "it looks semicolon-separated",
     "wygląda na to, że separatorem jest średnik", "похоже, что разделитель — точка с запятой"),
])
def test_file_level_findings_read_in_polish_and_russian(write: Writer, known: KnownData, build: str, english: str,
                                                        polish: str, russian: str) -> None:
    options = ReadOptions()
    if build == "missing column":
        path = write("bad.csv", INVOICE_HEADER.replace(",net_amount", "") + "\nFV/1,1,2026-02-05,PL-0001,Cables,1,1,PLN\n")
    elif build == "undecidable encoding":
        path = write("bad.csv", b"a;b\n1;\xa7\xb0\xb1\n")
    elif build == "unknown encoding":
        path, options = write("bad.csv", INVOICE_HEADER + "\n" + GOOD + "\n"), ReadOptions(encoding="no-such-codec")
    else:
        path, options = write("bad.csv", INVOICE_HEADER.replace(",", ";") + "\n"), ReadOptions(delimiter=",")
    (issue,) = import_file(path, "invoices", known, options=options).errors
    assert (issue.file, issue.row) == ("bad.csv", None) and issue.template
    assert english in str(issue) and str(issue).startswith("bad.csv::")
    for language, words in (("pl", polish), ("ru", russian)):
        text = translated(issue, language)
        assert words in text and english not in text, (language, text)


def test_a_refused_file_keeps_its_place_in_front_of_the_translated_reason(write: Writer) -> None:
    path = write("bin.csv", b"\x00\x01\x02" * 100)
    with pytest.raises(ImportFileError) as raised:
        sniff_file(path)
    assert str(raised.value) == ("bin.csv::: this is not a text file (it holds binary bytes); export CSV or XLSX "
                                 "from the ERP")
    assert translated(raised.value, "pl") == ("bin.csv::: to nie jest plik tekstowy (zawiera bajty binarne); "
                                              "wyeksportuj CSV lub XLSX z systemu ERP")
    assert translated(raised.value, "ru").startswith("bin.csv::: это не текстовый файл")


def test_a_cell_quoted_in_a_finding_never_replays_its_control_bytes(write: Writer, known: KnownData) -> None:
    path = write("esc.csv", INVOICE_HEADER + "\n" + GOOD.replace(",10,", ",1\x1b[2J0,") + "\n")
    result = import_file(path, "invoices", known)
    for issue in result.errors:
        for language in ("en", "pl", "ru"):
            assert "\x1b" not in translated(issue, language)
    assert any("<U+001B>" in translated(issue, "pl") for issue in result.errors)


def test_what_the_preview_detected_reads_in_polish_and_russian(write: Writer, known: KnownData) -> None:
    path = write("semi.csv", INVOICE_HEADER.replace(",", ";") + "\nFV/1;1;2026-02-05;PL-0001;Cables;10;100;20;PLN\n")
    notes = sniff_file(path).notes
    assert [str(note) for note in notes] == ["encoding: ASCII (read as UTF-8)",
                                            "decimal mark: no number shows its decimal mark; assumed ','"]
    assert [translated(note, "pl") for note in notes] == [
        "kodowanie: ASCII (odczytane jako UTF-8)",
        "separator dziesiętny: żadna liczba nie pokazuje separatora dziesiętnego; przyjęto „,”"]
    assert [translated(note, "ru") for note in notes] == [
        "кодировка: ASCII (читается как UTF-8)",
        "десятичный разделитель: ни в одном числе не виден десятичный разделитель; принят «,»"]
    assert import_file(path, "invoices", known).summary()["notes"] == [str(note) for note in notes]  # JSON: English
