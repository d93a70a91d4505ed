"""Projekt decyzji o umorzeniu należności zmarłego zobowiązanego z powodu braku spadku (issue 20
item 7): u.f.p. art. 64 ust. 1 pkt 1 w zw. z art. 56 ust. 1 pkt 1 (app/domain/estate.py). The
parts of a decision (k.p.a. art. 107 § 1): organ, date, addressee, basis, ruling, reasons,
pouczenie. Marked as a draft: the person authorised signs the decision itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.domain.documents import Creditor, DebtorData, Signatory
from letters.blocks import addressee, debtor_lines, kv_table, letterhead, signature, title
from letters.format import amount_words, amount_zl, day, esc
from letters.pages import Marker, build_pdf
from letters.styles import Styles
from letters.textblocks import paragraphs


@dataclass(frozen=True, slots=True)
class EstatePart:
    reference: str
    title: str
    amount: int  # grosze written off


@dataclass(frozen=True, slots=True)
class EstateDecision:
    creditor: Creditor
    debtor: DebtorData
    died_on: date
    decision_ref: str
    decided_on: date
    ground: str
    household_value: int | None
    legal_basis: str
    parts: tuple[EstatePart, ...]
    total: int
    signatory: Signatory | None
    drafted_on: date


def story(e: EstateDecision) -> list[Flowable]:
    facts = [
        ("Znak decyzji", e.decision_ref),
        ("Data decyzji", day(e.decided_on)),
        ("Data zgonu zobowiązanego", day(e.died_on)),
        ("Przesłanka", e.ground),
    ]
    if e.household_value is not None:
        facts.append(("Wartość przedmiotów codziennego użytku", amount_zl(e.household_value)))
    return [
        Marker("", "Projekt decyzji o umorzeniu (brak spadku)"),
        letterhead(e.creditor, e.drafted_on),
        Paragraph("PROJEKT – do podpisu przez osobę upoważnioną", Styles.small),
        addressee("Dotyczy należności zmarłego zobowiązanego:", debtor_lines(e.debtor)),
        title("DECYZJA", "o umorzeniu z urzędu należności zmarłego zobowiązanego"),
        kv_table(facts),
        *paragraphs(
            "decyzja_spadek.txt",
            legal_basis=e.legal_basis,
            debtor=e.debtor.name,
            died_on=day(e.died_on),
            ground=e.ground,
            total=amount_zl(e.total),
            total_words=amount_words(e.total),
        ),
        Paragraph(esc("Umorzone należności"), Styles.section),
        kv_table([(f"{p.reference}: {p.title}", amount_zl(p.amount)) for p in e.parts]),
        signature(e.signatory),
        *paragraphs("decyzja_pouczenie.txt"),
    ]


def render_estate_decision(e: EstateDecision) -> bytes:
    return build_pdf(
        story(e), title="Decyzja o umorzeniu należności zmarłego", author=e.creditor.name
    )
