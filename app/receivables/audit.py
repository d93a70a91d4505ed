"""Who did what and when on one receivable: events, documents, payments, write-offs, instalments,
in the order they were recorded (read-only, over the repository)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.labels import DOCUMENT_LABELS, STATE_LABELS
from app.models import Instalment, Payment, WriteOff
from app.polish import pl_amount, pl_date
from app.receivables.repository import ReceivableRepository
from app.receivables.service import Card
from app.unit import authorities


@dataclass(frozen=True)
class AuditEntry:
    recorded_at: datetime | None  # when it was entered into the system
    on: date  # the date it took legal effect
    kind: str  # zdarzenie | dokument | wpłata | umorzenie
    what: str
    actor: str


@dataclass(frozen=True)
class Ledger:
    payments: list[Payment]
    write_offs: list[WriteOff]
    instalments: list[Instalment]


async def ledger(session: AsyncSession, card: Card) -> Ledger:
    """The card's payments and write-offs (read once for its figures) and its instalments."""
    instalments = await ReceivableRepository(session).instalments(card.receivable.id)
    return Ledger(card.payments, card.write_offs, instalments)


async def trail(session: AsyncSession, receivable_id: int) -> list[AuditEntry]:
    repo = ReceivableRepository(session)
    entries = [
        AuditEntry(
            e.created_at,
            e.occurred_on,
            "zdarzenie",
            f"{state_label(e.from_state)} → {state_label(e.to_state)}: {e.cause}",
            e.actor,
        )
        for e in await repo.events(receivable_id)
    ]
    documents = await repo.documents(receivable_id)
    entries += [
        AuditEntry(
            d.created_at,
            d.issued_on,
            "dokument",
            f"{document_label(d.kind)} nr {d.number}"
            + (
                f", doręczono {pl_date(d.delivered_on)}"
                if d.delivered_on and not d.delivery_recorded_by
                else ""
            ),
            d.created_by or "—",
        )
        for d in documents
    ]
    entries += [
        AuditEntry(
            d.delivery_recorded_at,
            d.delivered_on,
            "doręczenie",
            f"{document_label(d.kind)} nr {d.number} doręczono {pl_date(d.delivered_on)} "
            "(potwierdzenie odbioru)",
            d.delivery_recorded_by,
        )
        for d in documents
        if d.delivered_on and d.delivery_recorded_by
    ]
    entries += [
        AuditEntry(
            p.created_at,
            p.paid_on,
            "wpłata",
            pl_amount(p.amount) + (f", tytułem {p.reference}" if p.reference else ""),
            p.created_by or "—",
        )
        for p in await repo.payments(receivable_id)
    ]
    entries += [
        AuditEntry(
            w.created_at,
            w.decided_on,
            "umorzenie",
            f"{'w całości' if w.full else 'części'} {pl_amount(w.amount)}, "
            f"decyzja {w.decision_ref}",
            w.created_by or "—",
        )
        for w in await repo.write_offs(receivable_id)
    ]
    names = {a.code: a.name for a, _communes in await authorities.listing(session)}
    entries += [
        AuditEntry(
            c.created_at,
            c.created_at.date(),
            "zmiana danych",
            f"{c.field}: {_value(c.field, c.old, names)} → {_value(c.field, c.new, names)} "
            f"({c.reason})",
            c.actor,
        )
        for c in await repo.changes(receivable_id)
    ]
    return sorted(entries, key=_order)


def _value(field: str, value: str | None, names: dict[str, str]) -> str:
    """An authority by its name, not its code "UM" (issue 19 item 4)."""
    if field == "organ":
        return names.get(value, value) if value else "organ właściwy"
    return value or "—"


def state_label(code: str | None) -> str:
    return STATE_LABELS.get(code or "", code or "—")


def document_label(kind: str) -> str:
    return DOCUMENT_LABELS.get(kind, kind)


def _order(entry: AuditEntry) -> tuple[str, date]:
    # SQLite returns naive timestamps, PostgreSQL aware ones: compare their text (both UTC).
    stamp = entry.recorded_at.replace(tzinfo=None).isoformat() if entry.recorded_at else ""
    return stamp, entry.on
