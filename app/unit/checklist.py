"""The admin's setup checklist on the dashboard: what letters and titles still lack, each item with
a link to the form that mends it (issue 14 item 2). The title's own rules (app/titles/readiness.py)
say what the unit and the authorities must have; this adds what letters need and the register."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.teryt import service as teryt
from app.titles import readiness
from app.titles.readiness import Where
from app.unit import authorities
from app.unit import service as unit_service
from app.unit.service import SETTINGS_HREF

# A register older than this many years is worth replacing with the current GUS file.
TERYT_MAX_AGE_YEARS = 1


@dataclass(frozen=True)
class Item:
    text: str
    href: str | None
    hint: str = ""


async def checklist(session: AsyncSession, today: date) -> list[Item]:
    """Everything still missing; empty when the unit is ready for letters and titles."""
    unit = await unit_service.current(session)
    if unit is None:
        return [Item("Wprowadź dane jednostki", SETTINGS_HREF)]
    items = []
    if unit.is_example:
        items.append(
            Item("Dane jednostki są przykładowe: wpisz dane swojej jednostki", SETTINGS_HREF)
        )
    creditor = await unit_service.creditor(session)
    gaps = readiness.creditor_gaps(creditor, await unit_service.signatory(session))
    items += [Item(m["item"], m["href"]) for m in readiness.missing(gaps, Where())]
    if not creditor.bank_account:
        what = "Rachunek bankowy jednostki (wezwania i upomnienia podają, dokąd wpłacać)"
        items.append(Item(what, SETTINGS_HREF))
    items += await _authority_items(session)
    items += await _register_items(session, today)
    return items


async def _authority_items(session: AsyncSession) -> list[Item]:
    listed = await authorities.listing(session)
    if not listed:
        return [Item("Organ egzekucyjny, do którego trafiają tytuły", f"{SETTINGS_HREF}#organy")]
    items = []
    for authority, _communes in listed:
        gaps = readiness.authority_gaps(authorities.document_authority(authority))
        where = Where(authority_code=authority.code)
        items += [Item(m["item"], m["href"]) for m in readiness.missing(gaps, where)]
    return items


async def _register_items(session: AsyncSession, today: date) -> list[Item]:
    terc = next((r for r in await teryt.registers(session) if r.catalog == "TERC"), None)
    if terc is not None and terc.valid_on.year >= today.year - TERYT_MAX_AGE_YEARS:
        return []
    since = f" (wczytany: stan na {terc.valid_on.strftime('%d.%m.%Y')})" if terc else ""
    return [
        Item(
            f"Aktualny rejestr gmin TERYT (TERC){since}",
            None,
            "Pobierz plik TERC z eteryt.stat.gov.pl i wczytaj go poleceniem "
            "„windykacja teryt import PLIK”.",
        )
    ]
