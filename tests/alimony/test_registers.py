"""The six-month rules and the registers through the API (u.p.o.u.a. art. 5 ust. 3a and
art. 8a ust. 1).

The fund paid 500.00 zł on 2026-01-15; interest (odsetki ustawowe za opóźnienie) runs from
2026-01-16 at 9.50 % until 2026-03-04 and 9.25 % from 2026-03-05."""

from __future__ import annotations

from typing import Any

import httpx

from tests.alimony.support import BASE, get, post
from tests.factories import create_debtor


async def one_payout(api: httpx.AsyncClient) -> int:
    did = await create_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01"}
    )
    await post(api, f"/debtors/{did}/payouts", {"paid_on": "2026-01-15", "amount": "500.00"})
    return did


def mine(plan: dict[str, Any], did: int) -> dict[str, Any]:
    return {
        "enter": [e for e in plan["enter"] if e["debtor_id"] == did],
        "update": [e["amount"] for e in plan["update"] if e["debtor_id"] == did],
        "remove": [r["reason"] for r in plan["remove"] if r["debtor_id"] == did],
        "keep": did in plan["keep"],
        "notices": [n for n in plan["notices"] if n["debtor_id"] == did],
    }


async def test_big_after_more_than_six_months_with_the_notice(api):
    did = await one_payout(api)
    # art. 8a ust. 1 pkt 1 "za okres dłuższy niż 6 miesięcy": on 2026-07-15 exactly 6 (KC art. 112).
    assert mine(await get(api, "/big", as_of="2026-07-15"), did)["enter"] == []
    plan = mine(await get(api, "/big", as_of="2026-07-16"), did)
    # Interest 2026-01-16 … 07-16: 48 days at 9.50 % = 6.247 → 6.25; 134 days at 9.25 % = 16.979
    # → 16.98; 500.00 + 23.23 = 523.23.
    [entry] = plan["enter"]
    assert (entry["amount"], entry["oldest_due_on"], entry["missing"]) == (
        "523.23",
        "2026-01-15",
        [],
    )
    assert entry["legal_basis"].startswith("art. 8a ust. 1 pkt 1")
    assert entry["debtor"]["address"] == "ul. Długa 5 m. 3, 87-800 Włocławek"
    [notice] = plan["notices"]
    assert (notice["amount"], notice["addressee"]["name"]) == ("523.23", "Jan Kowalski")


async def test_big_submission_then_update_then_removal_when_paid(api):
    did = await one_payout(api)
    await post(api, "/big/submissions", {"as_of": "2026-07-16"}, status=200)
    assert mine(await get(api, "/big", as_of="2026-07-16"), did)["keep"] is True
    # Interest ran on: the amount reported is updated.
    assert mine(await get(api, "/big", as_of="2026-08-16"), did)["update"] != []
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-08-20", "amount": "600.00", "source": "wplata_dobrowolna"},
    )
    assert mine(await get(api, "/big", as_of="2026-08-20"), did)["remove"] == ["splata"]


async def test_krz_needs_enforcement_under_way(api):
    did = await one_payout(api)
    # More than 3 months (DOMAIN.md) from 2026-04-16, but no enforcement recorded.
    assert mine(await get(api, "/krz", as_of="2026-04-16"), did)["enter"] == []
    enforcement = await post(
        api,
        f"/debtors/{did}/enforcements",
        {
            "authority": "Komornik Sądowy przy Sądzie Rejonowym we Włocławku",
            "case_ref": "Km 12/26",
            "started_on": "2026-03-01",
        },
    )
    plan = mine(await get(api, "/krz", as_of="2026-04-15"), did)
    assert plan["enter"] == []  # exactly 3 months
    [entry] = mine(await get(api, "/krz", as_of="2026-04-16"), did)["enter"]
    assert entry["enforcement_authority"] == (
        "Komornik Sądowy przy Sądzie Rejonowym we Włocławku, sygn. Km 12/26"
    )
    assert entry["legal_basis"].startswith("art. 8a ust. 1 pkt 2")
    await post(api, "/krz/submissions", {"as_of": "2026-04-16"}, status=200)
    await post(
        api,
        f"/debtors/{did}/enforcements/{enforcement['id']}/end",
        {"ended_on": "2026-05-04"},
        status=200,
    )
    plan = mine(await get(api, "/krz", as_of="2026-05-04"), did)
    assert plan["remove"] == ["egzekucja_zakonczona"]


async def test_evasion_decision_barred_after_six_months_of_half_the_alimony(api):
    did = await create_debtor(api)
    await post(
        api, f"/debtors/{did}/awards", {"monthly_amount": "500.00", "valid_from": "2026-01-01"}
    )
    # art. 5 ust. 3a: in each of the last 6 months at least 50 % of the current alimony.
    for month, amount in [
        ("05", "250.00"),
        ("06", "250.00"),
        ("07", "300.00"),
        ("08", "249.99"),
        ("09", "250.00"),
        ("10", "500.00"),
    ]:
        await post(
            api,
            f"/debtors/{did}/recoveries",
            {"received_on": f"2026-{month}-12", "amount": amount, "source": "egzekucja_sadowa"},
        )
    check = await get(api, f"/debtors/{did}/evasion-check", as_of="2026-11-23")
    assert (check["decision_barred"], check["months_not_met"]) == (False, ["2026-08"])
    assert [m["month"] for m in check["months"]] == [f"2026-{m:02d}" for m in range(5, 11)]
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-08-31", "amount": "0.01", "source": "egzekucja_sadowa"},
    )
    check = await get(api, f"/debtors/{did}/evasion-check", as_of="2026-11-23")
    assert (check["decision_barred"], check["months_not_met"]) == (True, [])


async def test_a_submission_in_the_future_is_refused(api):
    r = await api.post(f"{BASE}/big/submissions", json={"as_of": "2026-12-01"})
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "as_of"
