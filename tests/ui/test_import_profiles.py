"""File › Import…: saved mapping profiles are offered per format, applied to the preview and the import, and saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget
from sqlalchemy import select

from kam_desktop.services.imports.files import MappingProfile, list_profiles, save_mapping_profile
from kam_desktop.store.models import Account
from kam_desktop.store.store import Store
from kam_desktop.ui.import_dialog import ImportDialog

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
TIMEOUT = 20_000

# An ERP whose headers no synonym knows, written in Windows-1250 with American month-first dates.
ERP_HEADERS = {"ERP Klucz": "account_code", "ERP Firma": "name", "ERP Ident": "tax_id", "ERP Typ": "kind",
               "ERP Opiekun": "owner_login", "ERP Obszar": "region", "ERP Branża": "industry",
               "ERP Waluta": "currency", "ERP Mowa": "language", "ERP Od": "enrolled_on"}
ERP_ROWS = [("ERP-001", "Łódzkie Hurtownie Sp. z o.o.", "7251000001", "customer", "a.nowak", "łódzkie",
             "wholesale", "PLN", "pl", "03/02/2026"),
            ("ERP-002", "Żarowe Instalacje", "7251000002", "partner", "a.nowak", "", "", "PLN", "pl", "02/01/2026")]
ERP_OPTIONS = {"encoding": "cp1250", "delimiter": ";", "date_order": "MDY"}


def erp_file(folder: Path) -> Path:
    path = folder / "erp_accounts.csv"
    lines = [";".join(ERP_HEADERS), *(";".join(row) for row in ERP_ROWS)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1250"))
    return path


def save_erp_profile(name: str = "Our ERP monthly", format_name: str = "accounts") -> MappingProfile:
    profile = MappingProfile(name, format_name, dict(ERP_HEADERS), dict(ERP_OPTIONS))
    save_mapping_profile(profile)
    return profile


def offered(dialog: ImportDialog) -> list[str]:
    return [dialog.profile_combo.itemText(i) for i in range(1, dialog.profile_combo.count())]


def previewed(qtbot, dialog: ImportDialog, path: Path, format_name: str) -> ImportDialog:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_file(path, format_name)
    return dialog


@pytest.fixture
def admin_window(demo_window):  # type: ignore[no-untyped-def]
    return demo_window(None)


def test_a_saved_profile_maps_unknown_headers_sets_its_options_and_the_import_applies(  # type: ignore[no-untyped-def]
        admin_window, demo_store: Store, qtbot, tmp_path: Path) -> None:
    save_erp_profile()
    dialog = previewed(qtbot, admin_window.open_import(), erp_file(tmp_path), "accounts")
    assert offered(dialog) == ["Our ERP monthly"] and dialog.profile() is None
    assert any("missing required column 'account_code'" in e.message for e in dialog.error_model.rows())
    assert not dialog.apply_button.isEnabled() and not dialog.save_profile_button.isEnabled()

    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_profile("Our ERP monthly")
    assert (dialog.encoding_combo.value(), dialog.delimiter_combo.value(), dialog.date_combo.value()) == \
        ("cp1250", ";", "MDY")
    assert dialog.decimal_combo.value() is None  # the profile does not pin it: still detected
    assert [e.message for e in dialog.error_model.rows()] == []
    mapped = {field: header for header, field in dialog.mapping.columns().items()}
    assert mapped["account_code"] == "ERP Klucz" and mapped["enrolled_on"] == "ERP Od"
    assert dialog.apply_button.isEnabled()

    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported:
        dialog.apply_button.click()
    assert imported.args[0].counts["accounts_created"] == 2
    with demo_store.read() as session:
        stored = dict(session.execute(select(Account.name, Account.enrolled_on).where(Account.code.like("ERP-%"))).all())
    assert stored == {"Łódzkie Hurtownie Sp. z o.o.": date(2026, 3, 2), "Żarowe Instalacje": date(2026, 2, 1)}


def test_choosing_no_profile_again_goes_back_to_detection(admin_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save_erp_profile()
    dialog = previewed(qtbot, admin_window.open_import(), erp_file(tmp_path), "accounts")
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_profile("Our ERP monthly")
    with qtbot.waitSignal(dialog.previewed, timeout=TIMEOUT):
        dialog.set_profile(None)
    assert [combo.value() for combo in dialog._option_combos()] == [None, None, None, None]
    assert dialog.error_model.rowCount() > 0 and not dialog.apply_button.isEnabled()


def test_saving_a_profile_writes_it_and_a_new_dialog_offers_it(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "invoices_pl_cp1250.csv", "invoices")
    assert dialog.error_model.rowCount() == 4  # rows with unknown accounts: the headers were still all found
    assert dialog.save_profile_button.isEnabled()
    saved = dialog.save_profile("Comarch monthly")
    assert saved is not None
    assert [p.name for p in list_profiles("invoices")] == ["Comarch monthly"]
    profile = list_profiles("invoices")[0]
    assert profile.columns["Kod kontrahenta"] == "account_code"
    assert profile.options == {"encoding": "cp1250", "delimiter": ";", "decimal": ",", "date_order": "DMY"}
    assert dialog.profile_combo.currentText() == "Comarch monthly"
    assert dialog.encoding_combo.value() == "cp1250" and dialog.date_combo.value() == "DMY"
    assert dialog.message.text() == "Saved the mapping profile “Comarch monthly”."

    again = admin_window.open_import()
    again.set_format("invoices")
    assert offered(again) == ["Comarch monthly"]


def test_an_empty_name_is_refused_in_words(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "accounts.csv", "accounts")
    assert dialog.save_profile("   ") is None
    assert dialog.message.text() == "Type a name for the mapping profile: nothing was saved."
    assert list_profiles() == [] and offered(dialog) == []


def test_an_existing_profile_is_replaced_only_when_the_user_agrees(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "accounts.csv", "accounts")
    save_erp_profile("Monthly")
    assert dialog.save_profile("monthly") is None  # a non-interactive dialog cannot ask, so it does not replace
    assert "already exists" in dialog.message.text()
    assert list_profiles()[0].columns == ERP_HEADERS
    replaced = dialog.save_profile("monthly", replace=True)
    assert replaced is not None and replaced.name == "Monthly"  # one profile, its spelling kept
    assert [p.name for p in list_profiles()] == ["Monthly"]
    assert list_profiles()[0].columns["account_code"] == "account_code"


def test_a_name_saved_in_the_same_file_counts_as_the_same_profile(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "accounts.csv", "accounts")
    save_erp_profile("ERP A_B")
    assert dialog.save_profile("erp a/b") is None  # "A/B" is saved as A_B.json too: it would overwrite
    assert "already exists" in dialog.message.text()
    assert [p.name for p in list_profiles()] == ["ERP A_B"] and list_profiles()[0].columns == ERP_HEADERS


def test_a_profile_of_another_format_is_not_offered(admin_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    save_mapping_profile(MappingProfile("Contacts from the CRM", "contacts", {"ERP Klucz": "account_code"}))
    save_erp_profile("Our ERP monthly", "accounts")
    dialog = admin_window.open_import()
    dialog.set_format("accounts")
    assert offered(dialog) == ["Our ERP monthly"]
    dialog.set_profile("Our ERP monthly")
    dialog.set_format("contacts")
    assert offered(dialog) == ["Contacts from the CRM"] and dialog.profile() is None
    assert dialog.encoding_combo.value() is None  # the accounts profile's options went with it


def interactive_dialog(window, qtbot) -> ImportDialog:  # type: ignore[no-untyped-def]
    dialog = ImportDialog(window.services.desk.importer(), window.formats, window, interactive=True)
    qtbot.addWidget(dialog)
    return previewed(qtbot, dialog, SAMPLES / "accounts.csv", "accounts")


def test_the_button_asks_for_a_name_and_before_replacing(admin_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append("name"), ("Monthly", True))[1])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (asked.append("replace"), QMessageBox.StandardButton.No)[1])
    dialog = interactive_dialog(admin_window, qtbot)
    dialog.save_profile_button.click()
    assert asked == ["name"] and [p.name for p in list_profiles("accounts")] == ["Monthly"]
    dialog.save_profile_button.click()
    assert asked == ["name", "name", "replace"]  # refused: still the one profile
    assert "already exists" in dialog.message.text()


def test_a_non_interactive_dialog_opens_no_name_dialog(admin_window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("a dialog was opened"))
    dialog = previewed(qtbot, admin_window.open_import(), SAMPLES / "accounts.csv", "accounts")
    dialog.save_profile_button.click()
    assert list_profiles() == []


def test_the_profile_controls_have_mnemonics_and_a_sensible_tab_order(admin_window) -> None:  # type: ignore[no-untyped-def]
    dialog = admin_window.open_import()
    assert dialog.profile_label.text() == "&Profile:" and dialog.profile_label.buddy() is dialog.profile_combo
    assert dialog.save_profile_button.text() == "&Save as profile…"
    dialog.save_profile_button.setEnabled(True)  # disabled buttons leave the chain
    chain: list[QWidget] = []
    widget = dialog.format_combo
    while widget not in chain:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    order = [dialog.format_combo, dialog.browse_button, dialog.profile_combo, dialog.save_profile_button,
             dialog.encoding_combo]
    assert [chain.index(w) for w in order] == sorted(chain.index(w) for w in order)
