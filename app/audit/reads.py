"""Who read which debtor's personal data, and when (issue 15 item 12; KRI §20 ust. 2 pkt 22,
RODO art. 32): a route that shows or prints a debtor's data declares `dependencies=[audited("…")]`.
The record goes into the request's transaction: a request that fails (404, a refusal) is rolled
back with it, so only what was actually shown is recorded."""

from __future__ import annotations

from typing import Any

from fastapi import Depends, Request

from app.audit import service
from app.audit.repository import SubjectRepository
from app.auth.deps import Authenticated, SessionDep, who


def audited(what: str) -> Any:
    """`what` says, in Polish, what was shown: "karta zobowiązanego", "PDF dokumentu" …"""

    async def record(request: Request, session: SessionDep, user: Authenticated) -> None:
        debtors = await SubjectRepository(session).debtors_of(request.path_params)
        subject = request.url.path
        if debtors:
            await service.record_reads(session, who(request, user), what, debtors, subject)
        else:  # a list or an export of many: who took it, and when
            await service.record(session, who(request, user), service.DATA_READ, subject, co=what)

    return Depends(record)
