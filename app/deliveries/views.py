"""What the receivable card shows of the deliveries: per document, every recorded delivery with
its way, its effective day and basis, and the link to the receipt's scan."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.deliveries.repository import DeliveryRepository
from app.domain.delivery import METHOD_LABELS, SUBSTITUTE_LABELS, Method, Substitute
from app.models import Delivery, StoredFile


@dataclass(frozen=True)
class DeliveryLine:
    delivery: Delivery
    label: str
    scan: StoredFile | None

    @property
    def effective_on(self) -> date | None:
        return self.delivery.effective_on


def label(d: Delivery) -> str:
    text = METHOD_LABELS[Method(d.method)]
    if d.substitute:
        text += f": {SUBSTITUTE_LABELS[Substitute(d.substitute)]}"
    return text


async def of_card(session: AsyncSession, document_ids: list[int]) -> dict[int, list[DeliveryLine]]:
    repo = DeliveryRepository(session)
    rows = await repo.of_documents(document_ids)
    scans = await repo.scans([d.scan_file_id for d in rows if d.scan_file_id])
    out: dict[int, list[DeliveryLine]] = defaultdict(list)
    for d in rows:
        out[d.document_id].append(DeliveryLine(d, label(d), scans.get(d.scan_file_id or 0)))
    return dict(out)
