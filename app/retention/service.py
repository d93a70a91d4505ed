"""Issue 20 item 8, data retention: gather → decide (app/domain/retention.py) → apply, every step
recorded in the audit trail (app/audit).

1. due: the closed files whose period under the kind's JRWA category has run, not listed yet.
2. draw: a numbered list of them (spis dokumentacji niearchiwalnej), printed for the state
   archive's consent (ustawa o narodowym zasobie archiwalnym i archiwach art. 5 ust. 2).
3. consent: the archive's consent (date, reference, which archive).
4. anonymise: only then, the personal data of the debtors whose every file is on a consented
   list are removed (name, PESEL, NIP, REGON, address, ADE; the old values in their change
   history; the counterparty of their bank lines). The receivables, payments and events stay:
   the figures of the reports do not change."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit import service as audit
from app.domain import retention as rules
from app.errors import Conflict, Invalid, NotFound
from app.models import Debtor, DebtorNote, RetentionItem, RetentionList
from app.retention.repository import RetentionRepository
from app.retention.schemas import (
    AnonymisationRead,
    ConsentCreate,
    DueFile,
    ListCreate,
    ListRead,
)
from app.unit import service as unit_service

if TYPE_CHECKING:
    from letters.brakowanie import RetentionSpis

LIST_DRAWN, CONSENT, ANONYMISED = audit.RETENTION_LIST, audit.RETENTION_CONSENT, audit.ANONYMISED
PERSONAL = (
    "first_name",
    "last_name",
    "street",
    "postal_code",
    "city",
    "voivodeship",
    "county",
    "commune",
    "commune_code",
    "pesel",
    "nip",
    "regon",
    "ade",
    "ade_checked_on",
    "deceased_on",
)

REDACTED_NOTE = "[treść usunięta po upływie okresu przechowywania akt]"


async def due(session: AsyncSession, as_of: date) -> list[DueFile]:
    repo = RetentionRepository(session)
    out: list[DueFile] = []
    for kind in await repo.kinds():
        cutoff = rules.cutoff(as_of, kind.archival_category)
        if cutoff is None:  # kategoria A: kept for ever, handed to the state archive
            continue
        for r, d, k in await repo.due(kind.code, cutoff):
            assert r.closed_on is not None
            due_from = rules.due_from(r.closed_on, k.archival_category)
            assert due_from is not None
            out.append(
                DueFile(
                    receivable_id=r.id,
                    reference=r.reference,
                    debtor_id=d.id,
                    debtor_name=d.name,
                    kind=k.label,
                    category=k.archival_category,
                    state=r.state,
                    closed_on=r.closed_on,
                    due_from=due_from,
                )
            )
    return sorted(out, key=lambda f: (f.closed_on, f.receivable_id))


async def draw(
    session: AsyncSession, data: ListCreate, who: audit.Who, today: date
) -> RetentionList:
    as_of = data.as_of or today
    if as_of > today:
        raise Invalid("Spis sporządza się na dzień dzisiejszy lub wcześniejszy", field="as_of")
    files = await due(session, as_of)
    if not files:
        raise Conflict("Nie ma akt, których okres przechowywania upłynął")
    repo = RetentionRepository(session)
    seq = await repo.count_in_year(as_of.year) + 1
    row = RetentionList(number=f"BR/{seq}/{as_of.year}", drawn_on=as_of, created_by=who.actor)
    await repo.add(row)
    for f in files:
        session.add(
            RetentionItem(
                list_id=row.id,
                receivable_id=f.receivable_id,
                category=f.category,
                closed_on=f.closed_on,
                due_from=f.due_from,
            )
        )
    await session.flush()
    await audit.record(
        session, who, LIST_DRAWN, row.number, None, liczba_akt=len(files), na_dzien=str(as_of)
    )
    return row


async def _list(session: AsyncSession, list_id: int, *, lock: bool = False) -> RetentionList:
    row = await RetentionRepository(session).get(list_id, lock=lock)
    if row is None:
        raise NotFound(f"Nie ma spisu o identyfikatorze {list_id}")
    return row


async def consent(
    session: AsyncSession, list_id: int, data: ConsentCreate, who: audit.Who, today: date
) -> RetentionList:
    row = await _list(session, list_id, lock=True)
    if row.consent_on is not None:
        raise Conflict(f"Zgodę archiwum odnotowano już {row.consent_on.isoformat()}")
    if problem := rules.consent_error(row.drawn_on, data.consent_on, today):
        raise Invalid(problem, field="consent_on")
    row.consent_on, row.consent_ref, row.archive = data.consent_on, data.consent_ref, data.archive
    await session.flush()
    await audit.record(
        session, who, CONSENT, row.number, None, znak=data.consent_ref, data=str(data.consent_on)
    )
    return row


def _anonymise(debtor: Debtor, today: date) -> None:
    debtor.name = rules.anonymous_name(debtor.id)
    for field in PERSONAL:
        setattr(debtor, field, None)
    debtor.anonymised_on = today


async def anonymise(
    session: AsyncSession, list_id: int, who: audit.Who, today: date
) -> AnonymisationRead:
    row = await _list(session, list_id, lock=True)
    if row.consent_on is None:
        raise Conflict(
            "Dane osobowe usuwa się dopiero po zgodzie archiwum państwowego "
            "(art. 5 ust. 2 ustawy o narodowym zasobie archiwalnym i archiwach)"
        )
    if row.anonymised_on is not None:
        raise Conflict(f"Dane z tego spisu usunięto już {row.anonymised_on.isoformat()}")
    repo = RetentionRepository(session)
    items = await repo.items(row.id)
    debtor_ids = sorted({d.id for _, _, d in items})
    others = await repo.not_cleared(debtor_ids)
    linked = await repo.linked(debtor_ids)
    done: list[int] = []
    kept: dict[int, str] = {}
    for debtor in await repo.debtors(debtor_ids):
        if debtor.anonymised_on is not None:
            continue
        if others.get(debtor.id):
            kept[debtor.id] = (
                f"inne akta dłużnika ({others[debtor.id]}) nie są objęte zgodą archiwum"
            )
            continue
        if debtor.id in linked:
            kept[debtor.id] = linked[debtor.id]
            continue
        _anonymise(debtor, today)
        # The notes and contacts log (issue 19 item 5) tells of the person: its texts go too;
        # the dates and kinds of contact stay, as the figures do.
        await session.execute(
            update(DebtorNote).where(DebtorNote.debtor_id == debtor.id).values(text=REDACTED_NOTE)
        )
        for change in await repo.changes(debtor.id):
            change.changes = [{"field": c.get("field"), "usunieto": True} for c in change.changes]
        done.append(debtor.id)
        await audit.record(session, who, ANONYMISED, row.number, debtor.id, spis=row.number)
    await repo.clear_bank_counterparties([r.id for _, r, d in items if d.id in done])
    row.anonymised_on = today
    await session.flush()
    return AnonymisationRead(
        list_id=row.id, anonymised_on=today, anonymised_debtors=done, kept_debtors=kept
    )


async def read(session: AsyncSession, list_id: int) -> ListRead:
    row = await _list(session, list_id)
    items = await RetentionRepository(session).items(row.id)
    kinds = {k.code: k.label for k in await RetentionRepository(session).kinds()}
    return ListRead(
        id=row.id,
        number=row.number,
        drawn_on=row.drawn_on,
        consent_on=row.consent_on,
        consent_ref=row.consent_ref,
        archive=row.archive,
        anonymised_on=row.anonymised_on,
        files=[
            DueFile(
                receivable_id=r.id,
                reference=r.reference,
                debtor_id=d.id,
                debtor_name=d.name,
                kind=kinds.get(r.kind_code, r.kind_code),
                category=i.category,
                state=r.state,
                closed_on=i.closed_on,
                due_from=i.due_from,
            )
            for i, r, d in items
        ],
    )


async def lists(session: AsyncSession) -> list[RetentionList]:
    return await RetentionRepository(session).lists()


async def spis(session: AsyncSession, list_id: int) -> RetentionSpis:
    from letters.brakowanie import RetentionSpis, SpisRow

    data = await read(session, list_id)
    return RetentionSpis(
        creditor=await unit_service.creditor(session),
        number=data.number,
        drawn_on=data.drawn_on,
        rows=tuple(
            SpisRow(
                reference=f.reference or f"nr {f.receivable_id}",
                kind=f.kind,
                category=f.category,
                closed_on=f.closed_on,
                due_from=f.due_from,
            )
            for f in data.files
        ),
    )
