from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors.repository import DebtorRepository
from app.debtors.schemas import DebtorCreate, DebtorUpdate
from app.errors import Invalid, NotFound
from app.models import Debtor, DebtorChange

# The debtor's fields the audit trail compares, with their Polish labels (debtor card, history).
AUDITED = {
    "name": "nazwa",
    "first_name": "imię",
    "last_name": "nazwisko",
    "pesel": "PESEL",
    "nip": "NIP",
    "regon": "REGON",
    "street": "ulica i numer",
    "postal_code": "kod pocztowy",
    "city": "miejscowość",
    "voivodeship": "województwo",
    "county": "powiat",
    "commune": "gmina",
    "homeless": "osoba bezdomna",
    "deceased": "zmarły",
    "address_unknown": "adres do ustalenia",
}


def _check_address(data: DebtorCreate) -> None:
    # A debtor without an address is allowed only when flagged (seed 003 §2.3 a) and i)).
    if data.address is None and not (data.homeless or data.address_unknown):
        raise Invalid(
            "Podaj adres albo zaznacz „adres do ustalenia” lub „osoba bezdomna”", field="address"
        )


def _apply(debtor: Debtor, data: DebtorCreate) -> None:
    debtor.name = data.name
    debtor.first_name, debtor.last_name = data.first_name, data.last_name
    debtor.pesel, debtor.nip, debtor.regon = data.pesel, data.nip, data.regon
    debtor.street = data.address.street if data.address else None
    debtor.postal_code = data.address.postal_code if data.address else None
    debtor.city = data.address.city if data.address else None
    debtor.voivodeship = data.address.voivodeship if data.address else None
    debtor.county = data.address.county if data.address else None
    debtor.commune = data.address.commune if data.address else None
    debtor.homeless, debtor.deceased = data.homeless, data.deceased
    debtor.address_unknown = data.address_unknown


def _snapshot(debtor: Debtor) -> dict[str, object]:
    return {f: getattr(debtor, f, None) for f in AUDITED}


def _diff(before: dict[str, object], after: dict[str, object]) -> list[dict[str, object]]:
    return [
        {"field": f, "old": before[f], "new": after[f]} for f in AUDITED if before[f] != after[f]
    ]


async def create(session: AsyncSession, data: DebtorCreate, actor: str) -> Debtor:
    _check_address(data)
    debtor = Debtor()
    before = _snapshot(debtor)
    _apply(debtor, data)
    repo = DebtorRepository(session)
    await repo.add(debtor)
    # What the debtor was created with: the fields given, not the empty ones.
    changes = [c for c in _diff(before, _snapshot(debtor)) if c["new"] not in (None, False, "")]
    session.add(
        DebtorChange(debtor_id=debtor.id, action="utworzenie", actor=actor, changes=changes)
    )
    await session.flush()
    return debtor


async def get(session: AsyncSession, debtor_id: int) -> Debtor:
    debtor = await DebtorRepository(session).get(debtor_id)
    if debtor is None:
        raise NotFound(f"Nie ma zobowiązanego o identyfikatorze {debtor_id}")
    return debtor


async def update(session: AsyncSession, debtor_id: int, data: DebtorUpdate, actor: str) -> Debtor:
    """Save the changes; the fields that really changed go to the audit trail (nothing when the
    form was saved unchanged)."""
    _check_address(data)
    debtor = await get(session, debtor_id)
    before = _snapshot(debtor)
    _apply(debtor, data)
    if changes := _diff(before, _snapshot(debtor)):
        session.add(
            DebtorChange(debtor_id=debtor_id, action="zmiana", actor=actor, changes=changes)
        )
    await session.flush()
    return debtor


async def changes(session: AsyncSession, debtor_id: int) -> list[DebtorChange]:
    """The debtor's audit trail, oldest first."""
    await get(session, debtor_id)
    return await DebtorRepository(session).changes(debtor_id)


async def search(session: AsyncSession, query: str) -> list[Debtor]:
    return await DebtorRepository(session).search(query)
