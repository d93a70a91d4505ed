"""Zawiadomienie wierzyciela to the enforcement authority of an event that changes an issued title:
payment in part or in full, instalments (suspension), resumption, write-off (seed 003 §3 ust. 7)."""

from __future__ import annotations

from reportlab.platypus import Flowable

from app.domain.documents import Zawiadomienie
from letters.blocks import addressee, authority_lines, kv_table, letterhead, signature, title
from letters.format import amount_zl, day, identifier_pairs
from letters.pages import Marker
from letters.textblocks import paragraphs

# change code → what the notice is about; the text of each is texts/zawiadomienie_<code>.txt
CHANGES: dict[str, str] = {
    "wplata_czesciowa": "wpłata części należności",
    "wplata_calkowita": "zapłata należności w całości",
    "raty": "rozłożenie należności na raty (odroczenie terminu płatności)",
    "wznowienie": "niedotrzymanie warunków rozłożenia na raty – podjęcie postępowania",
    "umorzenie": "umorzenie należności",
    "storno": "storno wpłaty (wpłata zgłoszona wcześniej nie pomniejsza należności)",
    "zmiana_decyzji": "zmiana decyzji ustalającej wysokość należności",
    "uchylenie": "uchylenie decyzji, na podstawie której wystawiono tytuł",
    "wycofanie": "wycofanie tytułu wykonawczego",
}


def change_label(change: str) -> str:
    if change not in CHANGES:
        known = ", ".join(CHANGES)
        raise ValueError(f"Nieznany rodzaj zdarzenia w zawiadomieniu: {change!r} (znane: {known})")
    return CHANGES[change]


def rows(z: Zawiadomienie) -> list[tuple[str, str]]:
    d = z.debtor
    out = [
        ("Tytuł wykonawczy", f"nr {z.title_number} z dnia {day(z.title_issued_on)}"),
        ("Zobowiązany", d.name),
        ("Adres zobowiązanego", d.address.one_line() if d.address else "adres nieustalony"),
        *identifier_pairs(d.pesel if d.is_person else None, d.nip, d.regon),
        ("Zdarzenie", change_label(z.change)),
        ("Data zdarzenia", day(z.event_on)),
    ]
    if z.amount is not None:
        out.append(("Kwota", amount_zl(z.amount)))
    if z.remaining_principal is not None:
        out.append(("Należność główna pozostała do zapłaty", amount_zl(z.remaining_principal)))
    if z.description:
        out.append(("Opis", z.description))
    return out


def story(z: Zawiadomienie) -> list[Flowable]:
    label = change_label(z.change)
    return [
        Marker("", f"Zawiadomienie nr {z.number}"),
        letterhead(z.creditor, z.issued_on),
        addressee("Organ egzekucyjny:", authority_lines(z.authority)),
        title(
            f"ZAWIADOMIENIE nr {z.number}",
            f"o zdarzeniu mającym wpływ na postępowanie egzekucyjne: {label}",
        ),
        kv_table(rows(z)),
        *paragraphs(
            f"zawiadomienie_{z.change}.txt",
            event_on=day(z.event_on),
            title_number=z.title_number,
            amount=amount_zl(z.amount) if z.amount is not None else "",
            remaining=amount_zl(z.remaining_principal) if z.remaining_principal is not None else "",
        ),
        signature(z.signatory, unsigned_note="Zawiadomienie wygenerowane automatycznie."),
    ]
