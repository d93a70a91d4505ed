from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors.repository import DebtorRepository
from app.debtors.schemas import DebtorCreate, DebtorUpdate
from app.errors import Invalid, NotFound
from app.models import Debtor


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


async def create(session: AsyncSession, data: DebtorCreate) -> Debtor:
    _check_address(data)
    debtor = Debtor()
    _apply(debtor, data)
    return await DebtorRepository(session).add(debtor)


async def get(session: AsyncSession, debtor_id: int) -> Debtor:
    debtor = await DebtorRepository(session).get(debtor_id)
    if debtor is None:
        raise NotFound(f"Nie ma zobowiązanego o identyfikatorze {debtor_id}")
    return debtor


async def update(session: AsyncSession, debtor_id: int, data: DebtorUpdate) -> Debtor:
    _check_address(data)
    debtor = await get(session, debtor_id)
    _apply(debtor, data)
    await session.flush()
    return debtor


async def search(session: AsyncSession, query: str) -> list[Debtor]:
    return await DebtorRepository(session).search(query)
