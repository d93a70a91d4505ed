"""Issue 16 items 8 and 10 in the web pages: the card shows the next legal step, the decision and
deduction forms call the same use cases as the API, the batch page names what it skipped."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Receivable
from tests.alimony.support import fund_debtor
from tests.factories import card, create_debtor, create_receivable
from tests.web.conftest import post_form


async def test_fund_card_asks_for_the_decision_then_counts_the_term_from_its_finality(
    web, api_admin, session
) -> None:
    did = await fund_debtor(api_admin)  # art. 27 u.p.o.u.a.: payouts of 2026-02-10 and 03-10
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    url = f"/naleznosci/{rid}"
    page = (await web.get(url)).text
    assert 'id="nastepny-krok"' in page
    assert "Zapisz decyzję ustalającą należność" in page
    assert f'action="{url}/decyzja"' in page
    # The batch page names the fund receivable among those without a final decision.
    assert 'id="b-czeka-na-decyzje"' in (await web.get("/prace-zbiorcze")).text
    form = {
        "decision_ref": "FA.4101.12.2026",
        "issued_on": "2026-04-20",
        "delivered_on": "2026-04-24",
        "final_on": "2026-04-23",  # before its delivery: refused, nothing written
        "pay_by": "",
    }
    r = await post_form(web, f"{url}/decyzja", form, page=url)
    assert r.status_code == 422
    assert (await card(api_admin, rid, "2026-11-23"))["decision_ref"] is None
    r = await post_form(web, f"{url}/decyzja", {**form, "final_on": "2026-05-09"}, page=url)
    assert (r.status_code, r.headers["location"]) == (303, url)
    page = (await web.get(url)).text
    # 14 days from finality (2026-05-09) end on Saturday 23 May → Monday 25.05.2026.
    assert "termin płatności upływa 25.05.2026" in page
    assert "Wystaw upomnienie" in page
    assert 'id="wyplaty-po-decyzji"' not in page
    # A payout after the decision is not covered by it: the card says so.
    r = await api_admin.post(
        f"/api/v1/alimony/debtors/{did}/payouts", json={"paid_on": "2026-05-10", "amount": "500.00"}
    )
    assert r.status_code == 201, r.text
    assert 'id="wyplaty-po-decyzji"' in (await web.get(url)).text


async def test_batch_page_lists_the_skipped_with_their_reasons(web, api_admin, session):
    did = await fund_debtor(api_admin)
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    r = await post_form(web, "/prace-zbiorcze/upomnienia", {"issued_on": "2026-04-01"})
    assert r.status_code == 303
    page = (await web.get(r.headers["location"])).text
    assert "Wystawiono upomnienia z dniem 01.04.2026: żadnego." in page
    assert f"Pominięto 1: nr {rid}: Zapisz decyzję" in page


async def test_a_deduction_from_family_benefits_through_the_card(web, api_admin) -> None:
    rec = await create_receivable(
        api_admin,
        await create_debtor(api_admin),
        kind="nienaleznie_swiadczenia_rodzinne",
        principal="620.00",
        title="Specjalny zasiłek opiekuńczy za 10/2025 pobrany nienależnie",
        issue_date="2025-10-24",
    )
    rid, url = rec["id"], f"/naleznosci/{rec['id']}"
    r = await post_form(
        web,
        f"{url}/decyzja",
        {
            "decision_ref": "SR.4102.7.2026",
            "issued_on": "2026-02-02",
            "delivered_on": "2026-02-05",
            "final_on": "2026-02-20",
            "pay_by": "",
        },
        page=url,
    )
    assert r.status_code == 303
    deduction = {
        "deducted_on": "2026-03-10",
        "benefit_amount": "215,84",
        "amount": "215,85",  # above the benefit payable (art. 30 u.ś.r., 100 % limit)
        "benefit": "zasiłek rodzinny za 03/2026",
    }
    r = await post_form(web, f"{url}/potracenie", deduction, page=url)
    assert r.status_code == 422
    assert "limit" in r.text
    r = await post_form(web, f"{url}/potracenie", {**deduction, "amount": "215,84"}, page=url)
    assert r.status_code == 303
    # Worked in tests/receivables/test_enforcement_road.py: 21.11 interest, 425.27 left.
    assert (await card(api_admin, rid, "2026-03-10"))["balance"] == "425.27"
