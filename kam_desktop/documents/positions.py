"""Job titles in the document's language: a signatory's position typed in English, Polish or Russian, printed
in the words of the document ("Sales Director" → "Dyrektor sprzedaży" → "директор по продажам").

A title not in the table is printed as written. Russian forms are in the nominative and lower case: the
documents never decline them (a party is "Представитель: Анна Смирнова, генеральный директор", not "в лице …",
which would need the name in the genitive too, and names cannot be declined reliably).
"""

from __future__ import annotations

from functools import cache

from kam_desktop.documents.content import Lang

#  (English, Polish, Russian), then other spellings that mean the same (any case)
POSITIONS: tuple[tuple[tuple[str, str, str], tuple[str, ...]], ...] = (
    (("President of the Management Board", "Prezes zarządu", "председатель правления"), ("Prezes",)),
    (("Member of the Management Board", "Członek zarządu", "член правления"), ()),
    (("General Director", "Dyrektor generalny", "генеральный директор"), ("CEO", "Chief Executive Officer")),
    (("Managing Director", "Dyrektor zarządzający", "управляющий директор"), ()),
    (("Director", "Dyrektor", "директор"), ()),
    (("Sales Director", "Dyrektor sprzedaży", "директор по продажам"), ()),
    (("Commercial Director", "Dyrektor handlowy", "коммерческий директор"), ()),
    (("Finance Director", "Dyrektor finansowy", "финансовый директор"),
     ("Financial Director", "Chief Financial Officer", "CFO", "finance")),
    (("Technical Director", "Dyrektor techniczny", "технический директор"), ()),
    (("Operations Director", "Dyrektor operacyjny", "операционный директор"), ()),
    (("Operations Manager", "Kierownik operacyjny", "операционный менеджер"), ()),
    (("Purchasing Manager", "Kierownik działu zakupów", "руководитель отдела закупок"), ("Procurement Manager",)),
    (("Procurement Director", "Dyrektor ds. zakupów", "директор по закупкам"), ("Purchasing Director",)),
    (("Chief Engineer", "Główny inżynier", "главный инженер"), ()),
    (("Chief Accountant", "Główny księgowy", "главный бухгалтер"), ("Główna księgowa",)),
    (("Office Manager", "Kierownik biura", "офис-менеджер"), ()),
    (("Assistant to the Management Board", "Asystentka zarządu", "ассистент правления"), ("Asystent zarządu",)),
    (("Key Account Manager", "Kierownik ds. kluczowych klientów", "менеджер по работе с ключевыми клиентами"),
     ("KAM", "Account Manager", "Opiekun klienta")),
    (("Owner", "Właściciel", "владелец"), ("Właścicielka",)),
)
_ORDER: dict[str, int] = {"en": 0, "pl": 1, "ru": 2}


@cache
def _index() -> dict[str, tuple[str, str, str]]:
    found: dict[str, tuple[str, str, str]] = {}
    for forms, aliases in POSITIONS:
        for spelling in (*forms, *aliases):
            found.setdefault(_key(spelling), forms)
    return found


def _key(title: str) -> str:
    return " ".join(title.casefold().replace(".", ". ").split())


def position_in(lang: Lang, title: str) -> str:
    """`title` in the document's language when the table knows it, else as written."""
    forms = _index().get(_key(title))
    return forms[_ORDER[lang]] if forms else title
