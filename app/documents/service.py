"""Build the frozen document objects (app.domain.documents) from the database: one place that
both the PDF letters and the XML titles read from, so paper and XML say the same."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors.service import document_data
from app.domain import documents as d
from app.domain.kinds import RATE_CODE, InterestRegime, KindRules
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict, NotFound
from app.models import Debtor, Document, Notice, Receivable
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.unit import authorities
from app.unit import service as unit_service

INTEREST_KIND = {
    InterestRegime.ODSETKI_ZA_ZWLOKE: "odsetki za zwłokę",
    InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE: "odsetki ustawowe za opóźnienie",
    InterestRegime.BRAK: "bez odsetek",
}


async def creditor(session: AsyncSession, receivable: Receivable | None = None) -> d.Creditor:
    """The unit as creditor; payments to the account of the receivable's kind when it has one."""
    kind = await ReceivableRepository(session).kind(receivable.kind_code) if receivable else None
    return await unit_service.creditor(session, kind.bank_account if kind else None)


async def receivable_data(
    session: AsyncSession, receivable: Receivable, rules: KindRules, as_of: date
) -> d.ReceivableData:
    """The receivable with its figures as of the document's date (DOMAIN.md: a letter shows its
    issue date's interest, a title its date's)."""
    # Issue 16 item 8: a fund receivable's letters and titles demand only what a final decision
    # covers (figures_mod.demand_figures).
    figs = await figures_mod.demand_figures(session, receivable, rules, as_of)
    params = await ReceivableRepository(session).parameter_rows()
    code = RATE_CODE.get(rules.interest_regime)
    rate = ParameterTable.of(code, params).value_on(as_of) if code else 0
    start = await figures_mod.first_interest_day(session, receivable, rules)
    return d.ReceivableData(
        kind_code=rules.code,
        kind_label=rules.label,
        legal_basis=rules.legal_basis,
        title=receivable.title,
        period_from=receivable.period_from,
        period_to=receivable.period_to,
        due_date=receivable.payment_term_ends_on or receivable.issued_on,
        principal=figs.principal_remaining,
        interest_kind=INTEREST_KIND[rules.interest_regime],
        interest_amount=figs.interest_due,
        interest_rate_bp=rate,
        interest_from=start if start != date.max else receivable.issued_on,
        costs=figs.costs_due,
        reference=receivable.reference or f"N/{receivable.id}",
        decision=decision_text(receivable),
    )


def decision_text(receivable: Receivable) -> str | None:
    """The decision fixing the amount as documents quote it (u.p.e.a. art. 27 § 1: the title
    names the source of the obligation); dates as dd.mm.rrrr."""
    if receivable.decision_ref is None or receivable.decision_issued_on is None:
        return None
    text = f"decyzja {receivable.decision_ref} z dnia {receivable.decision_issued_on:%d.%m.%Y}"
    if receivable.decision_final_on is not None:
        text += f", ostateczna od {receivable.decision_final_on:%d.%m.%Y}"
    # Issue 16 item 8: what the decision fixed, so that the demand can be checked against it.
    if receivable.decision_amount is not None:
        whole, frac = divmod(receivable.decision_amount, 100)
        grouped = f"{whole:,}".replace(",", " ")
        text += f", na kwotę {grouped},{frac:02d} zł"
        if receivable.decision_period_from and receivable.decision_period_to:
            text += (
                f" (wypłaty {receivable.decision_period_from:%d.%m.%Y} –"
                f" {receivable.decision_period_to:%d.%m.%Y})"
            )
    return text


async def _context(session: AsyncSession, doc: Document) -> tuple[Receivable, KindRules, Debtor]:
    receivable = await receivable_service.load(session, doc.receivable_id)
    rules = await receivable_service.rules_of(session, receivable)
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    return receivable, rules, debtor


async def document(session: AsyncSession, document_id: int) -> Document:
    doc = await session.get(Document, document_id)
    if doc is None:
        raise NotFound(f"Nie ma dokumentu o identyfikatorze {document_id}")
    return doc


async def wezwanie(session: AsyncSession, doc: Document) -> d.Wezwanie:
    receivable, rules, debtor = await _context(session, doc)
    data = await receivable_data(session, receivable, rules, doc.issued_on)
    return d.Wezwanie(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=await creditor(session, receivable),
        debtor=document_data(debtor),
        receivable=data,
        term_days=rules.payment_term_days,
        signatory=await unit_service.signatory(session),
    )


async def upomnienie(session: AsyncSession, doc: Document) -> d.Upomnienie:
    receivable, rules, debtor = await _context(session, doc)
    data = await receivable_data(session, receivable, rules, doc.issued_on)
    params = await ReceivableRepository(session).parameter_rows()
    fee = ParameterTable.of(ParameterCode.OPLATA_MANIPULACYJNA, params).value_on(doc.issued_on)
    return d.Upomnienie(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=await creditor(session, receivable),
        debtor=document_data(debtor),
        receivable=data,
        reminder_cost=doc.costs,
        term_days=rules.reminder_term_days,
        handling_fee=fee,
        signatory=await unit_service.signatory(session),
    )


async def tytul(session: AsyncSession, doc: Document) -> d.TytulWykonawczy:
    if doc.kind != "tytul_wykonawczy":
        raise NotFound(f"Dokument {doc.number} nie jest tytułem wykonawczym")
    receivable, rules, debtor = await _context(session, doc)
    authority = await authorities.of_document(session, doc.scope)
    return await title_data(
        session, receivable, rules, debtor, doc.issued_on, doc.number, authority, doc.form_version
    )


async def title_data(
    session: AsyncSession,
    receivable: Receivable,
    rules: KindRules,
    debtor: Debtor,
    issued_on: date,
    number: str,
    authority: d.Authority,
    form_version: str | None = None,
) -> d.TytulWykonawczy:
    """The title as it is, or would be, issued on a day under a number to an authority (the
    issuing checks it before it takes the number: app/receivables/actions.py)."""
    return d.TytulWykonawczy(
        number=number,
        issued_on=issued_on,
        creditor=await creditor(session, receivable),
        debtor=document_data(debtor),
        authority=authority,
        receivable=await receivable_data(session, receivable, rules, issued_on),
        reminder=await _reminder_before(session, receivable.id, issued_on),
        signatory=await unit_service.signatory(session),
        **({"form_version": form_version} if form_version else {}),
    )


async def _reminder_before(
    session: AsyncSession, receivable_id: int, day: date
) -> d.ReminderRef | None:
    docs = await ReceivableRepository(session).documents(receivable_id)
    reminders = [x for x in docs if x.kind == "upomnienie" and x.issued_on <= day]
    if not reminders:
        return None
    last = reminders[-1]
    return d.ReminderRef(
        number=last.number, issued_on=last.issued_on, delivered_on=last.delivered_on
    )


async def zawiadomienie(session: AsyncSession, notice: Notice) -> d.Zawiadomienie:
    doc = await document(session, notice.document_id)
    title = await document(session, notice.title_document_id)
    receivable, _rules, debtor = await _context(session, doc)
    return await notice_data(session, receivable, debtor, title, doc.number, doc.issued_on, notice)


async def notice_data(
    session: AsyncSession,
    receivable: Receivable,
    debtor: Debtor,
    title: Document,
    number: str,
    issued_on: date,
    notice: Notice,
) -> d.Zawiadomienie:
    """The notice as it is, or would be, issued under a number (`notice` need not be saved)."""
    return d.Zawiadomienie(
        number=number,
        issued_on=issued_on,
        creditor=await creditor(session, receivable),
        authority=await authorities.of_document(session, title.scope),
        debtor=document_data(debtor),
        title_number=title.number,
        title_issued_on=title.issued_on,
        change=notice.change,
        event_on=notice.event_on,
        amount=notice.amount,
        remaining_principal=notice.remaining_principal,
        description=notice.description,
        signatory=await unit_service.signatory(session),
    )


def require_kind(doc: Document, kinds: set[str]) -> None:
    if doc.kind not in kinds:
        raise Conflict(f"Dokument {doc.number} ({doc.kind}) nie ma tej postaci")


async def notice_of_document(session: AsyncSession, document_id: int) -> Notice:
    found = await session.scalar(select(Notice).where(Notice.document_id == document_id))
    if found is None:
        raise NotFound(f"Nie ma zawiadomienia dla dokumentu {document_id}")
    return found
