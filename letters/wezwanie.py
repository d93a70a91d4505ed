"""Wezwanie do zapłaty / rachunek (seed 003 §2.1–2.2): the demand that starts the receivable, in two
copies in one PDF – the original for the debtor and the copy for the collection file."""

from __future__ import annotations

from markupsafe import Markup
from reportlab.platypus import Flowable, PageBreak

from app.domain.documents import Wezwanie
from letters.blocks import (
    identifier_line,
    kv_table,
    letterhead,
    name_and_address,
    payment_lines,
    signature,
    title,
    window_address,
)
from letters.format import amount_words, amount_zl, day, long_date, period
from letters.pages import Marker
from letters.textblocks import paragraphs

COPIES = (("ORYGINAŁ", "egzemplarz dla zobowiązanego"), ("KOPIA", "egzemplarz dla wierzyciela"))


def total(w: Wezwanie) -> int:
    r = w.receivable
    return r.principal + r.interest_amount + r.costs


def rows(w: Wezwanie) -> list[tuple[str, str]]:
    r = w.receivable
    out = [
        ("Rodzaj należności", r.kind_label),
        ("Podstawa prawna", r.legal_basis),
        ("Tytuł należności", f"{r.title} (sprawa {r.reference})" if r.reference else r.title),
        ("Okres, którego dotyczy należność", period(r.period_from, r.period_to)),
        ("Kwota należności", amount_zl(r.principal)),
    ]
    if r.interest_amount:  # e.g. benefits received without right: interest runs before the demand
        out.append(
            (
                f"{r.interest_kind.capitalize()} na dzień {day(w.issued_on)}",
                amount_zl(r.interest_amount),
            )
        )
    if r.costs:
        out.append(("Koszty", amount_zl(r.costs)))
    out += [("Razem do zapłaty", amount_zl(total(w))), ("Słownie", amount_words(total(w)))]
    return out


def _copy(w: Wezwanie, mark: str, note: str) -> list[Flowable]:
    r = w.receivable
    table = rows(w)
    return [
        Marker(mark, f"Wezwanie do zapłaty nr {w.number} – {note}"),
        letterhead(w.creditor, w.issued_on),
        window_address("Zobowiązany:", name_and_address(w.debtor)),
        identifier_line(w.debtor),
        title(f"WEZWANIE DO ZAPŁATY / RACHUNEK nr {w.number}", f"z dnia {long_date(w.issued_on)}"),
        *paragraphs("wezwanie_wstep.txt", creditor=w.creditor.name),
        kv_table(table, bold_rows=(len(table) - 2,)),
        *paragraphs(
            "wezwanie_termin.txt",
            amount=amount_zl(total(w)),
            term_days=w.term_days,
            payment=Markup(payment_lines(w.creditor)),
            number=w.number,
            reference=r.reference,
            interest_kind=r.interest_kind.strip(),
        ),
        signature(w.signatory, unsigned_note="Dokument wygenerowany automatycznie."),
    ]


def story(w: Wezwanie) -> list[Flowable]:
    out: list[Flowable] = []
    for i, (mark, note) in enumerate(COPIES):
        if i:
            out.append(PageBreak())
        out += _copy(w, mark, note)
    return out
