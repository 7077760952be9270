"""Header and value synonyms shipped for English, Polish and Russian ERP/CRM exports."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u200b_\-]+")
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")


def normalise_label(text: str) -> str:
    """Fold a header or enum value so `Nr  faktury:`, `NR_FAKTURY` and `nr\u00a0faktury` compare equal.

    NFKC turns `№` into `No` and full-width letters into ASCII; `ё` folds to `е` because Russian
    exports spell it both ways; underscores and hyphens count as spaces so `invoice_no` = `Invoice No`.
    """
    text = unicodedata.normalize("NFKC", text).replace("\ufeff", "").casefold()
    text = text.replace("ё", "е")
    text = _SPACES.sub(" ", text).strip()
    return text.rstrip(":.").strip()


def without_unit(label: str) -> str:
    """`wartosc netto (pln)` → `wartosc netto`: a unit in brackets should not defeat matching."""
    return _PARENTHESIS.sub("", label)


# canonical column → synonyms (EN, PL, RU). The canonical name itself always matches.
HEADER_SYNONYMS: dict[str, tuple[str, ...]] = {
    "invoice_no": ("invoice no", "invoice number", "invoice", "document no", "nr faktury", "numer faktury",
                   "faktura", "nr dokumentu", "номер счета", "номер счета-фактуры", "номер документа",
                   "счет", "счет-фактура", "документ"),
    "line_no": ("line", "line no", "line number", "item no", "lp", "nr pozycji", "pozycja",
                "№ строки", "номер строки", "строка", "№ п/п", "п/п"),
    "invoice_date": ("date", "invoice date", "document date", "data", "data wystawienia", "data faktury",
                     "data dokumentu", "дата", "дата счета", "дата документа", "дата выставления"),
    "account_code": ("account", "account code", "customer code", "client code", "customer id", "kod",
                     "kod kontrahenta", "kod klienta", "id kontrahenta", "код контрагента", "код клиента",
                     "код"),
    "name": ("name", "account name", "customer", "customer name", "company", "kontrahent", "nazwa",
             "nazwa kontrahenta", "klient", "контрагент", "наименование", "клиент", "название"),
    "tax_id": ("tax id", "vat id", "vat number", "nip", "nip kontrahenta", "инн", "инн контрагента"),
    "category": ("category", "product category", "product group", "kategoria", "grupa", "grupa towarowa",
                 "категория", "группа", "товарная группа"),
    "quantity": ("qty", "quantity", "units", "ilosc", "ilość", "liczba", "количество", "кол-во", "кол во"),
    "net_amount": ("net", "net amount", "net value", "amount", "wartosc netto", "wartość netto", "netto",
                   "kwota netto", "сумма без ндс", "сумма", "стоимость без ндс"),
    "margin_amount": ("margin", "gross margin", "margin amount", "marza", "marża", "marża brutto",
                      "zysk", "маржа", "валовая маржа", "наценка"),
    "currency": ("currency", "curr", "waluta", "валюта"),
    "owner_login": ("owner", "kam", "account manager", "manager", "opiekun", "opiekun klienta",
                    "handlowiec", "менеджер", "ответственный", "куратор"),
    "kind": ("kind", "type", "client type", "rodzaj", "typ", "typ kontrahenta", "тип", "вид",
             "тип контрагента"),
    "region": ("region", "area", "territory", "województwo", "wojewodztwo", "регион", "область"),
    "industry": ("industry", "sector", "branża", "branza", "sektor", "отрасль", "сфера"),
    "language": ("language", "lang", "język", "jezyk", "язык"),
    "email": ("email", "e-mail", "mail", "adres e-mail", "эл. почта", "электронная почта", "почта"),
    "phone": ("phone", "telephone", "mobile", "tel", "telefon", "телефон", "тел"),
    "role": ("role", "contact role", "funkcja", "rola", "роль"),
    "position": ("position", "job title", "title", "stanowisko", "должность"),
    "source": ("source", "źródło", "zrodlo", "источник"),
    "collected_on": ("collected on", "date", "survey date", "data", "data zebrania", "data badania",
                     "дата", "дата сбора", "дата опроса"),
    "confidence": ("confidence", "certainty", "probability", "pewność", "pewnosc",
                   "prawdopodobieństwo", "достоверность", "уверенность", "вероятность"),
    "total_units": ("total units", "units", "potential units", "ilość całkowita", "potencjał ilość",
                    "wolumen", "всего единиц", "потенциал шт", "объем"),
    "total_value": ("total value", "potential value", "value", "wartość całkowita", "potencjał wartość",
                    "wartość", "общая стоимость", "потенциал сумма", "стоимость"),
    "points": ("points", "point balance", "punkty", "saldo punktów", "баллы", "остаток баллов"),
    "cashback": ("cashback", "cash back", "saldo cashback", "кэшбэк", "кешбэк", "кэшбек"),
    "expires_on": ("expires on", "expiry", "expiry date", "valid until", "wygasa", "data wygaśnięcia",
                   "ważne do", "истекает", "срок действия", "действует до"),
    "note": ("note", "notes", "comment", "remarks", "uwagi", "notatka", "komentarz", "примечание",
             "комментарий"),
    "status": ("status", "state", "active", "stan", "статус", "состояние"),
    "enrolled_on": ("enrolled on", "enrolment date", "joined", "data przystąpienia", "data dołączenia",
                    "w programie od", "дата вступления", "дата присоединения", "в программе с"),
}

# Where one word means different columns in different formats, the format's own list wins.
FORMAT_HEADER_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "contacts": {
        "name": ("name", "contact", "contact name", "full name", "person", "imię i nazwisko",
                 "imie i nazwisko", "osoba kontaktowa", "osoba", "фио", "контактное лицо", "имя"),
    },
}

# canonical enum value → accepted spellings (normalised); the canonical value always matches.
VALUE_SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "kind": {
        "customer": ("client", "klient", "odbiorca", "клиент", "покупатель", "заказчик"),
        "partner": ("dealer", "distributor", "integrator", "dystrybutor", "partner handlowy", "партнер",
                    "дилер", "дистрибьютор", "интегратор"),
    },
    "language": {
        "pl": ("polish", "polski", "pol", "польский"),
        "ru": ("russian", "rosyjski", "rus", "русский"),
        "en": ("english", "angielski", "eng", "английский"),
    },
    "status": {
        "active": ("aktywny", "activ", "yes", "tak", "активный", "действующий", "да"),
        "inactive": ("nieaktywny", "no", "nie", "неактивный", "нет", "закрыт"),
    },
    "source": {
        "survey": ("questionnaire", "ankieta", "анкета", "опрос"),
        "interview": ("wywiad", "rozmowa", "интервью", "беседа"),
        "sales_book": ("sales book", "księga sprzedaży", "ksiega sprzedazy", "книга продаж"),
        "estimate": ("estimation", "szacunek", "oszacowanie", "оценка", "экспертная оценка"),
    },
}

CURRENCY_SYNONYMS: dict[str, str] = {"zł": "PLN", "zl": "PLN", "руб": "RUB", "руб.": "RUB", "р.": "RUB",
                                     "₽": "RUB", "€": "EUR", "eur.": "EUR"}


def synonyms_for(format_name: str, column: str) -> tuple[str, ...]:
    """All spellings of `column` that a header in a `format_name` file may use, normalised."""
    own = FORMAT_HEADER_SYNONYMS.get(format_name, {}).get(column)
    words = (column, *(own if own is not None else HEADER_SYNONYMS.get(column, ())))
    return tuple(dict.fromkeys(normalise_label(word) for word in words))


def enum_lookup(column: str, choices: tuple[str, ...]) -> dict[str, str]:
    """normalised spelling → canonical value for an enum column."""
    table = {normalise_label(choice): choice for choice in choices}
    for value, words in VALUE_SYNONYMS.get(column, {}).items():
        if value in choices:
            table.update({normalise_label(word): value for word in words})
    return table
