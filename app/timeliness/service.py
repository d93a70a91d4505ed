"""Issue 22 item 6: the timeliness report for the director and the RIO auditor. Failing to
collect a receivable or letting it prescribe is a breach of public-finance discipline (u.f.p.
art. 42 ust. 5: the unit collects its receivables "terminowo"; ustawa z 17.12.2004 o
odpowiedzialności za naruszenie dyscypliny finansów publicznych art. 5 ust. 1 pkt 2: "niepobranie
lub nieterminowe pobranie ... należności"... "dopuszczenie do przedawnienia"). For every step of
seed 003 the lag in days against the day the instruction's deadline counts from (repository.py),
per specialist (the document's author, who is the event's actor) and per month; and for every
time-barred receivable its last action before limitation and who took it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.lifecycle import ACTION_LABELS, Action
from app.timeliness.repository import TimelinessRepository

STEP_LABELS = {
    "upomnienie": "upomnienie (od terminu płatności)",
    "tytul_wykonawczy": "tytuł wykonawczy (od doręczenia upomnienia + 7 dni)",
    "zawiadomienie": "zawiadomienie organu (od zdarzenia)",
}


@dataclass(frozen=True)
class Group:
    step: str
    actor: str
    month: str
    count: int
    average_lag: Decimal  # days, to one decimal
    max_lag: int


@dataclass(frozen=True)
class StepRow:
    step: str
    receivable_id: int
    number: str
    reference_on: date | None
    done_on: date
    actor: str
    lag: int | None


@dataclass(frozen=True)
class Pending:
    step: str
    receivable_id: int
    reference_on: date
    lag: int  # days since the deadline, on the report's day


async def pending(session: AsyncSession, as_of: date) -> list[Pending]:
    return [Pending(**r) for r in await TimelinessRepository(session).pending(as_of)]


@dataclass(frozen=True)
class Barred:
    receivable_id: int
    reference: str | None
    kind_code: str
    principal: int
    time_barred_from: date | None
    last_action: str | None
    last_action_label: str | None
    last_action_on: date | None
    actor: str | None
    cause: str | None


async def summary(session: AsyncSession, date_from: date, date_to: date) -> list[Group]:
    rows = await TimelinessRepository(session).summary(date_from, date_to)
    return [
        Group(
            step=r["step"],
            actor=r["actor"],
            month=str(r["month"]),
            count=int(r["n"]),
            average_lag=(Decimal(int(r["lag_sum"])) / int(r["n"])).quantize(
                Decimal("0.1"), ROUND_HALF_UP
            ),
            max_lag=int(r["lag_max"]),
        )
        for r in rows
    ]


async def steps(session: AsyncSession, date_from: date, date_to: date) -> list[StepRow]:
    rows = await TimelinessRepository(session).steps(date_from, date_to)
    return [StepRow(**r) for r in rows]


def _label(action: str | None) -> str | None:
    if action is None:
        return None
    known = {a.value: a for a in Action}.get(action)
    return ACTION_LABELS[known] if known else action


async def time_barred(session: AsyncSession, as_of: date) -> list[Barred]:
    rows = await TimelinessRepository(session).time_barred(as_of)
    return [
        Barred(
            receivable_id=r["receivable_id"],
            reference=r["reference"],
            kind_code=r["kind_code"],
            principal=int(r["principal"]),
            time_barred_from=r["time_barred_from"],
            last_action=r["action"],
            last_action_label=_label(r["action"]),
            last_action_on=r["occurred_on"],
            actor=r["actor"],
            cause=r["cause"],
        )
        for r in rows
    ]


def steps_csv(rows: list[StepRow]) -> bytes:
    """One line per step; ';' separated, UTF-8 with BOM (a spreadsheet opens it in Polish)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(
        ["krok", "należność", "dokument", "termin liczony od", "wykonano", "pracownik"]
        + ["zwłoka (dni)"]
    )
    for r in rows:
        writer.writerow(
            [
                r.step,
                r.receivable_id,
                r.number,
                r.reference_on.isoformat() if r.reference_on else "",
                r.done_on.isoformat(),
                r.actor,
                "" if r.lag is None else r.lag,
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode()
