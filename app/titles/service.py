"""Executive titles after issue: their XML, the register, notices, handoff batches, reports."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.documents import service as docs
from app.domain.documents import RegisterEntry
from app.domain.kinds import AllocationRule, KindRules
from app.errors import Conflict, NotFound
from app.models import Debtor, Document, EnforcementReport, Handoff, Notice, Receivable
from app.numbering import next_number, next_numbers
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.titles import xml
from app.titles.repository import TitleRepository

CHANGES = {
    "wplata_czesciowa": "wpłata częściowa",
    "wplata_calkowita": "wpłata całkowita",
    "raty": "rozłożenie na raty – zawieszenie postępowania egzekucyjnego",
    "wznowienie": "wznowienie postępowania egzekucyjnego",
    "umorzenie": "umorzenie należności",
}
REPORT_KINDS = {
    "srodek": "zastosowano środek egzekucyjny",
    "wyegzekwowano": "wyegzekwowano kwotę",
    "zwrot_nieegzekwowalny": "zwrot tytułu – egzekucja bezskuteczna",
}


async def title_document(session: AsyncSession, document_id: int) -> Document:
    doc = await docs.document(session, document_id)
    if doc.kind != "tytul_wykonawczy":
        raise NotFound(f"Dokument {document_id} nie jest tytułem wykonawczym")
    return doc


async def title_xml(session: AsyncSession, document_id: int, settings: Settings) -> bytes:
    data = await docs.tytul(session, await title_document(session, document_id), settings)
    return await asyncio.to_thread(xml.build_title_xml, data)


async def notify(
    session: AsyncSession,
    receivable: Receivable,
    change: str,
    event_on: date,
    actor: str,
    *,
    amount: int | None = None,
    description: str = "",
) -> Notice | None:
    """Seed 003 §3.7: a change to a receivable under an issued title gets a notice for the
    enforcement authority, waiting for the next handoff. None when no title was issued."""
    repo = TitleRepository(session)
    title = await repo.latest_title(receivable.id)
    if title is None:
        return None
    rules = await receivable_service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, event_on)
    doc = await receivable_service.issue_document(
        session, receivable, "zawiadomienie", event_on, actor
    )
    notice = Notice(
        receivable_id=receivable.id,
        document_id=doc.id,
        title_document_id=title.id,
        change=change,
        event_on=event_on,
        amount=amount,
        remaining_principal=figs.principal_remaining,
        description=description or CHANGES[change],
    )
    await repo.add(notice)
    return notice


async def notice_xml(session: AsyncSession, notice_id: int, settings: Settings) -> bytes:
    notice = await TitleRepository(session).notice(notice_id)
    if notice is None:
        raise NotFound(f"Nie ma zawiadomienia o identyfikatorze {notice_id}")
    return await asyncio.to_thread(
        xml.build_notice_xml, await docs.zawiadomienie(session, notice, settings)
    )


@dataclass(frozen=True)
class RegisterLine:
    document: Document
    receivable: Receivable
    debtor: Debtor
    entry: RegisterEntry


async def register(
    session: AsyncSession, settings: Settings, limit: int = 500, offset: int = 0
) -> list[RegisterLine]:
    """Ewidencja tytułów wykonawczych (seed 003 §3.6): amounts as of each title's date."""
    repo = TitleRepository(session)
    numbers = await repo.handoff_numbers()
    out = []
    for doc, receivable, debtor in await repo.register(limit, offset):
        out.append(
            RegisterLine(
                doc,
                receivable,
                debtor,
                await _entry(session, doc, receivable, debtor, settings, numbers),
            )
        )
    return out


async def _entry(
    session: AsyncSession,
    doc: Document,
    receivable: Receivable,
    debtor: Debtor,
    settings: Settings,
    numbers: dict[int, str],
) -> RegisterEntry:
    rules = await receivable_service.rules_of(session, receivable)
    figs = await figures_mod.figures_of(session, receivable, rules, doc.issued_on)
    repo = TitleRepository(session)
    events = [
        f"{n.event_on.isoformat()} {CHANGES[n.change]}" for n in await repo.notices_of_title(doc.id)
    ]
    events += [
        f"{r.reported_on.isoformat()} {REPORT_KINDS[r.kind]}" for r in await repo.reports(doc.id)
    ]
    return RegisterEntry(
        title_number=doc.number,
        issued_on=doc.issued_on,
        debtor_name=debtor.name,
        principal=figs.principal_remaining,
        interest=figs.interest_due,
        costs=figs.costs_due,
        authority_name=docs.authority(settings, doc.scope or None).name,
        handoff_number=numbers.get(doc.handoff_id) if doc.handoff_id else None,
        events=tuple(sorted(events)),
    )


async def build_handoff(
    session: AsyncSession,
    issued_on: date,
    authority_code: str | None,
    actor: str,
    settings: Settings,
) -> Handoff:
    """All titles and notices not yet sent to one authority, as one validated XML file; marked as
    sent in the same transaction, so a failure leaves nothing half-sent."""
    authority = docs.authority(settings, authority_code)
    repo = TitleRepository(session)
    titles = await repo.unsent_titles(authority.code, lock=True)
    notices = await repo.unsent_notices(authority.code, lock=True)
    if not titles and not notices:
        raise Conflict(f"Brak tytułów i zawiadomień do przekazania do: {authority.name}")
    if any(t.issued_on > issued_on for t in titles):
        raise Conflict("Paczka nie może zawierać tytułów wystawionych po dniu przekazania")
    title_data = [await docs.tytul(session, t, settings) for t in titles]
    notice_data = [await docs.zawiadomienie(session, n, settings) for n in notices]
    numbers = await repo.handoff_numbers()
    entries = []
    for t in titles:
        receivable = await receivable_service.load(session, t.receivable_id)
        debtor = await session.get(Debtor, receivable.debtor_id)
        assert debtor is not None
        entries.append(await _entry(session, t, receivable, debtor, settings, numbers))
    seq = await next_number(session, "przekazanie", authority.code, issued_on.year)
    number = f"P/{authority.code}/{seq}/{issued_on.year}"
    content = await asyncio.to_thread(
        xml.build_handoff_xml,
        number,
        issued_on,
        authority,
        title_data,
        entries,
        notice_data,
        creditor=docs.creditor(settings),
    )
    handoff = Handoff(
        authority_code=authority.code,
        year=issued_on.year,
        seq=seq,
        number=number,
        issued_on=issued_on,
        title_count=len(titles),
        notice_count=len(notices),
        xml=content,
        created_by=actor,
    )
    await repo.add(handoff)
    for item in [*titles, *notices]:
        item.handoff_id = handoff.id
    await session.flush()
    return handoff


async def handoffs(session: AsyncSession) -> list[Handoff]:
    """Handoff batches, newest first."""
    return await TitleRepository(session).handoffs()


async def handoff(session: AsyncSession, handoff_id: int) -> Handoff:
    found = await TitleRepository(session).handoff(handoff_id)
    if found is None:
        raise NotFound(f"Nie ma przekazania o identyfikatorze {handoff_id}")
    return found


async def report(
    session: AsyncSession,
    document_id: int,
    reported_on: date,
    kind: str,
    amount: int | None,
    description: str,
    actor: str,
) -> EnforcementReport:
    """Seed 003 §3.8: the authority's answer recorded against the title."""
    title = await title_document(session, document_id)
    if reported_on < title.issued_on:
        raise Conflict("Informacja organu nie może być wcześniejsza niż tytuł")
    entry = EnforcementReport(
        title_document_id=title.id,
        reported_on=reported_on,
        kind=kind,
        amount=amount,
        description=description,
        created_by=actor,
    )
    await TitleRepository(session).add(entry)
    if kind == "zwrot_nieegzekwowalny":
        receivable = await receivable_service.load(session, title.receivable_id)
        receivable.uncollectable = True  # seed 003 §2.3 f): to the uncollectable folder
    return entry


async def notify_resumptions(
    session: AsyncSession, resumed: Sequence[tuple[int, date, int | None]], actor: str
) -> int:
    """Seed 003 §3.7: a missed instalment resumes enforcement; the authority holding the title is
    told. `resumed`: the receivables the daily sweep has just sent back, each with the day
    enforcement resumed and the title it resumes under (None: no title, nothing to tell). The
    sweep's statement and these notices are one transaction, so each resumption gets its one
    notice. The notices `notify` would make one by one (tests/sweeps), made together, numbered in
    the order of the days: the facts of all the receivables in a few statements, one bump of the
    counter per year, the documents and notices inserted in batches (the run after an outage of
    a month brings thousands)."""
    titles = {rid: title for rid, _, title in resumed if title is not None}
    resumptions = sorted(((rid, on) for rid, on, _ in resumed if rid in titles), key=_by_day)
    if not resumptions:
        return 0
    remaining = await _principals_remaining(session, resumptions)
    documents = await _notice_documents(session, resumptions, actor)
    rows = [
        {
            "receivable_id": rid,
            "document_id": document_id,
            "title_document_id": titles[rid],
            "change": "wznowienie",
            "event_on": on,
            "amount": None,
            "remaining_principal": principal,
            "description": CHANGES["wznowienie"],
        }
        for (rid, on), document_id, principal in zip(resumptions, documents, remaining, strict=True)
    ]
    await session.execute(insert(Notice), rows)
    return len(rows)


def _by_day(resumption: tuple[int, date]) -> tuple[date, int]:
    rid, on = resumption
    return on, rid


async def _principals_remaining(
    session: AsyncSession, resumptions: list[tuple[int, date]]
) -> list[int]:
    """The principal remaining on each resumption's day, as figures_mod.figures_of gives it, from
    facts read for all the receivables at once."""
    repo = TitleRepository(session)
    ids = sorted({rid for rid, _ in resumptions})
    receivables, money = await repo.receivables(ids), await repo.money_rows(ids)
    params = await ReceivableRepository(session).parameter_rows()
    kinds: dict[str, KindRules] = {}
    remaining = []
    for rid, on in resumptions:
        receivable, m = receivables[rid], money[rid]
        if receivable.kind_code not in kinds:
            kinds[receivable.kind_code] = await receivable_service.rules_of(session, receivable)
        rules = kinds[receivable.kind_code]
        if rules.allocation_rule is AllocationRule.ART_28:  # the alimony ledger: its own reads
            figs = await figures_mod.figures_of(session, receivable, rules, on)
        else:
            facts = figures_mod.facts_of(receivable, rules, m.payments, m.documents, m.write_offs)
            figs = figures_mod.compute(receivable, rules, facts, params, on)
        remaining.append(figs.principal_remaining)
    return remaining


async def _notice_documents(
    session: AsyncSession, resumptions: list[tuple[int, date]], actor: str
) -> list[int]:
    """The zawiadomienie documents, numbered as receivable_service.issue_document numbers them
    (ZW/seq/year, no scope), in the order of `resumptions`: their ids in that order."""
    counts = Counter(on.year for _, on in resumptions)
    numbers = {
        year: iter(await next_numbers(session, "zawiadomienie", "", year, count))
        for year, count in sorted(counts.items())
    }
    rows = []
    for rid, on in resumptions:
        seq = next(numbers[on.year])
        rows.append(
            {
                "receivable_id": rid,
                "kind": "zawiadomienie",
                "scope": "",
                "year": on.year,
                "seq": seq,
                "number": f"ZW/{seq}/{on.year}",
                "issued_on": on,
                "costs": 0,
                "created_by": actor,
            }
        )
    stmt = insert(Document).returning(Document.id, sort_by_parameter_order=True)
    return list(await session.scalars(stmt, rows))
