"""Address search (issue 17 item 5): a returned letter opens a task for the debtor; the PESEL
register request is printed on its form (ustawa z 24.09.2010 o ewidencji ludności, art. 46–47;
wzór: rozporządzenie Ministra Cyfryzacji z 14.07.2022, Dz.U. 2022 poz. 1493, załącznik nr 1);
the answer is recorded with its source and date: a new address, or the date of death."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.addresses.repository import AddressSearchRepository
from app.errors import Conflict, Invalid, NotFound
from app.models import AddressSearch, Debtor, DebtorChange, Document, Receivable

RESULTS = {
    "nowy_adres": "ustalono nowy adres",
    "zgon": "zobowiązany zmarł",
    "brak_danych": "brak danych o nowym adresie",
}
_POSTAL = re.compile(r"^\d{2}-\d{3}$")
_TERC = re.compile(r"^\d{7}$")  # TERYT TERC of the commune: WWPPGGR (woj, pow, gm, rodzaj)


@dataclass(frozen=True, slots=True)
class Answer:
    answered_on: date
    source: str  # "rejestr PESEL – odpowiedź Prezydenta Miasta Włocławek, znak …"
    result: str  # nowy_adres | zgon | brak_danych
    street: str | None = None
    postal_code: str | None = None
    city: str | None = None
    terc: str | None = None
    death_on: date | None = None
    note: str = ""


async def open_for_returned(
    session: AsyncSession, doc: Document, receivable: Receivable, today: date, actor: str
) -> AddressSearch:
    """The debtor's address is to be established (seed 003 §2.3 a): one open task per debtor,
    however many letters come back."""
    repo = AddressSearchRepository(session)
    debtor = await _debtor(session, receivable.debtor_id)
    if not debtor.address_unknown:
        debtor.address_unknown = True
        _audit(session, debtor, actor, [("address_unknown", False, True)])
    existing = await repo.open_of_debtor(debtor.id)
    if existing is not None:
        return existing
    return await repo.add(
        AddressSearch(
            debtor_id=debtor.id,
            document_id=doc.id,
            opened_on=today,
            status="otwarte",
            created_by=actor,
        )
    )


async def _debtor(session: AsyncSession, debtor_id: int) -> Debtor:
    debtor = await session.get(Debtor, debtor_id)
    assert debtor is not None  # a foreign key guarantees it
    return debtor


def _audit(
    session: AsyncSession, debtor: Debtor, actor: str, fields: list[tuple[str, object, object]]
) -> None:
    changes = [
        {"field": f, "old": _plain(old), "new": _plain(new)} for f, old, new in fields if old != new
    ]
    if changes:
        session.add(
            DebtorChange(debtor_id=debtor.id, action="zmiana", actor=actor, changes=changes)
        )


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


async def get(session: AsyncSession, search_id: int) -> AddressSearch:
    found = await AddressSearchRepository(session).get(search_id)
    if found is None:
        raise NotFound(f"Nie ma zadania ustalenia adresu o identyfikatorze {search_id}")
    return found


async def mark_requested(
    session: AsyncSession, search_id: int, requested_on: date, today: date
) -> AddressSearch:
    search = await _open(session, search_id)
    _not_before(requested_on, search.opened_on, today, "requested_on")
    search.requested_on = requested_on
    await session.flush()
    return search


async def _open(session: AsyncSession, search_id: int) -> AddressSearch:
    search = await get(session, search_id)
    if search.status != "otwarte":
        raise Conflict("To zadanie ustalenia adresu jest już zamknięte")
    return search


def _not_before(day: date, opened_on: date, today: date, field: str) -> None:
    if day > today:
        raise Invalid(f"Data {day.isoformat()} jest późniejsza niż dzisiejsza", field=field)
    if day < opened_on:
        raise Invalid(
            f"Data wcześniejsza niż otwarcie zadania ({opened_on.isoformat()})", field=field
        )


def check_answer(answer: Answer) -> None:
    """Each result carries what it needs; else Invalid naming the field, nothing written."""
    if answer.result not in RESULTS:
        raise Invalid("Wybierz wynik ustalenia", field="result")
    if not answer.source.strip():
        raise Invalid("Podaj źródło informacji (np. rejestr PESEL, znak pisma)", field="source")
    if answer.result == "nowy_adres":
        for field, what in (("street", "ulicę i numer"), ("city", "miejscowość")):
            if not (getattr(answer, field) or "").strip():
                raise Invalid(f"Podaj {what} nowego adresu", field=field)
        if not _POSTAL.match(answer.postal_code or ""):
            raise Invalid("Kod pocztowy w postaci 00-000", field="postal_code")
        if answer.terc is not None and not _TERC.match(answer.terc):
            raise Invalid("Kod TERC gminy to 7 cyfr (TERYT)", field="terc")
    if answer.result == "zgon" and answer.death_on is None:
        raise Invalid("Podaj datę zgonu z rejestru PESEL", field="death_on")


async def answer(
    session: AsyncSession, search_id: int, data: Answer, actor: str, today: date
) -> AddressSearch:
    search = await _open(session, search_id)
    check_answer(data)
    _not_before(data.answered_on, search.opened_on, today, "answered_on")
    if data.death_on is not None and data.death_on > data.answered_on:
        raise Invalid("Data zgonu późniejsza niż data odpowiedzi", field="death_on")
    debtor = await _debtor(session, search.debtor_id)
    _apply_answer(session, debtor, data, actor)
    search.answered_on, search.source, search.result = data.answered_on, data.source, data.result
    search.street, search.postal_code, search.city = data.street, data.postal_code, data.city
    search.terc, search.death_on, search.note = data.terc, data.death_on, data.note
    search.status, search.closed_by = "zamkniete", actor
    await session.flush()
    return search


def _apply_answer(session: AsyncSession, debtor: Debtor, data: Answer, actor: str) -> None:
    before = [(f, getattr(debtor, f)) for f in _ANSWER_FIELDS]
    if data.result == "nowy_adres":
        debtor.street, debtor.postal_code, debtor.city = data.street, data.postal_code, data.city
        debtor.address_unknown = False
    elif data.result == "zgon":
        # The deceased-debtor path (heirs, the estate) is a later issue: here the fact and its
        # date are stored on the debtor.
        debtor.deceased, debtor.deceased_on = True, data.death_on
    _audit(session, debtor, actor, [(f, old, getattr(debtor, f)) for f, old in before])


_ANSWER_FIELDS = ("street", "postal_code", "city", "address_unknown", "deceased", "deceased_on")


async def worklist(
    session: AsyncSession, status: str = "otwarte"
) -> list[tuple[AddressSearch, Debtor, Document | None]]:
    return await AddressSearchRepository(session).worklist(status)
