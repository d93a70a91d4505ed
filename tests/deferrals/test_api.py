"""Issue 20 item 3: deferral of the payment term by decision, end to end over the API. Figures
worked out by hand on the stay fee of tests/corrections (1000.00, demand delivered Fri
2024-03-01, term Fri 2024-03-15, interest from 2024-03-16 at 14.50 % a year throughout 2024,
OP art. 56 §1; no interest up to 8.70 zł, OP art. 54 §1 pkt 5)."""

from sqlalchemy import text, update

from app.models import ReceivableKind
from tests.corrections.test_reversal import _pay, _stay_fee
from tests.factories import card, create_debtor, create_receivable, deliver, sweep
from tests.letters.pdfcheck import fonts
from tests.letters.pdfcheck import text as pdf_text
from tests.receivables.test_tranches_limitation_api import OP_70
from tests.titles.test_api import _titled


async def _charge_fee(session) -> None:
    # A unit whose stay fee carries the prolongation fee (OP art. 57 §1 makes it compulsory only
    # for state budget taxes; migration i20b_deferral leaves it off).
    await session.execute(
        update(ReceivableKind)
        .where(ReceivableKind.code == "oplata_pobyt")
        .values(prolongation_fee_code="oplata_prolongacyjna_udzial")
    )
    await session.commit()


async def _applied_and_referred(api, rid: int) -> int:
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferral-applications",
        json={"applied_on": "2024-04-10", "reasons": "utrata pracy"},
    )
    assert r.status_code == 201, r.text
    app_id = r.json()["id"]
    r = await api.post(
        f"/api/v1/deferral-applications/{app_id}/referral", json={"referred_on": "2024-04-12"}
    )
    assert r.status_code == 200, r.text
    # Seed 003 §4: the stay fee's reliefs are decided by the Prezydent Miasta.
    assert r.json()["organ"].startswith("Prezydent Miasta Włocławek")
    return int(app_id)


async def test_a_deferral_stops_interest_sets_the_fee_and_a_timely_payment_closes(api, session):
    await _charge_fee(session)
    rid = await _stay_fee(api)
    before = await card(api, rid, "2024-07-30")
    # Without a deferral: 2024-03-16..07-30 = 137 days; 1000 × 137 × 14.5 % / 365 = 54.42 → 54 zł.
    assert (before["interest_due"], before["balance"]) == ("54.00", "1054.00")
    app_id = await _applied_and_referred(api, rid)
    pdf = await api.get(f"/api/v1/deferral-applications/{app_id}/referral.pdf")
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    printed = pdf_text(pdf.content)
    # Seed 003 §4: the application "wraz z opisem stanu faktycznego (w szczególności wysokości
    # zobowiązania)", as of the referral (2024-04-12: 28 days, 1000 × 28 × 14.5 % / 365 = 11.12
    # → 11 zł).
    for phrase in (
        "Prezydent Miasta Włocławek",
        "PRZEKAZANIE WNIOSKU",
        "odroczenie terminu płatności",
        "10.04.2024",
        "utrata pracy",
        "1 000,00 zł",
        "11,00 zł",
        "1 011,00 zł",
        "art. 67a § 1",
    ):
        assert phrase in printed, phrase
    assert all(fonts(pdf.content).values())  # Polish glyphs: every font embedded

    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2024-05-06", "new_term": "2024-07-31", "decision_ref": "FN.3/2024"},
    )
    assert r.status_code == 201, r.text
    d = r.json()
    # Interest up to the application (2024-03-16..04-10, 26 days): 1000 × 26 × 14.5 % / 365
    # = 10.33 → 10 zł (above 8.70: charged). None from 2024-04-11 to the new term 2024-07-31.
    # Fee (OP art. 57 §2-3; rozp. MF z 22.08.2005 §3, §11 pkt 2, §12 ust. 2): K = 1000.00,
    # L = 2024-04-11..07-31 = 20 + 31 + 30 + 31 = 112 days, S = 14.50 % × 50 % = 7.25 %:
    # 1000 × 112 × 7.25 % / 365 = 22.25 → 22 zł (OP art. 63 §1). Owed by the new term: 1032.00.
    assert (d["id"], d["outcome"], d["old_term"], d["new_term"]) == (
        app_id,
        "odroczenie",
        "2024-03-15",
        "2024-07-31",
    )
    assert (d["principal"], d["fee"], d["amount"], d["receivable_state"]) == (
        "1000.00",
        "22.00",
        "1032.00",
        "raty",
    )
    during = await card(api, rid, "2024-07-31")
    assert (during["interest_due"], during["costs_due"], during["balance"]) == (
        "10.00",
        "22.00",
        "1032.00",
    )
    assert [e["action"] for e in during["events"]][-3:] == [
        "wniosek_o_ulge",
        "przekazanie_wniosku",
        "odroczenie",
    ]
    # Seed 003 §5 (the kind's rule): only a part payment interrupts; the deferral does not
    # change the stay fee's limitation: 3 years from the term, time-barred from 2027-03-16.
    assert during["time_barred_from"] == "2027-03-16"

    await _pay(api, rid, "2024-07-30", "1032.00")
    after = await card(api, rid, "2024-12-31")
    assert (after["state"], after["balance"], after["interest_due"]) == (
        "zaplacona",
        "0.00",
        "0.00",
    )


async def test_a_missed_deferred_term_brings_back_interest_and_enforcement(api, session):
    await _charge_fee(session)
    rid = await _stay_fee(api)
    await _applied_and_referred(api, rid)
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2024-05-06", "new_term": "2024-07-31"},
    )
    assert r.status_code == 201, r.text
    assert (await card(api, rid, "2024-07-31"))["balance"] == "1032.00"
    # Unpaid by 2024-07-31: OP art. 49 §2 makes the original term count again, so interest runs
    # from 2024-03-16 without the window: 139 days to 2024-08-01, 1000 × 139 × 14.5 % / 365
    # = 55.22 → 55 zł; the fee set by the decision stays owed (OP art. 57 §4).
    missed = await card(api, rid, "2024-08-01")
    assert (missed["interest_due"], missed["costs_due"], missed["balance"]) == (
        "55.00",
        "22.00",
        "1077.00",
    )
    # The daily sweep's instalment rule sends it back from the day after the new term; it was
    # deferred before the first sweep marked it due, and goes back as due (wymagalna).
    await sweep(api, "2024-08-01")
    c = await card(api, rid, "2024-08-01")
    assert c["state"] == "wymagalna"
    last = c["events"][-1]
    assert (last["action"], last["occurred_on"], last["to_state"]) == (
        "rata_niezaplacona",
        "2024-08-01",
        "wymagalna",
    )
    assert last["cause"].startswith(
        "niezapłacenie w odroczonym terminie płatności (termin 31.07.2024)"
    )


async def test_without_a_fee_and_under_op_70_the_deferral_suspends_limitation(api):
    r = await api.post("/api/v1/kinds", json=OP_70)
    assert r.status_code == 201, r.text
    rid = (await create_receivable(api, await create_debtor(api), kind="oplata_op70"))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")  # term ends 2025-03-19
    assert (await card(api, rid, "2026-01-20"))["time_barred_from"] == "2031-01-01"
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2026-02-02", "new_term": "2026-03-31", "applied_on": "2026-01-20"},
    )
    assert r.status_code == 201, r.text
    assert (r.json()["fee"], r.json()["organ"]) == ("0.00", None)  # the kind charges no fee
    # OP art. 70 §2 pkt 1, §3: suspended from the decision (2026-02-02) to the deferred term
    # (2026-03-31) inclusive, 27 + 31 = 58 days within the running period (from 2026-01-01):
    # 2031-01-01 + 58 days = 2031-02-28.
    assert (await card(api, rid, "2026-04-01"))["time_barred_from"] == "2031-02-28"


async def test_bad_deferrals_are_refused_and_nothing_is_written(api):
    rid = await _stay_fee(api)
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2024-05-06", "new_term": "2024-03-10"},
    )
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
    assert "Odroczony termin" in r.text
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2024-05-06", "new_term": "2024-07-31", "applied_on": "2024-05-07"},
    )
    assert r.status_code == 422
    c = await card(api, rid, "2024-06-01")
    assert c["state"] == "wystawiona"
    assert (await api.get(f"/api/v1/receivables/{rid}/deferrals")).json() == []
    # The alimony fund's receivables have their own reliefs (app/alimony): refused here.
    fund = (await create_receivable(api, await create_debtor(api), kind="fundusz_alimentacyjny"))[
        "id"
    ]
    r = await api.post(
        f"/api/v1/receivables/{fund}/deferrals",
        json={"decided_on": "2025-05-06", "new_term": "2025-07-31"},
    )
    assert r.status_code == 409, r.text
    assert "funduszu alimentacyjnego" in r.json()["detail"]
    # No term yet (demand not delivered): nothing to defer.
    other = (await create_receivable(api, await create_debtor(api)))["id"]
    r = await api.post(
        f"/api/v1/receivables/{other}/deferrals",
        json={"decided_on": "2024-05-06", "new_term": "2024-07-31"},
    )
    assert r.status_code == 422


async def test_a_refusal_is_recorded_and_changes_nothing_else(api):
    rid = await _stay_fee(api)
    app_id = await _applied_and_referred(api, rid)
    r = await api.post(
        f"/api/v1/deferral-applications/{app_id}/refusal",
        json={"decided_on": "2024-05-06", "decision_ref": "FN.4/2024"},
    )
    assert r.status_code == 200, r.text
    assert (r.json()["outcome"], r.json()["receivable_state"]) == ("odmowa", "wystawiona")
    c = await card(api, rid, "2024-07-30")
    assert (c["interest_due"], c["events"][-1]["action"]) == ("54.00", "odmowa_ulgi")
    again = await api.post(
        f"/api/v1/deferral-applications/{app_id}/refusal", json={"decided_on": "2024-05-07"}
    )
    assert again.status_code == 409


async def test_under_a_title_the_authority_is_told_of_the_deferral_and_of_its_end(api, session):
    await _charge_fee(session)
    rid, _tid = await _titled(api)  # 250.00, term 2025-03-19, reminder costs 16.00 from 2025-04-03
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferrals",
        json={"decided_on": "2025-05-05", "new_term": "2025-06-30", "applied_on": "2025-04-22"},
    )
    assert r.status_code == 201, r.text
    # Interest to the application (2025-03-20..04-22, 34 days at 14.50 %): 3.38 zł ≤ 8.70, not
    # charged (OP art. 54 §1 pkt 5). Fee: 250 × 69 days (2025-04-23..06-30) × 7.25 % / 365
    # = 3.43 → 3 zł. Owed by 2025-06-30: 250 + 16 + 3 = 269.00.
    assert (r.json()["fee"], r.json()["amount"]) == ("3.00", "269.00")
    await _pay(api, rid, "2025-06-02", "100.00")
    # Costs first (OP art. 62 §1a; the reminder's 16.00, then the fee's 3.00), then no interest
    # is charged (7.27 zł even without the window, ≤ 8.70): 81.00 to principal → 169.00.
    await sweep(api, "2025-07-01")
    rows = (
        await session.execute(
            text(
                "SELECT change, remaining_principal, description FROM notice"
                " WHERE receivable_id = :r ORDER BY id"
            ),
            {"r": rid},
        )
    ).all()
    changes = [(c, p) for c, p, _ in rows]
    assert ("raty", 25000) in changes  # seed 003 §3.7: deferral → enforcement suspended
    assert "odroczenie terminu płatności do 2025-06-30" in rows[0][2]
    # The missed deferred term resumes it; the notice of the night counts the fee as the card.
    assert changes[-1] == ("wznowienie", 16900)
    assert (await card(api, rid, "2025-07-01"))["state"] == "tytul_wykonawczy"


async def test_an_application_for_instalments_is_closed_by_the_plan_received_back(api):
    rid = await _stay_fee(api)
    await sweep(api, "2024-03-16")  # due (wymagalna): instalments are granted on arrears
    r = await api.post(
        f"/api/v1/receivables/{rid}/deferral-applications",
        json={"applied_on": "2024-04-10", "relief": "raty"},
    )
    app_id = r.json()["id"]
    # The balance on 2024-05-06: 1000 × 52 days (2024-03-16..05-06) × 14.5 % / 365 = 20.66
    # → 21 zł; 1021.00 in two instalments (the plan must add up to it, app/receivables/actions).
    plan = {
        "decided_on": "2024-05-06",
        "decision_ref": "FN.5/2024",
        "instalments": [
            {"due_on": "2024-06-28", "amount": "521.00"},
            {"due_on": "2024-07-31", "amount": "500.00"},
        ],
    }
    r = await api.post(f"/api/v1/deferral-applications/{app_id}/instalments", json=plan)
    assert r.status_code == 200, r.text
    assert (r.json()["outcome"], r.json()["new_term"], r.json()["amount"]) == (
        "raty",
        "2024-07-31",
        "1021.00",
    )
    assert r.json()["receivable_state"] == "raty"
    again = await api.post(f"/api/v1/deferral-applications/{app_id}/instalments", json=plan)
    assert again.status_code == 409
