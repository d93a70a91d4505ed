from __future__ import annotations

from datetime import date

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
    "ade": "adres do doręczeń elektronicznych",
    "ade_checked_on": "data sprawdzenia BAE",
    "deceased_on": "data zgonu",
}
# Fields an update keeps when the request leaves them out (issue 17: the debtor form and older
# clients do not show them; they must not erase them).
KEPT_WHEN_ABSENT = ("ade", "ade_checked_on", "deceased_on")
# The administrative division of an address: kept when an update leaves it out and the locality
# stays the same (the debtor form shows street, postal code and city only).
_DIVISION = ("voivodeship", "county", "commune")


def _check_address(data: DebtorCreate) -> None:
    # A debtor without an address is allowed only when flagged (seed 003 §2.3 a) and i)).
    if data.address is None and not (data.homeless or data.address_unknown):
        raise Invalid(
            "Podaj adres albo zaznacz „adres do ustalenia” lub „osoba bezdomna”", field="address"
        )


def _check_dates(data: DebtorCreate, today: date | None) -> None:
    for field in ("ade_checked_on", "deceased_on"):
        day = getattr(data, field)
        if today is not None and day is not None and day > today:
            raise Invalid(f"Data {day.isoformat()} jest późniejsza niż dzisiejsza", field=field)
    if data.deceased_on is not None and not data.deceased:
        raise Invalid("Data zgonu tylko przy oznaczeniu „osoba zmarła”", field="deceased_on")


def _apply(debtor: Debtor, data: DebtorCreate) -> None:
    division = {f: getattr(debtor, f) for f in _DIVISION} if debtor.city else {}
    same_place = data.address is not None and data.address.city == debtor.city
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
    if same_place and data.address is not None:
        for f in _DIVISION:
            if f not in data.address.model_fields_set:
                setattr(debtor, f, division.get(f))
    for f in KEPT_WHEN_ABSENT:
        if f in data.model_fields_set or debtor.id is None:
            setattr(debtor, f, getattr(data, f))
    if not data.deceased:
        debtor.deceased_on = None


def _snapshot(debtor: Debtor) -> dict[str, object]:
    values = {f: getattr(debtor, f, None) for f in AUDITED}
    return {f: v.isoformat() if isinstance(v, date) else v for f, v in values.items()}


def _diff(before: dict[str, object], after: dict[str, object]) -> list[dict[str, object]]:
    return [
        {"field": f, "old": before[f], "new": after[f]} for f in AUDITED if before[f] != after[f]
    ]


async def create(
    session: AsyncSession, data: DebtorCreate, actor: str, today: date | None = None
) -> Debtor:
    _check_address(data)
    _check_dates(data, today)
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


async def update(
    session: AsyncSession,
    debtor_id: int,
    data: DebtorUpdate,
    actor: str,
    today: date | None = None,
) -> Debtor:
    """Save the changes; the fields that really changed go to the audit trail (nothing when the
    form was saved unchanged)."""
    _check_address(data)
    _check_dates(data, today)
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
