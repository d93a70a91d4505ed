"""POST /api/v1/sweeps/run runs any job; GET shows the history and the lists."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.db import make_engine
from app.sweeps.schemas import Job
from app.sweeps.service import lock_key
from tests.conftest import token_for
from tests.sweeps.timeline import due_stay_fee, run


async def test_the_default_job_is_the_daily_sweep(api):
    body = await run(api, "2025-03-20")
    assert (body["job"], body["as_of"], body["rows_changed"]) == ("daily", "2025-03-20", 0)
    assert body["changed"] == {"termin_uplynal": 0, "rata_niezaplacona": 0, "przedawnienie": 0}
    assert body["listed"] == {"nowe_do_tytulu": 0}


@pytest.mark.usefixtures("no_alimony_module")
async def test_each_job_runs_by_hand_and_shows_in_the_history(api):
    await due_stay_fee(api)  # runs the daily sweep of 2025-03-20: 1 receivable moved
    await run(api, "2025-03-21", job="archive")
    await run(api, "2025-12-31", job="year_end")
    history = (await api.get("/api/v1/sweeps")).json()
    assert [
        (h["job"], h["as_of"], h["rows_changed"], h["error"], h["triggered_by"]) for h in history
    ] == [
        ("year_end", "2025-12-31", 0, None, "admin"),
        ("archive", "2025-03-21", 0, None, "admin"),
        ("daily", "2025-03-20", 1, None, "admin"),
    ]
    only = (await api.get("/api/v1/sweeps", params={"job": "archive"})).json()
    assert [h["job"] for h in only] == ["archive"]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"as_of": "2026-11-24"}, "as_of"),  # "today" is 2026-11-23 in the tests
        ({"as_of": "2025-03-20", "job": "weekly"}, "job"),
        ({"as_of": "20.03.2025"}, "as_of"),
    ],
)
async def test_bad_requests_are_refused_naming_the_field(api, params, field):
    r = await api.post("/api/v1/sweeps/run", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/problem+json"
    assert [e["field"] for e in r.json()["errors"]] == [field]


async def test_year_end_of_a_future_year_is_refused(api):
    r = await api.get("/api/v1/sweeps/year-end/2027")
    assert r.status_code == 422
    assert r.json()["errors"][0]["field"] == "year"


async def test_running_a_job_needs_the_sweep_permission(api, client):
    r = await api.post(
        "/api/v1/users",
        json={"username": "ksiegowa", "password": "haslo-ksiegowej", "role": "ksiegowy"},
    )
    assert r.status_code == 201
    headers = {"Authorization": f"Bearer {await token_for(client, 'ksiegowa', 'haslo-ksiegowej')}"}
    r = await client.post("/api/v1/sweeps/run", params={"as_of": "2025-03-20"}, headers=headers)
    assert r.status_code == 403
    # The chief accountant reads the history and the year-end list.
    assert (await client.get("/api/v1/sweeps", headers=headers)).status_code == 200


@pytest.mark.postgres_only
async def test_a_job_running_in_another_instance_is_409(api, database_url):
    engine = make_engine(database_url)
    try:
        async with engine.connect() as other:
            await other.begin()
            await other.execute(
                text("SELECT pg_advisory_xact_lock(:k)"), {"k": lock_key(Job.ARCHIVE)}
            )
            r = await api.post(
                "/api/v1/sweeps/run", params={"as_of": "2025-03-20", "job": "archive"}
            )
            assert r.status_code == 409
            assert r.json()["type"] == "/problems/job-busy"
            assert r.json()["job"] == "archive"
            # Another job is not blocked by it.
            assert (await run(api, "2025-03-20"))["job"] == "daily"
            await other.rollback()
    finally:
        await engine.dispose()
    assert (await run(api, "2025-03-20", job="archive"))["job"] == "archive"


async def test_the_year_end_list_takes_the_alimony_modules_list(api):
    # app/alimony/service.py provides year_end_write_off_list: no art. 30 decisions in 2025 here.
    body = (await api.get("/api/v1/sweeps/year-end/2025")).json()
    assert (body["year"], body["as_of"], body["przedawnione"], body["alimenty_umorzenie"]) == (
        2025,
        "2025-12-31",
        [],
        [],
    )
