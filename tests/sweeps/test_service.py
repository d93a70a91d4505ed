"""The daily, archive and year-end sweeps as dated timelines with exact expectations, and the
missed-instalment SQL against its pure oracle (app/domain/instalments.py) on one sample."""

from __future__ import annotations

import itertools
import re
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, text

from app.domain.instalments import InstalmentDue, InstalmentPlan, PaymentMade, missed_instalment
from app.models import Debtor, Event, Instalment, Payment, Receivable, SweepRun
from app.sweeps import service
from app.sweeps.repository import SweepRepository
from app.sweeps.rules import rules, window
from app.sweeps.schemas import Job
from app.titles import service as title_service
from tests.sweeps.timeline import due_stay_fee, events, instalments, pay, post, run, with_title

D = date.fromisoformat
NOTICE = "zawiadomienie do organu egzekucyjnego: wznowienie postępowania egzekucyjnego"


async def test_missed_instalment_after_a_title_resumes_enforcement_with_a_notice(api):
    rid = await with_title(api)
    # 2025-05-05: instalments granted on the balance of 266.00 zł (250.00 + 16.00 reminder cost).
    await instalments(
        api,
        rid,
        "2025-05-05",
        [("2025-05-30", "88.00"), ("2025-06-30", "89.00"), ("2025-07-31", "89.00")],
    )
    # 2025-05-30: the first instalment paid on its last day: in time.
    await pay(api, rid, "2025-05-30", "88.00", "WB/0530/1")
    assert (await run(api, "2025-05-31"))["changed"]["rata_niezaplacona"] == 0
    # 2025-06-30: the second one's last day passes unpaid; 2025-07-01: enforcement resumes.
    assert (await run(api, "2025-06-30"))["changed"]["rata_niezaplacona"] == 0
    result = await run(api, "2025-07-01")
    assert result["changed"] == {"termin_uplynal": 0, "rata_niezaplacona": 1, "przedawnienie": 0}
    assert result["details"].endswith("; zawiadomienia o wznowieniu postępowania: 1")
    last = (await events(api, rid))[-1]
    assert (
        last["occurred_on"],
        last["action"],
        last["from_state"],
        last["to_state"],
        last["actor"],
    ) == ("2025-07-01", "rata_niezaplacona", "raty", "tytul_wykonawczy", "system:przeglad")
    assert last["cause"] == f"niezapłacenie w terminie raty nr 2 (termin 30.06.2025); {NOTICE}"
    # 2025-07-01 again: nothing changes.
    assert (await run(api, "2025-07-01"))["rows_changed"] == 0


NOTICES = text(
    """SELECT n.receivable_id, n.title_document_id, n.change, n.event_on, n.amount,
              n.remaining_principal, n.description, d.receivable_id, d.kind, d.scope, d.year,
              d.seq, d.number, d.issued_on, d.delivered_on, d.costs, d.created_by
       FROM notice n JOIN document d ON d.id = n.document_id
       WHERE n.change = 'wznowienie' ORDER BY n.id"""
)


async def test_the_notices_of_a_night_are_those_notify_makes_one_by_one(api, session):
    # Three titles (266.00 zł each), instalments granted 2025-05-05; enforcement resumes on
    # 2025-11-29 (after a partial payment), 2025-12-31 and 2026-01-06. One late run on
    # 2026-01-10 notifies all three in one batch: the notices `notify` makes one by one, numbered
    # per year in the order of the days enforcement resumed.
    plans = [
        ([("2025-11-28", "266.00")], [("2025-10-01", "100.00")]),
        (
            [("2025-05-30", "88.00"), ("2025-06-30", "89.00"), ("2025-12-30", "89.00")],
            [("2025-05-30", "88.00"), ("2025-06-30", "89.00")],
        ),
        ([("2025-11-28", "133.00"), ("2026-01-05", "133.00")], [("2025-11-28", "133.00")]),
    ]
    for dues, payments in plans:
        rid = await with_title(api)
        await instalments(api, rid, "2025-05-05", dues)
        for k, (on, amount) in enumerate(payments):
            await pay(api, rid, on, amount, f"WB/{rid}/{k}")
    repo = SweepRepository(session)
    resumptions = [
        moved
        for statements in rules(repo.dialect)
        for rule in statements
        for moved in await repo.apply(rule, D("2026-01-10"), service.SWEEP_ACTOR, since=None)
        if rule.resumes
    ]
    async with session.begin_nested() as one_by_one:
        for rid, on, _ in sorted(resumptions, key=lambda m: (m.occurred_on, m.receivable_id)):
            receivable = await session.get_one(Receivable, rid)
            await title_service.notify(session, receivable, "wznowienie", on, service.SWEEP_ACTOR)
        expected = (await session.execute(NOTICES)).all()
        await one_by_one.rollback()
    assert await title_service.notify_resumptions(session, resumptions, service.SWEEP_ACTOR) == 3
    got = (await session.execute(NOTICES)).all()
    assert got == expected
    # ZW/1/2025 to ZW/7/2025: the notices of the three plans and of the four payments.
    # Remaining principal (OP art. 62 §1a costs first, then art. 55 §2 in grosze, art. 63 §3):
    # plan 1: 100 zł on 2025-10-01, 16 zł costs; interest on 250 zł from 2025-03-20 =
    #   250 × (49×14.5 + 56×13.5 + 63×13 + 28×12.5) % / 365 = 18.05 → 18 zł; 84 × 18 / 268 =
    #   5.64 zł interest, 78.36 zł principal → 171.64 zł;
    # plan 2: 88 zł on 2025-05-30, 16 zł costs; interest 250 × (49×14.5 + 23×13.5) % / 365 =
    #   6.99 zł ≤ 8.70 (OP art. 54 §1 pkt 5): all 72 zł to principal, 178 zł left; 89 zł on
    #   2025-06-30: the whole arrears' interest 72 × 10.21 % / 365 + 178 × 14.395 % / 365 =
    #   2.01 + 7.02 = 9.03 zł > 8.70, so the 7 zł on 178 zł is charged: 89 × 7 / 185 = 3.37 zł
    #   interest, 85.63 zł principal → 92.37 zł;
    # plan 3: 133 zł on 2025-11-28; interest 250 × (… + 35×12.5 + 28×12 + 23×11.5) % / 365 =
    #   22.76 → 23 zł; 117 × 23 / 273 = 9.86 zł interest, 107.14 zł principal → 142.86 zł.
    assert sorted((str(n.event_on), n.remaining_principal) for n in got) == [
        ("2025-11-29", 17164),
        ("2025-12-31", 9237),
        ("2026-01-06", 14286),
    ]
    assert sorted(n.number for n in got) == ["ZW/1/2026", "ZW/8/2025", "ZW/9/2025"]


async def test_missed_instalment_from_wymagalna_goes_back_without_a_notice_and_catches_up(api):
    rid = await due_stay_fee(api)
    # 2025-05-05: balance 250.00 zł (interest 4.67 zł is below 8.70 zł, OP art. 54 §1 pkt 5).
    await instalments(api, rid, "2025-05-05", [("2025-05-30", "125.00"), ("2025-06-30", "125.00")])
    # 2025-06-02: the first instalment paid three days late: it stays missed (OP art. 49 §2).
    await pay(api, rid, "2025-06-02", "125.00", "WB/0602/1")
    # The service was down from 2025-05-31 to 2025-06-09: the run of 2025-06-10 catches up, and
    # the event carries the day it happened, 2025-05-31.
    assert (await run(api, "2025-06-10"))["changed"]["rata_niezaplacona"] == 1
    last = (await events(api, rid))[-1]
    assert (last["occurred_on"], last["from_state"], last["to_state"]) == (
        "2025-05-31",
        "raty",
        "wymagalna",
    )
    assert last["cause"] == "niezapłacenie w terminie raty nr 1 (termin 30.05.2025)"


async def test_an_instalment_paid_ahead_covers_the_next_one(api):
    rid = await due_stay_fee(api)
    await instalments(api, rid, "2025-05-05", [("2025-05-30", "125.00"), ("2025-06-30", "125.00")])
    # 2025-05-20: 200.00 zł, more than the first instalment; 2025-06-30: the remaining 50.00.
    await pay(api, rid, "2025-05-20", "200.00", "WB/0520/1")
    await pay(api, rid, "2025-06-30", "50.00", "WB/0630/1")
    assert (await run(api, "2025-07-15"))["rows_changed"] == 0
    assert [e["to_state"] for e in await events(api, rid)][-1] == "zaplacona"


async def test_one_late_run_writes_every_event_on_its_own_day(api, today):
    # Demand delivered 2025-03-05, term 2025-03-19, never paid: time-barred from 2028-03-20
    # (3 years from the term, seed 003 §5; KC art. 112). No sweep ran until 2028-04-03.
    from tests.factories import create_debtor, create_receivable, deliver

    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    today.day = D("2028-04-03")
    result = await run(api, "2028-04-03")
    assert result["changed"] == {"termin_uplynal": 1, "rata_niezaplacona": 0, "przedawnienie": 1}
    assert [(e["occurred_on"], e["to_state"]) for e in await events(api, rid)] == [
        ("2025-03-03", "wystawiona"),
        ("2025-03-20", "wymagalna"),
        ("2028-03-20", "przedawniona"),
    ]
    assert (await run(api, "2028-04-03"))["rows_changed"] == 0


async def test_reminders_ready_for_a_title_are_listed_not_moved(api):
    from tests.factories import deliver

    rid = await due_stay_fee(api)
    await post(api, f"/api/v1/receivables/{rid}/reminders", {"issued_on": "2025-04-01"})

    # Upomnienie delivered 2025-04-03 (Thu): 7 days end 2025-04-10; a title from 2025-04-11.
    await deliver(api, rid, "upomnienie", "2025-04-03")
    assert (await run(api, "2025-04-10"))["listed"] == {"nowe_do_tytulu": 0}
    result = await run(api, "2025-04-11")
    assert (result["listed"], result["rows_changed"]) == ({"nowe_do_tytulu": 1}, 0)
    listed = (
        await api.get("/api/v1/sweeps/ready-for-title", params={"as_of": "2025-04-11"})
    ).json()
    assert [(i["receivable_id"], i["day"], i["state"]) for i in listed] == [
        (rid, "2025-04-10", "upomnienie")
    ]
    # The next night it is still on the worklist, but not new: the run counts what became ready
    # since the previous one.
    assert (await run(api, "2025-04-12"))["listed"] == {"nowe_do_tytulu": 0}


async def test_a_reminder_back_from_instalments_is_newly_ready_for_a_title(api):
    from tests.factories import deliver

    rid = await due_stay_fee(api)
    await post(api, f"/api/v1/receivables/{rid}/reminders", {"issued_on": "2025-04-01"})
    # Upomnienie delivered 2025-04-03: its 7 days end 2025-04-10 (u.p.e.a. art. 15 §1).
    await deliver(api, rid, "upomnienie", "2025-04-03")
    assert (await run(api, "2025-04-11"))["listed"] == {"nowe_do_tytulu": 1}
    # 2025-04-15: instalments on the balance of 266.00 zł (250.00 + 16.00 reminder cost); the
    # first, due 2025-05-30, is not paid: on 2025-05-31 the plan goes back to upomnienie (OP art.
    # 49 §2), whose 7 days ran out long ago: ready for a title again, and new tonight.
    await instalments(api, rid, "2025-04-15", [("2025-05-30", "133.00"), ("2025-06-30", "133.00")])
    assert (await run(api, "2025-05-20"))["listed"] == {"nowe_do_tytulu": 0}
    result = await run(api, "2025-06-02")
    assert result["changed"]["rata_niezaplacona"] == 1
    assert result["listed"] == {"nowe_do_tytulu": 1}


async def test_archive_two_years_after_closing(api):
    from tests.factories import create_debtor, create_receivable

    # 2023-05-10: paid in full on the day of issue, closed 2023-05-10 (zaplacona).
    rid = (await create_receivable(api, await create_debtor(api), issue_date="2023-05-10"))["id"]
    await pay(api, rid, "2023-05-10", "250.00", "WB/0510/1")
    # Seed 003 §5.4, two full years from 1 January 2024 (issue 16 item 7): kept through 2025.
    # 2025-05-11 (two years by date, KC art. 112, would have archived it): not yet.
    assert (await run(api, "2025-05-11", job="archive"))["changed"] == {"archiwum": 0}
    assert (await run(api, "2025-12-31", job="archive"))["changed"] == {"archiwum": 0}
    # 2026-01-01: to the archive, archived_on = 2026-01-01; a second run changes nothing.
    assert (await run(api, "2026-01-01", job="archive"))["changed"] == {"archiwum": 1}
    assert (await run(api, "2026-01-01", job="archive"))["changed"] == {"archiwum": 0}
    listed = (await api.get("/api/v1/sweeps/archive", params={"on": "2026-01-01"})).json()
    assert [(i["receivable_id"], i["day"], i["state"]) for i in listed] == [
        (rid, "2023-05-10", "zaplacona")
    ]


async def test_archive_takes_a_whole_closing_year_on_one_day(api, today):
    from tests.factories import create_debtor, create_receivable

    today.day = D("2027-01-02")
    # Closed 2024-02-29 and 2024-12-31: both kept through 2025 and 2026, archived 2027-01-01.
    for day in ("2024-02-29", "2024-12-31"):
        rid = (await create_receivable(api, await create_debtor(api), issue_date=day))["id"]
        await pay(api, rid, day, "250.00", f"WB/{day}")
    assert (await run(api, "2026-12-31", job="archive"))["changed"] == {"archiwum": 0}
    assert (await run(api, "2027-01-01", job="archive"))["changed"] == {"archiwum": 2}


@pytest.mark.usefixtures("no_alimony_module")
async def test_year_end_list_is_the_state_at_31_december(api, today):
    from tests.factories import create_debtor, create_receivable, deliver

    # Term 2025-03-19 → time-barred from 2028-03-20.
    rid = (await create_receivable(api, await create_debtor(api)))["id"]
    await deliver(api, rid, "wezwanie", "2025-03-05")
    today.day = D("2029-03-01")
    await run(api, "2028-03-20")
    # 2027-12-31: not yet time-barred; 2028-12-31: on the list, time-barred within 2028.
    assert (await run(api, "2027-12-31", job="year_end"))["listed"]["przedawnione"] == 0
    result = await run(api, "2028-12-31", job="year_end")
    assert {k: result["listed"][k] for k in ("przedawnione", "przedawnione_w_roku")} == {
        "przedawnione": 1,
        "przedawnione_w_roku": 1,
    }
    assert "należność główna przedawnionych: 250,00\u00a0zł" in result["details"]
    # 2029-02-01: written off in full by decision. The 2028 list does not change; 2029's is empty.
    await api.post(
        f"/api/v1/receivables/{rid}/write-offs",
        json={"decided_on": "2029-02-01", "decision_ref": "FN.3110.1.2029", "full": True},
    )
    body = (await api.get("/api/v1/sweeps/year-end/2028")).json()
    assert [(i["receivable_id"], i["day"], i["state"]) for i in body["przedawnione"]] == [
        (rid, "2028-03-20", "umorzona")
    ]
    assert body["as_of"] == "2028-12-31"
    assert body["alimenty_umorzenie"] is None  # no alimony module: the extension point says so
    assert (await api.get("/api/v1/sweeps/year-end/2029")).json()["przedawnione"] == []


@pytest.mark.usefixtures("no_alimony_module")
async def test_every_run_is_recorded(session):
    # 2025-03-20 and 2025-12-31: one run of each job, recorded with its counts.
    for job, day in (
        (Job.DAILY, "2025-03-20"),
        (Job.ARCHIVE, "2025-03-20"),
        (Job.YEAR_END, "2025-12-31"),
    ):
        await service.run(session, job, D(day), "tester")
    runs = list(await session.scalars(select(SweepRun).order_by(SweepRun.id)))
    assert [(r.job, r.as_of, r.rows_changed, r.error, r.triggered_by) for r in runs] == [
        ("daily", D("2025-03-20"), 0, None, "tester"),
        ("archive", D("2025-03-20"), 0, None, "tester"),
        ("year_end", D("2025-12-31"), 0, None, "tester"),
    ]
    assert (
        runs[0].details
        == "termin_uplynal: 0, rata_niezaplacona: 0, przedawnienie: 0, nowe_do_tytulu: 0"
    )
    assert all(r.finished_at is not None and r.finished_at >= r.started_at for r in runs)
    assert runs[2].details == (
        "przedawnione: 0, przedawnione_w_roku: 0; należność główna "
        "przedawnionych: 0,00\u00a0zł; lista umorzeń alimentacyjnych: moduł "
        "alimentacyjny niedostępny"
    )


async def test_the_alimony_module_plugs_its_year_end_list_in(api, session, monkeypatch):
    # The extension point: app.alimony.service.year_end_write_off_list, when it exists.
    monkeypatch.setattr(service, "ALIMONY_MODULE", "tests.sweeps.fake_alimony")
    result = await service.run(session, Job.YEAR_END, D("2025-12-31"), "tester")
    assert result.listed["alimenty_umorzenie"] == 1
    body = (await api.get("/api/v1/sweeps/year-end/2025")).json()
    assert body["alimenty_umorzenie"] == [
        {"debtor_id": 7, "percent": 30, "amount": "1200.00", "year": 2025, "as_of": "2025-12-31"}
    ]


# --- The SQL and its oracle on one sample ---------------------------------------------------

DECIDED = D("2025-05-05")
DUES = (D("2025-05-30"), D("2025-06-30"), D("2025-07-31"))
# What is paid for one instalment of 100.00 zł: nothing, in full on the day, in full two days
# late, half on the day, double five days early.
PATTERNS = {
    "none": [],
    "on_time": [(0, 100_00)],
    "late": [(2, 100_00)],
    "half": [(0, 50_00)],
    "double_early": [(-5, 200_00)],
}


def _sample() -> list[tuple[InstalmentPlan, list[PaymentMade], bool]]:
    """All 125 combinations of the patterns over three instalments; every fifth plan also has an
    earlier decision and a payment before the latest one, which must not count."""
    sample = []
    for n, combo in enumerate(itertools.product(PATTERNS, repeat=3)):
        payments = [
            PaymentMade(due + timedelta(days=shift), amount)
            for due, name in zip(DUES, combo, strict=True)
            for shift, amount in PATTERNS[name]
        ]
        older = n % 5 == 0
        if older:
            payments.append(PaymentMade(D("2025-03-01"), 100_00))
        plan = InstalmentPlan(
            DECIDED, tuple(InstalmentDue(k, d, 100_00) for k, d in enumerate(DUES, 1))
        )
        sample.append((plan, payments, older))
    return sample


async def _store(
    session,
    debtor_id: int,
    plan: InstalmentPlan,
    payments: list[PaymentMade],
    older: bool,
    recorded_on: date = DECIDED,
) -> int:
    r = Receivable(
        debtor_id=debtor_id,
        kind_code="oplata_pobyt",
        title="Opłata za pobyt",
        principal=300_00,
        issued_on=D("2024-12-02"),
        state="raty",
        state_before_instalments="upomnienie",
    )
    session.add(r)
    await session.flush()
    decisions = [D("2025-01-10"), plan.decided_on] if older else [plan.decided_on]
    session.add_all(
        [
            Event(
                receivable_id=r.id,
                occurred_on=d,
                action="raty",
                from_state="upomnienie",
                to_state="raty",
                cause="decyzja o rozłożeniu na raty",
                actor="tester",
            )
            for d in decisions
        ]
    )
    ordered = sorted(plan.instalments, key=lambda i: (i.due_on, i.number))
    session.add_all(
        [
            Instalment(
                receivable_id=r.id,
                number=i.number,
                due_on=i.due_on,
                amount=i.amount,
                decided_on=plan.decided_on,
                owed_through=owed,
                recorded_on=recorded_on,
            )
            for i, owed in zip(
                ordered, itertools.accumulate(i.amount for i in ordered), strict=True
            )
        ]
    )
    session.add_all(
        [Payment(receivable_id=r.id, paid_on=p.paid_on, amount=p.amount) for p in payments]
    )
    await session.flush()
    return r.id


@pytest.mark.parametrize(
    ("as_of", "count"),
    [
        ("2025-05-30", 0),  # the first instalment's last day: nothing missed yet
        ("2025-05-31", 75),  # first instalment unpaid, late or half paid: 3 of 5 patterns × 25
        ("2025-06-28", 75),
        ("2025-07-01", 90),  # + paid on time, then the second one short by 30 June: 15
        ("2025-08-01", 98),
        ("2025-08-03", 98),  # a payment two days late changes nothing
    ],
)
async def test_missed_instalment_sql_agrees_with_the_oracle(session, as_of, count):
    debtor = Debtor(name="Jan Kowalski")
    session.add(debtor)
    await session.flush()
    expected = {}
    for plan, payments, older in _sample():
        rid = await _store(session, debtor.id, plan, payments, older)
        missed = missed_instalment(plan, payments, D(as_of))
        if missed is not None:
            expected[rid] = (missed.resumed_on, missed.number)
    result = await service.run(session, Job.DAILY, D(as_of), "tester")
    rows = (
        await session.execute(
            select(Event.receivable_id, Event.occurred_on, Event.cause).where(
                Event.action == "rata_niezaplacona"
            )
        )
    ).all()
    got = {rid: (on, int(re.search(r"raty nr (\d+)", cause)[1])) for rid, on, cause in rows}
    assert got == expected
    assert len(expected) == count
    assert result.changed["rata_niezaplacona"] == len(expected)
    moved = await session.scalars(select(Receivable.id).where(Receivable.state == "upomnienie"))
    assert set(moved) == set(expected)


async def test_night_after_night_the_sql_agrees_with_the_oracle(session):
    # The same sample swept on successive nights: a run looks only at the instalments that fell
    # due since the last one (app/sweeps/rules.py, window), and still agrees with the oracle on
    # every night.
    debtor = Debtor(name="Jan Kowalski")
    session.add(debtor)
    await session.flush()
    sample = {
        await _store(session, debtor.id, plan, payments, older): (plan, payments)
        for plan, payments, older in _sample()
    }
    for night in (
        "2025-05-30",
        "2025-05-31",
        "2025-06-15",
        "2025-06-30",
        "2025-07-01",
        "2025-07-31",
        "2025-08-01",
        "2025-08-02",
    ):
        await service.run(session, Job.DAILY, D(night), "scheduler")
        expected = {}
        for rid, (plan, payments) in sample.items():
            missed = missed_instalment(plan, payments, D(night))
            if missed is not None:
                expected[rid] = (missed.resumed_on, missed.number)
        rows = (
            await session.execute(
                select(Event.receivable_id, Event.occurred_on, Event.cause).where(
                    Event.action == "rata_niezaplacona"
                )
            )
        ).all()
        assert {
            rid: (on, int(re.search(r"raty nr (\d+)", cause)[1])) for rid, on, cause in rows
        } == expected
    assert len(expected) == 98


async def test_a_plan_granted_after_the_nights_it_covers_is_still_checked(api):
    rid = await due_stay_fee(api)
    # 2025-06-10: the sweep runs; the receivable is wymagalna, nothing to check.
    assert (await run(api, "2025-06-10"))["rows_changed"] == 0
    # Entered afterwards: a decision of 2025-05-05 whose first instalment (2025-05-30) is unpaid.
    await instalments(api, rid, "2025-05-05", [("2025-05-30", "125.00"), ("2025-06-30", "125.00")])
    # 2025-06-11: the plan was entered after the 2025-06-10 run (its recorded_on), so this run
    # looks at all its instalments past due, not only those due since 2025-06-10.
    assert (await run(api, "2025-06-11"))["changed"]["rata_niezaplacona"] == 1
    last = (await events(api, rid))[-1]
    assert (last["occurred_on"], last["to_state"]) == ("2025-05-31", "wymagalna")


async def test_the_next_run_reaches_back_a_day_for_a_plan_committed_after_midnight(session):
    # A request that began on 2025-06-09 before midnight enters a plan (recorded_on 2025-06-09)
    # and commits after the 2025-06-10 run has read the register: the next run reaches back a day
    # for it (rules.window). Its first instalment, due 2025-05-30, is unpaid: OP art. 49 §2, the
    # receivable goes back from 2025-05-31. A plan entered on 2025-06-08 was there for the
    # 2025-06-10 run to see; the next run does not read its old instalments again (stored here
    # after that run only to show that the window bounds what a night reads).
    debtor = Debtor(name="Jan Kowalski")
    session.add(debtor)
    await session.flush()
    await service.run(session, Job.DAILY, D("2025-06-10"), "scheduler")
    plan = InstalmentPlan(DECIDED, (InstalmentDue(1, D("2025-05-30"), 100_00),))
    late = await _store(session, debtor.id, plan, [], False, recorded_on=D("2025-06-09"))
    seen = await _store(session, debtor.id, plan, [], False, recorded_on=D("2025-06-08"))
    result = await service.run(session, Job.DAILY, D("2025-06-11"), "scheduler")
    assert result.changed["rata_niezaplacona"] == 1
    states = dict(
        (
            await session.execute(
                select(Receivable.id, Receivable.state).where(Receivable.id.in_((late, seen)))
            )
        ).all()
    )
    assert states == {late: "upomnienie", seen: "raty"}
    moved_on = await session.scalar(
        select(Event.occurred_on).where(
            Event.receivable_id == late, Event.action == "rata_niezaplacona"
        )
    )
    assert moved_on == D("2025-05-31")


async def test_the_window_starts_at_the_latest_successful_daily_run_before_the_day(session):
    def ran(job: Job, as_of: str, *, error: str | None = None, finished: bool = True) -> SweepRun:
        at = datetime(2025, 6, 20, 1, 0, tzinfo=UTC)
        return SweepRun(
            job=job.value,
            as_of=D(as_of),
            started_at=at,
            finished_at=at if finished else None,
            error=error,
            triggered_by="scheduler",
        )

    repo = SweepRepository(session)
    assert await repo.previous_run("daily", D("2025-06-11")) is None
    session.add_all(
        [
            ran(Job.DAILY, "2025-06-08"),
            ran(Job.DAILY, "2025-06-09", error="OperationalError"),  # failed: looked at nothing
            ran(Job.DAILY, "2025-06-10", finished=False),  # never finished
            ran(Job.ARCHIVE, "2025-06-10"),  # another job
            ran(Job.DAILY, "2025-06-12"),  # a later day
        ]
    )
    await session.flush()
    assert await repo.previous_run("daily", D("2025-06-11")) == D("2025-06-08")
    assert await repo.previous_run("daily", D("2025-06-12")) == D("2025-06-08")
    assert await repo.previous_run("daily", D("2025-06-13")) == D("2025-06-12")
    # The first run reads every instalment past due; a later one, those due since the previous
    # run and those of plans entered from the day before it.
    assert window(None) == {"since": date.min, "entered_since": date.min}
    assert window(D("2025-06-08")) == {"since": D("2025-06-08"), "entered_since": D("2025-06-07")}
