"""Issue 22 item 6: the timeliness report over the API (u.f.p. art. 42 ust. 5; u.o.n.d.f.p.
art. 5 ust. 1 pkt 2). Thin: the figures are in service.py."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from app.audit.reads import audited
from app.auth.deps import Reader, SessionDep
from app.deps import TodayDep
from app.domain.money import format_amount
from app.errors import PROBLEM, Invalid
from app.timeliness import service

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])
_ERR: dict[int | str, dict[str, Any]] = {c: {"content": {PROBLEM: {}}} for c in (401, 403, 422)}
From = Annotated[date, Query(alias="from", description="pierwszy dzień okresu")]
To = Annotated[date, Query(alias="to", description="ostatni dzień okresu")]


def _period(start: date, end: date) -> None:
    if start > end:
        raise Invalid("Początek okresu po jego końcu", field="from")


@router.get("/timeliness", responses=_ERR, dependencies=[audited("terminowość czynności")])
async def timeliness(
    session: SessionDep, _user: Reader, today: TodayDep, start: From, end: To
) -> dict[str, Any]:
    """Per step of seed 003, specialist and month: the number of steps and their lag in days
    against the instruction's deadline; the steps overdue and not taken (as of `to`, at most
    today); every time-barred receivable (as of `to`) with its last
    action and who took it."""
    _period(start, end)
    groups = await service.summary(session, start, end)
    barred = await service.time_barred(session, min(end, today))
    waiting = await service.pending(session, min(end, today))
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "groups": [
            {
                "step": g.step,
                "actor": g.actor,
                "month": g.month,
                "count": g.count,
                "average_lag_days": str(g.average_lag),
                "max_lag_days": g.max_lag,
            }
            for g in groups
        ],
        "pending": [
            {
                "step": p.step,
                "receivable_id": p.receivable_id,
                "deadline_from": p.reference_on.isoformat(),
                "lag_days": p.lag,
            }
            for p in waiting
        ],
        "time_barred": [
            {
                "receivable_id": b.receivable_id,
                "reference": b.reference,
                "kind": b.kind_code,
                "principal": format_amount(b.principal),
                "time_barred_from": b.time_barred_from.isoformat() if b.time_barred_from else None,
                "last_action": b.last_action,
                "last_action_on": b.last_action_on.isoformat() if b.last_action_on else None,
                "actor": b.actor,
                "cause": b.cause,
            }
            for b in barred
        ],
    }


@router.get(
    "/timeliness.csv",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("terminowość czynności (CSV)")],
)
async def timeliness_csv(session: SessionDep, _user: Reader, start: From, end: To) -> Response:
    """Every step of the period with its lag, one per line (CSV, ';', UTF-8)."""
    _period(start, end)
    content = service.steps_csv(await service.steps(session, start, end))
    name = f"terminowosc-{start.isoformat()}-{end.isoformat()}.csv"
    return Response(
        content,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
