"""The company identity saved in the settings is what an issued document prints: its name and its logo."""

from __future__ import annotations

import struct
import zlib
from dataclasses import replace
from typing import Any

import pytest

from kam_desktop.services.documents import register as docs
from kam_desktop.services.program.company import company_fields, save_company

from .pdfcheck import flat_text, read
from .world import TODAY, World, build


def _png(width: int = 60, height: int = 20) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x10\x60\xc0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


@pytest.fixture
def world(sqlite_store: Any, monkeypatch: pytest.MonkeyPatch) -> World:
    monkeypatch.setenv("KAM_TODAY", TODAY)
    return build(sqlite_store)


def test_an_agreement_prints_the_saved_name_and_logo(world: World) -> None:
    before = docs.issue_agreement(world.store, "EN1", actor="kasia")
    assert not read(before.pdf).pages[0].images  # no logo in the settings yet

    fields = replace(company_fields(world.store), name="Żuraw Logistyka S.A.", logo_png=_png())
    save_company(world.store, fields, "boss")
    issued = docs.issue_agreement(world.store, "PL1", actor="kasia")
    first_page = read(issued.pdf).pages[0]
    assert len(first_page.images) == 1
    body = flat_text(issued.pdf)
    assert "Żuraw Logistyka S.A." in body and "Nordwind Supply" not in body
