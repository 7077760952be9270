"""Tax identifiers with valid checksums: Polish NIP, Russian INN (10 digits), UK and German VAT numbers."""

from __future__ import annotations

import random

_NIP_WEIGHTS = (6, 5, 7, 2, 3, 4, 5, 6, 7)
_INN10_WEIGHTS = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_GB_WEIGHTS = (8, 7, 6, 5, 4, 3, 2)


def _digits(rng: random.Random, count: int) -> list[int]:
    return [rng.randrange(1, 10)] + [rng.randrange(10) for _ in range(count - 1)]


def nip_is_valid(nip: str) -> bool:
    """A Polish NIP: 10 digits, the last is the weighted sum of the first nine mod 11 (never 10)."""
    if len(nip) != 10 or not nip.isdigit():
        return False
    check = sum(w * int(d) for w, d in zip(_NIP_WEIGHTS, nip, strict=False)) % 11
    return check != 10 and check == int(nip[9])


def make_nip(rng: random.Random) -> str:
    while True:
        head = _digits(rng, 9)
        check = sum(w * d for w, d in zip(_NIP_WEIGHTS, head, strict=True)) % 11
        if check != 10:
            return "".join(map(str, head)) + str(check)


def inn10_is_valid(inn: str) -> bool:
    """A Russian company INN: 10 digits, the last is the weighted sum mod 11 mod 10."""
    if len(inn) != 10 or not inn.isdigit():
        return False
    check = sum(w * int(d) for w, d in zip(_INN10_WEIGHTS, inn, strict=False)) % 11 % 10
    return check == int(inn[9])


def make_inn10(rng: random.Random, region: int) -> str:
    """An INN whose first two digits are the region code of the tax office."""
    head = [region // 10, region % 10] + [rng.randrange(10) for _ in range(7)]
    check = sum(w * d for w, d in zip(_INN10_WEIGHTS, head, strict=True)) % 11 % 10
    return "".join(map(str, head)) + str(check)


def gb_vat_is_valid(vat: str) -> bool:
    """A UK VAT number GB + 9 digits: weights 8..2 on seven digits plus the last two ≡ 0 (mod 97)."""
    body = vat.removeprefix("GB")
    if len(body) != 9 or not body.isdigit():
        return False
    total = sum(w * int(d) for w, d in zip(_GB_WEIGHTS, body, strict=False)) + int(body[7:])
    return total % 97 == 0


def make_gb_vat(rng: random.Random) -> str:
    while True:
        head = _digits(rng, 7)
        check = -sum(w * d for w, d in zip(_GB_WEIGHTS, head, strict=True)) % 97
        if check:
            return "GB" + "".join(map(str, head)) + f"{check:02d}"


def _mod11_10(digits: list[int]) -> int:
    product = 10
    for digit in digits:
        total = (digit + product) % 10 or 10
        product = (2 * total) % 11
    check = 11 - product
    return 0 if check == 10 else check


def de_vat_is_valid(vat: str) -> bool:
    """A German USt-IdNr DE + 9 digits, check digit by ISO 7064 MOD 11,10."""
    body = vat.removeprefix("DE")
    if len(body) != 9 or not body.isdigit() or body[0] == "0":
        return False
    return _mod11_10([int(d) for d in body[:8]]) == int(body[8])


def make_de_vat(rng: random.Random) -> str:
    head = _digits(rng, 8)
    return "DE" + "".join(map(str, head)) + str(_mod11_10(head))


def tax_id_is_valid(country: str, tax_id: str) -> bool:
    """Whether a tax id is well-formed with a correct check digit for its country."""
    validators = {"PL": nip_is_valid, "RU": inn10_is_valid, "GB": gb_vat_is_valid, "DE": de_vat_is_valid}
    return validators[country](tax_id)
