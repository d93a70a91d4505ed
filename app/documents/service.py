"""Build the frozen document objects (app.domain.documents) from the database: one place that
both the PDF letters and the XML titles read from, so paper and XML say the same."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain import documents as d
from app.domain.kinds import RATE_CODE, InterestRegime, KindRules
from app.domain.parameters import ParameterCode, ParameterTable
from app.errors import Conflict, NotFound
from app.models import Debtor, Document, Notice, Receivable
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository

INTEREST_KIND = {
    InterestRegime.ODSETKI_ZA_ZWLOKE: "odsetki za zwłokę",
    InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE: "odsetki ustawowe za opóźnienie",
    InterestRegime.BRAK: "bez odsetek",
}


def creditor(s: Settings) -> d.Creditor:
    return d.Creditor(
        name=s.creditor_name,
        address=d.Address(
            s.creditor_street,
            s.creditor_postal_code,
            s.creditor_city,
            voivodeship=s.creditor_voivodeship,
            county=s.creditor_county,
            commune=s.creditor_commune,
        ),
        nip=s.creditor_nip,
        regon=s.creditor_regon,
        bank_account=s.creditor_bank_account,
        bank_name=s.creditor_bank_name,
        creditor_code=s.creditor_code,
    )


def authority(s: Settings, code: str | None = None) -> d.Authority:
    if code not in (None, s.authority_code):
        raise NotFound(f"Nie skonfigurowano organu egzekucyjnego {code!r}")
    return d.Authority(
        code=s.authority_code,
        name=s.authority_name,
        address=d.Address(
            s.authority_street,
            s.authority_postal_code,
            s.authority_city,
            voivodeship=s.authority_voivodeship,
            county=s.authority_county,
            commune=s.authority_commune,
        ),
        office_code=s.authority_office_code,
    )


def signatory(s: Settings) -> d.Signatory:
    return d.Signatory(name=s.signatory_name, position=s.signatory_position)


def debtor_data(debtor: Debtor) -> d.DebtorData:
    address = (
        d.Address(
            debtor.street,
            debtor.postal_code,
            debtor.city,
            voivodeship=debtor.voivodeship,
            county=debtor.county,
            commune=debtor.commune,
        )
        if debtor.street and debtor.postal_code and debtor.city
        else None
    )
    return d.DebtorData(
        name=debtor.name,
        address=address,
        first_name=debtor.first_name,
        last_name=debtor.last_name,
        pesel=debtor.pesel,
        nip=debtor.nip,
        regon=debtor.regon,
        is_person=not (debtor.nip and not debtor.pesel and debtor.regon),
    )


async def receivable_data(
    session: AsyncSession, receivable: Receivable, rules: KindRules, as_of: date
) -> d.ReceivableData:
    """The receivable with its figures as of the document's date (DOMAIN.md: a letter shows its
    issue date's interest, a title its date's)."""
    figs = await figures_mod.figures_of(session, receivable, rules, as_of)
    params = await ReceivableRepository(session).parameter_rows()
    code = RATE_CODE.get(rules.interest_regime)
    rate = ParameterTable.of(code, params).value_on(as_of) if code else 0
    start = figures_mod.interest_from(receivable, rules)
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
    )


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


async def wezwanie(session: AsyncSession, doc: Document, s: Settings) -> d.Wezwanie:
    receivable, rules, debtor = await _context(session, doc)
    data = await receivable_data(session, receivable, rules, doc.issued_on)
    return d.Wezwanie(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=creditor(s),
        debtor=debtor_data(debtor),
        receivable=data,
        term_days=rules.payment_term_days,
        signatory=signatory(s),
    )


async def upomnienie(session: AsyncSession, doc: Document, s: Settings) -> d.Upomnienie:
    receivable, rules, debtor = await _context(session, doc)
    data = await receivable_data(session, receivable, rules, doc.issued_on)
    params = await ReceivableRepository(session).parameter_rows()
    fee = ParameterTable.of(ParameterCode.OPLATA_MANIPULACYJNA, params).value_on(doc.issued_on)
    return d.Upomnienie(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=creditor(s),
        debtor=debtor_data(debtor),
        receivable=data,
        reminder_cost=doc.costs,
        term_days=rules.reminder_term_days,
        handling_fee=fee,
        signatory=signatory(s),
    )


async def tytul(session: AsyncSession, doc: Document, s: Settings) -> d.TytulWykonawczy:
    if doc.kind != "tytul_wykonawczy":
        raise NotFound(f"Dokument {doc.number} nie jest tytułem wykonawczym")
    receivable, rules, debtor = await _context(session, doc)
    data = await receivable_data(session, receivable, rules, doc.issued_on)
    reminder = await _reminder_before(session, receivable.id, doc.issued_on)
    return d.TytulWykonawczy(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=creditor(s),
        debtor=debtor_data(debtor),
        authority=authority(s, doc.scope or None),
        receivable=data,
        reminder=reminder,
        signatory=signatory(s),
        **({"form_version": doc.form_version} if doc.form_version else {}),
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


async def zawiadomienie(session: AsyncSession, notice: Notice, s: Settings) -> d.Zawiadomienie:
    doc = await document(session, notice.document_id)
    title = await document(session, notice.title_document_id)
    _receivable, _rules, debtor = await _context(session, doc)
    return d.Zawiadomienie(
        number=doc.number,
        issued_on=doc.issued_on,
        creditor=creditor(s),
        authority=authority(s, title.scope or None),
        debtor=debtor_data(debtor),
        title_number=title.number,
        title_issued_on=title.issued_on,
        change=notice.change,
        event_on=notice.event_on,
        amount=notice.amount,
        remaining_principal=notice.remaining_principal,
        description=notice.description,
        signatory=signatory(s),
    )


def require_kind(doc: Document, kinds: set[str]) -> None:
    if doc.kind not in kinds:
        raise Conflict(f"Dokument {doc.number} ({doc.kind}) nie ma tej postaci")


async def notice_of_document(session: AsyncSession, document_id: int) -> Notice:
    found = await session.scalar(select(Notice).where(Notice.document_id == document_id))
    if found is None:
        raise NotFound(f"Nie ma zawiadomienia dla dokumentu {document_id}")
    return found
