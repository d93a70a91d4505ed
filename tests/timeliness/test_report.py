"""Issue 22 item 6: the timeliness report (u.f.p. art. 42 ust. 5; ustawa o odpowiedzialności za
naruszenie dyscypliny finansów publicznych art. 5 ust. 1 pkt 2). The lag of each step of seed 003
counts from the day its instruction's deadline counts from: the reminder from the payment term
(§3 pt 1-2), the title from the reminder's delivery + 7 days (§3 pt 5), the notice from the
event it reports to its handoff to the authority (§3 pt 7, "niezwłocznie")."""

from __future__ import annotations

from tests.conftest import token_for
from tests.factories import card, create_debtor, create_receivable, deliver, sweep

PASSWORD = "haslo-testowe-123"


async def _specialist(api) -> dict[str, str]:
    r = await api.post(
        "/api/v1/users",
        json={"username": "t_spec", "password": PASSWORD, "role": "specjalista", "full_name": "S"},
    )
    assert r.status_code == 201, r.text
    return {"Authorization": f"Bearer {await token_for(api, 't_spec', PASSWORD)}"}


async def test_the_lag_of_every_step_per_specialist_and_month(api):
    spec = await _specialist(api)
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    await sweep(api, "2025-03-20")
    r = await api.post(
        f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"}, headers=spec
    )
    assert r.status_code == 201, r.text
    await deliver(api, rid, "upomnienie", "2025-04-03")  # + 7 days = 2025-04-10
    r = await api.post(f"/api/v1/receivables/{rid}/titles", json={"issued_on": "2025-04-14"})
    assert r.status_code == 201, r.text
    assert (await api.post("/api/v1/handoffs", json={"issued_on": "2025-04-15"})).status_code == 201
    pay = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2025-05-05", "amount": "100.00"}
    )
    assert pay.status_code == 201, pay.text
    assert (await api.post("/api/v1/handoffs", json={"issued_on": "2025-05-12"})).status_code == 201

    r = await api.get(
        "/api/v1/reports/timeliness", params={"from": "2025-01-01", "to": "2025-12-31"}
    )
    assert r.status_code == 200, r.text
    groups = {(g["step"], g["actor"], g["month"]): g for g in r.json()["groups"]}
    # Reminder 2025-04-01 − term 2025-03-19 = 13 days, by the specialist.
    assert groups[("upomnienie", "t_spec", "2025-04")]["max_lag_days"] == 13
    assert groups[("upomnienie", "t_spec", "2025-04")]["average_lag_days"] == "13.0"
    # Title 2025-04-14 − (2025-04-03 + 7 = 2025-04-10) = 4 days.
    assert groups[("tytul_wykonawczy", "admin", "2025-04")]["max_lag_days"] == 4
    # Notice of the payment of 2025-05-05 sent in the handoff of 2025-05-12: 7 days.
    assert groups[("zawiadomienie", "admin", "2025-05")]["max_lag_days"] == 7
    assert len(groups) == 3

    csv = await api.get(
        "/api/v1/reports/timeliness.csv", params={"from": "2025-01-01", "to": "2025-12-31"}
    )
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("krok;należność;dokument")
    assert lines[1] == f"upomnienie;{rid};UP/1/2025;2025-03-19;2025-04-01;t_spec;13"
    assert len(lines) == 4
    bad = await api.get(
        "/api/v1/reports/timeliness", params={"from": "2025-02-01", "to": "2025-01-01"}
    )
    assert bad.status_code == 422


async def test_a_time_barred_receivable_names_its_last_action_and_who_took_it(api):
    spec = await _specialist(api)
    rid = (
        await create_receivable(
            api,
            await create_debtor(api),
            issue_date="2020-01-10",
            period_from="2020-01-01",
            period_to="2020-01-02",
        )
    )["id"]
    await deliver(api, rid, "wezwanie", "2020-01-15")  # term ends 2020-01-29
    await sweep(api, "2020-01-30")
    r = await api.post(
        f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2020-02-10"}, headers=spec
    )
    assert r.status_code == 201, r.text
    await sweep(api, "2026-11-23")
    c = await card(api, rid, "2026-11-23")
    assert c["state"] == "przedawniona"
    r = await api.get(
        "/api/v1/reports/timeliness", params={"from": "2026-01-01", "to": "2026-11-23"}
    )
    barred = r.json()["time_barred"]
    assert [b["receivable_id"] for b in barred] == [rid]
    assert (barred[0]["last_action"], barred[0]["last_action_on"], barred[0]["actor"]) == (
        "upomnienie",
        "2020-02-10",
        "t_spec",
    )
    assert barred[0]["time_barred_from"] == c["time_barred_from"]
    assert barred[0]["principal"] == "250.00"


async def test_the_page_shows_the_lags_and_the_time_barred(api, client):
    from tests.conftest import ADMIN_PASSWORD
    from tests.web.conftest import log_in

    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    await sweep(api, "2025-03-20")
    await api.post(f"/api/v1/receivables/{rid}/reminders", json={"issued_on": "2025-04-01"})
    del client.headers["Authorization"]
    assert (await log_in(client, "admin", ADMIN_PASSWORD)).status_code == 303
    page = await client.get(
        "/ksiegowosc/terminowosc", params={"od": "2025-01-01", "do": "2025-12-31"}
    )
    assert page.status_code == 200
    assert "upomnienie (od terminu płatności)" in page.text
    assert '<td class="num">13,0</td>' in page.text
    assert "art. 5 ust. 1 pkt 2" in page.text


async def test_steps_overdue_and_not_taken(api):
    """On 2026-11-23: A due since its term of 2025-03-19 without a reminder (614 days); B's
    reminder delivered 2025-04-03, the 7 days ended 2025-04-10, no title (592 days)."""
    a = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, a, "wezwanie", "2025-03-05")
    b = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, b, "wezwanie", "2025-03-05")
    await sweep(api, "2025-03-20")
    r = await api.post(f"/api/v1/receivables/{b}/reminders", json={"issued_on": "2025-04-01"})
    assert r.status_code == 201, r.text
    await deliver(api, b, "upomnienie", "2025-04-03")
    r = await api.get(
        "/api/v1/reports/timeliness", params={"from": "2026-01-01", "to": "2026-12-31"}
    )
    pending = [
        (p["step"], p["receivable_id"], p["deadline_from"], p["lag_days"])
        for p in r.json()["pending"]
    ]
    assert pending == [
        ("upomnienie", a, "2025-03-19", 614),
        ("tytul_wykonawczy", b, "2025-04-10", 592),
    ]
