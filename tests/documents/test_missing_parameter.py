"""A legal number missing for a day is a Polish message naming it and the day, never a 500 or a
traceback (issue 16 item 1): the table of odsetki za zwłokę starts with the row of 2004-08-26."""

from __future__ import annotations

from datetime import date

from app.domain.parameters import MissingParameter
from app.sweeps.schemas import Job
from scheduler.jobs import Outcome, describe, run_job
from tests.factories import create_debtor, create_receivable


async def test_a_day_before_the_table_is_a_problem_not_a_crash(api):
    rid = (await create_receivable(api, await create_debtor(api), issue_date="2004-06-01"))["id"]
    # Delivered 2004-06-02: term 2004-06-16, interest from 2004-06-17, and the card recomputed
    # as of today needs the rate of that day (the table starts 2004-08-26): a problem naming the
    # parameter and the day, and nothing written.
    r = await api.post(
        f"/api/v1/receivables/{rid}/deliveries",
        json={"document": "wezwanie", "delivered_on": "2004-06-02"},
    )
    assert r.status_code == 422, r.text
    assert r.json()["type"] == "/problems/missing-parameter"
    assert "(odsetki_za_zwloke) obowiązującego w dniu 17.06.2004" in r.json()["detail"]
    card = (await api.get(f"/api/v1/receivables/{rid}")).json()
    assert (card["state"], card["documents"][0]["delivered_on"]) == ("wystawiona", None)


def test_a_sweep_failing_on_a_missing_parameter_says_which():
    exc = MissingParameter("koszty_upomnienia", date(2004, 7, 1))
    assert describe(exc) == f"MissingParameter: {exc}"
    assert "koszty upomnienia" in describe(exc)


async def test_the_failed_run_carries_the_message(maker, monkeypatch):
    from app.sweeps import service

    async def broken(*_args, **_kwargs):
        raise MissingParameter("odsetki_za_zwloke", date(2004, 1, 1))

    monkeypatch.setattr(service, "run_once", broken)
    done = await run_job(maker, Job.DAILY, date(2026, 11, 23), "test", attempts=1)
    assert done.outcome is Outcome.FAILED
    assert done.error is not None
    assert "(odsetki_za_zwloke) obowiązującego w dniu 01.01.2004" in done.error
