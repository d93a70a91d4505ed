"""Issue 20: the title after its issue: the creditor's withdrawal (with a notice to the
enforcement authority) and the authority's own acts on it: suspension (zawieszenie, u.p.e.a.
art. 56), resumption (podjęcie, art. 57) and the end of the proceedings (umorzenie postępowania
egzekucyjnego, art. 59; as uncollectable under art. 59 §2 it goes to the folder of the
uncollectable, seed 003 §2.3 f)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.corrections.repository import CorrectionRepository
from app.corrections.schemas import EnforcementActCreate, WithdrawalCreate
from app.corrections.service import apply
from app.domain import lifecycle
from app.domain.lifecycle import Action, State
from app.errors import Conflict, Invalid
from app.models import Document, EnforcementReport, Receivable
from app.polish import pl_date
from app.receivables import service as receivable_service
from app.titles import service as title_service
from app.titles.repository import TitleRepository

ACTS = {
    "zawieszenie": Action.ZAWIESZENIE_EGZEKUCJI,
    "podjecie": Action.PODJECIE_EGZEKUCJI,
    "umorzenie": Action.UMORZENIE_EGZEKUCJI,
}
# The kind of the enforcement_report row each act leaves in the title register.
REPORTS = {
    "zawieszenie": "zawieszenie",
    "podjecie": "podjecie",
    "umorzenie": "umorzenie_postepowania",
}


async def _title_and_receivable(
    session: AsyncSession, document_id: int, on: date, today: date, field: str
) -> tuple[Document, Receivable]:
    title = await title_service.title_document(session, document_id)
    receivable = await receivable_service.load(session, title.receivable_id, for_update=True)
    latest = await TitleRepository(session).latest_title(receivable.id)
    if latest is None or latest.id != title.id:
        raise Conflict(f"Tytuł {title.number} nie jest ostatnim tytułem tej należności")
    if on < title.issued_on:
        raise Invalid(f"Data wcześniejsza niż tytuł ({pl_date(title.issued_on)})", field=field)
    receivable_service.not_in_future(on, today, field)
    return title, receivable


def _transition(
    receivable: Receivable, action: Action, on: date, cause: str, actor: str, before: str | None
) -> lifecycle.Transition:
    try:
        return lifecycle.transition(
            State(receivable.state),
            action,
            on=on,
            cause=cause,
            actor=actor,
            state_before=State(before) if before else None,
        )
    except lifecycle.IllegalTransition as exc:
        raise Conflict(str(exc), state=exc.state.value, action=exc.action.value) from exc


async def withdraw(
    session: AsyncSession, document_id: int, data: WithdrawalCreate, actor: str, today: date
) -> Receivable:
    """Wycofanie tytułu wykonawczego: the receivable goes back to where the title was issued
    from (upomnienie or wymagalna); the authority is asked to discontinue (art. 59 §1)."""
    title, receivable = await _title_and_receivable(
        session, document_id, data.withdrawn_on, today, "withdrawn_on"
    )
    before = await CorrectionRepository(session).state_before(receivable.id, State.TYTUL_WYKONAWCZY)
    cause = f"wycofanie tytułu wykonawczego nr {title.number}: {data.reason}"
    t = _transition(receivable, Action.WYCOFANIE_TYTULU, data.withdrawn_on, cause, actor, before)
    notice = await title_service.notify(
        session, receivable, "wycofanie", data.withdrawn_on, actor, description=data.reason
    )
    await apply(session, receivable, (t,), document_id=notice.document_id if notice else None)
    receivable.enforcement_suspended_on = None
    receivable.uncollectable = False
    await session.flush()
    return receivable


async def record_act(
    session: AsyncSession, document_id: int, data: EnforcementActCreate, actor: str, today: date
) -> Receivable:
    """The authority's act on the title, recorded as it informed the creditor."""
    title, receivable = await _title_and_receivable(session, document_id, data.on, today, "on")
    _check_act(receivable, data)
    label = lifecycle.ACTION_LABELS[ACTS[data.kind]]
    cause = f"{label} (tytuł {title.number})" + (
        f": {data.description}" if data.description else ""
    )
    t = _transition(receivable, ACTS[data.kind], data.on, cause, actor, None)
    await apply(session, receivable, (t,), document_id=title.id)
    if data.kind == "zawieszenie":
        receivable.enforcement_suspended_on = data.on
    else:
        receivable.enforcement_suspended_on = None
    if data.kind == "umorzenie" and data.uncollectable:
        receivable.uncollectable = True  # seed 003 §2.3 f): to the uncollectable folder
    session.add(
        EnforcementReport(
            title_document_id=title.id,
            reported_on=data.on,
            kind=REPORTS[data.kind],
            amount=None,
            description=data.description,
            created_by=actor,
        )
    )
    await session.flush()
    return receivable


def _check_act(receivable: Receivable, data: EnforcementActCreate) -> None:
    suspended = receivable.enforcement_suspended_on
    if data.kind == "zawieszenie" and suspended is not None:
        raise Conflict(f"Postępowanie egzekucyjne zawieszono już {pl_date(suspended)}")
    if data.kind == "podjecie" and suspended is None:
        raise Conflict("Postępowanie egzekucyjne nie jest zawieszone: nie ma czego podjąć")
    if data.kind == "podjecie" and suspended is not None and data.on < suspended:
        raise Invalid("Podjęcie nie może być wcześniejsze niż zawieszenie", field="on")
    if data.uncollectable and data.kind != "umorzenie":
        raise Invalid("Bezskuteczność dotyczy tylko umorzenia postępowania", field="uncollectable")
