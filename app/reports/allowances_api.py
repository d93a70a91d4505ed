"""Issue 22 item 6: the proposed year-end write-down allowances over the API (ustawa
o rachunkowości art. 35b ust. 1); amounts as strings "123.45"."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from app.audit.reads import audited
from app.auth.deps import Reader, SessionDep
from app.domain.money import format_amount
from app.errors import PROBLEM
from app.reports import allowances, exports

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])
_ERR: dict[int | str, dict[str, Any]] = {c: {"content": {PROBLEM: {}}} for c in (401, 403, 422)}
AsOf = Annotated[date, Query(description="dzień bilansowy (RRRR-MM-DD), zwykle 31 grudnia")]


@router.get(
    "/write-down-allowances",
    responses=_ERR,
    dependencies=[audited("odpisy aktualizujące")],
)
async def write_down_allowances(session: SessionDep, _user: Reader, as_of: AsOf) -> dict[str, Any]:
    """The allowances the unit's rules propose on `as_of`, per receivable, with their basis."""
    found = await allowances.proposed(session, as_of)
    return {
        "as_of": as_of.isoformat(),
        "rules": [
            {
                "code": row.code,
                "label": label,
                "value": row.value,
                "valid_from": row.valid_from.isoformat(),
                "source": row.source,
            }
            for label, row in found.parameters
        ],
        "rows": [
            {
                "receivable_id": x.receivable_id,
                "reference": x.reference,
                "kind": x.kind_code,
                "term": x.term.isoformat() if x.term else None,
                "principal": format_amount(x.principal),
                "basis": x.basis,
                "percent": x.percent,
                "amount": format_amount(x.amount),
            }
            for x in found.lines
        ],
        "principal": format_amount(found.principal),
        "total": format_amount(found.total),
    }


@router.get(
    "/write-down-allowances.{fmt}",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("odpisy aktualizujące (wydruk)")],
)
async def write_down_allowances_file(
    session: SessionDep, _user: Reader, fmt: Literal["pdf", "xlsx"], as_of: AsOf
) -> Response:
    content, name, media = await allowances.file(session, as_of, fmt)
    return exports.attachment(content, name, media)
