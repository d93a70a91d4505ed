"""The TERYT register: the vendored TERC loaded by migration, `windykacja teryt import FILE` with a
newer file as GUS publishes it (CSV or XML; SIMC optional), the register's date recorded, and the
communes found by name (autocomplete) and by city (an address typed as one line)."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from app import cli
from app.config import get_settings
from app.db import make_engine, make_sessionmaker
from app.errors import Conflict, Invalid
from app.migrations import upgrade
from app.teryt import service
from app.teryt.files import TerytFileError, read_catalogue

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
# A current TERC extract as GUS publishes it in CSV (TERC_Urzedowy_2025-01-01.csv: ";", UTF-8
# with BOM, column NAZWA_DOD): the voivodeship, two counties, the two communes of Włocławek.
TERC_CSV = (
    "\ufeffWOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n"
    "04;;;;KUJAWSKO-POMORSKIE;województwo;2025-01-01\n"
    "04;18;;;włocławski;powiat;2025-01-01\n"
    "04;18;13;2;Włocławek;gmina wiejska;2025-01-01\n"
    "04;64;;;Włocławek;miasto na prawach powiatu;2025-01-01\n"
    "04;64;01;1;Włocławek;gmina miejska;2025-01-01\n"
).encode()


def _row(woj: str, pow_: str, gmi: str, rodz: str, name: str, kind: str) -> str:
    cols = {"WOJ": woj, "POW": pow_, "GMI": gmi, "RODZ": rodz, "NAZWA": name, "NAZWA_DOD": kind}
    cells = "".join(f"<{k}>{v}</{k}>" if v else f"<{k}/>" for k, v in cols.items())
    return f"<row>{cells}<STAN_NA>2025-01-01</STAN_NA></row>"


# The same in GUS's XML, the newer element-per-column form.
TERC_XML = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<teryt>'
    '<catalog name="TERC" type="all" date="2025-01-01">'
    + _row("04", "", "", "", "KUJAWSKO-POMORSKIE", "województwo")
    + _row("04", "64", "", "", "Włocławek", "miasto na prawach powiatu")
    + _row("04", "64", "01", "1", "Włocławek", "gmina miejska")
    + "</catalog></teryt>"
).encode()

# SIMC: two villages called Zazamcze in two communes (columns as GUS publishes them).
SIMC_CSV = (
    b"WOJ;POW;GMI;RODZ_GMI;RM;MZ;NAZWA;SYM;SYMPOD;STAN_NA\n"
    b"04;18;13;2;01;1;Zazamcze;0000001;0000001;2025-01-01\n"
    b"04;18;04;3;01;1;Zazamcze;0000002;0000002;2025-01-01\n"
)


def test_the_vendored_file_and_both_formats_read_alike():
    vendored = Path(__file__).resolve().parents[2] / "app/teryt/data/TERC-2017-01-01.xml"
    old = read_catalogue(vendored.read_bytes())
    assert (old.name, old.valid_on, len(old.rows)) == ("TERC", date(2017, 1, 1), 4153)
    csv, xml = read_catalogue(TERC_CSV), read_catalogue(TERC_XML)
    assert (csv.name, csv.valid_on, len(csv.rows)) == ("TERC", date(2025, 1, 1), 5)
    city = next(r for r in xml.rows if r["code"] == "0464011")
    assert city == {
        "code": "0464011",
        "woj": "04",
        "pow": "64",
        "gmi": "01",
        "rodz": "1",
        "name": "Włocławek",
        "kind": "gmina miejska",
        "search_key": "wloclawek",
        "valid_on": date(2025, 1, 1),
    }
    simc = read_catalogue(SIMC_CSV)
    assert (simc.name, [r["commune_code"] for r in simc.rows]) == ("SIMC", ["0418132", "0418043"])


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a;b\n1;2\n", "Nie rozpoznano pliku"),
        (b"WOJ;POW;GMI;RODZ;NAZWA;STAN_NA\n4;;;;X;2025-01-01\n", "Wiersz 1"),
        (b"WOJ;POW;GMI;RODZ;NAZWA;STAN_NA\n04;01;;;X;01.01.2025\n", "STAN_NA"),
        (b"<teryt><row>", "uszkodzony"),
        (b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><teryt>&e;</teryt>', "żadnego"),
    ],
)
def test_a_bad_file_is_refused_with_a_polish_message(data, message):
    with pytest.raises(TerytFileError, match=message):
        read_catalogue(data)


async def test_the_migration_loaded_terc_and_recorded_its_date(session):
    registers = await service.registers(session)
    assert [(r.catalog, r.valid_on, r.rows) for r in registers] == [
        ("TERC", date(2017, 1, 1), 4153)
    ]


async def test_autocomplete_offers_the_city_and_the_rural_commune(session):
    found = await service.search(session, "Włoc")
    labels = [c.label for c in found if c.name == "Włocławek"]
    assert labels == [
        "Włocławek (gmina miejska), powiat Włocławek, woj. kujawsko-pomorskie",
        "Włocławek (gmina wiejska), powiat włocławski, woj. kujawsko-pomorskie",
    ]
    assert [c.code for c in await service.search(session, "wloclawek")][:2] == [
        "0464011",
        "0418132",
    ]
    assert await service.search(session, "W") == []  # one letter: too many to offer


async def test_a_city_is_resolved_only_when_it_names_one_city_commune(session):
    assert (await service.resolve_city(session, "Włocławek")).commune.code == "0464011"
    radom = (await service.resolve_city(session, "Radom")).commune
    assert (radom.code, radom.county, radom.voivodeship) == ("1463011", "Radom", "mazowieckie")
    # A village is no commune of the register: nothing to resolve, no candidate without SIMC.
    assert await service.resolve_city(session, "Zazamcze") == service.Resolution(None, ())
    # Several communes of the name, none a city: the specialist chooses.
    found = await service.resolve_city(session, "Baranów")
    assert found.commune is None
    assert len(found.candidates) >= 2
    assert all(c.name == "Baranów" for c in found.candidates)


async def test_import_replaces_the_register_and_records_its_date(session):
    done = await service.import_file(
        session, TERC_CSV, "TERC_Urzedowy_2025-01-01.csv", "adm", NOW, force=False
    )
    assert (done.catalog, done.rows, done.valid_on) == ("TERC", 5, "2025-01-01")
    [terc] = await service.registers(session)
    assert (terc.valid_on, terc.rows, terc.source) == (
        date(2025, 1, 1),
        5,
        "TERC_Urzedowy_2025-01-01.csv",
    )
    assert [c.code for c in await service.search(session, "Wło")] == ["0464011", "0418132"]
    assert await service.search(session, "Radom") == []  # only the new file's communes
    # An older file does not replace a newer one unless asked to.
    vendored = Path(__file__).resolve().parents[2] / "app/teryt/data/TERC-2017-01-01.xml"
    with pytest.raises(Conflict, match="nowszy"):
        await service.import_file(session, vendored.read_bytes(), "x", "adm", NOW, force=False)
    with pytest.raises(Invalid, match="Nie rozpoznano"):
        await service.import_file(session, b"x;y\n1;2\n", "x", "adm", NOW, force=False)


async def test_simc_gives_a_village_its_candidate_communes(session):
    await service.import_file(session, SIMC_CSV, "SIMC_Urzedowy.csv", "adm", NOW, force=False)
    found = await service.resolve_city(session, "Zazamcze")
    assert found.commune is None
    assert sorted(c.code for c in found.candidates) == ["0418043", "0418132"]
    assert {r.catalog for r in await service.registers(session)} == {"SIMC", "TERC"}


def test_the_import_command(tmp_path, monkeypatch, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path}/teryt.db"
    upgrade(url)
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        (tmp_path / "TERC.xml").write_bytes(TERC_XML)
        assert cli.main(["teryt", "import", str(tmp_path / "TERC.xml")]) == 0
        assert "Wczytano rejestr TERC (stan na 2025-01-01): 3 pozycji" in capsys.readouterr().out
        (tmp_path / "zly.csv").write_bytes(b"nic;tu\n1;2\n")
        assert cli.main(["teryt", "import", str(tmp_path / "zly.csv")]) == 1
        assert "Nie rozpoznano pliku" in capsys.readouterr().err
        assert cli.main(["teryt", "import", str(tmp_path / "brak.csv")]) == 1
    finally:
        get_settings.cache_clear()

    async def registers() -> list[tuple[str, date, int]]:
        engine = make_engine(url)
        async with make_sessionmaker(engine)() as s:
            found = [(r.catalog, r.valid_on, r.rows) for r in await service.registers(s)]
        await engine.dispose()
        return found

    assert asyncio.run(registers()) == [("TERC", date(2025, 1, 1), 3)]
