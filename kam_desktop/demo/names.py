"""Realistic Polish, Russian, British and German company names, people, addresses and phones."""

from __future__ import annotations

import random
from dataclasses import dataclass

# city, region, postcode prefix (PL: "00"; RU: 6 digits start; GB: outward code; DE: 2 digits), INN region
CITIES: dict[str, tuple[tuple[str, str, str, int], ...]] = {
    "PL": (
        ("Warszawa", "mazowieckie", "0", 0), ("Kraków", "małopolskie", "3", 0),
        ("Wrocław", "dolnośląskie", "5", 0), ("Poznań", "wielkopolskie", "6", 0),
        ("Gdańsk", "pomorskie", "8", 0), ("Łódź", "łódzkie", "9", 0),
        ("Katowice", "śląskie", "4", 0), ("Lublin", "lubelskie", "2", 0),
        ("Szczecin", "zachodniopomorskie", "7", 0), ("Bydgoszcz", "kujawsko-pomorskie", "8", 0),
        ("Rzeszów", "podkarpackie", "3", 0), ("Białystok", "podlaskie", "1", 0),
    ),
    "RU": (
        ("Москва", "Москва", "1", 77), ("Санкт-Петербург", "Санкт-Петербург", "19", 78),
        ("Екатеринбург", "Свердловская область", "620", 66), ("Новосибирск", "Новосибирская область", "630", 54),
        ("Казань", "Республика Татарстан", "420", 16), ("Нижний Новгород", "Нижегородская область", "603", 52),
        ("Самара", "Самарская область", "443", 63), ("Краснодар", "Краснодарский край", "350", 23),
    ),
    "GB": (
        ("London", "Greater London", "EC", 0), ("Manchester", "North West", "M", 0),
        ("Birmingham", "West Midlands", "B", 0), ("Leeds", "Yorkshire", "LS", 0),
        ("Bristol", "South West", "BS", 0), ("Glasgow", "Scotland", "G", 0),
    ),
    "DE": (
        ("Berlin", "Berlin", "10", 0), ("Hamburg", "Hamburg", "20", 0), ("München", "Bayern", "80", 0),
        ("Köln", "Nordrhein-Westfalen", "50", 0), ("Stuttgart", "Baden-Württemberg", "70", 0),
        ("Leipzig", "Sachsen", "04", 0),
    ),
}

STREETS = {
    "PL": ("ul. Marszałkowska", "ul. Przemysłowa", "ul. Fabryczna", "al. Jerozolimskie", "ul. Słoneczna",
           "ul. Kolejowa", "ul. Lipowa", "ul. Składowa", "ul. Hutnicza", "ul. Portowa", "ul. Polna"),
    "RU": ("ул. Ленина", "ул. Промышленная", "пр-т Мира", "ул. Заводская", "ш. Энтузиастов",
           "ул. Садовая", "ул. Складская", "ул. Строителей"),
    "GB": ("High Street", "Station Road", "Mill Lane", "Church Street", "Victoria Road", "Park Lane",
           "Dock Road", "Kingsway"),
    "DE": ("Hauptstraße", "Industriestraße", "Bahnhofstraße", "Gewerbering", "Lindenallee", "Hafenweg"),
}

_PL_ROOTS = ("Pol", "Bud", "Elek", "Tech", "Mar", "Agro", "Metal", "Trans", "Inter", "Euro", "Wis",
             "Kar", "Sta", "Mazow", "Ener", "Term", "Hydro", "Kop", "Rem", "Lech")
_PL_TAILS = ("mex", "pol", "bud", "tech", "trans", "met", "plast", "chem", "serwis", "rol", "gaz", "instal",
             "stal", "max", "tron")
_PL_DESCRIPTIVE = ("Hurtownia Elektryczna", "Zakład Instalacyjny", "Przedsiębiorstwo Budowlane",
                   "Centrum Techniki", "Grupa Handlowa", "Zakłady Mechaniczne", "Przedsiębiorstwo Usługowe")
_PL_FORMS = ("Sp. z o.o.", "Sp. z o.o.", "Sp. z o.o.", "S.A.", "Sp. j.", "Sp. k.")
_RU_ROOTS = ("Техно", "Строй", "Урал", "Сибирь", "Волга", "Нева", "Промо", "Энерго", "Агро", "Мет",
             "Электро", "Север", "Инвест", "Гранит", "Альфа", "Вектор")
_RU_TAILS = ("снаб", "торг", "сервис", "комплект", "пром", "ресурс", "трейд", "монтаж", "системы", "маш")
_RU_FORMS = ("ООО", "ООО", "ООО", "АО", "ПАО")
_GB_ROOTS = ("Bright", "Harbour", "Castle", "North", "Oak", "Iron", "Silver", "Kings", "Thames", "Pennine",
             "Granite", "Union", "Albion", "Crown", "Meridian")
_GB_TAILS = ("well", "gate", "field", "bridge", "stone", "wood", "ford", "more", "side", "point")
_GB_TRADES = ("Supplies", "Electrical", "Engineering", "Facilities", "Distribution", "Building Services",
              "Controls", "Trade Supplies")
_DE_NAMES = ("Keller", "Braun", "Hoffmann", "Wagner", "Schäfer", "Becker", "Richter", "Krüger", "Vogel",
             "Lorenz", "Hartmann", "Fuchs")
_DE_TRADES = ("Industrietechnik", "Elektrotechnik", "Haustechnik", "Logistik", "Anlagenbau", "Gebäudetechnik")
_DE_FORMS = ("GmbH", "GmbH", "GmbH & Co. KG", "AG")

# (first name, surname) pools; feminine surnames where the language inflects them
_PL_MEN = ("Adam", "Piotr", "Krzysztof", "Tomasz", "Marcin", "Paweł", "Michał", "Jakub", "Andrzej", "Łukasz")
_PL_WOMEN = ("Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Magdalena", "Ewa", "Monika", "Zofia")
_PL_SURNAMES = (("Nowak", "Nowak"), ("Kowalski", "Kowalska"), ("Wiśniewski", "Wiśniewska"),
                ("Wójcik", "Wójcik"), ("Kamiński", "Kamińska"), ("Lewandowski", "Lewandowska"),
                ("Zieliński", "Zielińska"), ("Szymański", "Szymańska"), ("Dąbrowski", "Dąbrowska"),
                ("Kozłowski", "Kozłowska"), ("Mazur", "Mazur"), ("Krawczyk", "Krawczyk"))
# Russian names with their Latin transliteration (for e-mail addresses)
_RU_MEN = (("Алексей", "aleksey"), ("Дмитрий", "dmitriy"), ("Сергей", "sergey"), ("Андрей", "andrey"),
           ("Игорь", "igor"), ("Михаил", "mikhail"), ("Николай", "nikolay"))
_RU_WOMEN = (("Елена", "elena"), ("Ольга", "olga"), ("Наталья", "natalya"), ("Татьяна", "tatyana"),
             ("Ирина", "irina"), ("Анна", "anna"))
_RU_SURNAMES = (("Иванов", "Иванова", "ivanov"), ("Смирнов", "Смирнова", "smirnov"),
                ("Кузнецов", "Кузнецова", "kuznetsov"), ("Попов", "Попова", "popov"),
                ("Соколов", "Соколова", "sokolov"), ("Лебедев", "Лебедева", "lebedev"),
                ("Морозов", "Морозова", "morozov"), ("Волков", "Волкова", "volkov"))
_GB_FIRST = ("James", "Oliver", "Harry", "George", "Emily", "Charlotte", "Sophie", "Thomas", "Amelia", "Jack")
_GB_SURNAMES = ("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Walker", "Wright", "Hughes")
_DE_FIRST = ("Lukas", "Jonas", "Felix", "Anna", "Lena", "Julia", "Maximilian", "Sabine", "Stefan")

_TRANSLIT = str.maketrans({"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z",
                           "ż": "z", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "", "-": "", "&": "",
                           ".": "", "'": ""})


def ascii_slug(text: str) -> str:
    """Lower-case ASCII for logins, e-mail local parts and domains (Polish and German letters folded)."""
    return text.lower().translate(_TRANSLIT)


@dataclass(frozen=True)
class Person:
    name: str
    email_local: str  # first.last in ASCII


def person(rng: random.Random, country: str) -> Person:
    """A plausible person of the company's country."""
    if country == "PL":
        female = rng.random() < 0.45
        first = rng.choice(_PL_WOMEN if female else _PL_MEN)
        surname = rng.choice(_PL_SURNAMES)[1 if female else 0]
        return Person(f"{first} {surname}", f"{ascii_slug(first)}.{ascii_slug(surname)}")
    if country == "RU":
        female = rng.random() < 0.45
        first, first_latin = rng.choice(_RU_WOMEN if female else _RU_MEN)
        male_s, female_s, latin = rng.choice(_RU_SURNAMES)
        surname = female_s if female else male_s
        return Person(f"{first} {surname}", f"{first_latin}.{latin + ('a' if female else '')}")
    first = rng.choice(_DE_FIRST if country == "DE" else _GB_FIRST)
    surname = rng.choice(_DE_NAMES if country == "DE" else _GB_SURNAMES)
    return Person(f"{first} {surname}", f"{ascii_slug(first)}.{ascii_slug(surname)}")


def company_name(rng: random.Random, country: str) -> tuple[str, str]:
    """A company name with its legal form, and an ASCII stem for its e-mail domain."""
    if country == "PL":
        if rng.random() < 0.3:
            surname = rng.choice(_PL_SURNAMES)[0]
            stem = f"{rng.choice(_PL_DESCRIPTIVE)} {surname}"
            return f"{stem} {rng.choice(_PL_FORMS)}", ascii_slug(surname) + rng.choice(("", "-hurt", "-instal"))
        stem = rng.choice(_PL_ROOTS) + rng.choice(_PL_TAILS)
        return f"{stem} {rng.choice(_PL_FORMS)}", ascii_slug(stem)
    if country == "RU":
        index = rng.randrange(len(_RU_ROOTS))
        stem = _RU_ROOTS[index] + rng.choice(_RU_TAILS)
        latin = ("tekhno", "stroy", "ural", "sibir", "volga", "neva", "promo", "energo", "agro", "met",
                 "elektro", "sever", "invest", "granit", "alfa", "vektor")[index]
        return f"{rng.choice(_RU_FORMS)} «{stem}»", f"{latin}{rng.randrange(10, 99)}"
    if country == "GB":
        stem = rng.choice(_GB_ROOTS) + rng.choice(_GB_TAILS)
        form = "PLC" if rng.random() < 0.1 else "Ltd"
        return f"{stem} {rng.choice(_GB_TRADES)} {form}", ascii_slug(stem)
    stem = rng.choice(_DE_NAMES)
    return f"{stem} {rng.choice(_DE_TRADES)} {rng.choice(_DE_FORMS)}", ascii_slug(stem) + "-" + "technik"


def address(rng: random.Random, country: str) -> tuple[str, str, str, int]:
    """(street address with postcode and city, city, region, INN region code)."""
    city, region, prefix, inn_region = rng.choice(CITIES[country])
    street = f"{rng.choice(STREETS[country])} {rng.randrange(1, 180)}"
    if country == "PL":
        code = f"{prefix}{rng.randrange(10)}-{rng.randrange(1000):03d}"
        return f"{street}, {code} {city}", city, region, inn_region
    if country == "RU":
        code = prefix + "".join(str(rng.randrange(10)) for _ in range(6 - len(prefix)))
        return f"{code}, г. {city}, {street}", city, region, inn_region
    if country == "GB":
        code = f"{prefix}{rng.randrange(1, 20)} {rng.randrange(1, 10)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
        return f"{rng.randrange(1, 200)} {rng.choice(STREETS['GB'])}, {city} {code}", city, region, inn_region
    code = prefix + f"{rng.randrange(1000):03d}"
    return f"{street}, {code} {city}", city, region, inn_region


def phone(rng: random.Random, country: str) -> str:
    n = [rng.randrange(10) for _ in range(9)]
    d = "".join(map(str, n))
    if country == "PL":
        return f"+48 {rng.choice('5678')}{d[:2]} {d[2:5]} {d[5:8]}"
    if country == "RU":
        return f"+7 9{d[:2]} {d[2:5]}-{d[5:7]}-{d[7:9]}"
    if country == "GB":
        return f"+44 7{d[:3]} {d[3:9]}"
    return f"+49 15{rng.randrange(1, 8)} {d[:7]}"


EMAIL_TLD = {"PL": "pl", "RU": "ru", "GB": "co.uk", "DE": "de"}
