"""Dated legal parameters (rates, fees, thresholds): read by all, a future row added by an admin
without a deployment (e.g. a new NBP rate announced for next month)."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, UploadFile
from pydantic import Field
from sqlalchemy import select

from app.auth.deps import Admin, Reader, SessionDep, SettingsDep
from app.deps import TodayDep
from app.domain.money import AmountError, format_amount, parse_amount
from app.domain.parameters import ParameterCode
from app.errors import PROBLEM, Conflict, Invalid
from app.models import Parameter
from app.parameters import service
from app.parameters.nbp import MAX_BYTES
from app.receivables.repository import PARAMETER_CACHE
from app.schemas import DateIn, Schema

router = APIRouter(prefix="/api/v1/parameters", tags=["parameters"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 409, 422)}
RATE_CODES = {
    ParameterCode.ODSETKI_ZA_ZWLOKE,
    ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    ParameterCode.NBP_STOPA_REFERENCYJNA,
    ParameterCode.NBP_STOPA_LOMBARDOWA,
    # the formulas of app/domain/rates.py, also in basis points
    ParameterCode.ZWLOKA_MNOZNIK_LOMBARDOWEJ,
    ParameterCode.ZWLOKA_DODATEK,
    ParameterCode.ZWLOKA_MINIMUM,
    ParameterCode.OPOZNIENIE_DODATEK,
    ParameterCode.OPLATA_PROLONGACYJNA_UDZIAL,  # issue 20 item 3: 5000 bp = 50 %
}


class ParameterCreate(Schema):
    code: ParameterCode
    valid_from: DateIn
    value: str = Field(
        description='stawka w procentach ("11.50"), kwota w złotych ("16.00"), liczba miesięcy '
        'albo procent całkowity ("6", "50") — w jednostce parametru'
    )
    source: str = Field(min_length=5, max_length=2000, description="podstawa prawna / ogłoszenie")


class ParameterRead(Schema):
    code: str
    valid_from: date
    value: str = Field(description="w jednostce parametru: 11.50 (%), 16.00 (zł), 6 (miesięcy)")
    unit: str = Field(description="bp (stawka w %), grosze (kwota w zł), miesiace, procent")
    display: str = Field(description="wartość z jednostką, np. „6 miesięcy”, „16,00 zł”")
    source: str


def unit_of(code: str) -> str:
    if code in RATE_CODES:
        return "bp"
    if code.endswith("_miesiace"):
        return "miesiace"
    return "procent" if code.endswith("_procent") else "grosze"


def _months(n: int) -> str:
    # Polish plural: 1 miesiąc, 2–4 miesiące (but 12–14 miesięcy), otherwise miesięcy.
    if n == 1:
        return "1 miesiąc"
    few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
    return f"{n} {'miesiące' if few else 'miesięcy'}"


def shown(value: int, unit: str) -> tuple[str, str]:
    """A stored value in its unit (rates are kept in basis points, amounts in grosze, months and
    whole percents as they are): the value as the API gives it and as a person reads it."""
    if unit in ("miesiace", "procent"):
        return str(value), _months(value) if unit == "miesiace" else f"{value} %"
    text = format_amount(value)
    return text, f"{text.replace('.', ',')} {'%' if unit == 'bp' else 'zł'}"


def _read(p: Parameter) -> ParameterRead:
    value, display = shown(p.value, p.unit)
    return ParameterRead(
        code=p.code,
        valid_from=p.valid_from,
        value=value,
        unit=p.unit,
        display=display,
        source=p.source,
    )


def _parse(text: str, unit: str) -> int:
    if unit in ("miesiace", "procent"):
        if not text.isdigit() or len(text) > 4:
            raise Invalid("Podaj liczbę całkowitą, np. 6", field="value")
        return int(text)
    try:
        return parse_amount(text, allow_zero=True)
    except AmountError as exc:
        raise Invalid(str(exc), field="value") from exc


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
    unit = unit_of(body.code)
    value = _parse(body.value, unit)
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
        unit=unit,
        source=body.source,
        created_by=user.username,
    )
    session.add(row)
    await session.flush()
    session.info.pop(PARAMETER_CACHE, None)
    return _read(row)


class RateRowRead(Schema):
    code: str
    valid_from: date
    rate: str  # "14.50"
    basis: str


class RateConflictRead(Schema):
    code: str
    valid_from: date
    stored: str
    derived: str


class NbpImportRead(Schema):
    decisions: int
    latest_decision: date | None
    added: list[RateRowRead]
    conflicts: list[RateConflictRead]
    summary: str


class RateCheckCreate(Schema):
    checked_on: DateIn = Field(description="stopy sprawdzone na dzień (najpóźniej dziś)")
    note: str = Field(default="", max_length=500)


class FreshnessRead(Schema):
    latest_rate: date | None
    latest_check: date | None
    checked_by: str | None
    days: int
    stale: bool


@router.post("/nbp-archive", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def import_nbp_archive(
    file: UploadFile, session: SessionDep, user: Admin, today: TodayDep
) -> NbpImportRead:
    """Add the rate rows the NBP archive file implies and the table lacks (idempotent)."""
    content = await file.read(MAX_BYTES + 1)
    r = await service.import_archive(
        session, content, file.filename or "stopy_procentowe_archiwum.xml", user.username, today
    )
    return NbpImportRead(
        decisions=r.plan.decisions,
        latest_decision=r.plan.latest,
        added=[
            RateRowRead(
                code=a.code, valid_from=a.valid_from, rate=format_amount(a.value), basis=a.basis
            )
            for a in r.plan.added
        ],
        conflicts=[
            RateConflictRead(
                code=c.code,
                valid_from=c.valid_from,
                stored=format_amount(c.stored),
                derived=format_amount(c.derived),
            )
            for c in r.plan.conflicts
        ],
        summary=r.summary,
    )


@router.post("/checks", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def confirm_rates(
    body: RateCheckCreate,
    session: SessionDep,
    user: Admin,
    today: TodayDep,
    settings: SettingsDep,
) -> FreshnessRead:
    """Record "stopy sprawdzone na dzień …" (the table is current as of that day)."""
    await service.confirm_rates(session, body.checked_on, body.note, user.username, today)
    return await rates_freshness(session, user, today, settings)


@router.get("/freshness", responses=_ERR)  # type: ignore[arg-type]
async def rates_freshness(
    session: SessionDep, _user: Reader, today: TodayDep, settings: SettingsDep
) -> FreshnessRead:
    """Whether a rate row or a check is newer than the allowed number of days."""
    f = await service.freshness(session, today, settings.rates_check_days)
    return FreshnessRead(
        latest_rate=f.latest_rate,
        latest_check=f.latest_check,
        checked_by=f.checked_by,
        days=f.days,
        stale=f.stale,
    )
