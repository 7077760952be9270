"""A name the documents' font cannot print never becomes empty boxes on a document.

The font (DejaVu Sans) has Latin, Greek and Cyrillic but no Chinese, Japanese or Korean characters and no emoji.
Imports and the services that set names refuse such names (tests/imports/test_import_names.py); a store filled
before that rule may still hold one, and then the document is refused with the field and the characters named —
nothing is stored. The ranges `domain.printable` accepts are checked here against the font files themselves.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from sqlalchemy import func, select

from kam_desktop.documents.fonts import document_fonts
from kam_desktop.domain.printable import PRINTABLE, unprintable
from kam_desktop.i18n import translated
from kam_desktop.services.errors import Refused
from kam_desktop.store.models import Account, Contact, Document
from tests.acting import desk

from .pdfcheck import flat_text
from .world import TODAY, build


def test_every_character_the_rule_accepts_has_a_glyph_in_all_three_fonts() -> None:
    fonts = document_fonts()  # regular, bold, italic: each one's characters
    assert len(fonts) == 3
    covered = set.intersection(*(set(font.face.charToGlyph) for font in fonts))
    accepted = [code for first, last in PRINTABLE for code in range(first, last + 1)
                if unicodedata.category(chr(code)) not in ("Cn", "Cc", "Cf")]
    assert len(accepted) > 1500
    assert [hex(code) for code in accepted if code not in covered] == []
    assert unprintable("北京 Kraków Ωμέγα Щёкина 😀 ☕") == "北京😀☕"


@pytest.fixture
def world(sqlite_store: Any) -> Any:
    build(sqlite_store)
    return sqlite_store


def _documents(store: Any) -> int:
    with store.read() as session:
        return int(session.scalar(select(func.count()).select_from(Document)) or 0)


@pytest.mark.parametrize(("field", "value", "shown"), [
    ("name", "上海电气贸易有限公司", "上 (U+4E0A)"),
    ("contact", "Olivia Grant 😀", "😀 (U+1F600)"),
])
def test_a_stored_name_the_font_cannot_print_refuses_the_document(world: Any, field: str, value: str,
                                                                   shown: str) -> None:
    with world.unit_of_work("test") as uow:
        account = uow.session.scalar(select(Account).where(Account.code == "EN1"))
        assert account is not None
        if field == "name":
            account.name = value
        else:
            contact = uow.session.scalar(select(Contact).where(Contact.account_id == account.id))
            assert contact is not None
            contact.name = value
        uow.commit()
    before = _documents(world)
    kasia = desk(world, "kasia", date.fromisoformat(TODAY))
    for kind in ("agreement", "statement"):
        with pytest.raises(Refused) as refused:
            kasia.issue_document("EN1", kind, lang="pl")
        assert str(refused.value).startswith("EN1: ") and shown in str(refused.value)
        assert "nie da się wydrukować" in translated(refused.value, "pl")
    assert _documents(world) == before


def test_polish_russian_and_greek_names_print_and_read_back(world: Any) -> None:
    name = "Ελληνικά Ηλεκτρικά Α.Ε. — Źdźbło & Щёкина"
    with world.unit_of_work("test") as uow:
        account = uow.session.scalar(select(Account).where(Account.code == "EN1"))
        assert account is not None
        account.name = name
        uow.commit()
    pdf = desk(world, "kasia", date.fromisoformat(TODAY)).issue_document("EN1", "agreement", lang="en").pdf
    assert name in flat_text(pdf)


def test_a_control_character_is_named_by_its_code_point_only() -> None:
    from kam_desktop.domain.printable import shown_characters

    # an ESC printed raw would start a terminal escape sequence in kamctl's output (found by the import fuzzer)
    assert shown_characters("\x1b北") == "U+001B, 北 (U+5317)"
