"""A returned letter opens the address search; the PESEL request prints on its form (ustawa o
ewidencji ludności art. 46–47, Dz.U. 2022 poz. 1493 zał. 1); the answer updates the debtor."""

from datetime import date

from tests.factories import card, create_debtor, create_receivable
from tests.letters.pdfcheck import save_png, text


async def _returned(api) -> tuple[int, int, int]:
    """The demand of 2025-03-03 came back on 2025-03-20; recorded that day (the task's opening)."""
    debtor = await create_debtor(api)
    rid = (await create_receivable(api, debtor))["id"]
    doc = (await card(api, rid, "2025-03-03"))["documents"][0]["id"]
    r = await api.post(
        f"/api/v1/documents/{doc}/deliveries", json={"method": "zwrot", "returned_on": "2025-03-20"}
    )
    return debtor, rid, r.json()["address_search_id"]


async def test_one_task_per_debtor_and_the_pesel_request(api, today):
    today.day = date(2025, 3, 21)
    debtor, _rid, sid = await _returned(api)
    # A second receivable's letter comes back too: the same open task.
    rid2 = (await create_receivable(api, debtor, reference="S/2"))["id"]
    doc2 = (await card(api, rid2, "2025-03-03"))["documents"][0]["id"]
    r = await api.post(
        f"/api/v1/documents/{doc2}/deliveries",
        json={"method": "zwrot", "returned_on": "2025-03-21"},
    )
    assert r.json()["address_search_id"] == sid
    today.day = date(2025, 4, 10)
    pdf = await api.get(f"/api/v1/address-searches/{sid}/pesel-request.pdf")
    assert pdf.status_code == 200
    words = text(pdf.content)
    assert "WNIOSEK O UDOSTĘPNIENIE DANYCH JEDNOSTKOWYCH Z REJESTRU MIESZKAŃCÓW" in words
    assert "Dz.U. 2022 poz. 1493" in words
    assert "44051401359" in words  # the person the request concerns is identified by PESEL
    assert "14.05.1944" in words  # birth date read from the PESEL
    assert "art. 46 ust. 1" in words
    save_png(pdf.content, "wniosek-pesel")
    r = await api.post(
        f"/api/v1/address-searches/{sid}/request", json={"requested_on": "2025-03-24"}
    )
    assert r.json()["requested_on"] == "2025-03-24"


async def test_answer_with_a_new_address_closes_the_task(api, today):
    today.day = date(2025, 3, 21)
    debtor, _rid, sid = await _returned(api)
    url = f"/api/v1/address-searches/{sid}/answer"
    today.day = date(2025, 4, 10)
    bad = await api.post(
        url,
        json={"answered_on": "2025-04-02", "source": "PESEL", "result": "nowy_adres", "city": "X"},
    )
    assert (bad.status_code, bad.json()["errors"][0]["field"]) == (422, "street")
    r = await api.post(
        url,
        json={
            "answered_on": "2025-04-02",
            "source": "rejestr PESEL – odpowiedź Prezydenta Miasta Torunia, SO.5341.12.2025",
            "result": "nowy_adres",
            "street": "ul. Szeroka 10",
            "postal_code": "87-100",
            "city": "Toruń",
            "terc": "0463011",
        },
    )
    assert r.status_code == 200, r.text
    assert (r.json()["status"], r.json()["terc"]) == ("zamkniete", "0463011")
    d = (await api.get(f"/api/v1/debtors/{debtor}")).json()
    assert d["address"]["street"] == "ul. Szeroka 10"
    assert d["address_unknown"] is False
    changes = (await api.get(f"/api/v1/debtors/{debtor}/changes")).json()
    assert {"field": "city", "old": "Włocławek", "new": "Toruń"} in changes[-1]["changes"]
    again = await api.post(
        url, json={"answered_on": "2025-04-03", "source": "x", "result": "brak_danych"}
    )
    assert again.status_code == 409
    assert (await api.get("/api/v1/address-searches")).json() == []


async def test_answer_with_a_death_date_marks_the_debtor_deceased(api, today):
    today.day = date(2025, 3, 21)
    debtor, _rid, sid = await _returned(api)
    today.day = date(2025, 4, 10)
    r = await api.post(
        f"/api/v1/address-searches/{sid}/answer",
        json={
            "answered_on": "2025-04-02",
            "source": "rejestr PESEL",
            "result": "zgon",
            "death_on": "2025-02-11",
        },
    )
    assert r.status_code == 200, r.text
    d = (await api.get(f"/api/v1/debtors/{debtor}")).json()
    assert (d["deceased"], d["deceased_on"]) == (True, "2025-02-11")
