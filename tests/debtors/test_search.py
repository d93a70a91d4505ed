"""The debtor search: the first matches by name, whichever index serves the query (a name fragment
through the trigram index, a PESEL or NIP prefix through the pattern indexes, migration 0004)."""

from __future__ import annotations

from app.debtors.repository import DebtorRepository
from app.models import Debtor


async def test_the_search_returns_the_first_matches_by_name(session) -> None:
    session.add_all(
        [
            Debtor(name="Nowak Zofia", pesel="44051401359"),
            Debtor(name="Nowak Adam", nip="5260250274"),
            Debtor(name="Anna Nowakowska", pesel="44051401458"),
            Debtor(name="Jan Kowalski"),
            Debtor(name="Nowak Adam"),
        ]
    )
    await session.flush()
    repo = DebtorRepository(session)

    async def names(q: str, limit: int = 50) -> list[str]:
        return [d.name for d in await repo.search(q, limit)]

    first_adam, second_adam = await repo.search("nowak adam")
    assert first_adam.id < second_adam.id
    assert await names("nowak", limit=3) == ["Anna Nowakowska", "Nowak Adam", "Nowak Adam"]
    assert await names("ow", limit=3) == ["Anna Nowakowska", "Jan Kowalski", "Nowak Adam"]
    assert await names("440514") == ["Anna Nowakowska", "Nowak Zofia"]
    assert await names("526025") == ["Nowak Adam"]
    assert await names("Zzz") == []
    assert len(await names("", limit=4)) == 4
