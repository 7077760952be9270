"""Fonts are found wherever the app runs; every label exists in every language; formats follow the language."""

from __future__ import annotations

import shutil
import string
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from kam_desktop.documents import fonts
from kam_desktop.documents.errors import FontsNotFoundError, UnsupportedLanguageError
from kam_desktop.documents.formats import Formats
from kam_desktop.documents.texts import LABELS, plural, quarter_name
from kam_desktop.domain.periods import Quarter

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


def test_fonts_are_found_in_the_source_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(fonts.FONTS_ENV, raising=False)
    folder = fonts.fonts_dir()
    assert folder == Path(fonts.__file__).resolve().parents[2] / "resources" / "fonts"
    assert (folder / "LICENSE-DejaVu.txt").is_file()


def _copy_fonts(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in FONT_FILES:
        shutil.copy(fonts.fonts_dir() / name, target / name)
    return target


def test_a_frozen_app_uses_its_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundled = _copy_fonts(tmp_path / "bundle" / "resources" / "fonts")
    (tmp_path / "bundle" / "resources" / "__init__.py").write_text("")
    monkeypatch.delenv(fonts.FONTS_ENV, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert fonts.fonts_dir() == bundled


def test_the_environment_overrides_everything(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = _copy_fonts(tmp_path / "chosen")
    monkeypatch.setenv(fonts.FONTS_ENV, str(chosen))
    assert fonts.fonts_dir() == chosen


def test_missing_fonts_say_where_they_were_looked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_candidate_dirs", lambda: [tmp_path / "nowhere"])
    with pytest.raises(FontsNotFoundError, match="nowhere") as caught:
        fonts.fonts_dir()
    assert fonts.FONTS_ENV in str(caught.value)


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_label_has_three_translations_with_the_same_placeholders(key: str) -> None:
    english, polish, russian = LABELS[key]
    assert english and polish and russian
    assert _placeholders(english) == _placeholders(polish) == _placeholders(russian)


def test_draft_labels_carry_the_documents_own_word_for_draft() -> None:
    words = LABELS["draft_word"]
    assert words == ("DRAFT", "PROJEKT", "ПРОЕКТ")
    for word, banner in zip(words, LABELS["draft_banner"], strict=True):
        assert banner.startswith(word)
    for translations in (LABELS["draft_mark"], LABELS["draft_banner"]):
        assert all("DRAFT" not in t for t in translations[1:])  # a Polish or Russian draft is not English
    elsewhere = [key for key, ts in LABELS.items()
                 if not key.startswith("draft") and any(w in t for t in ts for w in words)]
    assert elsewhere == []  # else a valid document could print the word


def test_money_and_dates_follow_the_language() -> None:
    amount = Decimal("-1234567.5")
    assert Formats("pl").money(amount, "PLN") == "-1\xa0234\xa0567,50\xa0zł"
    assert Formats("ru").money(amount, "RUB") == "-1\xa0234\xa0567,50\xa0₽"
    assert Formats("en").money(amount, "PLN") == "-PLN\xa01,234,567.50"
    day = date(2026, 1, 5)
    assert [Formats(lang).date(day) for lang in ("pl", "ru", "en")] == ["05.01.2026", "05.01.2026", "05/01/2026"]
    assert Formats("pl").long_date(day) == "5 stycznia 2026"
    assert Formats("ru").long_date(day) == "5 января 2026\u202fг."
    assert Formats("pl").percent(Decimal("2.5")) == "2,5%"
    assert Formats("en").signed(Decimal("1200")) == "+1,200"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(UnsupportedLanguageError):
        Formats("de")  # type: ignore[arg-type]


def test_quarters_and_plurals_read_naturally() -> None:
    assert quarter_name("pl", Quarter(2026, 3)) == "III kwartał 2026 r."
    assert quarter_name("ru", Quarter(2026, 4)) == "IV квартал 2026 г."
    assert quarter_name("en", Quarter(2026, 1)) == "Q1 2026"
    days = {"one": "день", "few": "дня", "many": "дней", "other": "дня"}
    assert [plural("ru", n, days) for n in (1, 3, 5, 21, 22, 11)] == ["день", "дня", "дней", "день", "дня", "дней"]
