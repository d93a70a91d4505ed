"""Issue 15 items 9 and 11: the same reference sent six times at once, and dates no unit's record
can hold."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from app.config import Settings
from tests.factories import create_debtor, create_receivable
from tests.security.support import assert_problem, due, live_api


@pytest.mark.postgres_only
async def test_six_receivables_with_one_reference_at_once_give_one_201_and_five_422(
    settings: Settings, scratch_database_url: str, today
) -> None:
    # Before: PostgreSQL answered 1×201 and 5×500 (the unique index, unhandled); SQLite 422s.
    async with live_api(settings, scratch_database_url, today) as api:
        did = await create_debtor(api)
        body = {
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "Opłata za pobyt",
            "issue_date": "2025-03-03",
            "reference": "RACE/6/2025",
        }
        answers = await asyncio.gather(
            *(api.post("/api/v1/receivables", json=body) for _ in range(6))
        )
    statuses = sorted(r.status_code for r in answers)
    assert statuses == [201, 422, 422, 422, 422, 422], [r.text for r in answers]
    for r in answers:
        if r.status_code == 422:
            problem = assert_problem(r, 422)
            assert problem["errors"] == [
                {"field": "reference", "message": "Należność o numerze 'RACE/6/2025' już istnieje"}
            ]


@pytest.mark.parametrize("day", ["0001-01-01", "1994-12-31", "2100-01-01", "9999-12-31"])
async def test_an_issue_date_no_record_can_hold_is_refused(api: httpx.AsyncClient, day: str):
    did = await create_debtor(api)
    r = await api.post(
        "/api/v1/receivables",
        json={
            "debtor_id": did,
            "kind": "oplata_pobyt",
            "principal": "10.00",
            "title": "x",
            "issue_date": day,
        },
    )
    problem = assert_problem(r, 422)
    assert "poza dopuszczalnym zakresem (01.01.1995 – 31.12.2099)" in problem["detail"]


async def test_an_instalment_due_in_9999_is_refused(api: httpx.AsyncClient) -> None:
    # Before: an instalment due 9999-12-31 was accepted and suspended collection for ever.
    rid = await due(api)
    plan = {
        "decided_on": "2025-04-01",
        "decision_ref": "DEC/1/2025",
        "instalments": [
            {"due_on": "2025-05-01", "amount": "100.00"},
            {"due_on": "2035-04-02", "amount": "150.00"},  # a day past ten years
        ],
    }
    r = await api.post(f"/api/v1/receivables/{rid}/instalments", json=plan)
    problem = assert_problem(r, 422)
    assert (
        "Termin raty 2035-04-02 późniejszy niż 10 lat od decyzji (najpóźniej 2035-04-01)"
        in (problem["detail"])
    )
    plan["instalments"][1]["due_on"] = "9999-12-31"
    assert_problem(await api.post(f"/api/v1/receivables/{rid}/instalments", json=plan), 422)
    plan["instalments"][1]["due_on"] = "2035-04-01"  # exactly ten years: allowed
    r = await api.post(f"/api/v1/receivables/{rid}/instalments", json=plan)
    assert r.status_code == 201, r.text


async def test_a_plan_decided_on_29_february_has_its_horizon_on_28_february(api) -> None:
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    plan = {
        "decided_on": "2024-02-29",
        "decision_ref": "DEC/2/2024",
        "instalments": [{"due_on": "2034-03-01", "amount": "250.00"}],
    }
    r = await api.post(f"/api/v1/receivables/{rid}/instalments", json=plan)
    assert "najpóźniej 2034-02-28" in assert_problem(r, 422)["detail"]
