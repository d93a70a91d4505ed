from __future__ import annotations

from fastapi import APIRouter

from app.audit.reads import audited
from app.auth.deps import Collector, Reader, SessionDep
from app.debtors import service
from app.debtors.schemas import (
    DebtorChangeRead,
    DebtorCreate,
    DebtorListItem,
    DebtorRead,
    DebtorUpdate,
)
from app.deps import TodayDep
from app.errors import PROBLEM

router = APIRouter(prefix="/api/v1/debtors", tags=["debtors"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 422)}


@router.post("", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_debtor(
    body: DebtorCreate, session: SessionDep, user: Collector, today: TodayDep
) -> DebtorRead:
    """Register a debtor (PESEL, NIP, REGON checked)."""
    return DebtorRead.of(await service.create(session, body, user.username, today))


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def search_debtors(session: SessionDep, _user: Reader, q: str = "") -> list[DebtorListItem]:
    """Search debtors by name, PESEL or NIP (PESEL masked in the list)."""
    return [DebtorListItem.of(d) for d in await service.search(session, q)]


@router.get("/{debtor_id}", responses=_ERR, dependencies=[audited("karta zobowiązanego (API)")])  # type: ignore[arg-type]
async def get_debtor(debtor_id: int, session: SessionDep, _user: Reader) -> DebtorRead:
    """One debtor."""
    return DebtorRead.of(await service.get(session, debtor_id))


@router.put("/{debtor_id}", responses=_ERR)  # type: ignore[arg-type]
async def update_debtor(
    debtor_id: int, body: DebtorUpdate, session: SessionDep, user: Collector, today: TodayDep
) -> DebtorRead:
    """Edit a debtor; the changed fields go to the debtor's audit trail (ade, ade_checked_on and
    deceased_on keep their value when left out)."""
    return DebtorRead.of(await service.update(session, debtor_id, body, user.username, today))


@router.get(
    "/{debtor_id}/changes", responses=_ERR, dependencies=[audited("historia zmian danych (API)")]
)  # type: ignore[arg-type]
async def get_debtor_changes(
    debtor_id: int, session: SessionDep, _user: Reader
) -> list[DebtorChangeRead]:
    """Who added or changed the debtor's data, when, and which fields (old and new value)."""
    return [DebtorChangeRead.of(c) for c in await service.changes(session, debtor_id)]
