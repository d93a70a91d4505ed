"""Dated legal parameters (rates, fees, thresholds): read by all, a future row added by an admin
without a deployment (e.g. a new NBP rate announced for next month)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from pydantic import Field
from sqlalchemy import select

from app.auth.deps import Admin, Reader, SessionDep
from app.deps import TodayDep
from app.domain.money import AmountError, format_amount, parse_amount
from app.domain.parameters import ParameterCode
from app.errors import PROBLEM, Conflict, Invalid
from app.models import Parameter
from app.receivables.repository import PARAMETER_CACHE
from app.schemas import DateIn, Schema

router = APIRouter(prefix="/api/v1/parameters", tags=["parameters"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 409, 422)}
RATE_CODES = {
    ParameterCode.ODSETKI_ZA_ZWLOKE,
    ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    ParameterCode.NBP_STOPA_REFERENCYJNA,
    ParameterCode.NBP_STOPA_LOMBARDOWA,
}


class ParameterCreate(Schema):
    code: ParameterCode
    valid_from: DateIn
    value: str = Field(description='stawka w procentach ("11.50") albo kwota w złotych ("16.00")')
    source: str = Field(min_length=5, max_length=2000, description="podstawa prawna / ogłoszenie")


class ParameterRead(Schema):
    code: str
    valid_from: date
    value: str
    unit: str
    source: str


def _read(p: Parameter) -> ParameterRead:
    # Rates are stored in basis points and amounts in grosze: both print as "x.yy".
    return ParameterRead(
        code=p.code,
        valid_from=p.valid_from,
        value=format_amount(p.value),
        unit=p.unit,
        source=p.source,
    )


@router.get("", responses=_ERR)  # type: ignore[arg-type]
async def list_parameters(
    session: SessionDep, _user: Reader, code: str | None = None
) -> list[ParameterRead]:
    """Every dated parameter with its source."""
    stmt = select(Parameter).order_by(Parameter.code, Parameter.valid_from)
    if code:
        stmt = stmt.where(Parameter.code == code)
    return [_read(p) for p in await session.scalars(stmt)]


@router.post("", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def add_parameter(
    body: ParameterCreate, session: SessionDep, user: Admin, today: TodayDep
) -> ParameterRead:
    """Add a parameter row in force from a future date (history is never rewritten)."""
    if body.valid_from <= today:
        raise Invalid(
            "Nowy parametr może obowiązywać najwcześniej od jutra; historii się nie zmienia",
            field="valid_from",
        )
    try:
        value = parse_amount(body.value, allow_zero=True)
    except AmountError as exc:
        raise Invalid(str(exc), field="value") from exc
    exists = await session.scalar(
        select(Parameter).where(
            Parameter.code == body.code, Parameter.valid_from == body.valid_from
        )
    )
    if exists is not None:
        raise Conflict(f"Parametr {body.code} od {body.valid_from} już istnieje")
    row = Parameter(
        code=body.code,
        valid_from=body.valid_from,
        value=value,
        unit="bp" if body.code in RATE_CODES else "grosze",
        source=body.source,
        created_by=user.username,
    )
    session.add(row)
    await session.flush()
    session.info.pop(PARAMETER_CACHE, None)
    return _read(row)
