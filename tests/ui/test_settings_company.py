"""Settings › Company on documents: the director changes it, a KAM only reads it, a bad e-mail keeps the dialog open."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from PySide6.QtWidgets import QDialog

from kam_desktop.services.program.company import company_fields
from kam_desktop.store.store import Store


def _png(width: int = 30, height: int = 10) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x10\x60\xc0" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_the_director_changes_the_name_and_logo(demo_window, demo_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_window("k.wisniewska").open_settings()
    form = dialog.company
    assert form is not None and form.name.isEnabled() and form.note.isHidden()
    assert form.name.text() == "Nordwind Supply Sp. z o.o."
    assert form.address.toPlainText() == "ul. Grzybowska 62\n00-844 Warszawa\nPolska"
    form.name.setText("Żuraw Logistyka S.A.")
    logo = tmp_path / "logo.png"
    logo.write_bytes(_png())
    assert form.load_logo_file(logo)
    assert not form.logo_preview.pixmap().isNull() and form.remove_button.isEnabled()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = company_fields(demo_store)
    assert saved.name == "Żuraw Logistyka S.A." and saved.logo_png == logo.read_bytes()
    assert saved.address == ("ul. Grzybowska 62", "00-844 Warszawa", "Polska")  # untouched fields kept


def test_a_kam_sees_the_company_read_only(demo_window, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_window("a.nowak").open_settings()
    form = dialog.company
    assert form is not None and form.name.text() == "Nordwind Supply Sp. z o.o."
    assert not form.name.isEnabled() and not form.address.isEnabled() and not form.choose_button.isEnabled()
    assert not form.note.isHidden() and "sales director" in form.note.text()
    dialog.accept()  # nothing changed: the language part still works for a KAM
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_invalid_email_keeps_the_dialog_open_with_the_message(demo_window, demo_store: Store) -> None:  # type: ignore[no-untyped-def]
    dialog = demo_window("k.wisniewska").open_settings()
    dialog.show()
    form = dialog.company
    assert form is not None
    form.name.setText("Żuraw Logistyka S.A.")
    form.email.setText("biuro at zuraw.pl")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "E-mail" in dialog.message.text() and "not saved" in dialog.message.text()
    assert form.name.text() == "Żuraw Logistyka S.A." and form.email.text() == "biuro at zuraw.pl"  # nothing lost
    assert company_fields(demo_store).name == "Nordwind Supply Sp. z o.o."
    form.email.setText("biuro@zuraw.pl")
    dialog.accept()
    assert not dialog.isVisible() and company_fields(demo_store).email == "biuro@zuraw.pl"
