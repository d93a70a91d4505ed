"""The set-based write-off pass (AlimonyRepository.effective_runs: gaps and islands in SQL) against
its oracle, the pure rule (alimony_history.monthly_history + effective_run), on the same sample, on
whichever backend the suite runs (STYLE rule 12).

The sample is deterministic: hand-made patterns for each edge of the rule, plus a seeded mix of
award changes, several entitled persons, short, equal and double payments, gaps, and recoveries in
the as_of month."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony.repository import AlimonyRepository
from app.domain.alimony import (
    Award,
    Month,
    Recovery,
    effective_run,
    last_complete_month,
    monthly_history,
)
from app.models import AlimonyAward, AlimonyRecovery, Debtor

AS_OFS = [date(2026, 11, 23), date(2026, 11, 1), date(2026, 10, 31), date(2024, 3, 1)]


@dataclass
class Case:
    awards: list[Award]
    recoveries: list[Recovery]


def _monthly(first: Month, last: Month, amount: int, day: int = 10) -> list[Recovery]:
    return [
        Recovery(date(m.year, m.month, min(day, 28)), amount)
        for m in (Month.from_index(i) for i in range(first.index, last.index + 1))
    ]


def _hand_made() -> list[Case]:
    a500 = [Award(date(2019, 1, 1), 50_000)]
    return [
        Case(a500, _monthly(Month(2023, 11), Month(2026, 10), 50_000)),  # exactly 36, equal
        Case(a500, _monthly(Month(2023, 12), Month(2026, 10), 50_000)),  # 35
        Case(a500, _monthly(Month(2023, 11), Month(2026, 10), 49_999)),  # a grosz short
        # a gap in 2025-05 splits the run
        Case(a500, [r for r in _monthly(Month(2022, 1), Month(2026, 10), 60_000)
                    if Month.of(r.on) != Month(2025, 5)]),
        # two payments in one month add up; one in the as_of month is ignored
        Case(a500, _monthly(Month(2024, 1), Month(2026, 11), 25_000, 5)
             + _monthly(Month(2024, 1), Month(2026, 10), 25_000, 20)),
        # a raise on the 15th applies from the next month (first-day rule)
        Case([Award(date(2019, 1, 1), 50_000), Award(date(2025, 6, 15), 70_000)],
             _monthly(Month(2022, 1), Month(2025, 6), 50_000)
             + _monthly(Month(2025, 7), Month(2026, 10), 70_000)),
        # a raise on the 1st applies to that month: 50 000 in 2025-06 is short
        Case([Award(date(2019, 1, 1), 50_000), Award(date(2025, 6, 1), 70_000)],
             _monthly(Month(2022, 1), Month(2025, 6), 50_000)
             + _monthly(Month(2025, 7), Month(2026, 10), 70_000)),
        # two entitled persons, one award ended by a 0 row
        Case([Award(date(2020, 1, 1), 40_000, "A"), Award(date(2020, 1, 1), 30_000, "B"),
              Award(date(2024, 2, 1), 0, "B")],
             _monthly(Month(2021, 1), Month(2026, 10), 40_000)),
        Case([Award(date(2020, 1, 1), 0)], _monthly(Month(2021, 1), Month(2026, 10), 10_000)),
        Case([], _monthly(Month(2021, 1), Month(2026, 10), 10_000)),  # no award at all
        # the first award mid-month: its own month is not awarded
        Case([Award(date(2023, 3, 20), 50_000)], _monthly(Month(2023, 3), Month(2026, 10), 50_000)),
        # two changes in one month: the later one is in force on the next month's first day
        Case([Award(date(2019, 1, 1), 50_000), Award(date(2024, 4, 3), 90_000),
              Award(date(2024, 4, 20), 40_000)], _monthly(Month(2024, 1), Month(2026, 10), 45_000)),
    ]  # fmt: skip


def _seeded(n: int) -> list[Case]:
    rng = random.Random(20261123)
    cases = []
    for _ in range(n):
        awards = [
            Award(
                date(rng.choice([2018, 2020, 2022]), rng.randint(1, 12), rng.choice([1, 1, 9, 28])),
                rng.choice([0, 30_000, 50_000, 80_000]),
                rng.choice(["", "", "B"]),
            )
            for _ in range(rng.randint(1, 3))
        ]
        base = max((a.monthly_amount for a in awards), default=0)
        first = Month(rng.choice([2019, 2021, 2023]), rng.randint(1, 12))
        recoveries = []
        miss = rng.choice([0.002, 0.03, 0.2])  # a steady payer, an occasional gap, a poor one
        for i in range(first.index, Month(2026, 11).index + 1):
            m, roll = Month.from_index(i), rng.random()
            if roll < miss / 2:
                continue  # nothing recovered
            if roll < miss:
                amount = rng.choice([base // 2, base - 1])
            else:
                amount = rng.choice([base, base, base + 1, 2 * base])
            if amount <= 0:
                continue
            recoveries.append(Recovery(date(m.year, m.month, rng.randint(1, 28)), amount))
        cases.append(Case(_unique(awards), recoveries))
    return cases


def _unique(awards: list[Award]) -> list[Award]:
    # (debtor, entitled, valid_from) is unique in the table
    return list({(a.entitled, a.valid_from): a for a in awards}.values())


async def _store(session: AsyncSession, cases: list[Case]) -> list[int]:
    ids = []
    for n, case in enumerate(cases):
        debtor = Debtor(name=f"Dłużnik alimentacyjny {n}")
        session.add(debtor)
        await session.flush()
        ids.append(debtor.id)
        session.add_all(
            AlimonyAward(debtor_id=debtor.id, entitled_name=a.entitled, valid_from=a.valid_from,
                         monthly_amount=a.monthly_amount)
            for a in case.awards
        )  # fmt: skip
        session.add_all(
            AlimonyRecovery(debtor_id=debtor.id, received_on=r.on, amount=r.amount,
                            source=r.source.value)
            for r in case.recoveries
        )  # fmt: skip
    await session.flush()
    return ids


def _oracle(case: Case, as_of: date) -> int:
    return len(effective_run(monthly_history(case.awards, case.recoveries, as_of=as_of), as_of))


@pytest.mark.parametrize("as_of", AS_OFS, ids=str)
async def test_sql_pass_matches_the_pure_rule(session, as_of):
    cases = _hand_made() + _seeded(120)
    ids = await _store(session, cases)
    rows = await AlimonyRepository(session).effective_runs(
        last_month=last_complete_month(as_of).index,
        month_start=Month.of(as_of).first_day,
        min_months=1,
    )
    by_sql = {debtor_id: months for debtor_id, months in rows if debtor_id in ids}
    by_rule = {i: _oracle(c, as_of) for i, c in zip(ids, cases, strict=True)}
    assert by_sql == {i: n for i, n in by_rule.items() if n > 0}
    assert sum(1 for n in by_rule.values() if n >= 36) >= 3  # the sample reaches the steps


async def test_hand_made_edges_as_of_2026_11_23(session):
    ids = await _store(session, _hand_made())
    repo = AlimonyRepository(session)
    runs = dict(
        await repo.effective_runs(
            last_month=Month(2026, 10).index, month_start=date(2026, 11, 1), min_months=1
        )
    )
    assert [runs.get(i) for i in ids] == [
        36,  # 2023-11 … 2026-10, each month exactly the award
        35,
        None,  # 499.99 < 500.00 every month
        17,  # 2025-06 … 2026-10, after the gap
        34,  # 250.00 + 250.00 a month, 2024-01 … 2026-10
        58,  # 2022-01 … 2026-10: the raise of 15 June counts from July
        16,  # the raise of 1 June counts for June, paid 500.00 of 700.00
        33,  # 2024-02 … 2026-10, after B's alimony ended
        None,  # awarded 0
        None,  # nothing awarded
        43,  # 2023-04 … 2026-10: March 2023 had no award on its first day
        30,  # 2024-05 … 2026-10: in April 2024 the award was still 500.00
    ]
    steps = dict(
        await repo.effective_runs(
            last_month=Month(2026, 10).index, month_start=date(2026, 11, 1), min_months=36
        )
    )
    assert {i: steps[i] for i in ids if i in steps} == {ids[0]: 36, ids[5]: 58, ids[10]: 43}
