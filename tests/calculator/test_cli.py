"""`windykacja calc` prints the same breakdown as the API."""

import argparse
from datetime import date

from app.calculator.cli import render, request_of
from app.calculator.service import calculate


async def test_calc_table_shows_periods_allocations_and_totals(session):
    args = argparse.Namespace(
        kind="oplata_pobyt",
        principal="1000.00",
        due_date="2024-03-15",
        payout=[],
        payment=["2024-05-10:300.00"],
        cost=[],
        as_of="2025-01-01",
    )
    request = request_of(args)
    assert request.as_of == date(2025, 1, 1)
    _rules, result = await calculate(session, request)
    text = render(request, result)
    assert "2024-03-16  2025-01-01" in text
    assert "Przedawnienie od:              2027-05-11" in text
    assert "Saldo:" in text
