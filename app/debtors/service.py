from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors.repository import DebtorRepository
from app.debtors.schemas import DebtorCreate, DebtorUpdate
from app.domain.documents import DebtorData
from app.errors import Invalid, NotFound
from app.models import Debtor, DebtorChange
from app.polish import pl_date
from app.teryt.address import AddressIn, document_address, place

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


_DIVISION = ("commune_code", "voivodeship", "county", "commune")
_ADDRESS = ("street", "postal_code", "city", *_DIVISION)


def _check_address(debtor: Debtor) -> None:
    # A debtor without an address is allowed only when flagged (seed 003 §2.3 a) and i)).
    if debtor.street is None and not (debtor.homeless or debtor.address_unknown):
        raise Invalid(
            "Podaj adres albo zaznacz „adres do ustalenia” lub „osoba bezdomna”", field="address"
        )


def _check_dates(data: DebtorCreate, today: date | None) -> None:
    for field in ("ade_checked_on", "deceased_on"):
        day = getattr(data, field)
        if today is not None and day is not None and day > today:
            raise Invalid(f"Data {pl_date(day)} jest późniejsza niż dzisiejsza", field=field)
    if data.deceased_on is not None and not data.deceased:
        raise Invalid("Data zgonu tylko przy oznaczeniu „osoba zmarła”", field="deceased_on")


async def _apply_address(session: AsyncSession, debtor: Debtor, a: AddressIn | None) -> None:
    """The address with its commune. When only street, postal code and city come (the API's one
    line) and the city is the same, the commune already known stays; otherwise it comes from the
    code given, from the city (one city commune), or from the names given."""
    if a is None:
        for f in _ADDRESS:
            setattr(debtor, f, None)
        return
    keep = not (a.model_fields_set & set(_DIVISION)) and a.city == debtor.city
    if keep and debtor.commune:
        debtor.street, debtor.postal_code = a.street, a.postal_code
        return
    where = await place(session, a)
    for f in _ADDRESS:
        setattr(debtor, f, getattr(where, f))


async def _apply(session: AsyncSession, debtor: Debtor, data: DebtorCreate) -> None:
    """Only the fields the request or the form carries: a form that does not show a field never
    erases it (issue 14); an explicit null clears it."""
    given = data.model_fields_set
    if "name" in given and not data.name:
        raise Invalid("Podaj nazwisko i imię albo nazwę zobowiązanego", field="name")
    for f in ("name", "first_name", "last_name", "pesel", "nip", "regon"):
        if f in given:
            setattr(debtor, f, getattr(data, f))
    for f in ("homeless", "deceased", "address_unknown", "ade", "ade_checked_on", "deceased_on"):
        if f in given:
            setattr(debtor, f, getattr(data, f))
    if not debtor.deceased:
        debtor.deceased_on = None
    if "address" in given:
        await _apply_address(session, debtor, data.address)
    _check_address(debtor)


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
    _check_dates(data, today)
    debtor = Debtor(homeless=False, deceased=False, address_unknown=False)
    before = _snapshot(debtor)
    await _apply(session, debtor, DebtorCreate.model_validate(data.model_dump()))
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
    _check_dates(data, today)
    debtor = await get(session, debtor_id)
    before = _snapshot(debtor)
    await _apply(session, debtor, data)
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


def document_data(debtor: Debtor) -> DebtorData:
    """The debtor as every document (letters, titles, notices, registers) names and addresses
    them: the one conversion of a Debtor row into document data."""
    return DebtorData(
        name=debtor.name,
        address=document_address(debtor),
        first_name=debtor.first_name,
        last_name=debtor.last_name,
        pesel=debtor.pesel,
        nip=debtor.nip,
        regon=debtor.regon,
        # An organisation: a NIP and a REGON and no PESEL.
        is_person=not (debtor.nip and not debtor.pesel and debtor.regon),
    )
