"""Upomnienie: every element a)–h) of seed 003 §3.2 (rozporządzenie MFFiPR z 4.12.2020 w sprawie
danych zawartych w upomnieniu, Dz.U. 2020 poz. 2194), in the order the regulation lists them."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from markupsafe import Markup
from reportlab.platypus import Flowable

from app.domain.documents import ReceivableData, Upomnienie
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
from letters.format import amount_words, amount_zl, day, fee_zl, long_date, percent, period
from letters.pages import Marker, StaticBlock
from letters.styles import Styles
from letters.textblocks import paragraphs

UNSIGNED = "Upomnienie wygenerowane automatycznie w systemie teleinformatycznym wierzyciela."


def with_interest(r: ReceivableData) -> bool:
    """A kind that carries no interest has an empty interest_kind (TW-1: BrakOdsetek)."""
    return bool(r.interest_kind.strip())


def total(u: Upomnienie) -> int:
    """Principal + interest as of the issue date + the cost of this reminder (element d).

    ReceivableData.costs is not added: the reminder's own cost is `reminder_cost`."""
    return u.receivable.principal + u.receivable.interest_amount + u.reminder_cost


def receivable_rows(u: Upomnienie) -> list[tuple[str, str]]:
    """Element d): kind, amount and period of the receivable; kind, amount and rate of interest."""
    r = u.receivable
    title = f"{r.title} (sprawa {r.reference})" if r.reference else r.title
    rows: list[tuple[str, str]] = [
        ("Rodzaj należności pieniężnej", r.kind_label),
        ("Podstawa prawna", r.legal_basis),
        ("Tytuł należności", title),
        *([("Decyzja ustalająca należność", r.decision)] if r.decision else []),
        ("Okres, którego dotyczy należność", period(r.period_from, r.period_to)),
        ("Termin płatności", day(r.due_date)),
        ("Kwota należności głównej", amount_zl(r.principal)),
    ]
    if with_interest(r):
        rows += [
            ("Rodzaj odsetek", f"{r.interest_kind}, naliczane od dnia {day(r.interest_from)}"),
            (
                f"Odsetki naliczone na dzień wystawienia upomnienia ({day(u.issued_on)})",
                amount_zl(r.interest_amount),
            ),
            (
                "Stawka odsetek obowiązująca na dzień wystawienia upomnienia",
                f"{percent(r.interest_rate_bp)} w stosunku rocznym",
            ),
        ]
    else:
        rows.append(("Odsetki", "nie nalicza się"))
    rows += [
        ("Koszty upomnienia", amount_zl(u.reminder_cost)),
        ("Razem do zapłaty na dzień wystawienia upomnienia", amount_zl(total(u))),
        ("Słownie", amount_words(total(u))),
    ]
    return rows


def story(u: Upomnienie) -> list[Flowable]:
    r = u.receivable
    rows = receivable_rows(u)
    common: dict[str, Any] = {
        "principal": amount_zl(r.principal),
        "with_interest": with_interest(r),
    }
    return [
        Marker("", f"Upomnienie nr {u.number}"),
        letterhead(u.creditor, u.issued_on),  # a) date, b) creditor and seat
        window_address("Zobowiązany:", name_and_address(u.debtor)),  # c) in the window
        identifier_line(u.debtor),  # c) PESEL/NIP/REGON below the window, never inside it
        title(f"UPOMNIENIE nr {u.number}", f"z dnia {long_date(u.issued_on)}"),  # a) number
        StaticBlock(
            ("upomnienie_wstep.txt", u.creditor.name),
            lambda: paragraphs("upomnienie_wstep.txt", creditor=u.creditor.name),
        ),
        kv_table(rows, bold_rows=(len(rows) - 2,)),  # d)
        *paragraphs(  # d) how to pay, the rate for further interest
            "upomnienie_zaplata.txt",
            payment=Markup(payment_lines(u.creditor)),
            number=u.number,
            reference=r.reference,
            interest_kind=r.interest_kind,
            next_day=day(u.issued_on + timedelta(days=1)),
            rate=percent(r.interest_rate_bp),
            **common,
        ),
        *paragraphs(  # e)
            "upomnienie_wezwanie.txt",
            term_days=u.term_days,
            cost=amount_zl(u.reminder_cost),
            **common,
        ),
        signature(u.signatory, unsigned_note=UNSIGNED),  # h)
        pouczenie(u.handling_fee),  # f), g)
    ]


def pouczenie(handling_fee: int) -> StaticBlock:
    """Elements f) and g): the same on every reminder with the same handling fee, so a batch lays it
    out once (StaticBlock)."""
    return StaticBlock(
        ("upomnienie_pouczenie.txt", handling_fee),
        lambda: paragraphs(
            "upomnienie_pouczenie.txt",
            style=Styles.small,
            bullet=Styles.small_bullet,
            heading=Styles.section_small,
            handling_fee=fee_zl(handling_fee),
        ),
    )
