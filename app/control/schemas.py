"""Issue 22 item 6: proposals under the chief accountant's control, over the API."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import Field

from app.alimony.schemas import WriteOffCreate as AlimonyWriteOffCreate
from app.corrections.schemas import AmendmentCreate, AnnulmentCreate, ReversalCreate
from app.domain.control import Kind
from app.receivables.schemas import InstalmentPlanCreate, WriteOffCreate
from app.schemas import Schema

# The body each kind's operation takes, as its direct route takes it.
BODIES: dict[Kind, type[Schema]] = {
    Kind.UMORZENIE: WriteOffCreate,
    Kind.UMORZENIE_ALIMENTY: AlimonyWriteOffCreate,
    Kind.RATY: InstalmentPlanCreate,
    Kind.STORNO: ReversalCreate,
    Kind.ZMIANA: AmendmentCreate,
    Kind.UCHYLENIE: AnnulmentCreate,
}


class ProposalCreate(Schema):
    kind: Kind
    receivable_id: int | None = Field(default=None, description="dla storna: z wpłaty")
    payment_id: int | None = Field(default=None, description="tylko storno: która wpłata")
    debtor_id: int | None = Field(
        default=None, description="tylko umorzenie_art30: dłużnik alimentacyjny"
    )
    justification: str = Field(default="", max_length=500, description="uzasadnienie wniosku")
    data: dict[str, Any] = Field(
        description="treść operacji jak w bezpośredniej ścieżce, np. dla umorzenia "
        '{"decided_on": "2026-12-01", "decision_ref": "FN.1/2026", "full": true}'
    )


class ReasonIn(Schema):
    reason: str = Field(min_length=3, max_length=500)


class DecisionIn(Schema):
    approve: bool
    reason: str = Field(default="", max_length=500)


class ProposalRead(Schema):
    id: int
    kind: Kind
    kind_label: str
    state: str
    state_label: str
    receivable_id: int
    payment_id: int | None
    data: dict[str, Any]
    justification: str
    proposed_by: str
    proposed_on: date
    countersigned_by: str | None
    countersigned_on: date | None
    decided_by: str | None
    decided_on: date | None
    returned_reason: str | None
    effected_on: date | None
    manager_decides: bool
