"""Correct or reverse an alimony entry (a payout, a recovery, an award, an enforcement), with a
reason kept in the card's history of corrections, and record that an enforcement ended (issue 19
item 3). Every change goes through the same recomputation as a new entry: a payout's change
moves the fund receivable's principal, a recovery's change allocates every recovery from the
earlier of the two days again (art. 28 u.p.o.u.a.); the history and the balance are read from
the facts, so they follow by themselves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import service
from app.alimony.forms import CLAIM_LABELS, SOURCE_LABELS
from app.alimony.repository import FUND_KIND, AlimonyRepository
from app.domain.alimony import ClaimType, RecoverySource
from app.domain.lifecycle import CLOSED_STATES, State
from app.errors import Conflict, Invalid, NotFound
from app.models import (
    AlimonyAllocation,
    AlimonyAward,
    AlimonyCorrection,
    AlimonyEnforcement,
    AlimonyPayout,
    AlimonyRecovery,
    Receivable,
)
from app.web.templating import pl_date, state_label, zl

ENTRY_LABELS = {
    "wyplata": "wypłata świadczenia",
    "wyegzekwowane": "kwota wyegzekwowana",
    "zasadzone": "zasądzone alimenty",
    "egzekucja": "egzekucja",
}
ACTION_LABELS = {"korekta": "korekta", "storno": "wycofanie", "zakonczenie": "zakończenie"}
_MODELS: dict[str, type[AlimonyPayout | AlimonyRecovery | AlimonyAward | AlimonyEnforcement]] = {
    "wyplata": AlimonyPayout,
    "wyegzekwowane": AlimonyRecovery,
    "zasadzone": AlimonyAward,
    "egzekucja": AlimonyEnforcement,
}


@dataclass(frozen=True)
class Change:
    """What the form asks: the new values (absent on a reversal) and the reason."""

    reason: str
    on: date | None = None  # paid_on / received_on / valid_from / started_on
    amount: int | None = None
    authority: str | None = None
    case_ref: str | None = None


def describe(row: object) -> str:
    """The entry in words, as the history of corrections keeps it."""
    if isinstance(row, AlimonyPayout):
        claim = CLAIM_LABELS.get(ClaimType(row.claim), row.claim)
        return f"wypłata z dnia {pl_date(row.paid_on)}: {zl(row.amount)} ({claim})"
    if isinstance(row, AlimonyRecovery):
        source = SOURCE_LABELS.get(RecoverySource(row.source), row.source)
        return f"wyegzekwowano {pl_date(row.received_on)}: {zl(row.amount)} ({source})"
    if isinstance(row, AlimonyAward):
        who = f" dla {row.entitled_name}" if row.entitled_name else ""
        return f"alimenty{who} od {pl_date(row.valid_from)}: {zl(row.monthly_amount)} miesięcznie"
    assert isinstance(row, AlimonyEnforcement)
    ref = f", sygn. {row.case_ref}" if row.case_ref else ""
    end = f" do {pl_date(row.ended_on)}" if row.ended_on else ""
    return f"egzekucja: {row.authority}{ref}, od {pl_date(row.started_on)}{end}"


async def _entry(session: AsyncSession, debtor_id: int, entry: str, entry_id: int) -> object:
    model = _MODELS.get(entry)
    row: Any = await session.get(model, entry_id) if model else None
    if row is None or row.debtor_id != debtor_id:
        raise NotFound(f"Nie ma takiego wpisu ({ENTRY_LABELS.get(entry, entry)} nr {entry_id})")
    return row


async def _record(
    session: AsyncSession, debtor_id: int, entry: str, entry_id: int, action: str,
    before: str, after: str | None, reason: str, actor: str, today: date,
) -> AlimonyCorrection:  # fmt: skip
    row = AlimonyCorrection(
        debtor_id=debtor_id, entry=entry, entry_id=entry_id, action=action, recorded_on=today,
        reason=reason, before=before, after=after, created_by=actor,
    )  # fmt: skip
    session.add(row)
    await session.flush()
    return row


async def _closed_fund_since(session: AsyncSession, debtor_id: int, day: date) -> date | None:
    """The day the debtor's fund receivable was closed as paid, if on or after `day`: the
    recoveries before it settled it, and a closed receivable is not reopened here."""
    closed = await session.scalar(
        select(func.max(Receivable.closed_on)).where(
            Receivable.debtor_id == debtor_id,
            Receivable.kind_code == FUND_KIND,
            Receivable.state == State.ZAPLACONA,
            Receivable.closed_on >= day,
        )
    )
    return closed


async def _guard_recovery(session: AsyncSession, debtor_id: int, day: date) -> None:
    closed = await _closed_fund_since(session, debtor_id, day)
    if closed is not None:
        raise Conflict(
            f"Należność funduszu zamknięto jako spłaconą {pl_date(closed)}: kwot wyegzekwowanych"
            " do tego dnia nie poprawia się w systemie. Zapisz nową kwotę albo zwróć się do"
            " administratora."
        )


async def _guard_write_off(session: AsyncSession, debtor_id: int, day: date) -> None:
    """An art. 30 write-off decided on or after the entry's day rests on the facts as they were:
    they are not changed under it (a decision is changed by a decision, not by a correction)."""
    decided = [
        w.decided_on
        for w, _aw in await AlimonyRepository(session).write_offs([debtor_id])
        if w.decided_on >= day
    ]
    if decided:
        raise Conflict(
            f"Po tym wpisie wydano decyzję o umorzeniu (art. 30) z dnia {pl_date(max(decided))}:"
            " wpisów, na których się opiera, nie poprawia się w systemie"
        )


async def _payout(
    session: AsyncSession, row: AlimonyPayout, change: Change | None, today: date
) -> None:
    receivable = await session.get(Receivable, row.receivable_id, with_for_update=True)
    assert receivable is not None
    if receivable.state in CLOSED_STATES:
        raise Conflict(
            f"Należność funduszu z tą wypłatą jest zamknięta ({state_label(receivable.state)}): "
            "wypłat do niej nie poprawia się"
        )
    first_day = row.paid_on
    if change is None:
        others = await session.scalar(
            select(func.count()).where(
                AlimonyPayout.receivable_id == row.receivable_id, AlimonyPayout.id != row.id
            )
        )
        if not others:
            raise Conflict(
                "To jedyna wypłata należności funduszu: popraw jej kwotę lub datę zamiast ją"
                " wycofywać"
            )
        receivable.principal -= row.amount
        await session.delete(row)
    else:
        assert change.on is not None
        assert change.amount is not None
        service.not_in_future(change.on, today, "on")
        receivable.principal += change.amount - row.amount
        first_day = min(first_day, change.on)
        row.paid_on, row.amount = change.on, change.amount
    await session.flush()
    days = list(
        await session.scalars(
            select(AlimonyPayout.paid_on).where(AlimonyPayout.receivable_id == receivable.id)
        )
    )
    receivable.issued_on = receivable.period_from = min(days)
    receivable.period_to = max(days)
    await service.reallocate(session, row.debtor_id, from_day=first_day)


async def _recovery(
    session: AsyncSession, row: AlimonyRecovery, change: Change | None, actor: str, today: date
) -> None:
    first_day = (
        row.received_on if change is None or change.on is None else min(row.received_on, change.on)
    )
    await _guard_recovery(session, row.debtor_id, first_day)
    debtor_id = row.debtor_id
    if change is None:
        await session.execute(
            delete(AlimonyAllocation).where(AlimonyAllocation.recovery_id == row.id)
        )
        await session.delete(row)
    else:
        assert change.on is not None
        assert change.amount is not None
        service.not_in_future(change.on, today, "on")
        row.received_on, row.amount = change.on, change.amount
    await session.flush()
    await service.reallocate(session, debtor_id, from_day=first_day)
    if change is not None:
        await service.close_when_paid(session, debtor_id, change.on or first_day, actor)


async def _award(session: AsyncSession, row: AlimonyAward, change: Change | None) -> None:
    if change is None:
        await session.delete(row)
    else:
        assert change.on is not None
        assert change.amount is not None
        if change.on != row.valid_from and await AlimonyRepository(session).award_exists(
            row.debtor_id, row.entitled_name, change.on
        ):
            raise Conflict(
                f"Alimenty od {pl_date(change.on)} dla tej osoby są już zapisane", field="on"
            )
        row.valid_from, row.monthly_amount = change.on, change.amount
    await session.flush()


async def _enforcement(
    session: AsyncSession, row: AlimonyEnforcement, change: Change | None, today: date
) -> None:
    if change is None:
        await session.delete(row)
    else:
        assert change.on is not None
        assert change.authority
        service.not_in_future(change.on, today, "on")
        if row.ended_on is not None and row.ended_on < change.on:
            raise Invalid("Wszczęcie egzekucji późniejsze niż jej zakończenie", field="on")
        row.authority, row.case_ref, row.started_on = change.authority, change.case_ref, change.on
    await session.flush()


def _day_of(row: object) -> date:
    if isinstance(row, AlimonyPayout):
        return row.paid_on
    if isinstance(row, AlimonyRecovery):
        return row.received_on
    assert isinstance(row, AlimonyAward)
    return row.valid_from


async def amend(
    session: AsyncSession,
    debtor_id: int,
    entry: str,
    entry_id: int,
    change: Change | None,
    reason: str,
    actor: str,
    today: date,
) -> AlimonyCorrection:
    """Correct the entry (`change`) or reverse it (`change` None), and keep the reason."""
    await service.debtor_or_404(session, debtor_id)
    row = await _entry(session, debtor_id, entry, entry_id)
    before = describe(row)
    if not isinstance(row, AlimonyEnforcement):
        days = [_day_of(row)] + ([change.on] if change is not None and change.on else [])
        await _guard_write_off(session, debtor_id, min(days))
    if isinstance(row, AlimonyPayout):
        await _payout(session, row, change, today)
    elif isinstance(row, AlimonyRecovery):
        await _recovery(session, row, change, actor, today)
    elif isinstance(row, AlimonyAward):
        await _award(session, row, change)
    else:
        assert isinstance(row, AlimonyEnforcement)
        await _enforcement(session, row, change, today)
    after = None if change is None else describe(row)
    if after == before:
        raise Invalid("Nic nie zmieniono: popraw kwotę, datę lub inne dane wpisu", field="on")
    action = "storno" if change is None else "korekta"
    return await _record(
        session, debtor_id, entry, entry_id, action, before, after, reason, actor, today
    )


async def end_enforcement(
    session: AsyncSession, debtor_id: int, enforcement_id: int, ended_on: date, reason: str,
    actor: str, today: date,
) -> AlimonyCorrection:  # fmt: skip
    """Record that an enforcement ended (the KRZ list stops counting it from that day)."""
    row = await _entry(session, debtor_id, "egzekucja", enforcement_id)
    assert isinstance(row, AlimonyEnforcement)
    before = describe(row)
    await service.end_enforcement(session, debtor_id, enforcement_id, ended_on, today)
    return await _record(
        session, debtor_id, "egzekucja", enforcement_id, "zakonczenie", before,
        describe(row), reason, actor, today,
    )  # fmt: skip


async def history(session: AsyncSession, debtor_id: int) -> list[AlimonyCorrection]:
    stmt = select(AlimonyCorrection).where(AlimonyCorrection.debtor_id == debtor_id)
    return list(await session.scalars(stmt.order_by(AlimonyCorrection.id.desc())))
