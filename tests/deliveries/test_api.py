"""POST /api/v1/documents/{id}/deliveries: each way of delivering gives its legally effective day
(KPA art. 42–47, u.d.e. art. 42), and the receivable's terms run from it."""

import hashlib

from tests.factories import card, create_debtor, create_receivable, deliver, sweep

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


async def _demand(api, **receivable) -> tuple[int, int]:
    rid = (await create_receivable(api, await create_debtor(api), **receivable))["id"]
    c = await card(api, rid, "2025-03-03" if not receivable else receivable["issue_date"])
    return rid, c["documents"][0]["id"]


async def _post(api, doc_id: int, **body):
    return await api.post(f"/api/v1/documents/{doc_id}/deliveries", json=body)


async def test_awizo_is_deemed_on_the_fourteenth_day_and_the_term_runs_from_it(api):
    rid, doc = await _demand(api)
    # KPA art. 44 §4: first notice Tue 2025-03-04 → deemed Tue 2025-03-18; the demand's 14 days
    # → Tue 2025-04-01 (seed 003 §3.1).
    r = await _post(api, doc, method="awizo", first_notice_on="2025-03-04")
    assert r.status_code == 201, r.text
    body = r.json()
    assert (body["effective_on"], body["deemed"], body["term_ends_on"]) == (
        "2025-03-18",
        True,
        "2025-04-01",
    )
    assert "art. 44 §4" in body["basis"]
    c = await card(api, rid, "2025-04-02")
    assert c["payment_term_ends_on"] == "2025-04-01"
    assert c["due_from"] == "2025-04-02"
    assert c["documents"][0]["delivered_on"] == "2025-03-18"


async def test_awizo_deemed_on_easter_monday_is_not_moved(api):
    rid, doc = await _demand(api, issue_date="2025-04-01")
    # First notice Mon 2025-04-07 → deemed Mon 2025-04-21, Poniedziałek Wielkanocny (no shift:
    # app/domain/delivery.py); 14 days → Mon 2025-05-05.
    r = await _post(api, doc, method="awizo", first_notice_on="2025-04-07")
    assert (r.json()["effective_on"], r.json()["term_ends_on"]) == ("2025-04-21", "2025-05-05")
    assert (await card(api, rid, "2025-05-06"))["due_from"] == "2025-05-06"


async def test_refused_reminder_counts_from_the_refusal_and_allows_the_title(api):
    rid, doc = await _demand(api)
    await deliver(api, rid, "wezwanie", "2025-03-05")  # the old endpoint: ZPO on that date
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    reminder = r.json()["id"]
    # KPA art. 47 §2: refused Sat 2025-04-05 → delivered 04-05; 7 days → Sat 04-12 → Mon 04-14
    # (OP art. 12 §5); the title from Tue 2025-04-15.
    r = await _post(api, reminder, method="odmowa", refused_on="2025-04-05")
    assert (r.json()["effective_on"], r.json()["term_ends_on"]) == ("2025-04-05", "2025-04-14")
    early = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-14"})
    assert early.status_code == 409
    assert "najwcześniej 15.04.2025" in early.json()["detail"]
    ok = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-15"})
    assert ok.status_code == 201, ok.text


async def test_household_member_and_a_neighbour_without_the_notice(api):
    _rid, doc = await _demand(api)
    r = await _post(api, doc, method="domownik", signed_on="2025-03-06", substitute="sasiad")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "addressee_notified"
    r = await _post(api, doc, method="domownik", signed_on="2025-03-06", substitute="domownik")
    assert (r.status_code, r.json()["effective_on"]) == (201, "2025-03-06")
    assert "art. 43" in r.json()["basis"]


async def test_e_delivery_not_picked_up_is_deemed_the_day_after_fourteen_days(api):
    _rid, doc = await _demand(api)
    # u.d.e. art. 42 ust. 2: arrived Wed 2025-03-05 → deemed Thu 2025-03-20; 14 days → Thu 04-03.
    r = await _post(api, doc, method="e_doreczenie", arrived_on="2025-03-05")
    assert (r.json()["effective_on"], r.json()["term_ends_on"]) == ("2025-03-20", "2025-04-03")


async def test_returned_letter_opens_the_address_search(api):
    rid, doc = await _demand(api)
    r = await _post(
        api, doc, method="zwrot", returned_on="2025-03-20", note="adresat wyprowadził się"
    )
    assert r.status_code == 201, r.text
    assert r.json()["effective_on"] is None
    assert r.json()["address_search_id"] is not None
    c = await card(api, rid, "2025-03-21")
    assert c["payment_term_ends_on"] is None
    debtor = (await api.get(f"/api/v1/debtors/{c['debtor_id']}")).json()
    assert debtor["address_unknown"] is True
    tasks = (await api.get("/api/v1/address-searches")).json()
    assert [t["document_number"] for t in tasks] == ["WZ/1/2025"]


async def test_a_return_after_a_valid_delivery_is_refused(api):
    _rid, doc = await _demand(api)
    assert (await _post(api, doc, method="zpo", signed_on="2025-03-05")).status_code == 201
    r = await _post(api, doc, method="zwrot", returned_on="2025-03-20")
    assert r.status_code == 409
    history = (await api.get(f"/api/v1/documents/{doc}/deliveries")).json()
    assert [d["method"] for d in history] == ["zpo"]


async def test_bad_facts_write_nothing(api):
    rid, doc = await _demand(api)
    # Before the letter was issued, in the future, a fiction not yet run, a missing date.
    for body, field in (
        ({"method": "zpo", "signed_on": "2025-03-01"}, "signed_on"),
        ({"method": "zpo", "signed_on": "2027-01-01"}, "signed_on"),
        ({"method": "awizo"}, "first_notice_on"),
        ({"method": "odmowa"}, "refused_on"),
    ):
        r = await _post(api, doc, **body)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["errors"][0]["field"] == field
    r = await _post(api, doc, method="pocztą gołębią", signed_on="2025-03-05")
    assert r.status_code == 422
    assert (await api.get(f"/api/v1/documents/{doc}/deliveries")).json() == []
    assert (await card(api, rid, "2025-03-10"))["payment_term_ends_on"] is None


async def test_a_deemed_day_still_ahead_is_refused(api, today):
    from datetime import date

    _rid, doc = await _demand(api)
    today.day = date(2025, 3, 10)
    r = await _post(api, doc, method="awizo", first_notice_on="2025-03-04")
    assert r.status_code == 422
    assert "18.03.2025" in r.json()["detail"]


async def test_only_letters_to_the_debtor_and_only_existing_ones(api):
    assert (await _post(api, 999_999, method="zpo", signed_on="2025-03-05")).status_code == 404


async def test_the_old_endpoint_records_a_zpo_delivery(api):
    rid, doc = await _demand(api)
    await deliver(api, rid, "wezwanie", "2025-03-05")
    [d] = (await api.get(f"/api/v1/documents/{doc}/deliveries")).json()
    assert (d["method"], d["signed_on"], d["effective_on"]) == ("zpo", "2025-03-05", "2025-03-05")
    assert d["created_by"] == "admin"


async def test_scan_of_the_receipt_is_checked_stored_and_served_with_its_checksum(api):
    _rid, doc = await _demand(api)
    d = (await _post(api, doc, method="zpo", signed_on="2025-03-05")).json()
    url = f"/api/v1/deliveries/{d['id']}/scan"
    fake = await api.put(
        url, files={"file": ("zpo.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")}
    )
    assert fake.status_code == 422
    assert "PDF, PNG albo JPEG" in fake.json()["detail"]
    big = await api.put(url, files={"file": ("zpo.pdf", PDF + b"0" * (5 * 1024 * 1024), "a/b")})
    assert big.status_code == 422
    r = await api.put(url, files={"file": ("../../skan ZPO.pdf", PDF, "text/plain")})
    assert r.status_code == 200, r.text
    scan = r.json()["scan"]
    assert scan["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert (scan["media_type"], scan["name"]) == ("application/pdf", "skan ZPO.pdf")
    got = await api.get(scan["url"])
    assert got.content == PDF
    assert got.headers["x-content-sha256"] == scan["sha256"]
    assert (
        await api.put(url, files={"file": ("b.pdf", PDF, "application/pdf")})
    ).status_code == 409
