"""Art. 30 ust. 1 u.p.o.u.a. through the API: 30 % after 3 years (36 months), 50 % after 5 (60),
100 % after 7 (84) of effective enforcement, "w łącznej wysokości" over a continuous period.

Every debtor here owes an alimony advance (zaliczka alimentacyjna, art. 28 ust. 1 pkt 2) of
1000.00 zł paid out on 2008-05-10: advances carry no interest (alimony_claims.tranche_of), so the
balance stays 1000.00 and every amount can be checked by hand. Alimony of 500.00 a month is
awarded from 2008-01-01 and the bailiff recovers exactly 500.00 on the 10th of each month of the
run; no benefits are being paid, so under art. 28 ust. 2 that money is the creditor's current
alimony and the advance stays owed. Today is 2026-11-23; the last complete month is 2026-10."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Event, Receivable
from tests.alimony.support import BASE, advance_debtor, get, post


def listed(rows: list[dict[str, object]], did: int) -> dict[str, object] | None:
    return next((r for r in rows if r["debtor_id"] == did), None)


async def test_35_months_do_not_qualify_36_do(api):
    short = await advance_debtor(api, 35)  # 2023-12 … 2026-10
    enough = await advance_debtor(api, 36)  # 2023-11 … 2026-10
    rows = await get(api, "/write-off-eligibility", as_of="2026-11-23")
    assert listed(rows, short) is None
    # pkt 1: 30 % of 1000.00
    assert listed(rows, enough) == {
        "debtor_id": enough,
        "effective_months": 36,
        "step": 30,
        "amount": "300.00",
    }
    # The month of as_of never counts, even on its last day; on 1 December November is complete
    # but nothing was recovered in it: the run is broken.
    assert listed(await get(api, "/write-off-eligibility", as_of="2026-11-30"), enough)
    assert listed(await get(api, "/write-off-eligibility", as_of="2026-12-01"), enough) is None


async def test_a_recorded_decision_lowers_the_balance(api, session):
    did = await advance_debtor(api, 36)
    draft = await get(api, f"/debtors/{did}/write-off-draft", as_of="2026-11-23")
    assert (draft["step"], draft["base"], draft["amount"], draft["balance_after"]) == (
        30,
        "1000.00",
        "300.00",
        "700.00",
    )
    assert draft["legal_basis"].startswith("art. 30 ust. 1 pkt 1 i ust. 3")
    assert (draft["period_from"], draft["period_to"]) == ("2023-11-01", "2026-10-31")
    assert draft["parts"] == [
        {"claim": "zaliczka_alimentacyjna", "principal": "300.00", "interest": "0.00"}
    ]

    made = await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA.4410.1.2026", "step": 30},
    )
    assert made["balance"] == "700.00"
    h = await get(api, f"/debtors/{did}/history", as_of="2026-11-23")
    assert (h["balance"], h["written_off"]) == ("700.00", "300.00")
    # The step is granted: no longer listed, and the same decision cannot be recorded twice.
    assert listed(await get(api, "/write-off-eligibility", as_of="2026-11-23"), did) is None
    r = await api.post(
        f"{BASE}/debtors/{did}/write-offs",
        json={"decided_on": "2026-11-23", "decision_ref": "FA/2", "step": 30},
    )
    assert r.status_code == 409
    # The fund receivable records the partial write-off and stays open.
    receivable = await session.scalar(select(Receivable).where(Receivable.debtor_id == did))
    assert receivable is not None
    assert receivable.state == "wymagalna"
    actions = await session.scalars(
        select(Event.action).where(Event.receivable_id == receivable.id).order_by(Event.id)
    )
    assert list(actions) == ["wystawienie", "umorzenie_czesciowe"]


async def test_a_step_not_reached_is_refused_with_409(api):
    did = await advance_debtor(api, 36)
    r = await api.post(
        f"{BASE}/debtors/{did}/write-offs",
        json={"decided_on": "2026-11-23", "decision_ref": "FA/1", "step": 50},
    )
    assert r.status_code == 409
    assert r.json()["errors"][0]["field"] == "step"
    short = await advance_debtor(api, 35)
    r = await api.get(f"{BASE}/debtors/{short}/write-off-draft", params={"as_of": "2026-11-23"})
    assert r.status_code == 409


async def test_a_debtor_at_30_percent_reaching_5_years(api):
    did = await advance_debtor(api, 60)  # 2021-11 … 2026-10
    # 2024-11-05: 2021-11 … 2024-10 is 36 months: 30 % of 1000.00, the base of every later step.
    await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2024-11-05", "decision_ref": "FA.4410.7.2024", "step": 30},
    )
    h = await get(api, f"/debtors/{did}/history", as_of="2024-11-05")
    assert h["balance"] == "700.00"
    # 2026-11-23: 60 months, pkt 2: 50 % in total, i.e. 50 % × 1000.00 − 300.00 = 200.00
    # (not 50 % of the 700.00 left).
    row = listed(await get(api, "/write-off-eligibility", as_of="2026-11-23"), did)
    assert row == {"debtor_id": did, "effective_months": 60, "step": 50, "amount": "200.00"}
    draft = await get(api, f"/debtors/{did}/write-off-draft", as_of="2026-11-23")
    assert (draft["base"], draft["already_written_off"], draft["balance_before"]) == (
        "1000.00",
        "300.00",
        "700.00",
    )
    assert draft["prior_write_offs"] == [
        {"decided_on": "2024-11-05", "step": 30, "base": "1000.00", "amount": "300.00"}
    ]
    made = await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA.4410.3.2026", "step": 50},
    )
    assert made["balance"] == "500.00"
    year = await get(api, "/year-end-write-offs", year=2026)
    mine = [r for r in year if r["debtor_id"] == did]
    assert [
        (r["decision_number"], r["percent"], r["write_off"], r["advance_principal"]) for r in mine
    ] == [("FA.4410.3.2026", 50, "200.00", "200.00")]


async def test_seven_years_write_off_everything_and_close_the_receivable(api, session):
    did = await advance_debtor(api, 84)  # 2019-11 … 2026-10
    row = listed(await get(api, "/write-off-eligibility", as_of="2026-11-23"), did)
    assert row == {"debtor_id": did, "effective_months": 84, "step": 100, "amount": "1000.00"}
    await post(
        api,
        f"/debtors/{did}/write-offs",
        {"decided_on": "2026-11-23", "decision_ref": "FA/100", "step": 100},
    )
    state = await session.scalar(select(Receivable.state).where(Receivable.debtor_id == did))
    assert state == "umorzona"


async def test_the_draft_decision_prints_with_its_basis_amounts_and_months(api):
    """Art. 107 § 1 k.p.a. parts of the decision: legal basis, the ruling with the amount (in words
    too), the reasons with the 36 months of 2023-11 … 2026-10, the appeal instruction."""
    from tests.letters.pdfcheck import fonts, normalise, text

    did = await advance_debtor(api, 36)
    r = await api.get(f"{BASE}/debtors/{did}/write-off-draft.pdf", params={"as_of": "2026-11-23"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/pdf"
    body = normalise(text(r.content))
    assert "PROJEKT" in body
    assert "DECYZJA" in body
    assert "art. 30 ust. 1 pkt 1 i ust. 3 ustawy z dnia 7 września 2007 r." in body
    assert "w kwocie 300,00 zł (słownie: trzysta złotych 00/100)" in body
    assert "łącznie 30 %" in body
    assert "każdym z 36 kolejnych miesięcy od 01.11.2023 do 31.10.2026" in body
    assert "wynoszą łącznie 1 000,00 zł, z czego dotychczas umorzono 0,00 zł" in body
    assert "pozostaje 700,00 zł" in body
    assert "zaliczka alimentacyjna (art. 28 ust. 1 pkt 2)" in body
    assert "2023-11" in body
    assert "2026-10" in body
    assert "samorządowego kolegium odwoławczego" in body
    assert "14 dni" in body
    assert all(fonts(r.content).values())  # every font embedded (Polish letters print anywhere)
    # Not eligible: the same refusal as the JSON draft.
    short = await advance_debtor(api, 35)
    r = await api.get(f"{BASE}/debtors/{short}/write-off-draft.pdf", params={"as_of": "2026-11-23"})
    assert r.status_code == 409
