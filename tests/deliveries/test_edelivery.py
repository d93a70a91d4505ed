"""e-Doręczenia: the day's ADE letters go out through the provider (the manual channel packs them;
the test provider backs the round trip), and the proof sets the delivery by u.d.e. art. 42."""

import io
import zipfile
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from app.config import Settings
from app.edelivery import proofs
from app.edelivery.provider import provider_for
from tests.deliveries.evidence import etsi_evidence as _evidence
from tests.factories import create_debtor, create_receivable

ADE = "AE:PL-51297-53987-VUTIV-32"
WAW = ZoneInfo("Europe/Warsaw")


@pytest.fixture
def settings(database_url: str) -> Settings:
    # The app under test talks to the local test provider instead of the manual channel.
    return Settings(
        environment="test",
        database_url=database_url,
        admin_password="test-admin-password",
        secret_key="test-secret-key-0123456789abcdef0123456789",
        creditor_nip="7740001454",
        edelivery_provider="testowy",
        unit_id="jednostka-e-doreczenia",
    )


async def _anna(api, today) -> int:
    today.day = date(2025, 3, 3)
    anna = await create_debtor(api, name="Anna Nowak", pesel="02270803624", ade=ADE)
    return (await create_receivable(api, anna))["id"]


async def test_sent_through_the_provider_and_the_proof_sets_the_delivery(api, today, settings):
    rid = await _anna(api, today)
    r = await api.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})
    assert r.status_code == 201, r.text
    [sent] = r.json()["sent"]
    assert (sent["address"], sent["status"]) == (ADE, "wyslano")
    again = await api.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})
    assert again.status_code == 409  # each letter goes once
    fake = provider_for("testowy", settings.unit, "test")
    # Arrived Mon 2025-03-03 at 23:30 Warsaw time, picked up Wed 2025-03-05 at 08:00:
    # u.d.e. art. 42 ust. 1 pkt 1 → delivered 2025-03-05; 14 days → Wed 2025-03-19.
    fake.deliver(
        sent["message_id"],
        [
            ("wplyniecie", datetime(2025, 3, 3, 23, 30, tzinfo=WAW)),
            ("odebranie", datetime(2025, 3, 5, 8, 0, tzinfo=WAW)),
        ],
    )
    today.day = date(2025, 3, 6)
    got = await api.post("/api/v1/e-deliveries/collect")
    assert got.status_code == 200, got.text
    [d] = got.json()
    assert (d["method"], d["effective_on"], d["term_ends_on"]) == (
        "e_doreczenie",
        "2025-03-05",
        "2025-03-19",
    )
    c = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert c["payment_term_ends_on"] == "2025-03-19"


async def test_an_unpicked_letter_is_deemed_delivered_by_the_imported_proof(
    api,
    today,
    settings,  # noqa: ARG001 (the fixture puts the test provider in the app)
):
    await _anna(api, today)
    [sent] = (await api.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})).json()[
        "sent"
    ]
    # The UPD file of a letter not picked up: arrived 2025-03-03 (UTC 23:30 on 03-03 is
    # 00:30 on 03-04 in Warsaw) → arrived 03-04; deemed the day after 14 days: 2025-03-19.
    upd = proofs.build(
        sent["message_id"],
        ADE,
        [("wplyniecie", datetime(2025, 3, 3, 23, 30, tzinfo=ZoneInfo("UTC")))],
    )
    today.day = date(2025, 3, 25)
    r = await api.post("/api/v1/e-deliveries/proofs", files={"file": ("upd.xml", upd, "text/xml")})
    assert r.status_code == 201, r.text
    assert (r.json()["effective_on"], r.json()["deemed"]) == ("2025-03-19", True)
    dup = await api.post(
        "/api/v1/e-deliveries/proofs", files={"file": ("upd.xml", upd, "text/xml")}
    )
    assert dup.status_code == 409
    bad = await api.post(
        "/api/v1/e-deliveries/proofs", files={"file": ("x.xml", b"<a/>", "text/xml")}
    )
    assert (bad.status_code, "DowodDoreczenia" in bad.json()["detail"]) == (422, True)
    evil = b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    assert (
        await api.post("/api/v1/e-deliveries/proofs", files={"file": ("e.xml", evil, "text/xml")})
    ).status_code == 422


def test_manual_channel_packs_the_letters_for_upload_by_hand():
    from app.edelivery.provider import Attachment, ManualProvider, Outgoing

    item = Outgoing(
        "WZ/1/2025",
        ADE,
        "Wezwanie do zapłaty nr WZ/1/2025",
        (Attachment("WZ-1-2025.pdf", b"%PDF-", "application/pdf"),),
    )
    batch = ManualProvider().send([item], date(2025, 3, 3))
    assert batch.sent[0].status == "do_wyslania"
    names = zipfile.ZipFile(io.BytesIO(batch.package)).namelist()
    assert names == ["WZ-1-2025/WZ-1-2025.pdf", "manifest.xml"]
    assert ManualProvider().send([item], date(2025, 3, 3)).package == batch.package


def test_the_test_provider_is_refused_in_production():
    with pytest.raises(RuntimeError):
        provider_for("testowy", "u", "production")


def test_the_operators_dowod_otrzymania_is_read():
    # u.d.e. art. 42 ust. 1: delivered at the moment the dowód otrzymania shows. 23:30 UTC on
    # 4 March is 00:30 on 5 March in Warsaw (CET, UTC+1, before the switch of 30 March 2025).
    p = proofs.parse(_evidence("ContentHandover", "2025-03-04T23:30:00Z"))
    assert (p.received_on, p.arrived_on, p.address) == (date(2025, 3, 5), None, ADE)
    assert (p.evidence_id, p.message_id) == ("EV-2025-0001", "")
    # A time without an offset is read as UTC, as the e-Doręczenia visualisation shows it.
    assert proofs.parse(_evidence("ContentHandover", "2025-03-04T23:30:00")).received_on == date(
        2025, 3, 5
    )


def test_the_operators_other_evidence_is_refused_by_name():
    with pytest.raises(proofs.ProofError, match="dowód wysłania"):
        proofs.parse(_evidence("SubmissionAcceptance", "2025-03-03T09:00:00Z"))
    with pytest.raises(proofs.ProofError, match="ContentConsignment"):
        proofs.parse(_evidence("ContentConsignment", "2025-03-03T09:05:00Z"))
    # 14 days or more after sending it may be the substitute delivery of art. 41 ust. 1 pkt 3,
    # whose day of wpłynięcie (art. 42 ust. 2) this reader does not know: refused, entered by hand.
    with pytest.raises(proofs.ProofError, match="art. 41 ust. 1 pkt 3"):
        proofs.parse(_evidence("ContentHandover", "2025-03-17T09:00:00Z"))
    # 13 days 23 hours after sending: only a real pickup can be that early.
    assert proofs.parse(_evidence("ContentHandover", "2025-03-17T08:00:00Z")).received_on == date(
        2025, 3, 17
    )


async def test_the_operators_evidence_of_a_letter_uploaded_by_hand_finds_it_by_the_ade(api, today):
    # As with a letter uploaded by hand: the evidence carries no message id we know (the
    # operator's), so it finds the one letter to Anna's ADE still waiting for a proof.
    rid = await _anna(api, today)
    [sent] = (await api.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})).json()[
        "sent"
    ]
    assert sent["address"] == ADE
    today.day = date(2025, 3, 10)
    evidence = _evidence("ContentHandover", "2025-03-05T07:00:00Z", ade=ADE.lower())
    r = await api.post(
        "/api/v1/e-deliveries/proofs", files={"file": ("dowod.xml", evidence, "text/xml")}
    )
    assert r.status_code == 201, r.text
    # Picked up Wed 2025-03-05 (art. 42 ust. 1 pkt 1) → 14 days to pay → Wed 2025-03-19.
    assert (r.json()["effective_on"], r.json()["deemed"], r.json()["term_ends_on"]) == (
        "2025-03-05",
        False,
        "2025-03-19",
    )
    c = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert c["payment_term_ends_on"] == "2025-03-19"
    again = await api.post(
        "/api/v1/e-deliveries/proofs", files={"file": ("dowod.xml", evidence, "text/xml")}
    )
    assert again.status_code == 409  # nothing to Anna waits for a proof any more


async def test_the_operators_evidence_is_not_guessed_between_two_letters(api, today):
    await _anna(api, today)
    anna = (await api.get("/api/v1/debtors", params={"q": "Nowak"})).json()
    debtor_id = (anna["items"] if isinstance(anna, dict) else anna)[0]["id"]
    await create_receivable(api, debtor_id, reference="K/2/2025")
    sent = (await api.post("/api/v1/e-deliveries/dispatch", json={"date": "2025-03-03"})).json()
    assert len(sent["sent"]) == 2
    today.day = date(2025, 3, 10)
    r = await api.post(
        "/api/v1/e-deliveries/proofs",
        files={"file": ("d.xml", _evidence("ContentHandover", "2025-03-05T07:00:00Z"), "text/xml")},
    )
    assert (r.status_code, "więcej niż jedno pismo" in r.json()["detail"]) == (409, True)
