"""Issue 20 item 3: pismo przekazujące wniosek dłużnika o ulgę (odroczenie terminu płatności,
rozłożenie na raty) do organu właściwego (seed 003 §4), with the facts of the receivable as of
the day of the referral ("wraz z opisem stanu faktycznego (w szczególności wysokości
zobowiązania)")."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable

from app.domain.documents import Creditor, DebtorData, Signatory
from letters.blocks import addressee, kv_table, letterhead, signature, title
from letters.format import amount_zl, day
from letters.pages import Marker, build_pdf
from letters.textblocks import paragraphs

RELIEFS = {"odroczenie": "odroczenie terminu płatności", "raty": "rozłożenie na raty"}


@dataclass(frozen=True, slots=True)
class Przekazanie:
    creditor: Creditor
    organ: str
    debtor: DebtorData
    receivable_number: str
    kind_label: str
    relief: str  # odroczenie | raty
    applied_on: date
    reasons: str
    payment_term_ends_on: date | None
    state_label: str
    principal: int  # grosze, remaining on `as_of`
    interest: int
    costs: int
    balance: int
    as_of: date
    signatory: Signatory | None


def story(p: Przekazanie) -> list[Flowable]:
    relief = RELIEFS.get(p.relief, p.relief)
    return [
        Marker("", "Przekazanie wniosku o ulgę"),
        letterhead(p.creditor, p.as_of),
        addressee("Organ właściwy:", [p.organ]),
        title("PRZEKAZANIE WNIOSKU", f"o {relief}"),
        kv_table(
            [
                ("Dłużnik", p.debtor.name),
                ("Należność", f"{p.kind_label}, nr {p.receivable_number}"),
                ("Wniosek z dnia", day(p.applied_on)),
                ("Wnioskowana ulga", relief),
                ("Uzasadnienie wniosku", p.reasons or "—"),
                (
                    "Termin płatności",
                    day(p.payment_term_ends_on) if p.payment_term_ends_on else "—",
                ),
                ("Stan sprawy", p.state_label),
                ("Należność główna", amount_zl(p.principal)),
                ("Odsetki za zwłokę", amount_zl(p.interest)),
                ("Koszty upomnienia", amount_zl(p.costs)),
                ("Razem do zapłaty", amount_zl(p.balance)),
            ]
        ),  # fmt: skip
        *paragraphs(
            "przekazanie_wniosku.txt",
            debtor=p.debtor.name,
            applied_on=day(p.applied_on),
            relief=relief,
            kind=p.kind_label,
            number=p.receivable_number,
            as_of=day(p.as_of),
        ),
        signature(p.signatory),
    ]


def render_przekazanie(p: Przekazanie) -> bytes:
    return build_pdf(story(p), title="Przekazanie wniosku o ulgę", author=p.creditor.name)
