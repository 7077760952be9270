"""File › Import…: a name the documents cannot print is shown at its row, in the window's language."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_import_dialog import previewed

HEADER = "account_code,name,tax_id,kind,owner_login,region,industry,currency,language"


def test_a_chinese_name_is_an_error_at_its_row_in_polish(demo_window, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = demo_window(None)
    window.set_language("pl")
    path = tmp_path / "accounts.csv"
    path.write_text(f"{HEADER}\nCN-0001,北京华东贸易有限公司,,customer,a.nowak,,,PLN,en\n", encoding="utf-8")
    dialog = previewed(qtbot, window.open_import(), path, "accounts")
    model = dialog.error_model
    rows = model.rows()
    assert [(e.row, e.column) for e in rows] == [(2, "name")]
    problem = next(c for c in range(model.columnCount()) if model.columns[c].key == "message")
    shown = model.index(0, problem).data()
    assert shown.startswith("北 (U+5317), 京 (U+4EAC)") and "nie da się wydrukować" in shown
    assert not dialog.apply_button.isEnabled()
