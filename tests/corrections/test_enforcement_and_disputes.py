"""Issue 20 items 4 and 6 (brief items 3 and 5): the title withdrawn by the creditor, the
authority's suspension, resumption and end of the proceedings; disputes pausing the automatic
steps, with the creditor's deadline on a zarzut (u.p.e.a. art. 34, parameter
zarzut_stanowisko_dni; see the migration i20_corrections for its source)."""

from datetime import date

from app.documents import batch as reminder_batch
from tests.factories import card, create_debtor, create_receivable, deliver, sweep
from tests.letters.pdfcheck import text as pdf_text


async def test_a_withdrawn_title_goes_back_and_notifies_the_authority(api, title):
    rid, tid = title
    r = await api.post(
        f"/api/v1/titles/{tid}/withdrawal",
        json={"withdrawn_on": "2025-05-02", "reason": "błędny adres zobowiązanego"},
    )
    assert r.status_code == 201, r.text
    # Issued from upomnienie (reminder delivered 2025-04-03): back there.
    assert r.json()["state"] == "upomnienie"
    assert r.json()["events"][-1]["action"] == "wycofanie_tytulu"
    pending = (await api.get("/api/v1/notices")).json()
    assert [n["change"] for n in pending] == ["wycofanie"]
    xml = await api.get(f"/api/v1/notices/{pending[0]['id']}.xml")
    assert b"<zaw:WycofanieTytulu>" in xml.content
    # Its paper form: the zawiadomienie document on the card, printed with its request.
    notice_doc = r.json()["documents"][-1]
    assert notice_doc["kind"] == "zawiadomienie"
    pdf = await api.get(f"/api/v1/documents/{notice_doc['id']}.pdf")
    assert pdf.status_code == 200, pdf.text
    printed = pdf_text(pdf.content)
    assert "wycofuje tytuł wykonawczy nr TW/UM/1/2025" in printed
    again = await api.post(
        f"/api/v1/titles/{tid}/withdrawal", json={"withdrawn_on": "2025-05-03", "reason": "abc"}
    )
    assert again.status_code == 409
    early = await api.post(
        f"/api/v1/titles/{tid}/withdrawal", json={"withdrawn_on": "2025-04-10", "reason": "abc"}
    )
    assert early.status_code in (409, 422)


async def test_suspension_resumption_and_end_as_uncollectable(api, title):
    rid, tid = title
    url = f"/api/v1/titles/{tid}/enforcement-acts"
    r = await api.post(url, json={"kind": "podjecie", "on": "2025-05-02"})
    assert r.status_code == 409  # nothing suspended yet
    r = await api.post(url, json={"kind": "zawieszenie", "on": "2025-05-02"})
    assert r.status_code == 201, r.text
    assert (r.json()["state"], r.json()["enforcement_suspended_on"]) == (
        "tytul_wykonawczy",
        "2025-05-02",
    )
    r = await api.post(url, json={"kind": "podjecie", "on": "2025-06-02"})
    assert r.json()["enforcement_suspended_on"] is None
    r = await api.post(
        url,
        json={"kind": "umorzenie", "on": "2025-09-01", "uncollectable": True,
              "description": "art. 59 § 2 u.p.e.a."},
    )  # fmt: skip
    assert r.status_code == 201, r.text
    actions = [e["action"] for e in r.json()["events"][-3:]]
    assert actions == ["zawieszenie_egzekucji", "podjecie_egzekucji", "umorzenie_egzekucji"]
    folder = (await api.get("/api/v1/folders/niesciagalne")).json()
    assert rid in [x["receivable_id"] for x in folder]
    register = (await api.get("/api/v1/titles")).json()
    assert register[0]["events"] == [
        "2025-05-02 zawieszenie postępowania egzekucyjnego",
        "2025-06-02 podjęcie postępowania egzekucyjnego",
        "2025-09-01 umorzenie postępowania egzekucyjnego",
    ]


async def test_a_zarzut_pauses_the_receivable_and_counts_the_creditors_deadline(api, title):
    rid, _tid = title
    r = await api.post(
        f"/api/v1/receivables/{rid}/disputes",
        json={"kind": "zarzut", "received_on": "2025-04-22", "description": "art. 33 § 2 pkt 1"},
    )
    assert r.status_code == 201, r.text
    # 30 days (zarzut_stanowisko_dni) from Tue 2025-04-22, counted from the next day (KPA art.
    # 57 §1): Thu 2025-05-22, a working day.
    assert r.json()["answer_due_on"] == "2025-05-22"
    c = await card(api, rid, "2025-04-22")
    assert c["paused_reason"] == (
        "wstrzymane: zarzut w sprawie egzekucji administracyjnej z dnia 22.04.2025"
    )
    done = await api.post(
        f"/api/v1/disputes/{r.json()['id']}/resolution",
        json={"resolved_on": "2025-05-20", "resolution": "postanowienie nr 1/2025: nieuzasadniony"},
    )
    assert done.status_code == 200, done.text
    c = await card(api, rid, "2025-05-20")
    assert c["paused_reason"] is None
    assert [e["action"] for e in c["events"][-2:]] == ["spor", "spor_rozstrzygniety"]


async def test_a_zarzut_without_a_title_is_refused(api):
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(
        f"/api/v1/receivables/{rid}/disputes", json={"kind": "zarzut", "received_on": "2025-04-22"}
    )
    assert r.status_code == 409


async def test_a_challenged_receivable_gets_no_batch_reminder_nor_title_listing(api, session):
    did = await create_debtor(api)
    quiet, challenged = [
        (await create_receivable(api, did, reference=ref))["id"] for ref in ("S/1", "S/2")
    ]
    for rid in (quiet, challenged):
        await deliver(api, rid, "wezwanie", "2025-03-05")  # term 2025-03-19
    await sweep(api, "2025-03-20")
    r = await api.post(
        f"/api/v1/receivables/{challenged}/disputes",
        json={"kind": "skarga", "received_on": "2025-03-25"},
    )
    assert r.status_code == 201, r.text
    result = await reminder_batch.issue_due_reminders(
        session, date(2025, 4, 1), "test", date(2026, 11, 23)
    )
    assert [d.receivable_id for d in result.issued] == [quiet]
    assert (await card(api, challenged, "2025-04-01"))["state"] == "wymagalna"
    # By hand the specialist still may; both reminders delivered 2025-04-03 (7 days: title from
    # 2025-04-11), only the receivable not challenged is listed as ready for its title.
    r = await api.post(
        f"/api/v1/receivables/{challenged}/reminders", json={"issued_on": "2025-04-01"}
    )
    assert r.status_code == 201, r.text
    for rid in (quiet, challenged):
        await deliver(api, rid, "upomnienie", "2025-04-03")
    ready = (await api.get("/api/v1/sweeps/ready-for-title", params={"as_of": "2025-04-11"})).json()
    assert [x["receivable_id"] for x in ready] == [quiet]


async def test_the_draft_postanowienie_on_a_zarzut_is_printed(api, title):
    rid, _tid = title
    d = await api.post(
        f"/api/v1/receivables/{rid}/disputes",
        json={
            "kind": "zarzut",
            "received_on": "2025-04-22",
            "description": "nieistnienie obowiązku",
        },
    )
    r = await api.get(f"/api/v1/disputes/{d.json()['id']}/draft.pdf")
    assert r.status_code == 200, r.text
    text = pdf_text(r.content)
    for phrase in ("POSTANOWIENIE", "TW/UM/1/2025", "22.05.2025", "nieistnienie obowiązku"):
        assert phrase in text
