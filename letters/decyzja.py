"""Projekt decyzji o umorzeniu należności dłużnika alimentacyjnego (art. 30 ust. 1 i 3 u.p.o.u.a.)
from the draft the domain worked out (app.domain.alimony.WriteOffDecisionDraft): the decision's
parts of art. 107 § 1 k.p.a., the effective months, the amounts by claim. Marked as a draft: the
person authorised signs the decision itself."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable, Paragraph

from app.domain.alimony import WriteOffDecisionDraft
from app.domain.alimony_claims import CLAIM_LABELS
from app.domain.documents import Creditor, DebtorData, Signatory
from letters.blocks import addressee, debtor_lines, kv_table, letterhead, signature, title
from letters.format import amount_words, amount_zl, day, esc
from letters.pages import Marker
from letters.styles import Styles
from letters.textblocks import paragraphs


@dataclass(frozen=True, slots=True)
class WriteOffDecision:
    """What the printed draft needs beside the domain's facts."""

    creditor: Creditor
    debtor: DebtorData
    draft: WriteOffDecisionDraft
    signatory: Signatory | None


def story(w: WriteOffDecision) -> list[Flowable]:
    d = w.draft
    months = [
        (str(m.month), f"zasądzone {amount_zl(m.awarded)}, wyegzekwowano {amount_zl(m.recovered)}")
        for m in d.months
    ]
    parts = [
        (
            CLAIM_LABELS.get(p.claim, str(p.claim)),
            f"należność główna {amount_zl(p.principal)}, odsetki {amount_zl(p.interest)}",
        )
        for p in d.parts
    ]
    prior = [
        (f"decyzja z dnia {day(p.decided_on)}", f"{p.percent} %, {amount_zl(p.amount)}")
        for p in d.prior_write_offs
    ]
    return [
        Marker("", "Projekt decyzji o umorzeniu"),
        letterhead(w.creditor, d.drafted_on),
        Paragraph("PROJEKT – do podpisu przez osobę upoważnioną", Styles.small),
        addressee("Strona (dłużnik alimentacyjny):", debtor_lines(w.debtor)),
        title(
            "DECYZJA", "w sprawie umorzenia należności z tytułu świadczeń wypłaconych z funduszu"
        ),
        *paragraphs(
            "decyzja_umorzenie.txt",
            legal_basis=d.legal_basis,
            debtor=w.debtor.name,
            amount=amount_zl(d.amount),
            amount_words=amount_words(d.amount),
            step=d.step,
            months=d.effective_months,
            period_from=day(d.period_from),
            period_to=day(d.period_to),
            base=amount_zl(d.base),
            already=amount_zl(d.already_written_off),
            after=amount_zl(d.balance_after),
        ),
        Paragraph(esc("Umorzenie według tytułów należności"), Styles.section),
        kv_table(parts or [("—", "—")]),
        *([Paragraph("Wcześniejsze umorzenia", Styles.section), kv_table(prior)] if prior else []),
        Paragraph(esc(f"Miesiące skutecznej egzekucji ({d.effective_months})"), Styles.section),
        kv_table(months),
        signature(w.signatory),
        *paragraphs("decyzja_pouczenie.txt"),
    ]
