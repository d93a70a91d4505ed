"""Every SQL statement of the dated parameters and the rate checks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.parameters import ParameterRow
from app.models import Parameter, RateCheck
from app.receivables.repository import PARAMETER_CACHE, ReceivableRepository

RATE_CODES = (
    "odsetki_za_zwloke",
    "odsetki_ustawowe_za_opoznienie",
    "nbp_stopa_referencyjna",
    "nbp_stopa_lombardowa",
)


class ParameterRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def rows(self) -> list[ParameterRow]:
        """All parameter rows (read once per session)."""
        return await ReceivableRepository(self.session).parameter_rows()

    async def add(self, rows: Iterable[Parameter]) -> None:
        self.session.add_all(list(rows))
        await self.session.flush()
        # The rows read for this session's computations are stale now.
        self.session.info.pop(PARAMETER_CACHE, None)

    async def latest_rate_rows(self, limit: int = 12) -> list[Parameter]:
        stmt = (
            select(Parameter)
            .where(Parameter.code.in_(RATE_CODES))
            .order_by(Parameter.valid_from.desc(), Parameter.code)
            .limit(limit)
        )
        return list(await self.session.scalars(stmt))

    async def latest_rate_day(self) -> date | None:
        """The newest valid_from of a rate row (a decision; a row for a future day counts)."""
        stmt = select(func.max(Parameter.valid_from)).where(Parameter.code.in_(RATE_CODES))
        return await self.session.scalar(stmt)

    async def add_check(self, checked_on: date, note: str, actor: str) -> RateCheck:
        check = RateCheck(checked_on=checked_on, note=note, created_by=actor)
        self.session.add(check)
        await self.session.flush()
        return check

    async def latest_check(self) -> RateCheck | None:
        stmt = select(RateCheck).order_by(RateCheck.checked_on.desc(), RateCheck.id.desc())
        return await self.session.scalar(stmt.limit(1))
