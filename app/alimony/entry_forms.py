"""The alimony card's entries with their correction forms (issue 19 item 3): each payout,
recovery, award and enforcement is listed with a form to correct it and one to reverse it
(a reason each), an enforcement under way with one to record its end; the failed form, if any,
shows the values as typed and its messages, the others the entry's current values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import corrections
from app.alimony.forms import (
    CORRECTION_FORMS,
    EnforcementEndForm,
    ReversalForm,
)
from app.alimony.repository import AlimonyRepository
from app.domain.money import format_amount
from app.models import AlimonyAward, AlimonyEnforcement, AlimonyPayout, AlimonyRecovery
from app.web.forms import FormState, blank_form


@dataclass(frozen=True)
class Entries:
    payouts: list[AlimonyPayout]
    recoveries: list[AlimonyRecovery]
    awards: list[AlimonyAward]
    enforcements: list[AlimonyEnforcement]


def _amount(grosze: int) -> str:
    return format_amount(grosze).replace(".", ",")


def _values(row: Any) -> dict[str, str]:
    if isinstance(row, AlimonyPayout):
        return {"on": row.paid_on.isoformat(), "amount": _amount(row.amount)}
    if isinstance(row, AlimonyRecovery):
        return {"on": row.received_on.isoformat(), "amount": _amount(row.amount)}
    if isinstance(row, AlimonyAward):
        return {"on": row.valid_from.isoformat(), "amount": _amount(row.monthly_amount)}
    return {
        "on": row.started_on.isoformat(),
        "authority": row.authority,
        "case_ref": row.case_ref or "",
    }


def form_name(action: str, entry: str, entry_id: int) -> str:
    """k-… a correction, s-… a reversal, z-… the end of an enforcement."""
    return f"{action}-{entry}-{entry_id}"


def _forms(entries: Entries, today: date) -> dict[str, FormState]:
    forms: dict[str, FormState] = {}
    rows: list[tuple[str, Any]] = [
        *(("wyplata", r) for r in entries.payouts),
        *(("wyegzekwowane", r) for r in entries.recoveries),
        *(("zasadzone", r) for r in entries.awards),
        *(("egzekucja", r) for r in entries.enforcements),
    ]
    for entry, row in rows:
        k = form_name("k", entry, row.id)
        forms[k] = blank_form(CORRECTION_FORMS[entry], k, **_values(row))
        s = form_name("s", entry, row.id)
        forms[s] = blank_form(ReversalForm, s)
        if isinstance(row, AlimonyEnforcement) and row.ended_on is None:
            z = form_name("z", entry, row.id)
            forms[z] = blank_form(EnforcementEndForm, z, ended_on=today.isoformat())
    return forms


async def context(
    session: AsyncSession, debtor_id: int, today: date, failed: FormState | None
) -> dict[str, Any]:
    """What the card's template needs for the entries, their forms and the corrections."""
    repo = AlimonyRepository(session)
    entries = Entries(
        await repo.payouts([debtor_id]),
        await repo.recoveries([debtor_id]),
        await repo.awards([debtor_id]),
        await repo.enforcements([debtor_id]),
    )
    forms = _forms(entries, today)
    if failed is not None and failed.name in forms:
        forms[failed.name] = failed
    return {
        "entries": entries,
        "corr": forms,
        "corrections": await corrections.history(session, debtor_id),
        "entry_labels": corrections.ENTRY_LABELS,
        "action_labels": corrections.ACTION_LABELS,
    }
