"""The XSD set in schemas/xsd/: the official TW-1(5) file vendored verbatim, its three missing
imports reconstructed, resolved offline through the catalog."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from lxml import etree
from xmlschema import translation

from app.titles import xsd
from app.titles.forms import FORMS
from app.titles.xml import HANDOFF_SCHEMAS

OFFICIAL = xsd.SCHEMA_DIR / "official"
SAMPLE = OFFICIAL / "tytul_wykonawczy_niekompletny.xml"
TW1_5 = FORMS["TW-1(5)"].schemas
SAMPLE_BASE = "/tw1:Dokument/tw1:TrescDokumentu/tw1:Wniosek/tw1:TW-1"
SAMPLE_ADDRESS = "tw1:Zobowiazany/tw1:OsobaNiefizyczna/com:Adres/com:AdresPolski/com:PodzialAdm"

# The errors the xmlschema project's own test (tests/test_translations.py,
# test_pl_validation_translation) expects from the live official schemas: exactly these three.
EXPECTED_PL = [
    "Zawartość elementu 'com:Opisowy' nie jest kompletna. Oczekiwany znacznik 'com:Miejscowosc'.",
    "atrybut rodzaj='8': wartość musi być jedną z [1, 2]",
    "Zawartość elementu 'com:Beneficjent' nie jest kompletna. "
    "Oczekiwany znacznik 'com:NrRachunkuPL'.",
]
EXPECTED = [
    (
        f"{SAMPLE_BASE}/{SAMPLE_ADDRESS}/com:Opisowy",
        "The content of element 'com:Opisowy' is not complete. Tag 'com:Miejscowosc' expected.",
    ),
    (
        f"{SAMPLE_BASE}/tw1:Naleznosc/com:RodzajNaleznosci",
        "attribute rodzaj='8': value must be one of [1, 2]",
    ),
    (
        f"{SAMPLE_BASE}/tw1:Wierzyciel/com:Beneficjent",
        "The content of element 'com:Beneficjent' is not complete. "
        "Tag 'com:NrRachunkuPL' expected.",
    ),
]


def test_official_schema_is_vendored_verbatim() -> None:
    # SHA-256 of sissaschool/xmlschema tests/test_cases/translations/pl/tw-1(5)8e.xsd (NOTES.md §1)
    digest = hashlib.sha256((OFFICIAL / "tw-1(5)8e.xsd").read_bytes()).hexdigest()
    assert digest == "8f7320aca7aebff045bc67948c19add016d60af8ffc8f7943c7d00a05f53497a"


def test_the_official_imports_resolve_to_local_files() -> None:
    schema = etree.parse(str(OFFICIAL / "tw-1(5)8e.xsd")).getroot()
    imports = [
        e.get("schemaLocation") for e in schema.iter("{http://www.w3.org/2001/XMLSchema}import")
    ]
    assert len(imports) == 3
    assert all(loc.startswith("http://crd.gov.pl/") for loc in imports)
    for location in imports:
        local = urlparse(xsd.catalog()[location])
        assert local.scheme == "file"
        assert Path(unquote(local.path)).is_file()


@pytest.mark.parametrize(
    "path",
    sorted((xsd.SCHEMA_DIR / "reconstructed").glob("*.xsd")),
    ids=lambda p: p.name,
)
def test_every_reconstruction_says_so_at_its_top(path: Path) -> None:
    head = path.read_text(encoding="utf-8")[:600]
    assert "RECONSTRUCTION - NOT AN OFFICIAL FILE." in head
    assert "Made from" in path.read_text(encoding="utf-8")


def test_official_sample_gives_exactly_its_three_known_errors() -> None:
    schema = xsd.xmlschema_for(TW1_5)
    errors = [(e.path, e.reason) for e in schema.iter_errors(str(SAMPLE))]
    assert errors == EXPECTED


def test_official_sample_errors_match_the_upstream_polish_test_word_for_word() -> None:
    schema = xsd.xmlschema_for(TW1_5)
    translation.activate(languages=["pl"])
    try:
        errors = [e.reason for e in schema.iter_errors(str(SAMPLE))]
    finally:
        translation.deactivate()
    assert errors == EXPECTED_PL


def test_lxml_finds_the_same_three_errors_in_the_sample() -> None:
    validator = xsd.lxml_for(TW1_5)
    assert not validator.validate(etree.parse(str(SAMPLE)))
    assert [e.path for e in validator.error_log] == [path for path, _ in EXPECTED]


def test_handoff_set_loads_every_registered_form_for_strict_title_validation() -> None:
    namespaces = set(xsd.xmlschema_for(HANDOFF_SCHEMAS).maps.namespaces)
    assert {f.namespace for f in FORMS.values()} <= namespaces
    assert "urn:windykacja:handoff:1" in namespaces


def test_schemas_are_loaded_once() -> None:
    assert xsd.xmlschema_for(TW1_5) is xsd.xmlschema_for(TW1_5)
    assert xsd.lxml_for(TW1_5) is xsd.lxml_for(TW1_5)
