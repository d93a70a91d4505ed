"""Issue 20: projekt postanowienia wierzyciela w sprawie zarzutu w sprawie egzekucji
administracyjnej (u.p.e.a. art. 34), with the facts of the zarzut and the day by which it is due.
Marked as a draft: the person authorised decides and signs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.domain.documents import Creditor, DebtorData, Signatory
from letters.blocks import addressee, debtor_lines, kv_table, letterhead, signature, title
from letters.format import day
from letters.pages import Marker, build_pdf
from letters.styles import Styles
from letters.textblocks import paragraphs


@dataclass(frozen=True, slots=True)
class ZarzutDraft:
    creditor: Creditor
    debtor: DebtorData
    title_number: str
    title_issued_on: date
    received_on: date
    answer_due_on: date
    description: str
    drafted_on: date
    signatory: Signatory | None


def story(z: ZarzutDraft) -> list[Flowable]:
    return [
        Marker("", "Projekt postanowienia w sprawie zarzutu"),
        letterhead(z.creditor, z.drafted_on),
        Paragraph("PROJEKT – do rozstrzygnięcia i podpisu przez osobę upoważnioną", Styles.small),
        addressee("Zobowiązany:", debtor_lines(z.debtor)),
        title("POSTANOWIENIE", "w sprawie zarzutu w sprawie egzekucji administracyjnej"),
        kv_table(
            [
                ("Tytuł wykonawczy", f"nr {z.title_number} z dnia {day(z.title_issued_on)}"),
                ("Zarzut otrzymano", day(z.received_on)),
                ("Termin na postanowienie", day(z.answer_due_on)),
                ("Treść zarzutu", z.description or "—"),
            ]
        ),
        *paragraphs(
            "postanowienie_zarzut.txt",
            title_number=z.title_number,
            received_on=day(z.received_on),
            debtor=z.debtor.name,
        ),
        signature(z.signatory, unsigned_note="Projekt wygenerowany automatycznie."),
    ]


def render_zarzut_draft(z: ZarzutDraft) -> bytes:
    return build_pdf(
        story(z), title="Projekt postanowienia w sprawie zarzutu", author=z.creditor.name
    )
