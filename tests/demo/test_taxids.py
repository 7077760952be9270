"""Tax identifiers: the generators make valid ids and the validators catch a wrong digit."""

from __future__ import annotations

import random

import pytest

from kam_desktop.demo import taxids


@pytest.mark.parametrize(("country", "known"), [
    ("PL", "5260250274"), ("RU", "7707083893"), ("GB", "GB980780684"), ("DE", "DE136695976"),
])
def test_known_valid_ids_pass_and_a_changed_digit_fails(country: str, known: str) -> None:
    assert taxids.tax_id_is_valid(country, known)
    last = int(known[-1])
    assert not taxids.tax_id_is_valid(country, known[:-1] + str((last + 1) % 10))


def test_generated_ids_are_valid_for_many_draws() -> None:
    rng = random.Random(3)
    for _ in range(500):
        assert taxids.nip_is_valid(taxids.make_nip(rng))
        assert taxids.inn10_is_valid(taxids.make_inn10(rng, 77))
        assert taxids.gb_vat_is_valid(taxids.make_gb_vat(rng))
        assert taxids.de_vat_is_valid(taxids.make_de_vat(rng))


def test_inn_starts_with_its_region() -> None:
    assert taxids.make_inn10(random.Random(1), 66).startswith("66")
