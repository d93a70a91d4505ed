"""The territorial division as the rules read it (app/domain/teryt.py): TERC codes of the GUS
register, the commune of a city typed in an address."""

import pytest

from app.domain.teryt import Place, city_commune, commune_of, is_terc_commune, search_key

# TERC 2017-01-01 (app/teryt/data): the city of Włocławek is the gmina miejska 0464011 (a county
# of its own, 0464); the rural commune of Włocławek is 0418132 in the county włocławski (0418);
# Brześć Kujawski is an urban-rural commune (0418043) whose town is 0418044.
WLOCLAWEK = [
    Place("0464011", "Włocławek", "gmina miejska"),
    Place("0418132", "Włocławek", "gmina wiejska"),
]
BRZESC = [
    Place("0418043", "Brześć Kujawski", "gmina miejsko-wiejska"),
    Place("0418044", "Brześć Kujawski", "miasto"),
    Place("0418045", "Brześć Kujawski", "obszar wiejski"),
]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Włocławek", "wloclawek"),
        ("ŁÓDŹ", "lodz"),
        ("  Brześć   Kujawski ", "brzesc kujawski"),
        ("Zażółć gęślą jaźń", "zazolc gesla jazn"),
    ],
)
def test_search_key_ignores_case_diacritics_and_spacing(name, key):
    assert search_key(name) == key


@pytest.mark.parametrize(
    ("code", "commune"),
    [
        ("0418044", "0418043"),  # the town of an urban-rural commune → the commune (RODZ 4 → 3)
        ("0418045", "0418043"),  # its rural area → the commune (RODZ 5 → 3)
        ("0464011", "0464011"),  # a gmina miejska is a commune itself
        ("0418132", "0418132"),  # so is a gmina wiejska
    ],
)
def test_commune_of_a_unit(code, commune):
    assert commune_of(code) == commune


def test_a_city_naming_one_city_commune_resolves_to_it():
    # Issue 14: "87-800 Włocławek" is the city, not the rural commune of the same name.
    assert city_commune("Włocławek", WLOCLAWEK) == "0464011"
    assert city_commune("wloclawek", WLOCLAWEK) == "0464011"
    # A town of an urban-rural commune: its commune (RODZ 3).
    assert city_commune("Brześć Kujawski", BRZESC) == "0418043"


def test_a_city_naming_no_city_or_several_is_not_resolved():
    two_cities = [Place("0201011", "Nowa Wieś", "gmina miejska"), *(WLOCLAWEK[:1])]
    two_cities.append(Place("3001011", "Nowa Wieś", "gmina miejska"))
    assert city_commune("Nowa Wieś", two_cities) is None
    assert city_commune("Włocławek", WLOCLAWEK[1:]) is None  # only the rural commune


@pytest.mark.parametrize(
    ("code", "ok"),
    [("0464011", True), ("0418132", True), ("0418043", True), ("0418044", False), ("04", False)],
)
def test_only_communes_are_communes(code, ok):
    assert is_terc_commune(code) is ok
