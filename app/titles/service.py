"""Executive titles after issue: their XML, the register, notices, handoff batches, reports."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.documents import service as docs
from app.domain.documents import RegisterEntry, TytulWykonawczy, Zawiadomienie
from app.domain.kinds import AllocationRule, KindRules
from app.errors import Conflict, Incomplete, NotFound
from app.models import Authority, Debtor, Document, EnforcementReport, Handoff, Notice, Receivable
from app.numbering import next_number, next_numbers
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.titles import readiness, xml
from app.titles.readiness import Where
from app.titles.repository import TitleRepository
from app.titles.xsd import XmlValidationError
from app.unit import authorities

D = TypeVar("D", TytulWykonawczy, Zawiadomienie)
CHANGES = {
    "wplata_czesciowa": "wpłata częściowa",
    "wplata_calkowita": "wpłata całkowita",
    "raty": "rozłożenie na raty – zawieszenie postępowania egzekucyjnego",
    "wznowienie": "wznowienie postępowania egzekucyjnego",
    "umorzenie": "umorzenie należności",
    # Issue 20: corrections after the title.
    "storno": "storno wpłaty – wpłata nie pomniejsza należności",
    "zmiana_decyzji": "zmiana decyzji – nowa kwota należności",
    "uchylenie": "uchylenie decyzji – należność nie istnieje",
    "wycofanie": "wycofanie tytułu wykonawczego",
}
REPORT_KINDS = {
    "srodek": "zastosowano środek egzekucyjny",
    "wyegzekwowano": "wyegzekwowano kwotę",
    "zwrot_nieegzekwowalny": "zwrot tytułu – egzekucja bezskuteczna",
    # Issue 20 (app/corrections/enforcement.py): the authority's acts on the proceedings.
    "zawieszenie": "zawieszenie postępowania egzekucyjnego",
    "podjecie": "podjęcie postępowania egzekucyjnego",
    "umorzenie_postepowania": "umorzenie postępowania egzekucyjnego",
}


async def title_document(session: AsyncSession, document_id: int) -> Document:
    doc = await docs.document(session, document_id)
    if doc.kind != "tytul_wykonawczy":
        raise NotFound(f"Dokument {document_id} nie jest tytułem wykonawczym")
    return doc


async def title_xml(session: AsyncSession, document_id: int) -> bytes:
    data = await docs.tytul(session, await title_document(session, document_id))
    return await asyncio.to_thread(xml.build_title_xml, data)


# The number a title or notice is checked under before its own is taken: as long as any real one.
PROVISIONAL = 999_999
NO_AUTHORITY = {
    "item": "Organ egzekucyjny, do którego trafi tytuł",
    "fix": "Ustawienia jednostki: organy egzekucyjne",
    "href": "/jednostka#organy",
}


async def _valid_xml(build: Callable[[D], bytes], data: D, missing: list[dict[str, str]]) -> None:
    """Build and validate the document's XML; an XSD refusal is one more missing item."""
    try:
        await asyncio.to_thread(build, data)
    except XmlValidationError as exc:
        missing.append({"item": f"Dane niezgodne ze schematem XML: {exc}", "fix": "", "href": ""})


async def prepare_title(
    session: AsyncSession, receivable: Receivable, rules: KindRules, issued_on: date
) -> Authority:
    """Issue 14 item 4: the title is built and its TW-1 XML validated before its number is
    taken; missing data refuse it (422, every item with the place that fixes it) and nothing
    changes. Returns the authority it goes to (chosen for the receivable, else the one of the
    debtor's commune, else the default one)."""
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    choice = await authorities.competent(session, receivable.authority_code, debtor.commune_code)
    if choice.authority is None:
        raise Incomplete("Nie można wystawić tytułu wykonawczego: brak danych", [NO_AUTHORITY])
    authority = authorities.document_authority(choice.authority)
    number = f"TW/{authority.code}/{PROVISIONAL}/{issued_on.year}"
    data = await docs.title_data(session, receivable, rules, debtor, issued_on, number, authority)
    where = Where(debtor.id, receivable.id, rules.code, authority.code)
    missing = readiness.missing(readiness.title_gaps(data), where)
    if not missing:
        await _valid_xml(xml.build_title_xml, data, missing)
    if missing:
        raise Incomplete("Nie można wystawić tytułu wykonawczego: brak danych", missing)
    return choice.authority


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
    notice = Notice(
        receivable_id=receivable.id,
        title_document_id=title.id,
        change=change,
        event_on=event_on,
        amount=amount,
        remaining_principal=figs.principal_remaining,
        description=description or CHANGES[change],
    )
    await _check_notice(session, receivable, title, notice, event_on)
    doc = await receivable_service.issue_document(
        session, receivable, "zawiadomienie", event_on, actor
    )
    notice.document_id = doc.id
    await repo.add(notice)
    return notice


async def _check_notice(
    session: AsyncSession, receivable: Receivable, title: Document, notice: Notice, on: date
) -> None:
    """The notice's XML is built and validated before its number is taken (as a title's)."""
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    number = f"ZW/{PROVISIONAL}/{on.year}"
    data = await docs.notice_data(session, receivable, debtor, title, number, on, notice)
    missing: list[dict[str, str]] = []
    await _valid_xml(xml.build_notice_xml, data, missing)
    if missing:
        raise Incomplete("Nie można sporządzić zawiadomienia dla organu egzekucyjnego", missing)


async def notice_xml(session: AsyncSession, notice_id: int) -> bytes:
    notice = await TitleRepository(session).notice(notice_id)
    if notice is None:
        raise NotFound(f"Nie ma zawiadomienia o identyfikatorze {notice_id}")
    return await asyncio.to_thread(xml.build_notice_xml, await docs.zawiadomienie(session, notice))


@dataclass(frozen=True)
class RegisterLine:
    document: Document
    receivable: Receivable
    debtor: Debtor
    entry: RegisterEntry


async def _authority_names(session: AsyncSession) -> dict[str, str]:
    return {a.code: a.name for a, _communes in await authorities.listing(session)}


async def register(session: AsyncSession, limit: int = 500, offset: int = 0) -> list[RegisterLine]:
    """Ewidencja tytułów wykonawczych (seed 003 §3.6): amounts as of each title's date."""
    repo = TitleRepository(session)
    numbers = await repo.handoff_numbers()
    names = await _authority_names(session)
    out = []
    for doc, receivable, debtor in await repo.register(limit, offset):
        out.append(
            RegisterLine(
                doc,
                receivable,
                debtor,
                await _entry(session, doc, receivable, debtor, names, numbers),
            )
        )
    return out


async def _entry(
    session: AsyncSession,
    doc: Document,
    receivable: Receivable,
    debtor: Debtor,
    names: dict[str, str],
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
        authority_name=names.get(doc.scope, doc.scope),
        handoff_number=numbers.get(doc.handoff_id) if doc.handoff_id else None,
        events=tuple(sorted(events)),
    )


async def _handoff_authority(session: AsyncSession, code: str | None) -> Authority:
    if code:
        return await authorities.known(session, code, "authority")
    default = (await authorities.competent(session, None, None)).authority
    if default is None:
        raise Incomplete("Nie można przygotować przekazania: brak danych", [NO_AUTHORITY])
    return default


async def build_handoff(
    session: AsyncSession, issued_on: date, authority_code: str | None, actor: str
) -> Handoff:
    """All titles and notices not yet sent to one authority (the default one when none is
    named), as one validated XML file; marked as sent in the same transaction, so a failure
    leaves nothing half-sent. Missing data of any title refuse the batch before its number is
    taken, listing every item (issue 14 item 4)."""
    authority = authorities.document_authority(await _handoff_authority(session, authority_code))
    repo = TitleRepository(session)
    titles = await repo.unsent_titles(authority.code, lock=True)
    notices = await repo.unsent_notices(authority.code, lock=True)
    if not titles and not notices:
        raise Conflict(f"Brak tytułów i zawiadomień do przekazania do: {authority.name}")
    if any(t.issued_on > issued_on for t in titles):
        raise Conflict("Paczka nie może zawierać tytułów wystawionych po dniu przekazania")
    title_data = [await docs.tytul(session, t) for t in titles]
    notice_data = [await docs.zawiadomienie(session, n) for n in notices]
    numbers, names = await repo.handoff_numbers(), await _authority_names(session)
    entries, missing = [], []
    for t, data in zip(titles, title_data, strict=True):
        receivable = await receivable_service.load(session, t.receivable_id)
        debtor = await session.get(Debtor, receivable.debtor_id)
        assert debtor is not None
        entries.append(await _entry(session, t, receivable, debtor, names, numbers))
        missing += _title_missing(data, receivable, authority.code)
    if missing := readiness.unique(missing):
        raise Incomplete("Nie można przygotować przekazania: brak danych w tytułach", missing)
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
        creditor=await docs.creditor(session),
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


def _title_missing(
    data: TytulWykonawczy, receivable: Receivable, authority_code: str
) -> list[dict[str, str]]:
    where = Where(
        receivable.debtor_id,
        receivable.id,
        receivable.kind_code,
        authority_code,
        prefix=f"Tytuł {data.number}: ",
    )
    return readiness.missing(readiness.title_gaps(data), where)


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
    if kind == "srodek":  # a measure may interrupt limitation, as the kind says (issue 16 item 5)
        receivable = await receivable_service.load(session, title.receivable_id)
        rules = await receivable_service.rules_of(session, receivable)
        await figures_mod.refresh_limitation(session, receivable, rules)
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
    deferred = await figures_mod.deferred_ids(session, ids)  # issue 20 item 3: their own reads
    kinds: dict[str, KindRules] = {}
    remaining = []
    for rid, on in resumptions:
        receivable, m = receivables[rid], money[rid]
        if receivable.kind_code not in kinds:
            kinds[receivable.kind_code] = await receivable_service.rules_of(session, receivable)
        rules = kinds[receivable.kind_code]
        # the alimony ledger, and receivables of several payouts: their own reads
        if (
            rules.allocation_rule in (AllocationRule.ART_28, AllocationRule.KC_451_TRANCHES)
            or rid in deferred
        ):
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
