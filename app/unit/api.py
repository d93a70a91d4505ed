from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter

from app.auth.deps import Admin, Reader, SessionDep
from app.errors import PROBLEM
from app.unit import authorities
from app.unit import service as unit_service
from app.unit.schemas import AuthorityCreate, AuthorityRead, AuthorityUpdate, UnitRead, UnitUpdate

router = APIRouter(prefix="/api/v1", tags=["unit"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 422)}


@router.get("/unit", responses=_ERR)  # type: ignore[arg-type]
async def get_unit(session: SessionDep, _user: Reader) -> UnitRead:
    """The unit's data: the creditor on every letter and title."""
    return UnitRead.of(await unit_service.require(session))


@router.put("/unit", responses=_ERR)  # type: ignore[arg-type]
async def put_unit(body: UnitUpdate, session: SessionDep, user: Admin) -> UnitRead:
    """Save the unit's data (NIP, REGON and bank accounts checked; the commune from TERYT)."""
    unit = await unit_service.update(session, body, user.username, datetime.now(UTC))
    return UnitRead.of(unit)


async def _read(session: SessionDep, code: str) -> AuthorityRead:
    authority = await authorities.get(session, code)
    return AuthorityRead.of(authority, await authorities.territory(session, code))


@router.get("/authorities", responses=_ERR)  # type: ignore[arg-type]
async def list_authorities(session: SessionDep, _user: Reader) -> list[AuthorityRead]:
    """The enforcement authorities, the default one first, each with its communes."""
    return [AuthorityRead.of(a, c) for a, c in await authorities.listing(session)]


@router.post("/authorities", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def create_authority(
    body: AuthorityCreate, session: SessionDep, _user: Admin
) -> AuthorityRead:
    """Add an enforcement authority with its territory (communes as TERC codes)."""
    authority = await authorities.create(session, body)
    return await _read(session, authority.code)


@router.get("/authorities/{code}", responses=_ERR)  # type: ignore[arg-type]
async def get_authority(code: str, session: SessionDep, _user: Reader) -> AuthorityRead:
    """One enforcement authority."""
    return await _read(session, code)


@router.put("/authorities/{code}", responses=_ERR)  # type: ignore[arg-type]
async def put_authority(
    code: str, body: AuthorityUpdate, session: SessionDep, _user: Admin
) -> AuthorityRead:
    """Change an authority's data, territory or default flag (its code stays)."""
    await authorities.update(session, code, body)
    return await _read(session, code)
