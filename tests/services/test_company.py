"""The company identity on documents: read, changed by a director/finance/admin in one audited step, rules."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.services.documents.content import company_identity
from kam_desktop.services.errors import Refused
from kam_desktop.services.program.company import CompanyFields, CompanyInvalid, company_fields, save_company
from kam_desktop.store.models import AuditEntry, Setting

from .builders import world

NEW = CompanyFields(
    name="Żuraw Logistyka S.A.", tax_id="PL1234567890", address=("ul. Długa 5", "80-827 Gdańsk", "Polska"),
    signatory_name="Jan Kowalski", signatory_title="Prezes Zarządu", email="biuro@zuraw.pl",
    phone="+48 58 000 00 00", website="zuraw.pl",
)


def tiny_png(width: int = 4, height: int = 2, padding: int = 0) -> bytes:
    """A valid RGB PNG; `padding` adds an ancillary text chunk to make it as big as wanted."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x20\x40\xa0" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    extra = chunk(b"tEXt", b"Comment\x00" + b"x" * padding) if padding else b""
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + extra + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


@pytest.fixture
def store(any_store: Any) -> Any:
    world(any_store)  # defaults (Nordwind Supply), kam1/kam2 KAMs, boss a director, money finance
    return any_store


def _audits(store: Any) -> list[dict[str, Any]]:
    with store.read() as s:
        return [a.details or {} for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "company.update"))]


def _settings(store: Any) -> dict[str, object]:
    with store.read() as s:
        return dict(s.execute(select(Setting.key, Setting.value).where(Setting.key.startswith("company."))).all())


def test_the_defaults_are_read_as_fields(store: Any) -> None:
    fields = company_fields(store)
    assert fields.name == "Nordwind Supply Sp. z o.o." and fields.tax_id == "PL5260250274"
    assert fields.address == ("ul. Grzybowska 62", "00-844 Warszawa", "Polska")
    assert (fields.signatory_name, fields.signatory_title) == ("Katarzyna Wiśniewska", "Sales Director")
    assert fields.logo_png is None and fields.email == ""


@pytest.mark.parametrize("login", ["boss", "money", "admin"])
def test_a_director_finance_or_admin_changes_it_in_one_audited_step(store: Any, login: str) -> None:
    logo = tiny_png()
    changed = save_company(store, replace(NEW, logo_png=logo), login)
    assert set(changed) == {f"company.{k}" for k in ("name", "tax_id", "address", "signatory", "email", "phone",
                                                     "website", "logo_png")}
    assert company_fields(store) == replace(NEW, logo_png=logo)
    [audit] = _audits(store)
    assert audit["name"] == NEW.name and audit["logo_png"] == f"{len(logo)} bytes"
    with store.read() as s:
        identity = company_identity(s)
    assert identity.party.name == NEW.name and identity.logo_png == logo
    assert identity.party.address_lines == NEW.address and identity.email == "biuro@zuraw.pl"

    assert save_company(store, replace(NEW, logo_png=logo), login) == []  # nothing changed: nothing written
    assert save_company(store, NEW, login) == ["company.logo_png"]  # the logo removed
    assert company_fields(store).logo_png is None and len(_audits(store)) == 2


def test_a_kam_is_refused_and_nothing_is_written(store: Any) -> None:
    before = _settings(store)
    with pytest.raises(Refused, match="only a sales director, finance or an admin"):
        save_company(store, NEW, "kam1")
    with pytest.raises(Refused, match="no active user"):
        save_company(store, NEW, "nobody")
    assert _settings(store) == before and _audits(store) == []


@pytest.mark.parametrize(("fields", "field", "words"), [
    (replace(NEW, name="  "), "name", "Company name: it is required"),
    (replace(NEW, email="biuro at zuraw.pl"), "email", "does not look like an e-mail address"),
    (replace(NEW, signatory_name="Kowalski, Jan"), "signatory_name", "may not contain a comma"),
    (replace(NEW, logo_png=b"GIF89a" + b"\x00" * 40), "logo_png", "Logo: the file is not a PNG image"),
    (replace(NEW, logo_png=tiny_png(padding=600 * 1024)), "logo_png", "more than 512 KB"),
    (replace(NEW, logo_png=tiny_png()[:40]), "logo_png", "Logo: the PNG file is damaged"),
])
def test_invalid_fields_are_refused_with_the_field_named(store: Any, fields: CompanyFields, field: str,
                                                         words: str) -> None:
    before = _settings(store)
    with pytest.raises(CompanyInvalid, match=words) as refused:
        save_company(store, fields, "boss")
    assert list(refused.value.problems) == [field]
    assert _settings(store) == before and _audits(store) == []


def test_every_problem_is_reported_at_once(store: Any) -> None:
    with pytest.raises(CompanyInvalid) as refused:
        save_company(store, replace(NEW, name="", email="x@", logo_png=b"not a png"), "boss")
    assert list(refused.value.problems) == ["name", "email", "logo_png"]


def test_a_logo_just_under_the_limit_is_accepted(store: Any) -> None:
    logo = tiny_png(padding=500 * 1024)
    save_company(store, replace(NEW, logo_png=logo), "boss")
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Setting).where(Setting.key == "company.logo_png")) == 1
    assert company_fields(store).logo_png == logo
