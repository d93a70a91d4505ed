"""Issue 22 item 5 (gaps): the dashboard's pictures and the titles at the enforcement
authorities with what they recovered (seed 003 §3.8: the authority's reports)."""

from __future__ import annotations

import base64

from app.reports import pictures
from tests.factories import create_debtor, create_receivable, deliver, sweep


async def _titled(api, principal: str) -> int:
    rid = (await create_receivable(api, await create_debtor(api), principal=principal))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    await deliver(api, rid, "upomnienie", "2025-04-03")  # title from 2025-04-11
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-11"})
    assert r.status_code == 201, r.text
    return int(r.json()["id"])


async def test_titles_at_the_authority_and_what_it_recovered(api, session):
    first = await _titled(api, "250.00")
    await _titled(api, "400.00")
    for day, amount in (("2025-06-02", "100.00"), ("2025-07-01", "20.50")):
        r = await api.post(
            f"/api/v1/titles/{first}/reports",
            json={"reported_on": day, "kind": "wyegzekwowano", "amount": amount},
        )
        assert r.status_code == 201, r.text
    rows = await pictures.titles_at_authorities(session)
    # Two titles (250.00 + 400.00 = 650.00 of principal) at the one authority, which reported
    # 100.00 + 20.50 = 120.50 recovered.
    assert [(r.titles, r.principal, r.recovered) for r in rows] == [(2, 65000, 12050)]
    _caption, uri = pictures.titles_picture(rows)
    svg = base64.b64decode(uri.removeprefix("data:image/svg+xml;base64,")).decode()
    assert "<svg" in svg
    assert "Wyegzekwowano" in svg


async def test_the_dashboard_shows_the_portfolio_pictures(api, client):
    from tests.conftest import ADMIN_PASSWORD
    from tests.web.conftest import log_in

    await create_receivable(api, await create_debtor(api))
    del client.headers["Authorization"]
    assert (await log_in(client, "admin", ADMIN_PASSWORD)).status_code == 303
    page = (await client.get("/")).text
    assert "Portfel według stanu sprawy (należność główna, zł)" in page
    assert "Należności wymagalne według okresu po terminie (zł)" in page
    assert "Tytuły u organów egzekucyjnych i co wyegzekwowały (zł)" in page
    assert page.count('src="data:image/svg+xml;base64,') == 3
