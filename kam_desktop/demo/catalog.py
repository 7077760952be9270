"""The product categories we sell, with their price level, margin band and seasonality."""

from __future__ import annotations

from dataclasses import dataclass

# Month factors (Jan..Dec); every profile averages to about 1.
_BUILDING = (0.65, 0.7, 0.95, 1.1, 1.15, 1.15, 1.05, 0.95, 1.1, 1.15, 1.05, 0.9)
_SUMMER = (0.5, 0.55, 0.8, 1.1, 1.35, 1.55, 1.5, 1.3, 1.0, 0.8, 0.6, 0.5)
_YEAR_END = (0.8, 0.85, 0.95, 0.95, 0.95, 0.9, 0.85, 0.85, 1.0, 1.1, 1.25, 1.55)
_FLAT = (0.9, 0.95, 1.0, 1.0, 1.0, 1.0, 0.95, 0.9, 1.05, 1.05, 1.05, 1.1)


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    name_pl: str
    name_ru: str
    unit_price_cents: int  # typical price of one unit in PLN
    units: tuple[int, int]  # typical quantity per line (min, max)
    fractional: bool  # sold by the metre/kilogram: quantities with decimals
    margin: tuple[float, float]  # gross margin band, fraction of net
    season: tuple[float, ...]


CATEGORIES = (
    Category("CABLES", "Cables and wires", "Kable i przewody", "Кабели и провода",
             1_250, (50, 900), True, (0.10, 0.18), _BUILDING),
    Category("LIGHTING", "Lighting", "Oświetlenie", "Освещение", 18_900, (4, 60), False, (0.22, 0.33), _FLAT),
    Category("SWITCHGEAR", "Switchgear", "Aparatura łączeniowa", "Коммутационная аппаратура",
             42_000, (2, 30), False, (0.18, 0.28), _BUILDING),
    Category("AUTOMATION", "Industrial automation", "Automatyka przemysłowa", "Промышленная автоматика",
             185_000, (1, 8), False, (0.20, 0.35), _YEAR_END),
    Category("TOOLS", "Power tools", "Elektronarzędzia", "Электроинструмент",
             64_000, (1, 12), False, (0.15, 0.25), _YEAR_END),
    Category("SAFETY", "Safety equipment", "Sprzęt BHP", "Средства индивидуальной защиты",
             8_900, (10, 120), False, (0.25, 0.35), _FLAT),
    Category("HVAC", "Ventilation and air conditioning", "Wentylacja i klimatyzacja",
             "Вентиляция и кондиционирование", 260_000, (1, 6), False, (0.14, 0.24), _SUMMER),
    Category("FASTENERS", "Fasteners", "Elementy złączne", "Крепёж", 3_800, (20, 400), True, (0.28, 0.35), _BUILDING),
    Category("SOLAR", "Photovoltaics", "Fotowoltaika", "Солнечная энергетика",
             98_000, (2, 40), False, (0.10, 0.16), _SUMMER),
    Category("SERVICES", "Installation services", "Usługi montażowe", "Монтажные услуги",
             350_000, (1, 3), False, (0.25, 0.35), _FLAT),
)

# How many units of a currency one PLN buys, for pricing only (the FX table has the dated rates).
PRICE_FACTOR = {"PLN": 1.0, "EUR": 0.23, "GBP": 0.2, "RUB": 21.0}
# Units of PLN per unit of the currency at the start of the history; the FX table walks from here.
FX_START = {"EUR": 4.45, "GBP": 5.15, "RUB": 0.047}
