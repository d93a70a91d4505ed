"""Reminders for the receivables a specialist ticked on the list (issue 19 item 2): each in its
own savepoint, so one that cannot have a reminder is named with the reason and the others are
issued. Unlike the day's batch (app.documents.batch), the specialist chose these: the amounts
the creditor need not pursue yet (u.p.e.a. art. 6 § 1) are issued too, since that article frees
the creditor from the duty and does not forbid the reminder."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.lifecycle import Action, State
from app.domain.parameters import MissingParameter
from app.errors import AppError
from app.models import Document
from app.receivables import actions, service

MAX_SELECTED = 500


@dataclass
class Reminded:
    issued: list[Document] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)


async def record_due(
    session: AsyncSession, receivable_id: int, issued_on: date, actor: str
) -> None:
    """A receivable still "wystawiona" whose payment term has passed is wymagalna from the day
    after the term (seed 003 §3.1): the night's sweep would say so; the reminder cannot wait."""
    receivable = await service.load(session, receivable_id, for_update=True)
    term = receivable.payment_term_ends_on
    if receivable.state == State.WYSTAWIONA and term is not None and term < issued_on:
        await service.move(
            session,
            receivable,
            Action.TERMIN_UPLYNAL,
            on=term + timedelta(days=1),
            cause="upływ terminu płatności",
            actor=actor,
        )


async def remind(
    session: AsyncSession, ids: list[int], issued_on: date, actor: str, today: date
) -> Reminded:
    out = Reminded()
    for rid in ids[:MAX_SELECTED]:
        try:
            async with session.begin_nested():
                await record_due(session, rid, issued_on, actor)
                out.issued.append(
                    await actions.issue_reminder(session, rid, issued_on, actor, today)
                )
        except AppError as exc:
            out.refused.append((rid, exc.detail))
        except MissingParameter as exc:
            out.refused.append((rid, str(exc)))
    return out
