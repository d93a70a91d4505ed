"""The PESEL register request of an address search, as PDF (letters/wniosek_pesel.py)."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.addresses import service
from app.documents import service as docs
from app.domain.identifiers import IdentifierError, birth_date, valid_pesel
from app.models import Debtor
from app.unit import service as unit_service
from letters import wniosek_pesel

PURPOSE = (
    "ustalenie aktualnego adresu zobowiązanego w celu doręczenia pism w sprawie należności "
    "pieniężnej i prowadzenia egzekucji administracyjnej (art. 42 KPA; art. 15 § 1 i art. 26 "
    "ustawy o postępowaniu egzekucyjnym w administracji)"
)


def _birth(pesel: str | None) -> date | None:
    try:
        return birth_date(valid_pesel(pesel)) if pesel else None
    except IdentifierError:
        return None


def _commune(debtor: Debtor) -> str:
    return debtor.commune or debtor.city or "……………"


async def pesel_request_pdf(
    session: AsyncSession, search_id: int, today: date
) -> bytes:
    search = await service.get(session, search_id)
    debtor = await session.get(Debtor, search.debtor_id)
    assert debtor is not None
    address = (
        f"{debtor.street}, {debtor.postal_code} {debtor.city}" if debtor.street else "nieznany"
    )
    first, last = debtor.first_name, debtor.last_name
    if not (first and last):
        *names, surname = debtor.name.split() or [""]
        first, last = first or " ".join(names), last or surname
    request = wniosek_pesel.PeselRequest(
        number=f"UA/{search.id}/{search.opened_on.year}",
        issued_on=today,
        applicant=await docs.creditor(session),
        signatory=await unit_service.signatory(session),
        commune_office=f"Wójt / Burmistrz / Prezydent Miasta – gmina {_commune(debtor)}",
        last_name=last,
        first_name=first,
        pesel=debtor.pesel,
        birth_date=_birth(debtor.pesel),
        last_address=address,
        purpose=PURPOSE,
    )
    return await asyncio.to_thread(wniosek_pesel.render, request)
