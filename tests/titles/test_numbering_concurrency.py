"""Titles are numbered consecutively per authority and year with no gaps and no duplicates, even
when many are issued at the same moment (seed 003 §3.6; a row-locked counter)."""

import asyncio
from datetime import date

import pytest
from sqlalchemy import select

from app.config import Settings
from app.db import make_engine, make_sessionmaker, session_scope
from app.models import Debtor, Document, Receivable
from app.receivables import actions
from app.unit.setup import first_start

pytestmark = pytest.mark.postgres_only
N = 50


async def _ready_receivables(maker, n: int) -> list[int]:
    async with session_scope(maker) as s:
        debtor = Debtor(
            name="Jan Kowalski",
            street="ul. Długa 5",
            postal_code="87-800",
            city="Włocławek",
            # A title's XML is validated before its number (issue 14): a complete address.
            voivodeship="kujawsko-pomorskie",
            county="Włocławek",
            commune="Włocławek",
        )
        s.add(debtor)
        await s.flush()
        rows = [
            Receivable(
                debtor_id=debtor.id,
                kind_code="oplata_pobyt",
                title=f"pobyt {i}",
                principal=25_000,
                period_from=date(2025, 3, 1),
                period_to=date(2025, 3, 1),
                issued_on=date(2025, 3, 3),
                state="upomnienie",
                payment_term_ends_on=date(2025, 3, 19),
                reminder_delivered_on=date(2025, 4, 3),
                reminder_term_ends_on=date(2025, 4, 10),
            )
            for i in range(n)
        ]
        s.add_all(rows)
        await s.flush()
        return [r.id for r in rows]


async def test_fifty_titles_issued_at_once_get_numbers_1_to_50(scratch_database_url):
    engine = make_engine(scratch_database_url, pool_size=N, max_overflow=0)
    maker = make_sessionmaker(engine)
    settings = Settings(
        database_url=scratch_database_url,
        authority_code="UM",
        authority_office_code="0461",
        creditor_nip="7740001454",
        creditor_regon="610188201",
    )
    async with session_scope(maker) as s:
        await first_start(s, settings)
    ids = await _ready_receivables(maker, N)

    async def issue(rid: int) -> str:
        async with session_scope(maker) as s:
            doc = await actions.issue_title(s, rid, date(2025, 4, 11), "spec", date(2026, 11, 23))
            return doc.number

    numbers = await asyncio.gather(*(issue(rid) for rid in ids))
    async with maker() as s:
        seqs = sorted(
            (await s.scalars(select(Document.seq).where(Document.kind == "tytul_wykonawczy"))).all()
        )
    await engine.dispose()
    assert seqs == list(range(1, N + 1))
    assert sorted(numbers) == sorted(f"TW/UM/{i}/2025" for i in range(1, N + 1))
