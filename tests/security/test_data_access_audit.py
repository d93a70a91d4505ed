"""Issue 15 item 12: who read which debtor's personal data, and when (KRI §20 ust. 2 pkt 22, RODO
art. 32), and the debtor's data extract the admin prints (RODO art. 15): what is held, since when,
what was disclosed to whom, who read it."""

from __future__ import annotations

import io

import httpx
from pypdf import PdfReader
from sqlalchemy import select

from app.audit import service as audit
from app.models import AuditEvent
from tests.security.support import assert_problem, titled

PESEL = "44051401359"


async def _reads(session, debtor_id: int) -> list[tuple[str, str, str]]:
    rows = await session.execute(
        select(AuditEvent.actor, AuditEvent.action, AuditEvent.details)
        .where(AuditEvent.debtor_id == debtor_id)
        .order_by(AuditEvent.id)
    )
    return [(actor, action, details.get("co", "")) for actor, action, details in rows]


async def test_cards_pdfs_and_hand_overs_are_recorded_with_who_and_what(
    api: httpx.AsyncClient, session
) -> None:
    rid, title_id = await titled(api)
    card = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-04-11"})).json()
    did = card["debtor_id"]
    assert (await api.get(f"/api/v1/debtors/{did}")).status_code == 200
    assert (await api.get(f"/api/v1/documents/{title_id}.pdf")).status_code == 200
    assert (await api.get(f"/api/v1/titles/{title_id}.xml")).status_code == 200
    handoff = await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})
    assert handoff.status_code == 201, handoff.text
    xml = await api.get(f"/api/v1/handoffs/{handoff.json()['id']}.xml")
    assert xml.status_code == 200
    reads = await _reads(session, did)
    assert ("admin", audit.DATA_READ, "karta należności (API)") in reads
    assert ("admin", audit.DATA_READ, "karta zobowiązanego (API)") in reads
    assert ("admin", audit.DATA_READ, "PDF dokumentu") in reads
    assert ("admin", audit.DATA_READ, "XML tytułu wykonawczego") in reads
    assert ("admin", audit.DATA_READ, "XML przekazania do organu") in reads
    # A refused read (no such document) records nothing.
    before = len(await _reads(session, did))
    assert_problem(await api.get("/api/v1/documents/999999.pdf"), 404)
    assert len(await _reads(session, did)) == before


async def test_a_list_export_records_who_took_it(api: httpx.AsyncClient, session) -> None:
    r = await api.get("/api/v1/reports/year-end/2025/time-barred.csv")
    assert r.status_code == 200, r.text
    row = await session.scalar(
        select(AuditEvent).where(AuditEvent.subject.like("%time-barred.csv")).limit(1)
    )
    assert (row.actor, row.action, row.details["co"]) == (
        "admin",
        audit.DATA_READ,
        "wykaz przedawnionych (eksport)",
    )


async def test_the_admin_prints_the_art_15_extract(api: httpx.AsyncClient, session) -> None:
    rid, _title = await titled(api)
    did = (await api.get(f"/api/v1/receivables/{rid}", params={"as_of": "2025-04-11"})).json()[
        "debtor_id"
    ]
    assert (await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-14"})).status_code == 201
    await api.put(
        f"/api/v1/debtors/{did}",
        json={
            "name": "Jan Kowalski",
            "pesel": PESEL,
            "address": {"street": "ul. Nowa 3", "postal_code": "87-800", "city": "Włocławek"},
        },
    )
    assert (await api.get(f"/api/v1/debtors/{did}")).status_code == 200
    note = {"kind": "telefon", "occurred_on": "2025-04-14", "text": "Dzwonił w sprawie raty."}
    assert (await api.post(f"/api/v1/debtors/{did}/notes", json=note)).status_code == 201
    r = await api.get(f"/api/v1/audit/debtors/{did}/extract.pdf")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    assert r.headers["cache-control"] == "no-store"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(r.content)).pages)
    flat = " ".join(text.split())
    assert "Informacja o przetwarzanych danych osobowych" in flat
    assert "art. 15 rozporządzenia (UE) 2016/679" in flat
    assert PESEL in flat
    assert "ul. Nowa 3" in flat
    assert "organ egzekucyjny: Prezydent" in flat  # to whom the title was disclosed, by name
    assert "karta zobowiązanego (API)" in flat  # who in the unit read the data
    # Issue 19 item 5: the notes and contacts log is named entry by entry.
    assert "wpis w notatkach i kontaktach: rozmowa telefoniczna z dnia 14.04.2025" in flat
    assert "Prezesa Urzędu Ochrony Danych Osobowych" in flat
    # The extract is itself recorded; and only the admin may print it.
    assert (await _reads(session, did))[-1][:2] == ("admin", audit.DATA_EXTRACT)
    assert_problem(await api.get("/api/v1/audit/debtors/999999/extract.pdf"), 404)
