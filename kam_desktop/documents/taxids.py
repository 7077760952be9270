"""The label a document prints before a party's tax ID: by the party's country, in the document's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # content.Party asks this module for a tax ID's country
    from kam_desktop.documents.content import Lang

# Member states of the EU: their tax IDs are VAT numbers that a Polish document calls "NIP UE".
EU = frozenset({"AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
                "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"})

#          country group: (English, Polish, Russian)
LABELS: dict[str, tuple[str, str, str]] = {
    "PL": ("NIP", "NIP", "NIP"),  # the Polish tax ID keeps its name in every language
    "RU": ("INN", "INN", "ИНН"),  # the Russian taxpayer number: Latin letters outside a Russian text
    "EU": ("VAT ID", "NIP UE", "ИНН/VAT"),
    "other": ("VAT ID", "Nr VAT", "ИНН/VAT"),  # outside the EU there is no "NIP UE" (e.g. the UK since 2021)
    "unknown": ("Tax ID", "Nr identyfikacji podatkowej", "Налоговый номер"),
}
_ORDER: dict[str, int] = {"en": 0, "pl": 1, "ru": 2}


def country_group(country: str) -> str:
    """PL, RU, EU, other, or unknown for an ISO 3166 alpha-2 code (any case; empty: unknown)."""
    code = country.strip().upper()
    if not code:
        return "unknown"
    if code in ("PL", "RU"):
        return code
    return "EU" if code in EU or code == "EL" else "other"  # EL: Greece in VAT numbers


def country_of_tax_id(tax_id: str) -> str:
    """The country a VAT number's two-letter prefix names ("PL5260250274" → "PL"), else ""."""
    prefix = tax_id.strip()[:2]
    return prefix.upper() if len(prefix) == 2 and prefix.isascii() and prefix.isalpha() else ""


def tax_id_label(country: str, lang: Lang) -> str:
    """"NIP" for a Polish party, "ИНН"/"INN" for a Russian one, a VAT ID label for the rest."""
    return LABELS[country_group(country)][_ORDER[lang]]
