"""Guessing how a text export was written: encoding, delimiter, decimal mark, date order."""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from kam_desktop.domain.messages import Message, Refusal

DELIMITERS = (";", "\t", ",", "|")
DATE_ORDERS = ("ISO", "DMY", "MDY")
SINGLE_BYTE = ("cp1250", "cp1251")
_POLISH = set("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Central European letters Windows-1250 also serves (Czech, Slovak, Hungarian clients of Polish ERPs).
_CENTRAL = _POLISH | set("áäčďéěíĺľňôŕřšťúůýžÁÄČĎÉĚÍĹĽŇÔŔŘŠŤÚŮÝŽöőüűÖŐÜŰ")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


class SniffError(Refusal, ValueError):
    """Detection failed in a way the user must resolve (say which encoding, for instance)."""


@dataclass(frozen=True, slots=True)
class Encoding:
    """The detected codec and how sure the guess is (for the preview)."""

    codec: str
    note: Message | None = None


def _letter_score(text: str, codec: str) -> float:
    """Share of non-ASCII words that look like real words in the language `codec` is for.

    Russian read as 1250 turns into runs of accented Latin letters with no ASCII in between
    ("Ęîëč÷ĺńňâî"); Polish read as 1251 puts Cyrillic letters inside Latin words ("Wartoњж").
    """
    good = bad = 0
    for word in _LETTER_RUN.findall(text):
        foreign = [ch for ch in word if ord(ch) > 127]
        if not foreign:
            continue
        if codec == "cp1251":
            ok = all("\u0400" <= ch <= "\u04ff" for ch in word)
        else:
            # Polish words keep some ASCII letters ("Łódź", "ŁÓDŹ"); misread Russian has none
            ok = all(ch in _CENTRAL for ch in foreign) and (len(foreign) < len(word) or len(word) <= 2)
        good, bad = (good + 1, bad) if ok else (good, bad + 1)
    return good / (good + bad) if good + bad else 0.0


def detect_encoding(sample: bytes, complete: bool = False) -> Encoding:
    """The encoding of a text sample; raises SniffError rather than guess between look-alikes.

    `complete` says the sample is the whole file (so a multi-byte character cut at the end is an error).
    """
    if sample.startswith(codecs.BOM_UTF8):
        return Encoding("utf-8-sig", Message.of("UTF-8 with BOM"))
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Encoding("utf-16", Message.of("UTF-16 with BOM (Excel 'Unicode text')"))
    if b"\x00" in sample or _control_share(sample) > 0.01:
        raise SniffError("this is not a text file (it holds binary bytes); export CSV or XLSX from the ERP")
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=complete)
        return Encoding("utf-8", Message.of("UTF-8") if max(sample, default=0) > 127 else
                        Message.of("ASCII (read as UTF-8)"))
    except UnicodeDecodeError:
        pass
    scores: dict[str, float] = {}
    for codec in SINGLE_BYTE:
        try:
            scores[codec] = _letter_score(sample.decode(codec), codec)
        except UnicodeDecodeError:
            continue  # a byte undefined in this code page: it cannot be this one
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    if ranked and ranked[0][1] >= 0.8 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1] - 0.3):
        codec, score = ranked[0]
        name = Message.of("Windows-1250 (Polish)") if codec == "cp1250" else Message.of("Windows-1251 (Russian)")
        return Encoding(codec, Message.of("{name}, {share} of words look right", name=name, share=f"{score:.0%}"))
    raise SniffError("the file is neither UTF-8 nor clearly Windows-1250 or Windows-1251; "
                     "choose the encoding the ERP used")


def _control_share(sample: bytes) -> float:
    if not sample:
        return 0.0
    controls = sum(sample.count(bytes([b])) for b in range(32) if b not in (9, 10, 12, 13))
    return controls / len(sample)


def complete_lines(text: str, complete: bool) -> str:
    """Drop a last line cut by the sample boundary, so it is not mistaken for a short row."""
    if complete:
        return text
    cut = max(text.rfind("\n"), text.rfind("\r"))
    return text[: cut + 1] if cut >= 0 else text


def parse_rows(text: str, delimiter: str, limit: int = 200) -> list[list[str]]:
    """Up to `limit` records of `text` split with the csv module (quotes respected)."""
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))
    rows: list[list[str]] = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            rows.append(row)
            if len(rows) >= limit:
                break
    except csv.Error:
        pass  # an unbalanced quote in the sample; the full read reports it with a row number
    return rows


def detect_delimiter(text: str) -> str | None:
    """The delimiter that splits the sample into the most consistent table, or None if none splits it."""
    best: tuple[float, int, str] | None = None
    for delimiter in DELIMITERS:
        rows = [r for r in parse_rows(text, delimiter, 50) if any(cell.strip() for cell in r)]
        if not rows or len(rows[0]) < 2:
            continue
        width = len(rows[0])
        consistency = sum(len(r) == width for r in rows) / len(rows)
        score = (consistency, width, delimiter)
        if best is None or score[:2] > best[:2]:
            best = score
    return best[2] if best else None


_NUMERIC = re.compile(r"[+-]?\(?[\d\s\u00a0\u202f.,']+\)?-?")
_COMMA_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+")
_POINT_THOUSANDS = re.compile(r"[+-]?\d{1,3}(\.\d{3})+")


def detect_decimal(values: Iterable[str], delimiter: str | None) -> tuple[str, str]:
    """The decimal mark ("." or ","), with a note (English) when there was no evidence either way."""
    mark, note = decimal_mark(values, delimiter)
    return mark, "" if note is None else str(note)


def decimal_mark(values: Iterable[str], delimiter: str | None) -> tuple[str, Message | None]:
    """The decimal mark ("." or ","), with a note for the preview when there was no evidence either way."""
    votes: Counter[str] = Counter()
    for raw in values:
        value = raw.strip()
        if not value or not _NUMERIC.fullmatch(value):
            continue
        comma, point = value.rfind(","), value.rfind(".")
        if comma >= 0 and point >= 0:
            votes["," if comma > point else "."] += 1
        elif comma >= 0 and not _COMMA_THOUSANDS.fullmatch(value):
            votes[","] += 1
        elif point >= 0 and not _POINT_THOUSANDS.fullmatch(value):
            votes["."] += 1
    if votes:
        mark, count = votes.most_common(1)[0]
        if len(votes) > 1:
            return mark, Message.of("numbers disagree on the decimal mark; {count} of {total} use {mark!r}",
                                    count=count, total=votes.total(), mark=mark)
        return mark, None
    # No value had a fraction: ERPs that write semicolons are the ones that write decimal commas.
    guess = "," if delimiter == ";" else "."
    return guess, Message.of("no number shows its decimal mark; assumed {mark!r}", mark=guess)


_DAY_MONTH = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_YEAR_FIRST = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}")


def detect_date_order(values: Iterable[str]) -> tuple[str, str]:
    """ISO (year first only), DMY or MDY, with a note (English) when the order is a guess."""
    order, note = date_order(values)
    return order, "" if note is None else str(note)


def date_order(values: Iterable[str]) -> tuple[str, Message | None]:
    """ISO (year first only), DMY or MDY, with a note for the preview when the order is a guess."""
    votes: Counter[str] = Counter()
    dots = seen = 0
    for raw in values:
        value = raw.strip().split(" ")[0].split("T")[0]
        if not value:
            continue
        seen += 1
        if _YEAR_FIRST.fullmatch(value):
            votes["ISO"] += 1
            continue
        match = _DAY_MONTH.fullmatch(value)
        if not match:
            continue
        first, sep, second = int(match[1]), match[2], int(match[3])
        dots += sep == "."
        if first > 12:
            votes["DMY"] += 1
        elif second > 12:
            votes["MDY"] += 1
        else:
            votes["?"] += 1
    if votes["DMY"] and votes["MDY"]:
        order = "DMY" if votes["DMY"] >= votes["MDY"] else "MDY"
        return order, Message.of("dates disagree: {day_first} day-first, {month_first} month-first",
                                 day_first=votes["DMY"], month_first=votes["MDY"])
    for order in ("DMY", "MDY"):
        if votes[order]:
            return order, None
    if votes["?"]:
        # Nobody writes month.day.year with dots; with slashes it is a real doubt to show the user.
        note = None if dots else Message.of("every day is 12 or less: assumed day-first; check the preview")
        return "DMY", note
    return "ISO", None if votes["ISO"] or not seen else Message.of("no dates recognised")
