"""Content builders for document tests: the shipped samples, with names full of Polish and Cyrillic letters."""

from __future__ import annotations

from dataclasses import replace

from kam_desktop.documents import samples
from kam_desktop.documents.content import AgreementContent, AnnexContent, Lang, Party, StatementContent

CLIENT_PL = "Zakład „Źdźbło” Gęślą Jaźń — ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ sp. z o.o."
SIGNATORY_RU = "Щёкина Юлия Эдуардовна"
CLIENT_RU = "ООО «Съешь же ещё этих мягких французских булок, да выпей чаю»"


def client(lang: Lang) -> Party:
    """A client whose name carries every Polish diacritic (pl, en) or Cyrillic letters (ru)."""
    if lang == "ru":
        return Party(CLIENT_RU, "5406123456", ("ул. Фрунзе, д. 5", "630091 Новосибирск"), SIGNATORY_RU,
                     "Генеральный директор", "ACC-0107", "RU")
    return Party(CLIENT_PL, "525-000-12-34", ("ul. Świętokrzyska 18/4", "00-052 Warszawa"),
                 "Łucja Źrebięcka-Ćwik", "Prezes Zarządu", "ACC-0042", "PL")


def agreement(lang: Lang) -> AgreementContent:
    return replace(samples.sample_agreement(lang), client=client(lang))


def annex(lang: Lang, draft: bool = False) -> AnnexContent:
    return replace(samples.sample_annex(lang, draft=draft), client=client(lang))


def statement(lang: Lang, index: int = 0) -> StatementContent:
    return replace(samples.sample_statement(lang, index), client=client(lang))
