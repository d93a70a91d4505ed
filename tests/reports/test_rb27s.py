"""Rb-27S and the turnover of a quarter built by hand, every cell (issue 22 items 2 and 3).

Q1 2024, stay fees (§ 0830 principal, § 0910 interest, § 0640 costs; kind_booking):
C  1,000.00 issued 2021-03-01, demand delivered Wed 2021-03-03 → term Wed 2021-03-17; never paid:
   3 years from the day the term ran out (seed 003 §5; KC art. 112) → time-barred from 2024-03-18:
   it leaves the books in Q1 with 1,000.00 (no interest charged: interest is booked when paid).
D    300.00 issued 2024-01-02, delivered Thu 2024-01-04 → term 2024-01-18; 350.00 paid 2024-01-10,
   before the term, no interest: 300.00 principal, 50.00 overpayment (kept, not lost).
E    400.00 issued 2024-01-02, delivered 2024-01-04 → term 2024-01-18; partial write-off of
   100.00 decided 2024-02-15. Interest then: 400.00 × 28 days (01-19..02-15) × 14.50 % / 365 =
   4.45 zł, not above 8.70 zł (OP art. 54 §1 pkt 5): not charged, so 100.00 goes to principal.

Turnover Q1: opening 1,000.00 (C) + charges 700.00 (D, E) − payments 350.00 − write-offs 100.00
− time-barred 1,000.00 + corrections (overpayment) 50.00 = closing 300.00 (E).
"""

from __future__ import annotations

import httpx

from tests.alimony.support import fund_debtor, post
from tests.factories import create_debtor, create_receivable, deliver

Q1 = {"from": "2024-01-01", "to": "2024-03-31"}


async def _stay_fee(api: httpx.AsyncClient, principal: str, issued: str, delivered: str) -> int:
    rid = (
        await create_receivable(
            api, await create_debtor(api), principal=principal, issue_date=issued,
            period_from=issued, period_to=issued,
        )
    )["id"]  # fmt: skip
    await deliver(api, rid, "wezwanie", delivered)
    return int(rid)


async def quarter(api: httpx.AsyncClient) -> tuple[int, int, int]:
    c = await _stay_fee(api, "1000.00", "2021-03-01", "2021-03-03")
    d = await _stay_fee(api, "300.00", "2024-01-02", "2024-01-04")
    e = await _stay_fee(api, "400.00", "2024-01-02", "2024-01-04")
    r = await api.post(
        f"/api/v1/receivables/{d}/payments", json={"paid_on": "2024-01-10", "amount": "350.00"}
    )
    assert r.status_code == 201, r.text
    r = await api.post(
        f"/api/v1/receivables/{e}/write-offs",
        json={"decided_on": "2024-02-15", "decision_ref": "FN.3113.7.2024", "amount": "100.00",
              "full": False},
    )  # fmt: skip
    assert r.status_code in (200, 201), r.text
    assert (await api.get(f"/api/v1/receivables/{c}")).json()["time_barred_from"] == "2024-03-18"
    return c, d, e


async def test_turnover_of_a_quarter_with_write_off_overpayment_and_limitation(api):
    await quarter(api)
    found = (await api.get("/api/v1/reports/turnover", params=Q1)).json()
    assert {k: found[k] for k in ("opening", "charges", "payments", "write_offs", "time_barred",
                                  "corrections", "closing")} == {
        "opening": "1000.00", "charges": "700.00", "payments": "350.00", "write_offs": "100.00",
        "time_barred": "1000.00", "corrections": "50.00", "closing": "300.00",
    }  # fmt: skip


async def test_rb_27s_of_the_quarter_every_cell(api):
    await quarter(api)
    found = (await api.get("/api/v1/reports/rb-27s", params=Q1)).json()
    # § 0830: należności = 1,000.00 + 700.00 − 100.00 written off − 1,000.00 time-barred = 600.00;
    # dochody wykonane 350.00; pozostałe do zapłaty = 600.00 − 350.00 + 50.00 nadpłaty = 300.00;
    # zaległości netto = overdue on 03-31 (E 300.00) − nadpłaty 50.00 = 250.00; nadpłaty 50.00.
    assert [
        (
            r["dzial"],
            r["rozdzial"],
            r["paragraf"],
            r["report"],
            r["due"],
            r["collected"],
            r["remaining"],
            r["arrears_net"],
            r["overpayments"],
        )
        for r in found["rows"]
    ] == [("851", "85158", "0830", "Rb-27S", "600.00", "350.00", "300.00", "250.00", "50.00")]


async def test_alimony_fund_recoveries_split_between_state_and_commune(api):
    """Fund benefits 500.00 paid 2026-02-10 and 2026-03-10 (art. 27 ust. 1 u.p.o.u.a.), 300.00
    recovered 2026-04-15. Interest (KC art. 481 §2, from the day after each payout, art. 27
    ust. 1a; each rate period rounded to the grosz):
      500.00 × 22 days (02-11..03-04) × 9.50 % / 365 = 2.86
      500.00 × 42 days (03-05..04-15) × 9.25 % / 365 = 5.32
      500.00 × 36 days (03-11..04-15) × 9.25 % / 365 = 4.56     Σ 12.74
    The 300.00 pays interest 12.74, then principal 287.26 (art. 28, KC art. 451).
    Q2 2026: principal: należności 1,000.00 (opening), collected 287.26, remaining 712.74, all
    overdue (owed from each payout); interest: 12.74 charged and collected. Art. 27 ust. 4: the
    principal 60 % state budget (Rb-27ZZ, § 0980), 40 % the commune (Rb-27S, § 2360); the interest
    all the state's (§ 0920). 287.26 × 60 % = 172.356 → 172.36 (half up), the commune the rest
    114.90; 1,000.00 → 600.00 + 400.00; 712.74 → 427.644 → 427.64 + 285.10."""
    did = await fund_debtor(api)
    await post(
        api,
        f"/debtors/{did}/recoveries",
        {"received_on": "2026-04-15", "amount": "300.00", "source": "egzekucja_sadowa"},
    )
    turnover = (
        await api.get(
            "/api/v1/reports/turnover",
            params={"from": "2026-04-01", "to": "2026-06-30", "kind": "fundusz_alimentacyjny"},
        )
    ).json()
    got_turnover = tuple(turnover[k] for k in ("opening", "charges", "payments", "closing"))
    assert got_turnover == ("1000.00", "12.74", "300.00", "712.74")
    found = (
        await api.get("/api/v1/reports/rb-27s", params={"from": "2026-04-01", "to": "2026-06-30"})
    ).json()
    got = [
        (r["paragraf"], r["report"], r["due"], r["collected"], r["remaining"], r["arrears_net"])
        for r in found["rows"]
    ]
    assert got == [
        ("0980", "Rb-27ZZ", "600.00", "172.36", "427.64", "427.64"),
        ("2360", "Rb-27S", "400.00", "114.90", "285.10", "285.10"),
        ("0920", "Rb-27ZZ", "12.74", "12.74", "0.00", "0.00"),
    ]
