"""Issue 22 item 6: a write-off, a relief or a correction of the books takes effect only after the
chief accountant's preliminary control (u.f.p. art. 54 ust. 1 pkt 3, countersignature art. 54
ust. 3) and, where the law gives the decision to the manager (u.f.p. art. 64 ust. 1 for reliefs
in non-tax public-law receivables), the manager's decision. Every step is audited."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from app.models import AuditEvent, Payment, WriteOff
from tests.conftest import token_for
from tests.factories import card, create_debtor, create_receivable

PASSWORD = "haslo-testowe-123"


async def _users(api: httpx.AsyncClient) -> dict[str, dict[str, str]]:
    headers = {}
    for role in ("specjalista", "ksiegowy", "kierownik"):
        r = await api.post(
            "/api/v1/users",
            json={"username": f"k_{role}", "password": PASSWORD, "role": role, "full_name": role},
        )
        assert r.status_code == 201, r.text
        token = await token_for(api, f"k_{role}", PASSWORD)
        headers[role] = {"Authorization": f"Bearer {token}"}
    return headers


async def _receivable(api: httpx.AsyncClient) -> int:
    # 250.00 zł issued 2025-03-03, its demand never delivered: no term, no interest.
    return int((await create_receivable(api, await create_debtor(api)))["id"])


WRITE_OFF_100 = {
    "decided_on": "2026-11-20",
    "decision_ref": "FN.3113.7.2026",
    "full": False,
    "amount": "100.00",
}


async def test_a_write_off_takes_effect_after_countersignature_and_the_managers_decision(
    api, session
):
    who = await _users(api)
    rid = await _receivable(api)
    r = await api.post(
        "/api/v1/control/proposals",
        json={
            "kind": "umorzenie",
            "receivable_id": rid,
            "justification": "trudna sytuacja materialna (u.f.p. art. 56 ust. 1 pkt 1)",
            "data": WRITE_OFF_100,
        },
        headers=who["specjalista"],
    )
    assert r.status_code == 201, r.text
    p = r.json()
    assert (p["state"], p["proposed_by"], p["manager_decides"]) == (
        "do_kontroli",
        "k_specjalista",
        True,
    )
    assert p["data"]["amount"] == "100.00"
    pid = p["id"]
    # Nothing happened yet: the trial run left no write-off behind.
    assert (await card(api, rid, "2026-11-23"))["balance"] == "250.00"
    assert await session.scalar(select(WriteOff).where(WriteOff.receivable_id == rid)) is None

    # The specialist cannot countersign, the accountant cannot decide for the manager.
    url = f"/api/v1/control/proposals/{pid}"
    assert (await api.post(f"{url}/countersign", headers=who["specjalista"])).status_code == 403
    decision = {"approve": True}
    assert (
        await api.post(f"{url}/decision", json=decision, headers=who["ksiegowy"])
    ).status_code == 403
    # The manager cannot decide before the countersignature.
    early = await api.post(f"{url}/decision", json=decision, headers=who["kierownik"])
    assert early.status_code == 409, early.text

    r = await api.post(f"{url}/countersign", headers=who["ksiegowy"])
    assert r.status_code == 200, r.text
    assert (r.json()["state"], r.json()["countersigned_by"]) == ("do_decyzji", "k_ksiegowy")
    assert (await card(api, rid, "2026-11-23"))["balance"] == "250.00"

    r = await api.post(f"{url}/decision", json=decision, headers=who["kierownik"])
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["state"], done["decided_by"], done["effected_on"]) == (
        "wykonany",
        "k_kierownik",
        "2026-11-23",
    )
    # 250.00 − 100.00 written off = 150.00; the write-off is the specialist's entry.
    assert (await card(api, rid, "2026-11-23"))["balance"] == "150.00"
    w = await session.scalar(select(WriteOff).where(WriteOff.receivable_id == rid))
    assert (w.amount, w.full, w.created_by) == (10000, False, "k_specjalista")

    rows = (
        await session.execute(
            select(AuditEvent.action, AuditEvent.actor)
            .where(AuditEvent.subject.like(f"wniosek nr {pid}:%"))
            .order_by(AuditEvent.id)
        )
    ).all()
    assert [tuple(x) for x in rows] == [
        ("kontrola_wniosek", "k_specjalista"),
        ("kontrola_kontrasygnata", "k_ksiegowy"),
        ("kontrola_zatwierdzenie", "k_kierownik"),
        ("kontrola_wykonanie", "k_kierownik"),
    ]


async def test_a_returned_proposal_changes_nothing_and_may_be_proposed_again(api):
    who = await _users(api)
    rid = await _receivable(api)
    body = {"kind": "umorzenie", "receivable_id": rid, "data": WRITE_OFF_100}
    r = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    pid = r.json()["id"]
    twice = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    assert twice.status_code == 409
    assert f"Wniosek nr {pid}" in twice.json()["detail"]

    url = f"/api/v1/control/proposals/{pid}/return"
    no_reason = await api.post(url, json={"reason": ""}, headers=who["ksiegowy"])
    assert no_reason.status_code == 422
    r = await api.post(url, json={"reason": "brak wniosku dłużnika"}, headers=who["ksiegowy"])
    assert r.status_code == 200, r.text
    assert (r.json()["state"], r.json()["returned_reason"]) == (
        "zwrocony",
        "brak wniosku dłużnika",
    )
    assert (await card(api, rid, "2026-11-23"))["balance"] == "250.00"
    late = await api.post(f"/api/v1/control/proposals/{pid}/countersign", headers=who["ksiegowy"])
    assert late.status_code == 409
    again = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    assert again.status_code == 201, again.text

    listed = await api.get("/api/v1/control/proposals", params={"state": "do_kontroli"})
    assert [p["id"] for p in listed.json()] == [again.json()["id"]]


async def test_a_proposal_that_could_not_take_effect_is_refused_at_once(api):
    who = await _users(api)
    rid = await _receivable(api)
    # A part write-off must be less than the balance (250.00) on the decision's day.
    body = {
        "kind": "umorzenie",
        "receivable_id": rid,
        "data": WRITE_OFF_100 | {"amount": "250.00"},
    }
    r = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    assert r.status_code == 422, r.text
    assert "250,00" in r.json()["detail"]
    bad = await api.post(
        "/api/v1/control/proposals",
        json={"kind": "umorzenie", "receivable_id": rid, "data": {"full": True}},
        headers=who["specjalista"],
    )
    assert bad.status_code == 422
    assert (await api.get("/api/v1/control/proposals")).json() == []


async def test_a_storno_takes_effect_on_the_countersignature(api, session):
    """A correction of the books (storno, ustawa o rachunkowości art. 25 ust. 1 pkt 1) needs no
    administrative decision: the chief accountant's countersignature is the last step."""
    who = await _users(api)
    rid = await _receivable(api)
    r = await api.post(
        f"/api/v1/receivables/{rid}/payments",
        json={"paid_on": "2025-04-01", "amount": "50.00", "reference": "KP 1/2025"},
    )
    pay = r.json()["id"]
    assert (await card(api, rid, "2026-11-23"))["balance"] == "200.00"
    r = await api.post(
        "/api/v1/control/proposals",
        json={
            "kind": "storno",
            "payment_id": pay,
            "data": {"reversed_on": "2026-11-20", "reason": "zwrot przez bank"},
        },
        headers=who["specjalista"],
    )
    assert r.status_code == 201, r.text
    assert (r.json()["receivable_id"], r.json()["manager_decides"]) == (rid, False)
    url = f"/api/v1/control/proposals/{r.json()['id']}/countersign"
    r = await api.post(url, headers=who["ksiegowy"])
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "wykonany"
    assert (await card(api, rid, "2026-11-23"))["balance"] == "250.00"
    p = await session.get(Payment, pay)
    await session.refresh(p)
    assert p.reversed_on.isoformat() == "2026-11-20"


async def test_no_one_controls_their_own_proposal(api):
    rid = await _receivable(api)
    r = await api.post(
        "/api/v1/control/proposals",
        json={
            "kind": "uchylenie",
            "receivable_id": rid,
            "data": {"effective_on": "2026-11-20", "reason": "decyzja SKO nr 1/2026"},
        },
    )
    assert r.status_code == 201, r.text
    own = await api.post(f"/api/v1/control/proposals/{r.json()['id']}/countersign")
    assert own.status_code == 409
    assert "Własnego wniosku" in own.json()["detail"]


async def test_an_alimony_write_off_passes_the_same_control(api):
    """u.p.o.u.a. art. 30 ust. 1 pkt 1: 36 months of effective enforcement → 30 % of the
    1000.00 owed (tests/alimony/test_write_offs.py): 300.00, balance 700.00 — only after the
    countersignature and the manager's decision."""
    from tests.alimony.support import advance_debtor, get

    who = await _users(api)
    did = await advance_debtor(api, 36)
    r = await api.post(
        "/api/v1/control/proposals",
        json={
            "kind": "umorzenie_art30",
            "debtor_id": did,
            "data": {"decided_on": "2026-11-23", "decision_ref": "FA.4410.1.2026", "step": 30},
        },
        headers=who["specjalista"],
    )
    assert r.status_code == 201, r.text
    assert r.json()["manager_decides"] is True
    url = f"/api/v1/control/proposals/{r.json()['id']}"
    assert (await get(api, f"/debtors/{did}/history"))["written_off"] == "0.00"
    assert (await api.post(f"{url}/countersign", headers=who["ksiegowy"])).status_code == 200
    assert (await get(api, f"/debtors/{did}/history"))["written_off"] == "0.00"
    r = await api.post(f"{url}/decision", json={"approve": True}, headers=who["kierownik"])
    assert r.status_code == 200, r.text
    h = await get(api, f"/debtors/{did}/history", as_of="2026-11-23")
    assert (h["balance"], h["written_off"]) == ("700.00", "300.00")
    # A step not reached is refused when proposed, nothing written.
    r = await api.post(
        "/api/v1/control/proposals",
        json={
            "kind": "umorzenie_art30",
            "debtor_id": did,
            "data": {"decided_on": "2026-11-23", "decision_ref": "FA/2", "step": 50},
        },
        headers=who["specjalista"],
    )
    assert r.status_code == 409, r.text


async def test_instalments_are_a_relief_the_manager_decides(api):
    """u.f.p. art. 56 ust. 1 pkt 3 (rozłożenie na raty) and art. 64 ust. 1: the manager decides
    after the countersignature. A receivable not yet due cannot get instalments (the trial run
    refuses at once); a due one gets them, its instalments summing to its balance on the day of
    the decision (the interest is the card's, tests/receivables/test_card_figures.py)."""
    from decimal import Decimal

    from tests.factories import deliver, sweep

    who = await _users(api)
    rid = await _receivable(api)
    plan = {
        "decided_on": "2026-11-20",
        "decision_ref": "FN.3112.1.2026",
        "instalments": [
            {"due_on": "2026-12-15", "amount": "100.00"},
            {"due_on": "2027-01-15", "amount": "150.00"},
        ],
    }
    body = {"kind": "raty", "receivable_id": rid, "data": plan}
    early = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    assert early.status_code == 409
    assert "wystawiona" in early.json()["detail"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term 2025-03-19
    await sweep(api, "2025-03-20")
    balance = Decimal((await card(api, rid, "2026-11-20"))["balance"])
    plan["instalments"][1]["amount"] = str(balance - Decimal("100.00"))
    r = await api.post("/api/v1/control/proposals", json=body, headers=who["specjalista"])
    assert r.status_code == 201, r.text
    url = f"/api/v1/control/proposals/{r.json()['id']}"
    assert (await api.post(f"{url}/countersign", headers=who["ksiegowy"])).status_code == 200
    assert (await card(api, rid, "2026-11-23"))["state"] == "wymagalna"
    r = await api.post(f"{url}/decision", json={"approve": True}, headers=who["kierownik"])
    assert r.status_code == 200, r.text
    assert (await card(api, rid, "2026-11-23"))["state"] == "raty"
