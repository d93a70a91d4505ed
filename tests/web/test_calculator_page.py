"""The calculator page over the money engine: a GET form, errors next to the field."""

from __future__ import annotations


async def test_the_calculator_shows_the_figures(web) -> None:
    # Stay fee 250.00, term 2025-03-19, reminder costs 16.00 delivered 2025-04-03; 100.00 paid
    # 2025-05-05: costs first, then the principal (the interest, 4.67 zł, is under 8.70 zł:
    # OP art. 54 §1 pkt 5).
    r = await web.get(
        "/kalkulator",
        params={
            "kind": "oplata_pobyt",
            "principal": "250,00",
            "due_date": "2025-03-19",
            "payments": "2025-05-05 100,00",
            "reminder_costs": "2025-04-03 16,00",
            "payouts": "",
            "decision_final_on": "",
            "as_of": "2025-05-05",
        },
    )
    assert r.status_code == 200, r.text
    assert 'id="k-saldo">166,00\u00a0zł' in r.text
    assert "Zaliczenie wpłat" in r.text


async def test_the_calculator_shows_errors_next_to_the_field(web) -> None:
    r = await web.get(
        "/kalkulator",
        params={
            "kind": "oplata_pobyt",
            "principal": "250",
            "due_date": "",
            "payments": "2025-05-05 sto",
            "as_of": "2025-05-05",
        },
    )
    assert r.status_code == 422
    assert 'id="e-kalkulator-payments">Wiersz 1: Podaj kwotę w złotych' in r.text
    r = await web.get(
        "/kalkulator",
        params={"kind": "oplata_pobyt", "principal": "250", "due_date": "", "as_of": "2025-05-05"},
    )
    assert r.status_code == 422
    assert "Podaj kwotę główną (principal) i termin płatności (due_date)" in r.text
    r = await web.get(
        "/kalkulator",
        params={
            "kind": "oplata_pobyt",
            "principal": "250",
            "due_date": "2025-03-19",
            "payments": "2025-06-01 10",
            "as_of": "2025-05-05",
        },
    )
    assert r.status_code == 422
    assert 'id="e-kalkulator-payments">Data 2025-06-01 jest późniejsza' in r.text


async def test_the_calculator_moves_a_term_ending_on_a_saturday(web) -> None:
    # OP art. 12 §5, as on the receivable card: a term ending on Saturday 2024-03-16 ends on
    # Monday 2024-03-18; interest from 2024-03-19 to 2024-05-10 = 53 days × 14.50 %:
    # 1 000 × 53 × 0.145 / 365 = 21.05 → 21 zł (from the Saturday it would be 55 days, 22 zł).
    r = await web.get(
        "/kalkulator",
        params={
            "kind": "oplata_pobyt",
            "principal": "1000,00",
            "due_date": "2024-03-16",
            "as_of": "2024-05-10",
        },
    )
    assert r.status_code == 200, r.text
    assert 'id="k-odsetki">21,00\u00a0zł' in r.text
    assert "przypadał w sobotę: upływa 2024-03-18" in r.text


async def test_the_calculator_names_a_missing_rate_and_its_day(web) -> None:
    # A fund payout of 2003-06-10: the rate table starts with the row in force on 2005-01-01
    # (12.25 % from 2003-09-25), so 2003-06-11 has no rate: a message, not an error page.
    r = await web.get(
        "/kalkulator",
        params={
            "kind": "fundusz_alimentacyjny",
            "payouts": "2003-06-10 500,00",
            "as_of": "2004-01-01",
        },
    )
    assert r.status_code == 422
    assert "Brak parametru" in r.text
    assert "odsetki_ustawowe_za_opoznienie" in r.text
    assert "11.06.2003" in r.text
