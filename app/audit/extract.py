"""The data extract for a debtor (RODO art. 15): what the unit holds about the person and since
when, what was sent to them, to whom their data were disclosed (titles and notices handed to the
enforcement authority, entries in the debtor registers), and who in the unit read them. Gathered
here into a frozen object; letters/rodo.py renders it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.repository import AuditRepository, SubjectRepository
from app.audit.service import DATA_EXTRACT, DATA_READ
from app.domain.documents import Creditor
from app.domain.labels import DOCUMENT_LABELS, STATE_LABELS
from app.errors import NotFound
from app.notes.repository import NoteRepository
from app.notes.schemas import NOTE_KINDS
from app.unit import authorities

FIELDS = (
    ("name", "Imię i nazwisko / nazwa"),
    ("pesel", "PESEL"),
    ("nip", "NIP"),
    ("regon", "REGON"),
    ("street", "Ulica i numer"),
    ("postal_code", "Kod pocztowy"),
    ("city", "Miejscowość"),
    ("commune", "Gmina"),
    ("county", "Powiat"),
    ("voivodeship", "Województwo"),
)
FLAGS = (
    ("address_unknown", "adres do ustalenia"),
    ("homeless", "osoba bezdomna"),
    ("deceased", "osoba zmarła"),
)


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Extract:
    creditor: Creditor
    made_on: date
    made_by: str
    held_since: datetime
    data: tuple[tuple[str, str], ...]  # label, value
    changes: tuple[Row, ...]  # when, who, what
    receivables: tuple[Row, ...]
    documents: tuple[Row, ...]
    disclosures: tuple[Row, ...]  # when, to whom, what
    reads: tuple[Row, ...]  # when, who, what


def _day(moment: datetime | date | None) -> str:
    if moment is None:
        return "—"
    return moment.strftime("%d.%m.%Y %H:%M" if isinstance(moment, datetime) else "%d.%m.%Y")


def _grosze(value: int) -> str:
    whole, frac = divmod(value, 100)
    return f"{whole:,}".replace(",", "\u00a0") + f",{frac:02d} zł"


async def gather(
    session: AsyncSession, debtor_id: int, creditor: Creditor, made_on: date, made_by: str
) -> Extract:
    repo = SubjectRepository(session)
    debtor = await repo.debtor(debtor_id)
    if debtor is None:
        raise NotFound(f"Nie ma zobowiązanego o identyfikatorze {debtor_id}")
    data = [(label, str(getattr(debtor, f) or "—")) for f, label in FIELDS]
    flags = [label for f, label in FLAGS if getattr(debtor, f)]
    data.append(("Oznaczenia", ", ".join(flags) or "—"))
    names = {a.code: a.name for a, _communes in await authorities.listing(session)}

    def organ(code: str) -> str:  # by name, not the code "UM" (issue 19 item 4)
        return f"organ egzekucyjny: {names.get(code, code)}"

    documents, disclosures = [], []
    for doc, handoff in await repo.documents(debtor_id):
        kind = DOCUMENT_LABELS.get(doc.kind, doc.kind)
        documents.append(Row((_day(doc.issued_on), kind, doc.number, _day(doc.delivered_on))))
        if handoff is not None:
            disclosures.append(
                Row(
                    (
                        _day(handoff.issued_on),
                        organ(handoff.authority_code),
                        f"tytuł wykonawczy {doc.number} (przekazanie {handoff.number})",
                    )
                )
            )
    for notice, handoff in await repo.notices(debtor_id):
        disclosures.append(
            Row(
                (
                    _day(handoff.issued_on),
                    organ(handoff.authority_code),
                    f"zawiadomienie o zmianie ({notice.change}, przekazanie {handoff.number})",
                )
            )
        )
    for entry in await repo.register_entries(debtor_id):
        register = {"big": "biuro informacji gospodarczej", "krz": "Krajowy Rejestr Zadłużonych"}
        disclosures.append(
            Row(
                (
                    _day(entry.entered_on),
                    register.get(entry.register, entry.register),
                    f"wpis zaległości {_grosze(entry.amount)}"
                    + (f", usunięty {_day(entry.removed_on)}" if entry.removed_on else ""),
                )
            )
        )
    reads = [
        Row((_day(e.created_at), e.actor or "—", str(e.details.get("co", e.action))))
        for e in await AuditRepository(session).of_debtor(debtor_id)
        if e.action in (DATA_READ, DATA_EXTRACT)
    ]
    return Extract(
        creditor=creditor,
        made_on=made_on,
        made_by=made_by,
        held_since=debtor.created_at,
        data=tuple(data),
        changes=tuple(
            Row(
                (
                    _day(c.created_at),
                    c.actor,
                    "utworzenie wpisu"
                    if c.action == "utworzenie"
                    else "zmiana: " + ", ".join(str(x.get("field")) for x in c.changes),
                )
            )
            for c in await repo.changes(debtor_id)
        )
        # Issue 19 item 5: the notes and contacts log holds personal data too (its text is in
        # the system; the extract names each entry).
        + tuple(
            Row(
                (
                    _day(n.created_at),
                    n.created_by,
                    f"wpis w notatkach i kontaktach: {NOTE_KINDS.get(n.kind, n.kind)} "
                    f"z dnia {_day(n.occurred_on)}",
                )
            )
            for n in reversed(await NoteRepository(session).of_debtor(debtor_id))
        ),
        receivables=tuple(
            Row(
                (
                    _day(r.issued_on),
                    kind,
                    r.reference or f"N/{r.id}",
                    r.title,
                    _grosze(r.principal),
                    STATE_LABELS.get(r.state, r.state),
                )
            )
            for r, kind in await repo.receivables(debtor_id)
        ),
        documents=tuple(documents),
        disclosures=tuple(sorted(disclosures, key=lambda r: r.cells[0][-4:] + r.cells[0])),
        reads=tuple(reads),
    )
