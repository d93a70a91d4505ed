"""Recording a delivery: gather the letter and its receivable → the domain rule gives the
effective day (app/domain/delivery.py) → apply it: the delivery row with its scan, the document's
delivery date and the receivable's terms from that day; a returned letter opens the address
search instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.addresses import service as address_service
from app.deliveries.repository import DeliveryRepository
from app.deliveries.schemas import DATES
from app.documents import service as docs
from app.domain.deadlines import payment_term_end, reminder_term_end
from app.domain.delivery import (
    DeliveryFacts,
    DeliveryFactsError,
    Effect,
    Method,
    Periods,
    effect,
    event_dates,
)
from app.domain.kinds import KindRules
from app.domain.lifecycle import State
from app.domain.parameters import MissingParameter, ParameterCode, ParameterTable
from app.errors import Conflict, Invalid, NotFound
from app.files import service as files
from app.models import AddressSearch, Delivery, Document, Receivable, StoredFile
from app.polish import pl_date
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository

# The letters whose delivery starts a term: the demand (14 days) and the reminder (7 days).
DELIVERABLE = {"wezwanie": "wezwania do zapłaty", "upomnienie": "upomnienia"}


@dataclass(frozen=True)
class Recorded:
    delivery: Delivery
    document: Document
    receivable: Receivable
    term_ends_on: date | None
    search: AddressSearch | None


async def periods_on(session: AsyncSession, day: date) -> Periods:
    """The periods in force on the day; a period of a way not yet in the law then is None (an
    e-delivery before the e-Doręczenia act), and the rule refuses that way."""
    rows = await ReceivableRepository(session).parameter_rows()

    def value(code: ParameterCode) -> int | None:
        try:
            return ParameterTable.of(code, rows).value_on(day)
        except MissingParameter:
            return None

    return Periods(
        awizo_days=value(ParameterCode.DORECZENIE_AWIZO_DNI),
        e_delivery_days=value(ParameterCode.E_DORECZENIE_FIKCJA_DNI),
    )


async def record(
    session: AsyncSession,
    document_id: int,
    facts: DeliveryFacts,
    actor: str,
    today: date,
    *,
    scan: files.Upload | None = None,
    note: str = "",
) -> Recorded:
    doc = await deliverable(session, document_id)
    receivable = await receivable_service.load(session, doc.receivable_id, for_update=True)
    rules = await receivable_service.rules_of(session, receivable)
    await _check_latest(session, doc)
    _check_dates(facts, doc, today)
    decided = _decide(facts, await periods_on(session, min(event_dates(facts), default=today)))
    _check_effect(decided, facts, doc, receivable, today)
    media_type = files.check_scan(scan) if scan is not None else None
    stored = (
        await files.store(session, "skan_zpo", scan, media_type, actor)
        if scan is not None and media_type
        else None
    )
    delivery = await DeliveryRepository(session).add(_row(doc, facts, decided, stored, note, actor))
    if decided.effective_on is None:
        search = await address_service.open_for_returned(session, doc, receivable, today, actor)
        return Recorded(delivery, doc, receivable, None, search)
    term = await apply_effective(session, receivable, rules, doc, decided.effective_on, actor)
    return Recorded(delivery, doc, receivable, term, None)


async def deliverable(session: AsyncSession, document_id: int) -> Document:
    doc = await docs.document(session, document_id)
    if doc.kind not in DELIVERABLE:
        raise Conflict(
            f"Dokument {doc.number} nie jest doręczany zobowiązanemu za potwierdzeniem "
            "(doręczenia zapisuje się dla wezwań do zapłaty i upomnień)"
        )
    return doc


async def _check_latest(session: AsyncSession, doc: Document) -> None:
    latest = await ReceivableRepository(session).latest_document(doc.receivable_id, doc.kind)
    if latest is not None and latest.id != doc.id:
        raise Conflict(
            f"Terminy biegną od doręczenia nowszego dokumentu nr {latest.number}: "
            f"zapisz doręczenie przy nim"
        )


def _check_dates(facts: DeliveryFacts, doc: Document, today: date) -> None:
    for field in DATES:
        day = getattr(facts, field)
        if day is None:
            continue
        if day < doc.issued_on:
            raise Invalid(
                f"Data {pl_date(day)} wcześniejsza niż data wystawienia dokumentu "
                f"({pl_date(doc.issued_on)})",
                field=field,
            )
        receivable_service.not_in_future(day, today, field)


def _decide(facts: DeliveryFacts, periods: Periods) -> Effect:
    try:
        return effect(facts, periods)
    except DeliveryFactsError as exc:
        raise Invalid(str(exc), field=exc.field) from exc


def _check_effect(
    decided: Effect, facts: DeliveryFacts, doc: Document, receivable: Receivable, today: date
) -> None:
    if decided.effective_on is None:
        if doc.delivered_on is not None:
            raise Conflict(
                f"Dokument {doc.number} ma już zapisane skuteczne doręczenie "
                f"({pl_date(doc.delivered_on)}); zwrot przesyłki go nie cofa"
            )
        return
    if decided.effective_on > today:
        field = "first_notice_on" if facts.method is Method.AWIZO else "arrived_on"
        raise Invalid(
            f"Doręczenie nastąpi dopiero {pl_date(decided.effective_on)} "
            f"({decided.basis}); zapisz je po tym dniu",
            field=field,
        )
    if doc.kind == "wezwanie" and receivable.state != State.WYSTAWIONA:
        raise Conflict(
            f"Doręczenie wezwania można zapisać tylko w stanie „wystawiona” "
            f"(teraz: „{receivable.state}”)"
        )


def _row(
    doc: Document,
    facts: DeliveryFacts,
    decided: Effect,
    scan: StoredFile | None,
    note: str,
    actor: str,
) -> Delivery:
    return Delivery(
        document_id=doc.id,
        method=facts.method.value,
        signed_on=facts.signed_on,
        substitute=facts.substitute.value if facts.substitute else None,
        addressee_notified=facts.addressee_notified,
        first_notice_on=facts.first_notice_on,
        second_notice_on=facts.second_notice_on,
        refused_on=facts.refused_on,
        returned_on=facts.returned_on,
        received_on=facts.received_on,
        arrived_on=facts.arrived_on,
        effective_on=decided.effective_on,
        deemed=decided.deemed,
        basis=decided.basis,
        note=note,
        scan_file_id=scan.id if scan else None,
        created_by=actor,
    )


async def apply_effective(
    session: AsyncSession,
    receivable: Receivable,
    rules: KindRules,
    doc: Document,
    effective_on: date,
    actor: str,
) -> date:
    """The legally effective day becomes the document's delivery date, and the term of the demand
    (14 days) or of the reminder (7 days) runs from it (seed 003 §3; OP art. 12). Returns the
    last day of that term."""
    doc.delivered_on = effective_on
    doc.delivery_recorded_by, doc.delivery_recorded_at = actor, datetime.now(UTC)
    if doc.kind == "wezwanie":
        receivable.demand_delivered_on = effective_on
        term = payment_term_end(effective_on, rules.payment_term_days)
        receivable.payment_term_ends_on = term
    else:
        receivable.reminder_delivered_on = effective_on
        term = reminder_term_end(effective_on, rules.reminder_term_days)
        receivable.reminder_term_ends_on = term
    await figures_mod.refresh_limitation(session, receivable, rules)
    await session.flush()
    return term


async def attach_scan(
    session: AsyncSession, delivery_id: int, upload: files.Upload, actor: str
) -> Delivery:
    """The scan of the receipt, added after the delivery was entered (once: it is evidence)."""
    repo = DeliveryRepository(session)
    delivery = await repo.get(delivery_id)
    if delivery is None:
        raise NotFound(f"Nie ma doręczenia o identyfikatorze {delivery_id}")
    if delivery.scan_file_id is not None:
        raise Conflict("Do tego doręczenia dołączono już skan; popraw doręczenie nowym wpisem")
    media_type = files.check_scan(upload)
    delivery.scan_file_id = (await files.store(session, "skan_zpo", upload, media_type, actor)).id
    await session.flush()
    return delivery


async def history(session: AsyncSession, document_ids: list[int]) -> list[Delivery]:
    return await DeliveryRepository(session).of_documents(document_ids)
