from __future__ import annotations

from fastapi import APIRouter, Request

from app.auth.deps import Admin, Reader, SessionDep
from app.errors import PROBLEM
from app.kinds import openapi, service
from app.kinds.schemas import KindCreate, KindRead, KindUpdate

router = APIRouter(prefix="/api/v1/kinds", tags=["kinds"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def list_kinds(session: SessionDep, _user: Reader) -> list[KindRead]:
    """The kinds of receivables with their rules, bank account and budget classification."""
    return [KindRead.of(k, used) for k, used in await service.listing(session)]


@router.post("", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_kind(
    body: KindCreate, request: Request, session: SessionDep, _user: Admin
) -> KindRead:
    """Add a kind of receivable (e.g. opłata za pobyt w DPS) without a deployment."""
    kind = await service.create(session, body)
    openapi.refresh(request.app, await service.codes(session))
    return KindRead.of(kind, False)


@router.get("/{code}", responses=_ERR)  # type: ignore[arg-type]
async def get_kind(code: str, session: SessionDep, _user: Reader) -> KindRead:
    """One kind of receivable."""
    return KindRead.of(await service.get(session, code), await service.in_use(session, code))


@router.put("/{code}", responses=_ERR)  # type: ignore[arg-type]
async def put_kind(code: str, body: KindUpdate, session: SessionDep, _user: Admin) -> KindRead:
    """Change a kind (its rules only while it has no receivables: 409 otherwise)."""
    kind = await service.update(session, code, body)
    return KindRead.of(kind, await service.in_use(session, code))
