"""The canonical import formats: columns, types, rules and natural keys; `python -m` prints them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """How a column's text is read and checked."""

    CODE = "code"  # an identifier: required, trimmed, no inner line breaks
    TEXT = "text"  # free text
    INT = "int"  # a whole number > 0
    DECIMAL = "decimal"  # a number, any sign, up to 6 decimal places
    MONEY = "money"  # a number with at most 2 decimal places, in the row's or account's currency
    DATE = "date"  # ISO, day-first or month-first, as detected
    ENUM = "enum"  # one of `choices` (localized synonyms accepted)
    FRACTION = "fraction"  # 0..1, or a percentage like 80%
    CURRENCY = "currency"  # ISO 4217 code, e.g. PLN
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One canonical column: whether the header must be present and whether each row needs a value."""

    name: str
    kind: Kind
    required: bool = True  # the header must be in the file
    needs_value: bool = True  # every row needs a non-empty value
    choices: tuple[str, ...] = ()
    default: str | None = None  # used when an optional column is absent or empty
    note: str = ""
    places: int | None = None  # decimal places the store keeps, when fewer than the kind allows
    max_len: int | None = None  # characters the store keeps, when fewer than the kind allows


@dataclass(frozen=True, slots=True)
class FormatSpec:
    """A canonical format: its columns in canonical order, and the natural key unique within a file."""

    name: str
    columns: tuple[ColumnSpec, ...]
    key: tuple[str, ...]
    summary: str

    def column(self, name: str) -> ColumnSpec:
        for spec in self.columns:
            if spec.name == name:
                return spec
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.columns)


C = ColumnSpec
LANGUAGES = ("pl", "ru", "en")

ACCOUNTS = FormatSpec(
    "accounts",
    (
        C("account_code", Kind.CODE, max_len=40),
        C("name", Kind.TEXT, max_len=300),
        C("tax_id", Kind.TEXT, needs_value=False, note="NIP / INN / VAT id; empty for foreign clients", max_len=40),
        C("kind", Kind.ENUM, choices=("customer", "partner")),
        C("owner_login", Kind.CODE, note="unknown logins are created as KAM users", max_len=64),
        C("region", Kind.TEXT, needs_value=False, max_len=100),
        C("industry", Kind.TEXT, needs_value=False, max_len=100),
        C("currency", Kind.CURRENCY, note="must equal an existing account's currency"),
        C("language", Kind.ENUM, choices=LANGUAGES),
        C("status", Kind.ENUM, required=False, needs_value=False, choices=("active", "inactive"),
          default="active"),
        C("enrolled_on", Kind.DATE, required=False, needs_value=False, note="empty: the import date for a new account; a known account keeps its own"),
    ),
    key=("account_code",),
    summary="the portfolio: one row per client company",
)

INVOICES = FormatSpec(
    "invoices",
    (
        C("invoice_no", Kind.CODE, max_len=60),
        C("line_no", Kind.INT),
        C("invoice_date", Kind.DATE),
        C("account_code", Kind.CODE, note="must be a known account", max_len=40),
        C("category", Kind.TEXT, note="new categories are created", max_len=200),
        C("quantity", Kind.DECIMAL, note="negative for returns; same sign as net_amount", places=3),
        C("net_amount", Kind.MONEY, note="negative for returns"),
        C("margin_amount", Kind.MONEY, note="gross margin; not beyond net_amount"),
        C("currency", Kind.CURRENCY, note="must equal the account's currency"),
    ),
    key=("invoice_no", "line_no"),
    summary="sales lines from the ERP; returns are negative quantity and amounts",
)

POTENTIAL = FormatSpec(
    "potential",
    (
        C("account_code", Kind.CODE, note="must be a known account", max_len=40),
        C("category", Kind.TEXT, note="new categories are created", max_len=200),
        C("total_units", Kind.DECIMAL, note=">= 0: the client's whole spend in units", places=3),
        C("total_value", Kind.MONEY, note=">= 0, in the account's currency"),
        C("source", Kind.ENUM, choices=("survey", "interview", "sales_book", "estimate")),
        C("collected_on", Kind.DATE),
        C("confidence", Kind.FRACTION, note="0..1 or a percentage"),
    ),
    key=("account_code", "category", "collected_on"),
    summary="potential slots: total category spend per account, with source and date",
)

CONTACTS = FormatSpec(
    "contacts",
    (
        C("account_code", Kind.CODE, note="must be a known account", max_len=40),
        C("name", Kind.TEXT, max_len=200),
        C("role", Kind.TEXT, required=False, needs_value=False, max_len=200,
          note="finance, purchasing, operations, technical, management or other; a job title here is kept as the "
               "position and gives the role"),
        C("position", Kind.TEXT, required=False, needs_value=False, max_len=200,
          note="the job title as the client writes it; gives the role when the role is empty"),
        C("email", Kind.EMAIL, needs_value=False, max_len=200),
        C("phone", Kind.TEXT, needs_value=False, max_len=50),
        C("language", Kind.ENUM, needs_value=False, choices=LANGUAGES),
    ),
    key=("account_code", "name"),
    summary="people at the client: who to send what, in which language",
)

OPENING_BALANCES = FormatSpec(
    "opening-balances",
    (
        C("account_code", Kind.CODE, note="must be a known account", max_len=40),
        C("points", Kind.DECIMAL, needs_value=False, default="0", note=">= 0", places=2),
        C("cashback", Kind.MONEY, needs_value=False, default="0", note=">= 0, in the account's currency"),
        C("expires_on", Kind.DATE, needs_value=False),
        C("note", Kind.TEXT, needs_value=False),
    ),
    key=("account_code",),
    summary="balances carried over from spreadsheets when an account joins",
)

FORMATS: dict[str, FormatSpec] = {
    spec.name: spec for spec in (ACCOUNTS, INVOICES, POTENTIAL, CONTACTS, OPENING_BALANCES)
}


def get_format(name: str) -> FormatSpec:
    """The format named `name` (accounts, invoices, potential, contacts, opening-balances)."""
    try:
        return FORMATS[name.replace("_", "-")]
    except KeyError:
        raise KeyError(f"unknown import format {name!r}; choose one of {', '.join(FORMATS)}") from None


def describe_format(spec: FormatSpec) -> str:
    """A Markdown table of one format, for the README and `--help`."""
    lines = [
        f"### {spec.name}: {spec.summary}",
        f"Natural key (unique in a file): `{' + '.join(spec.key)}`",
        "",
        "| column | type | header | value | notes |",
        "|---|---|---|---|---|",
    ]
    for col in spec.columns:
        kind = f"{col.kind}: {', '.join(col.choices)}" if col.choices else str(col.kind)
        header = "required" if col.required else "optional"
        value = "required" if col.needs_value else f"may be empty{f' (default {col.default})' if col.default else ''}"
        limits = [f"at most {col.places} decimal places"] if col.places is not None else []
        limits += [f"at most {col.max_len} characters"] if col.max_len is not None else []
        notes = "; ".join(n for n in (col.note, *limits) if n)
        lines.append(f"| `{col.name}` | {kind} | {header} | {value} | {notes} |")
    return "\n".join(lines)


def describe_formats() -> str:
    """All canonical formats as Markdown."""
    return "\n\n".join(describe_format(spec) for spec in FORMATS.values())


if __name__ == "__main__":  # pragma: no cover - a printing aid
    print(describe_formats())
