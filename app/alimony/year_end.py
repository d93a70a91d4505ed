"""The year's alimony write-offs for the chief accountant (art. 30 ust. 1 u.p.o.u.a.): every
decision recorded in the year, split as the books take it.

`year_end_write_off_list` is re-exported by app/alimony/service.py, where the year-end sweep and
letters/ look for it. Its rows are frozen dataclasses whose field names follow
letters.documents.AlimonyWriteOffRow, so the PDF/CSV list is built from them field by field."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony.repository import AlimonyRepository
from app.domain.money import Grosze, format_amount
from app.models import AlimonyWriteOff, Debtor, WriteOff

ACT = "u.p.o.u.a."
# art. 30 ust. 1 pkt 1–3: "przez okres 3 lat", "5 lat", "7 lat"
YEARS_OF_POINT = {1: 3, 2: 5, 3: 7}
_AMOUNTS = frozenset(
    {"base", "balance", "write_off", "fund_principal", "fund_interest", "advance_principal",
     "advance_interest"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class YearEndWriteOff(Mapping[str, object]):
    """One write-off decision. Amounts are grosze; by claim (art. 28 ust. 1 pkt 1 fund, pkt 2
    advances), principal and interest apart, adding up to write_off.

    It also reads as a JSON mapping (amounts "123.45", dates ISO), so a consumer that wants
    dicts (the year-end sweep's JSON answer) takes the rows as they are."""

    debtor_id: int
    debtor_name: str
    pesel: str | None
    receivable_id: int
    effective_from: date  # the continuous period of effective enforcement counted
    effective_to: date
    years: int  # 3 | 5 | 7
    percent: int  # 30 | 50 | 100: written off in total after this decision
    legal_basis: str
    decision_number: str
    decision_on: date
    base: Grosze  # fixed by the debtor's first art. 30 decision
    balance: Grosze  # owed before this decision
    write_off: Grosze  # written off by this decision
    fund_principal: Grosze
    fund_interest: Grosze
    advance_principal: Grosze
    advance_interest: Grosze

    def as_json(self) -> dict[str, object]:
        return {
            key: format_amount(value) if key in _AMOUNTS and isinstance(value, int)
            else value.isoformat() if isinstance(value, date) else value
            for key, value in asdict(self).items()
        }  # fmt: skip

    def __getitem__(self, key: str) -> object:
        return self.as_json()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.as_json())

    def __len__(self) -> int:
        return len(self.as_json())


async def year_end_write_off_list(
    session: AsyncSession, year: int, *, as_of: date | None = None
) -> list[YearEndWriteOff]:
    """Every art. 30 write-off decided from 1 January of `year` to 31 December (or to as_of,
    when the list is drawn before the year ends), in date order."""
    last = min(date(year, 12, 31), as_of) if as_of else date(year, 12, 31)
    rows = await AlimonyRepository(session).write_offs_decided_in(date(year, 1, 1), last)
    return [_row(w, aw, debtor) for w, aw, debtor in rows]


def _row(w: WriteOff, aw: AlimonyWriteOff, debtor: Debtor) -> YearEndWriteOff:
    return YearEndWriteOff(
        debtor_id=debtor.id,
        debtor_name=debtor.name,
        pesel=debtor.pesel,
        receivable_id=w.receivable_id,
        effective_from=aw.period_from,
        effective_to=aw.period_to,
        years=YEARS_OF_POINT[aw.point],
        percent=aw.step,
        legal_basis=f"art. 30 ust. 1 pkt {aw.point} i ust. 3 {ACT}",
        decision_number=w.decision_ref,
        decision_on=w.decided_on,
        base=aw.base,
        balance=aw.balance_before,
        write_off=w.amount,
        fund_principal=aw.fund_principal,
        fund_interest=aw.fund_interest,
        advance_principal=aw.advance_principal,
        advance_interest=aw.advance_interest,
    )
