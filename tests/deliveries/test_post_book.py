"""The day's letters routed (ADE → e-Doręczenia, else paper with ZPO), the pocztowa książka
nadawcza (PDF), its Elektroniczny Nadawca import (XML structure 1.6, CSV), the labels without the
PESEL, and the registered-letter number recorded on the document and found by it."""

from datetime import date

from lxml import etree

from tests.factories import JAN, create_debtor, create_receivable
from tests.letters.pdfcheck import save_png, text

ADE = "AE:PL-51297-53987-VUTIV-32"


async def _day(api, today) -> tuple[int, int]:
    """2025-03-03: a demand to Jan Kowalski (no ADE) and one to Anna Nowak (with an ADE)."""
    today.day = date(2025, 3, 3)
    paper = await create_receivable(api, await create_debtor(api), reference="K/1/2025")
    anna = await create_debtor(
        api, name="Anna Nowak", first_name="Anna", last_name="Nowak", pesel="02270803624", ade=ADE
    )
    e = await create_receivable(api, anna, reference="K/2/2025")
    return paper["id"], e["id"]


async def test_routing_sends_ade_letters_electronically_and_the_rest_on_paper(api, today):
    await _day(api, today)
    letters = (await api.get("/api/v1/post-book/letters", params={"date": "2025-03-03"})).json()
    assert [(x["debtor_name"], x["channel"]) for x in letters] == [
        ("Jan Kowalski", "papier"),
        ("Anna Nowak", "elektroniczny"),
    ]


async def test_before_e_delivery_applied_an_ade_letter_still_went_on_paper(api, today):
    # u.d.e. art. 155: public entities deliver to ADE from 2025-01-01 (parameter table).
    today.day = date(2024, 12, 2)
    anna = await create_debtor(api, name="Anna Nowak", pesel="02270803624", ade=ADE)
    await create_receivable(api, anna, issue_date="2024-12-02")
    letters = (await api.get("/api/v1/post-book/letters", params={"date": "2024-12-02"})).json()
    assert letters[0]["channel"] == "papier"


async def test_post_book_pdf_and_the_en_import(api, today):
    paper, _e = await _day(api, today)
    doc = (await api.get(f"/api/v1/receivables/{paper}")).json()["documents"][0]["id"]
    r = await api.put(
        f"/api/v1/documents/{doc}/registered-number", json={"number": "0065 9007 7340 0012 3456"}
    )
    assert (r.status_code, r.json()["registered_number"]) == (200, "00659007734000123456")
    pdf = await api.get("/api/v1/post-book", params={"date": "2025-03-03"})
    assert pdf.headers["content-type"] == "application/pdf"
    words = text(pdf.content)
    assert "POCZTOWA KSIĄŻKA NADAWCZA" in words
    assert "Jan Kowalski" in words
    assert "00659007734000123456" in words
    assert "Anna Nowak" not in words  # she gets hers electronically
    assert "Razem przesyłek: 1" in words
    save_png(pdf.content, "ksiazka-nadawcza")

    xml = await api.get("/api/v1/post-book", params={"date": "2025-03-03", "format": "xml"})
    root = etree.fromstring(xml.content)
    assert (root.tag, root.get("Struktura"), root.get("Zrodlo")) == ("Nadawca", "1.6", "NADAWCA")
    [p] = root.findall("Zbior/Przesylka")
    attrs = {(a.get("Typ"), a.get("Nazwa")): a.text for a in p.findall("Atrybut")}
    assert attrs[("", "Symbol")] == "845"
    assert attrs[("", "Uslugi")] == "RO"
    assert attrs[("", "NrNadania")] == "00659007734000123456"
    # The attribute names public EN writers use (app/postbook/en.py docstring): "DlaOciemn",
    # not the PHP library's property name "dlaOciem".
    assert (attrs[("", "DlaOciemn")], attrs[("", "EgzBibl")]) == ("N", "N")
    assert ("", "DlaOciem") not in attrs
    assert (attrs[("", "Kategoria")], attrs[("", "IloscPotwOdb")]) == ("E", "1")
    assert (attrs[("Adresat", "Ulica")], attrs[("Adresat", "Dom")]) == ("Długa", "5")
    assert (attrs[("Adresat", "Lokal")], attrs[("Adresat", "Kod")]) == ("3", "87800")
    assert root.find("Zbior").get("IloscPrzesylek") == "1"
    assert b"44051401359" not in xml.content

    csv = await api.get("/api/v1/post-book", params={"date": "2025-03-03", "format": "csv"})
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("lp;numer_nadania;adresat;ulica;dom;lokal;kod_pocztowy")
    assert lines[1].split(";")[:8] == [
        "1",
        "00659007734000123456",
        "Jan Kowalski",
        "Długa",
        "5",
        "3",
        "87800",
        "Włocławek",
    ]


async def test_labels_never_show_the_pesel(api, today):
    await _day(api, today)
    pdf = await api.get("/api/v1/post-book/labels.pdf", params={"date": "2025-03-03"})
    words = text(pdf.content)
    assert "Jan Kowalski" in words
    assert "ul. Długa 5 m. 3" in words
    assert JAN["pesel"] not in words
    save_png(pdf.content, "etykiety")


async def test_registered_number_is_validated_unique_and_searchable(api, today):
    paper, _e = await _day(api, today)
    c = (await api.get(f"/api/v1/receivables/{paper}")).json()
    doc = c["documents"][0]["id"]
    bad = await api.put(f"/api/v1/documents/{doc}/registered-number", json={"number": "12-34"})
    assert (bad.status_code, bad.json()["errors"][0]["field"]) == (422, "number")
    await api.put(f"/api/v1/documents/{doc}/registered-number", json={"number": "RR123456789PL"})
    found = (
        await api.get("/api/v1/documents", params={"registered_number": "rr123456789pl"})
    ).json()
    assert [(f["document_id"], f["receivable_id"]) for f in found] == [(doc, paper)]
    other = await create_receivable(api, c["debtor_id"], reference="K/9/2025")
    doc2 = (await api.get(f"/api/v1/receivables/{other['id']}")).json()["documents"][0]["id"]
    dup = await api.put(
        f"/api/v1/documents/{doc2}/registered-number", json={"number": "RR123456789PL"}
    )
    assert dup.status_code == 409
