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
