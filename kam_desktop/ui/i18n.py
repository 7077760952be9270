"""UI languages: Qt translators switched at runtime, and Babel formats for numbers, money and dates."""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from kam_desktop.i18n import cldr

if TYPE_CHECKING:
    from babel import Locale

log = logging.getLogger(__name__)

# Language names are shown in their own language, so they are never translated.
LANGUAGES: dict[str, str] = {"en": "English", "pl": "Polski", "ru": "Русский"}
DEFAULT_LANGUAGE = "en"
_LETTER_DIGIT = re.compile(r"([^\W\d_])([-−]?\d)")
_BABEL_LOCALES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}
_QT_LOCALES = {"en": "en_GB", "pl": "pl_PL", "ru": "ru_RU"}
_active = {"language": DEFAULT_LANGUAGE}  # the language whose catalogue is installed now (ui.refusals reads it)


def current_language() -> str:
    """The language the UI speaks now: what the engine's messages are translated into too."""
    return _active["language"]


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `source` for translation in `context` (lupdate reads the call); returns it unchanged.

    Qt's own returns `object` in PySide6's stubs, so every table of marked titles failed type checking.
    """
    return source


def fill(text: str, /, **params: object) -> str:
    """`text` with each `{name}` replaced by its parameter: `fill(self.tr("Acting as: {name}"), name=who)`.

    The caller translates first, with the literal inside `self.tr(…)` or `QCoreApplication.translate(…)`, so
    lupdate still extracts it; a translator moves `{name}` where the language wants it. Only the named
    placeholders are replaced (a stray brace in a translation is left as it is, never an error).
    """
    for name, value in params.items():
        text = text.replace("{" + name + "}", str(value))
    return text


class Retranslating:
    """A widget mixin (listed before the Qt class): `retranslate()` runs on every LanguageChange.

    Qt sends LanguageChange to each widget when a translator is installed or removed; every screen
    re-reads its texts in one place instead of overriding `changeEvent` itself.
    """

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]

    def retranslate(self) -> None:
        """Set every visible text again in the current language."""


def translations_dir() -> Path:
    """`resources/translations`: beside the package in a checkout, or inside a frozen app."""
    import kam_desktop

    package = Path(kam_desktop.__file__).resolve().parent
    candidates = [package.parent / "resources" / "translations", package / "_resources" / "translations"]
    if getattr(sys, "frozen", False):
        candidates.insert(0, Path(getattr(sys, "_MEIPASS", "")) / "resources" / "translations")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def system_language() -> str:
    """The OS language if we have a translation for it, else English."""
    name = QLocale.system().name()[:2]
    return name if name in LANGUAGES else DEFAULT_LANGUAGE


class Translators:
    """Our own catalogue plus Qt's (standard buttons), swapped as one when the language changes."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = DEFAULT_LANGUAGE

    def switch(self, language: str) -> bool:
        """Install `language`'s catalogues; Qt then sends LanguageChange to every widget.

        Returns False when our catalogue for the language is missing (the UI stays in English).
        """
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
        self.clear()
        self.language = language
        ours = QTranslator()  # English too: it carries the plural forms ("1 account", "5 accounts")
        if not ours.load(f"kam_desktop_{language}", str(translations_dir())):
            log.warning("no translation catalogue for %s in %s", language, translations_dir())
            return False
        self._install(ours)
        _active["language"] = language
        if language == DEFAULT_LANGUAGE:
            return True
        qt_base = QTranslator()
        if qt_base.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._install(qt_base)
        return True

    def clear(self) -> None:
        """Remove every catalogue this object installed (back to the source texts)."""
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = DEFAULT_LANGUAGE
        _active["language"] = DEFAULT_LANGUAGE

    def _install(self, translator: QTranslator) -> None:
        QCoreApplication.installTranslator(translator)
        self._installed.append(translator)


@dataclass(frozen=True)
class Formats:
    """Numbers, money and dates as the chosen UI language writes them (CLDR's data).

    The common figures come from `i18n.cldr` (Babel's output, without loading Babel before the first paint);
    a currency outside its table, chart months and parsing use Babel itself.
    """

    language: str

    @property
    def locale(self) -> Locale:
        return _locale(self.language)

    def money(self, amount: Decimal, currency: str, *, cents: bool = False) -> str:
        if not cents:  # commercial rounding (Babel alone would round half to even: 98,000.50 → 98,000)
            amount = amount.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        text = cldr.money(amount, currency, self._cldr, cents=cents)
        if text is None:
            from babel.numbers import format_currency  # a currency outside the table: Babel knows them all

            pattern = None if cents else _whole_money_pattern(self.language)
            text = format_currency(amount, currency, format=pattern, currency_digits=cents, locale=self.locale)
        # CLDR's currency spacing, which Babel leaves out: "PLN 1,250" rather than "PLN1,250".
        return _LETTER_DIGIT.sub("\\1\u00a0\\2", text)

    def number(self, value: int | Decimal) -> str:
        return cldr.number(value, self._cldr)

    def rate(self, value: Decimal) -> str:
        """An exchange rate with all its (up to six) decimals: 4.271500 → "4.2715", never rounded to three."""
        return cldr.decimal(value, self._cldr, 0, 6)

    def percent(self, value: Decimal, *, signed: bool = False) -> str:
        text = cldr.decimal(abs(value) if signed else value, self._cldr, 1, 1)
        sign = ("+" if value > 0 else "−" if value < 0 else "") if signed else ""
        return f"{sign}{text}\u00a0%" if self.language != "en" else f"{sign}{text}%"

    def date(self, value: date) -> str:
        return cldr.medium_date(value, self._cldr)

    def month(self, value: dt.date) -> str:  # (`date` is the method above inside this class)
        """A month on a chart axis: "Mar 26", "mar 26", "мар. 26" (unique across years)."""
        from babel.dates import format_date

        return format_date(value, format="LLL yy", locale=self.locale)

    def axis(self, value: float, places: int) -> str:
        """A chart tick: grouped thousands and the decimal mark of the language, `places` decimals."""
        return cldr.decimal(Decimal(repr(value)), self._cldr, places, places)

    @property
    def _cldr(self) -> str:
        """The language `i18n.cldr` has figures for (English for any other, as Babel's locale here)."""
        return self.language if self.language in _BABEL_LOCALES else DEFAULT_LANGUAGE

    def axis_percent(self, value: float, places: int) -> str:
        """A chart tick in percent, as `percent` writes it."""
        text = self.axis(value, places)
        return f"{text}%" if self.language == "en" else f"{text}\u00a0%"

    def qlocale(self) -> QLocale:
        """The same language for Qt's own widgets (date pickers, spin boxes): its digits and date order."""
        return QLocale(_QT_LOCALES.get(self.language, _QT_LOCALES[DEFAULT_LANGUAGE]))

    def date_pattern(self) -> str:
        """A Qt display format for a date picker: the language's short date with a four-digit year."""
        pattern = self.qlocale().dateFormat(QLocale.FormatType.ShortFormat)
        return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")

    def parse_number(self, text: str) -> Decimal:
        """A number typed in this language's format (strict: "12k" or "1,5" in English is refused).

        A plain space is accepted where the language groups thousands with a no-break one, and "−" as minus.
        """
        cleaned = text.strip().replace("\u2212", "-")
        group = self.locale.number_symbols["latn"]["group"]
        if group in ("\u00a0", "\u202f"):
            cleaned = cleaned.replace(" ", group)
        from babel.numbers import parse_decimal  # typing in a number: Babel is loaded by then or soon

        return Decimal(parse_decimal(cleaned, locale=self.locale, strict=True))


@lru_cache(maxsize=8)
def _locale(language: str) -> Locale:
    from babel import Locale  # not before the first paint (i18n.cldr writes what it shows)

    return Locale.parse(_BABEL_LOCALES.get(language, _BABEL_LOCALES[DEFAULT_LANGUAGE]))


@lru_cache(maxsize=8)
def _whole_money_pattern(language: str) -> str:
    """The locale's currency pattern without the fraction: a portfolio shows whole units."""
    pattern: str = _locale(language).currency_formats["standard"].pattern
    return pattern.replace(".00", "")
