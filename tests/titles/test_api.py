"""Titles after issue over the API: TW-1 XML, the register, notices, handoff batches, reports."""

from lxml import etree

from tests.factories import create_debtor, create_receivable, deliver, sweep

TW1 = "http://crd.gov.pl/wzor/2021/06/15/10693/"


async def _titled(api, **debtor) -> tuple[int, int]:
    """A stay fee walked to an executive title issued on 2025-04-11 (see tests/e2e)."""
    rid = (await create_receivable(api, await create_debtor(api, **debtor)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    await sweep(api, "2025-03-20")
    assert (
        await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    ).status_code == 201
    await deliver(api, rid, "upomnienie", "2025-04-03")  # title from 2025-04-11
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert r.status_code == 201, r.text
    return rid, r.json()["id"]


async def test_title_xml_is_an_official_tw1_document(api):
    _rid, tid = await _titled(
        api, name='Zażółć & <Gęślą> "Jaźń"', first_name="Zażółć & <Gęślą>", last_name='"Jaźń"'
    )
    r = await api.get(f"/api/v1/titles/{tid}.xml")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/xml")
    root = etree.fromstring(r.content)
    assert root.tag == f"{{{TW1}}}Dokument"
    texts = {el.text for el in root.iter() if isinstance(el.tag, str)}
    assert "TW/UM/1/2025" in r.content.decode()
    # Polish letters survive; & < " are escaped by the serializer and read back intact.
    assert {"Zażółć & <Gęślą>", '"Jaźń"'} <= texts
    assert b"&amp; &lt;" in r.content


async def test_handoff_takes_unsent_titles_once_and_then_the_notices(api):
    rid, _tid = await _titled(api)
    h = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    assert h.status_code == 201, h.text
    assert (h.json()["title_count"], h.json()["notice_count"]) == (1, 0)
    assert h.json()["number"] == "P/UM/1/2025"
    again = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    assert again.status_code == 409

    body = (await api.get(f"/api/v1/handoffs/{h.json()['id']}.xml")).content
    assert b"TW/UM/1/2025" in body
    etree.fromstring(body)

    # 2025-05-05 a partial payment on a receivable under a title → a notice for the authority.
    p = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-05-05", "amount": "100.00"}
    )
    assert p.status_code == 201
    pending = (await api.get("/api/v1/notices")).json()
    assert [n["change"] for n in pending] == ["wplata_czesciowa"]
    assert (await api.get(f"/api/v1/notices/{pending[0]['id']}.xml")).status_code == 200
    h2 = await api.post("/api/v1/handoffs", json={"issued_on": "2025-05-06"})
    assert h2.status_code == 201, h2.text
    assert (h2.json()["title_count"], h2.json()["notice_count"]) == (0, 1)
    assert (await api.get("/api/v1/notices")).json() == []

    register = (await api.get("/api/v1/titles")).json()
    assert register[0]["number"] == "TW/UM/1/2025"
    assert register[0]["handoff_number"] == "P/UM/1/2025"
    assert register[0]["events"] == ["2025-05-05 wpłata częściowa"]


async def test_title_returned_as_uncollectable_goes_to_its_folder(api):
    _rid, tid = await _titled(api)
    r = await api.post(
        f"/api/v1/titles/{tid}/reports",
        json={
            "reported_on": "2025-09-01",
            "kind": "zwrot_nieegzekwowalny",
            "description": "brak majątku",
        },
    )
    assert r.status_code == 201, r.text
    counts = {f["code"]: f["count"] for f in (await api.get("/api/v1/folders")).json()}
    assert counts["niesciagalne"] >= 1


async def test_debtor_without_any_identifier_still_gets_valid_xml(api):
    _rid, tid = await _titled(api, pesel=None)
    r = await api.get(f"/api/v1/titles/{tid}.xml")
    assert r.status_code == 200, r.text


async def test_a_missed_instalment_under_a_title_notifies_the_authority_of_resumption(api):
    rid, _tid = await _titled(api)
    # 2025-04-20 instalments granted: balance 266.00 (250.00 + 16.00 costs; interest under the
    # threshold) in two; the first due Sat 2025-05-31 moves to Mon 2025-06-02 (OP art. 12 §5).
    r = await api.post(
        f"/api/v1/receivables/{rid}/instalments",
        json={
            "decided_on": "2025-04-20",
            "decision_ref": "FN.3111.7.2025",
            "instalments": [
                {"due_on": "2025-05-31", "amount": "133.00"},
                {"due_on": "2025-06-30", "amount": "133.00"},
            ],
        },
    )
    assert r.status_code == 201, r.text
    notices = (await api.get("/api/v1/notices")).json()
    assert [n["change"] for n in notices] == ["raty"]
    # Nothing paid: on 2025-06-02 the instalment is not missed yet; on 2025-06-03 it is.
    await sweep(api, "2025-06-02")
    assert (await api.get(f"/api/v1/receivables/{rid}")).json()["state"] == "raty"
    await sweep(api, "2025-06-03")
    assert (await api.get(f"/api/v1/receivables/{rid}")).json()["state"] == "tytul_wykonawczy"
    notices = (await api.get("/api/v1/notices")).json()
    assert [(n["change"], n["event_on"]) for n in notices] == [
        ("raty", "2025-04-20"),
        ("wznowienie", "2025-06-03"),
    ]
    await sweep(api, "2025-06-03")
    assert len((await api.get("/api/v1/notices")).json()) == 2
