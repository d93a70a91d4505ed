from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.auth.deps import Reader, SessionDep
from app.errors import PROBLEM, NotFound
from app.teryt import service
from app.teryt.schemas import CommuneRead, RegisterRead

router = APIRouter(prefix="/api/v1/teryt", tags=["teryt"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 422)}


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def registers(session: SessionDep, _user: Reader) -> list[RegisterRead]:
    """The TERYT catalogues loaded (TERC, SIMC), each with the day it is as of."""
    return [RegisterRead.of(r) for r in await service.registers(session)]


@router.get("/communes", responses=_ERR)  # type: ignore[arg-type]
async def search_communes(
    session: SessionDep,
    _user: Reader,
    q: Annotated[str, Query(max_length=100, description="początek nazwy gminy, np. Włoc")],
) -> list[CommuneRead]:
    """Communes whose name starts with q, with their county and voivodeship (autocomplete)."""
    return [CommuneRead.of(c) for c in await service.search(session, q)]


@router.get("/communes/{code}", responses=_ERR)  # type: ignore[arg-type]
async def get_commune(code: str, session: SessionDep, _user: Reader) -> CommuneRead:
    """One commune by its TERC code (7 digits)."""
    found = await service.commune(session, code)
    if found is None:
        raise NotFound(f"Nie ma gminy o kodzie TERC {code!r}")
    return CommuneRead.of(found)
