from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Path, Response

from app.audit.reads import audited
from app.auth.deps import Reader, SessionDep
from app.documents import printing
from app.errors import PROBLEM

router = APIRouter(prefix="/api/v1/reports/year-end", tags=["reports"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 422)}
_TYPES = {"pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}
Year = Path(ge=2000, le=2100)


def _file(content: bytes, name: str, fmt: str) -> Response:
    return Response(
        content,
        media_type=_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get(
    "/{year}/time-barred.{fmt}",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("wykaz przedawnionych (eksport)")],
)  # type: ignore[arg-type]
async def time_barred(
    session: SessionDep,
    _user: Reader,
    fmt: Literal["pdf", "csv"],
    year: int = Year,
) -> Response:
    """Time-barred receivables to write off at year end (seed 003 §5.3), as PDF or CSV."""
    content, name = await printing.year_end_file(session, "time-barred", year, fmt)
    return _file(content, name, fmt)


@router.get(
    "/{year}/alimony.{fmt}",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("wykaz umorzeń alimentacyjnych (eksport)")],
)  # type: ignore[arg-type]
async def alimony(
    session: SessionDep,
    _user: Reader,
    fmt: Literal["pdf", "csv"],
    year: int = Year,
) -> Response:
    """Alimony write-offs decided in a year (art. 30 u.p.o.u.a.), as PDF or CSV."""
    content, name = await printing.year_end_file(session, "alimony", year, fmt)
    return _file(content, name, fmt)
