"""What an executive title (TW-1) still lacks, every item at once, each with the place that fixes
it (issue 14 item 4). Pure: the frozen document data in, the gaps out. The service refuses the
title with all of them before its number is taken; the admin's setup checklist shows the unit's
and the authorities' ones.

What the form needs: u.p.e.a. art. 27 § 1 (the creditor and its address, the debtor's name,
address and identifiers, the kind, amount and period of the receivable, the interest) and the
TW-1(5) schema (com:Opisowy needs województwo, powiat and gmina; com:AdmId of the creditor; the
authority's com:KodUrzedu; com:Imie and com:Nazwisko of a person)."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from enum import StrEnum

from app.domain.documents import Address, Authority, Creditor, DebtorData, Signatory
from app.domain.documents import TytulWykonawczy as Title
from app.titles.etw_parts import address_parts, first_and_last
from app.titles.xsd import XmlValidationError


class Place(StrEnum):
    """Where a gap is mended (the service turns it into a link)."""

    UNIT = "unit"
    AUTHORITY = "authority"
    DEBTOR = "debtor"
    RECEIVABLE = "receivable"
    KIND = "kind"


@dataclass(frozen=True, slots=True)
class Gap:
    place: Place
    item: str  # what is missing, in Polish, as the person who fixes it reads it
    field: str = ""  # the form field that mends it, when one does (a link's anchor)


def _address(address: Address | None, whose: str, place: Place) -> list[Gap]:
    if address is None:
        return [Gap(place, f"Adres ({whose})")]
    gaps = []
    if not (address.voivodeship and address.county and address.commune):
        what = f"Gmina w adresie ({whose}): województwo i powiat wynikają z gminy"
        gaps.append(Gap(place, what, "commune"))
    # The rest of com:AdresPolski (house number, postal code), with the division filled in.
    filled = dataclasses.replace(address, voivodeship="-", county="-", commune="-")
    try:
        address_parts(filled, whose)
    except XmlValidationError as exc:
        gaps.append(Gap(place, exc.message, "street"))
    return gaps


def _person(
    first: str | None, last: str | None, full: str, what: str, place: Place, field: str
) -> list[Gap]:
    try:
        first_and_last(first, last, full, what)
    except XmlValidationError:
        item = f"{what}: imię i nazwisko osobno (nie da się ich rozdzielić: {full})"
        return [Gap(place, item, field)]
    return []


def creditor_gaps(creditor: Creditor, signatory: Signatory) -> list[Gap]:
    ids = (("NIP", creditor.nip), ("REGON", creditor.regon))
    gaps = [Gap(Place.UNIT, f"{n} jednostki", n.lower()) for n, value in ids if not value]
    gaps += _address(creditor.address, "wierzyciel", Place.UNIT)
    names = (signatory.first_name, signatory.last_name, signatory.name)
    gaps += _person(*names, "Osoba podpisująca", Place.UNIT, "signatory_name")
    if not signatory.position.strip():
        gaps.append(Gap(Place.UNIT, "Stanowisko osoby podpisującej", "signatory_position"))
    return gaps


def authority_gaps(authority: Authority) -> list[Gap]:
    if authority.office_code and re.fullmatch(r"\d{4}", authority.office_code):
        return []
    item = f"Kod urzędu (4 cyfry) organu egzekucyjnego {authority.name}"
    return [Gap(Place.AUTHORITY, item, "office_code")]


def debtor_gaps(debtor: DebtorData) -> list[Gap]:
    gaps = _address(debtor.address, "zobowiązany", Place.DEBTOR)
    if debtor.is_person:
        names = (debtor.first_name, debtor.last_name, debtor.name)
        gaps += _person(*names, "Zobowiązany", Place.DEBTOR, "first_name")
    return gaps


def title_gaps(title: Title) -> list[Gap]:
    """Every gap of one title, in the order of the form."""
    r = title.receivable
    gaps = debtor_gaps(title.debtor)
    if not r.legal_basis.strip():
        gaps.append(Gap(Place.KIND, f"Podstawa prawna rodzaju należności „{r.kind_label}”"))
    if r.period_from is None and r.period_to is None:
        gaps.append(
            Gap(
                Place.RECEIVABLE,
                "Okres, za który powstała należność (u.p.e.a. art. 27 § 1 pkt 3)",
                "okres",
            )
        )
    if title.reminder is not None and title.reminder.delivered_on is None:
        gaps.append(Gap(Place.RECEIVABLE, f"Data doręczenia upomnienia nr {title.reminder.number}"))
    gaps += creditor_gaps(title.creditor, title.signatory)
    gaps += authority_gaps(title.authority)
    return gaps


@dataclass(frozen=True, slots=True)
class Where:
    """The records a gap may point to (the links of the problem's `missing` list)."""

    debtor_id: int | None = None
    receivable_id: int | None = None
    kind_code: str | None = None
    authority_code: str | None = None
    prefix: str = ""  # "Tytuł TW/UM/3/2025: " when one answer lists the gaps of many titles


def fix_of(gap: Gap, where: Where) -> tuple[str, str]:
    """The name of the page that mends a gap and its address (at the field, when known: the
    forms' ids are "<form>-<field>")."""
    at = f"#{{}}-{gap.field}" if gap.field else ""
    if gap.place is Place.AUTHORITY and where.authority_code:
        code = where.authority_code
        page = f"Organ egzekucyjny {code} (Ustawienia jednostki)"
        return page, f"/jednostka/organy/{code}{at.format('organ')}"
    if gap.place is Place.DEBTOR and where.debtor_id is not None:
        return (
            "Dane zobowiązanego",
            f"/zobowiazani/{where.debtor_id}/edycja{at.format('zobowiazany')}",
        )
    if gap.place is Place.RECEIVABLE and where.receivable_id is not None:
        return "Karta należności", f"/naleznosci/{where.receivable_id}#dane"
    if gap.place is Place.KIND and where.kind_code:
        return "Rodzaj należności", f"/rodzaje/{where.kind_code}"
    return "Ustawienia jednostki", f"/jednostka{at.format('jednostka')}"


def missing(gaps: list[Gap], where: Where) -> list[dict[str, str]]:
    """The gaps as the problem+json's `missing` list: item, the page that fixes it, its link."""
    out = []
    for gap in gaps:
        fix, href = fix_of(gap, where)
        personal = gap.place in (Place.DEBTOR, Place.RECEIVABLE)
        item = (where.prefix if personal else "") + gap.item
        out.append({"item": item, "fix": fix, "href": href})
    return out


def unique(items: list[dict[str, str]]) -> list[dict[str, str]]:
    """Each item once (the unit's gaps repeat on every title of a batch), in order."""
    return list({(i["item"], i["href"]): i for i in items}.values())
