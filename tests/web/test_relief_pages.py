"""Issue 18 item 7 in the web pages: the relief decision (art. 30 ust. 2 u.p.o.u.a.) recorded
through the case page's form takes effect on the fund receivable: raty become its instalment plan.
Today is 2026-11-23 (tests/conftest.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Instalment, Receivable
from tests.alimony.support import fund_debtor, post
from tests.factories import card
from tests.web.conftest import post_form

WOLA = "1010102"


async def test_the_relief_form_grants_instalments_on_the_fund_receivable(
    as_role, api_admin, session
):
    # Recording a decision needs the right to sign (app/alimony/case_web.SIGNED) besides the
    # right to collect: the administrator has both.
    web = await as_role("admin")
    did = await fund_debtor(api_admin)  # 500.00 paid out on 2026-02-10 and on 2026-03-10
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    case = {
        "trigger": "fundusz_alimentacyjny",
        "opened_on": "2026-02-10",
        "creditor_commune_terc": WOLA,
        "debtor_commune_terc": WOLA,
    }
    await post(api_admin, f"/debtors/{did}/case", case)
    await post(
        api_admin,
        f"/debtors/{did}/case/steps",
        {"step": "wniosek_ulga", "on": "2026-04-01", "kind": "raty", "description": "Choroba"},
    )
    page = f"/alimenty/zobowiazani/{did}/sprawa"
    url = f"{page}/kroki/ulga"
    form = {
        "action": "decyzja_ulga:raty",
        "on": "2026-04-15",
        "instalments": "2",
        "first_due_on": "2026-05-15",
        "case_ref": "FA.4103.2.2026",
        "description": "Dochód rodziny poniżej kryterium",
    }
    r = await post_form(web, url, form, page=page)
    assert r.status_code == 303, r.text
    # The balance on 15.04.2026 is 1012.74 (tests/alimony/test_relief.py works it out):
    # 1012.74 / 2 = 506.37 in each instalment, due 15.05 and Monday 15.06.2026.
    rows = await session.scalars(
        select(Instalment).where(Instalment.receivable_id == rid).order_by(Instalment.number)
    )
    assert [(i.due_on.isoformat(), i.amount) for i in rows] == [
        ("2026-05-15", 50637),
        ("2026-06-15", 50637),
    ]
    assert (await card(api_admin, rid, "2026-04-15"))["state"] == "raty"
