"""Issue 16 item 8 (remainder) in the web pages: the fund receivable's decision form takes the
decided amount and the period of payouts (art. 27 ust. 1 u.p.o.u.a.), refuses an amount that is
not the payouts of the period, and the card shows the payouts after the decision."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.models import Receivable
from tests.alimony.support import fund_debtor
from tests.factories import card
from tests.web.conftest import post_form


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


async def test_the_decision_form_takes_the_amount_and_the_period(web, api_admin, session):
    did = await fund_debtor(api_admin)  # 500.00 paid out on 2026-02-10 and on 2026-03-10
    rid = await session.scalar(select(Receivable.id).where(Receivable.debtor_id == did))
    url = f"/naleznosci/{rid}"
    assert 'name="period_to"' in (await web.get(url)).text
    form = {
        "decision_ref": "FA.4101.12.2026",
        "issued_on": "2026-04-20",
        "delivered_on": "2026-04-24",
        "final_on": "2026-05-09",
        "pay_by": "",
        "amount": "1 500,00",
        "period_from": "2026-02-01",
        "period_to": "2026-03-31",
    }
    r = await post_form(web, f"{url}/decyzja", form, page=url)
    assert r.status_code == 422
    assert "różni się od sumy świadczeń wypłaconych" in _text(r.text)
    assert (await card(api_admin, rid, "2026-11-23"))["decision_ref"] is None
    r = await post_form(web, f"{url}/decyzja", {**form, "amount": "1000,00"}, page=url)
    assert (r.status_code, r.headers["location"]) == (303, url)
    r = await api_admin.post(
        f"/api/v1/alimony/debtors/{did}/payouts", json={"paid_on": "2026-05-10", "amount": "500.00"}
    )
    assert r.status_code == 201, r.text
    page = _text((await web.get(url)).text)
    assert "na 1 000,00 zł (wypłaty 01.02.2026 – 31.03.2026)" in page
    assert "Wypłaty po decyzji: 500,00 zł — wymaga nowej decyzji" in page
