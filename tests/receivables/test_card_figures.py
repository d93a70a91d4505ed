"""The receivable card's figures come from the money engine over the receivable's own facts."""

from tests.factories import card, create_debtor, create_receivable, deliver


async def test_stay_fee_interest_partial_payment_and_limitation(api):
    rid = (
        await create_receivable(
            api, await create_debtor(api), principal="1000.00", issue_date="2024-02-20"
        )
    )["id"]
    # Delivered Fri 2024-03-01; + 14 days = Fri 2024-03-15 (term); interest from 2024-03-16.
    await deliver(api, rid, "wezwanie", "2024-03-01")

    c = await card(api, rid, "2025-01-01")
    # OP art. 56 §1: 14.50 % since 2023-10-05. 2024-03-16..2025-01-01 = 292 days (2024 is a leap
    # year, but the year is 365 days: rozporządzenie MF z 22.08.2005).
    # 1000.00 × 292 × 14.50 % / 365 = 116.00 zł exactly (OP art. 63 §1: full złoty).
    assert (c["interest_due"], c["balance"]) == ("116.00", "1116.00")
    # Seed 003 §5: 3 years from the end of the term (2024-03-15) → time-barred from 2027-03-16.
    assert c["time_barred_from"] == "2027-03-16"

    r = await api.post(
        f"/api/v1/receivables/{rid}/payments", json={"paid_on": "2024-05-10", "amount": "300.00"}
    )
    assert r.status_code == 201
    c = await card(api, rid, "2025-01-01")
    # 2024-05-10: interest on 1000.00 for 2024-03-16..05-10 = 56 days: 1000 × 56 × 14.5 % / 365
    # = 22.25 → 22 zł. OP art. 55 §2: 300 × 22 / 1022 = 6.4579 → 6.46 zł to interest, 293.54 zł
    # to principal: the split is in grosze, not rounded to full złoty (OP art. 63 §3; issue 16).
    # Remaining 706.46 keeps accruing from 2024-03-16: 706.46 × 292 × 14.5 % / 365 = 81.95 → 82 zł.
    assert (c["principal_remaining"], c["interest_due"], c["balance"]) == (
        "706.46",
        "82.00",
        "788.46",
    )
    # Seed 003 §5.2: the part payment interrupts limitation; a new 3-year period runs from the
    # day after the payment and ends on its anniversary (KC art. 112), 2027-05-10, so the
    # receivable is time-barred from 2027-05-11 (the issue's example: paid 2025-06-10 → 2028-06-11).
    assert c["time_barred_from"] == "2027-05-11"
