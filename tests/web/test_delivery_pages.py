"""The delivery form on the receivable card (the way, its dates, the scan), the correspondence
page and the address-search worklist, as a specialist uses them."""

from __future__ import annotations

from datetime import date

from tests.deliveries.evidence import ADE, etsi_evidence
from tests.factories import card, create_debtor, create_receivable
from tests.web.conftest import csrf_of

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def _multipart(client, url: str, data: dict[str, str], scan: tuple | None, page: str):
    token = await csrf_of(client, page)
    files = {"scan": scan} if scan else {"scan": ("", b"", "application/octet-stream")}
    return await client.post(url, data={"csrf_token": token, **data}, files=files)


async def test_awizo_with_its_scan_through_the_card(web, api_admin) -> None:
    rid = (await create_receivable(api_admin, await create_debtor(api_admin)))["id"]
    page = f"/naleznosci/{rid}"
    html = (await web.get(page)).text
    assert 'enctype="multipart/form-data"' in html
    assert "Data pierwszego awizo" in html
    bad = await _multipart(
        web,
        f"{page}/doreczenie",
        {"document": "wezwanie", "method": "awizo"},
        ("zpo.exe", b"MZ\x90", "application/pdf"),
        page,
    )
    assert bad.status_code == 422
    assert 'id="e-doreczenie-first_notice_on">Podaj datę pierwszego awizo' in bad.text
    r = await _multipart(
        web,
        f"{page}/doreczenie",
        {"document": "wezwanie", "method": "awizo", "first_notice_on": "2025-03-04"},
        ("ZPO skan.pdf", PDF, "application/pdf"),
        page,
    )
    assert r.status_code == 303, r.text
    html = (await web.get(page)).text
    # KPA art. 44 §4: 2025-03-04 + 14 = 2025-03-18; 14 days → 2025-04-01.
    assert "uznane za doręczone 18.03.2025; termin upływa 01.04.2025" in html
    assert "awizo – niepodjęte po dwukrotnym zawiadomieniu: 18.03.2025 (fikcja)" in html
    assert 'class="scan"' in html
    c = await card(api_admin, rid, "2025-04-02")
    assert c["payment_term_ends_on"] == "2025-04-01"


async def test_a_bad_scan_is_refused_next_to_its_field(web, api_admin) -> None:
    rid = (await create_receivable(api_admin, await create_debtor(api_admin)))["id"]
    page = f"/naleznosci/{rid}"
    r = await _multipart(
        web,
        f"{page}/doreczenie",
        {"document": "wezwanie", "method": "zpo", "delivered_on": "2025-03-05"},
        ("zpo.pdf", b"GIF89a not a scan", "application/pdf"),
        page,
    )
    assert r.status_code == 422
    assert "Skan musi być plikiem PDF, PNG albo JPEG" in r.text
    assert (await card(api_admin, rid, "2025-03-10"))["payment_term_ends_on"] is None


async def test_returned_letter_appears_on_the_address_worklist_and_is_answered(
    web, api_admin, today
) -> None:
    today.day = date(2025, 3, 21)
    debtor = await create_debtor(api_admin)
    rid = (await create_receivable(api_admin, debtor))["id"]
    page = f"/naleznosci/{rid}"
    r = await _multipart(
        web,
        f"{page}/doreczenie",
        {"document": "wezwanie", "method": "zwrot", "returned_on": "2025-03-20"},
        None,
        page,
    )
    assert r.status_code == 303
    assert "Otwarto zadanie ustalenia adresu" in (await web.get(page)).text
    work = (await web.get("/ustalanie-adresow")).text
    assert "Jan Kowalski" in work
    assert "Wniosek do rejestru PESEL (PDF)" in work
    sid = work.split("/ustalanie-adresow/")[1].split("/")[0]
    token = await csrf_of(web, "/ustalanie-adresow")
    r = await web.post(
        f"/ustalanie-adresow/{sid}/odpowiedz",
        data={
            "csrf_token": token,
            "answered_on": "2025-03-21",
            "source": "rejestr PESEL",
            "result": "nowy_adres",
            "street": "ul. Szeroka 10",
            "postal_code": "87100",
            "city": "Toruń",
        },
    )
    assert r.status_code == 422
    assert "Kod pocztowy w postaci 00-000" in r.text
    r = await web.post(
        f"/ustalanie-adresow/{sid}/odpowiedz",
        data={
            "csrf_token": token,
            "answered_on": "2025-03-21",
            "source": "rejestr PESEL",
            "result": "nowy_adres",
            "street": "ul. Szeroka 10",
            "postal_code": "87-100",
            "city": "Toruń",
        },
    )
    assert r.status_code == 303
    assert "Brak otwartych zadań" in (await web.get("/ustalanie-adresow")).text


async def test_correspondence_page_routes_and_records_a_number(web, api_admin, today) -> None:
    today.day = date(2025, 3, 3)
    rid = (await create_receivable(api_admin, await create_debtor(api_admin)))["id"]
    html = (await web.get("/korespondencja?dzien=2025-03-03")).text
    assert "Pocztowa książka nadawcza (PDF)" in html
    assert 'data-channel="papier"' in html
    doc = (await card(api_admin, rid, "2025-03-03"))["documents"][0]["id"]
    token = await csrf_of(web, "/korespondencja")
    r = await web.post(
        "/korespondencja/numer",
        data={
            "csrf_token": token,
            "document_id": str(doc),
            "number": "00659007734000123456",
            "dzien": "2025-03-03",
        },
    )
    assert r.status_code == 303, r.text
    found = (await web.get("/korespondencja?nr=00659007734000123456")).text
    assert "WZ/1/2025" in found


async def test_the_operators_evidence_through_the_correspondence_page(web, api_admin, today):
    # Manual channel (the default provider): the letter to Anna's ADE goes in the day's package;
    # its dowód otrzymania from the mailbox is imported on the page (u.d.e. art. 42 ust. 1).
    today.day = date(2025, 3, 3)
    anna = await create_debtor(api_admin, name="Anna Nowak", pesel="02270803624", ade=ADE)
    rid = (await create_receivable(api_admin, anna))["id"]
    r = await api_admin.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})
    assert r.json()["sent"][0]["status"] == "do_wyslania"
    today.day = date(2025, 3, 10)
    html = (await web.get("/korespondencja")).text
    assert "Dowód wysłania nie ustala doręczenia" in html

    async def send(content: bytes):
        token = await csrf_of(web, "/korespondencja")
        return await web.post(
            "/korespondencja/dowod",
            data={"csrf_token": token},
            files={"file": ("dowod.xml", content, "application/xml")},
        )

    bad = await send(etsi_evidence("SubmissionAcceptance", "2025-03-03T09:00:00Z"))
    assert bad.status_code == 422
    assert "To jest dowód wysłania (SubmissionAcceptance)" in bad.text
    ok = await send(etsi_evidence("ContentHandover", "2025-03-05T07:00:00Z"))
    assert ok.status_code == 303, ok.text
    assert ok.headers["location"] == f"/naleznosci/{rid}"
    c = (await api_admin.get(f"/api/v1/receivables/{rid}")).json()
    assert c["payment_term_ends_on"] == "2025-03-19"  # picked up Wed 05.03 + 14 days
