"""Issue 22 item 6: the chief accountant's preliminary control (u.f.p. art. 54 ust. 1 pkt 3).

A specialist proposes a write-off, instalments (a relief), a payment's storno or an amended or
annulled decision; the proposal is tried at once in a savepoint (so a proposal that could never
take effect is refused with the operation's own message) and kept with its body. The chief
accountant countersigns or returns it with a reason; where the law gives the decision to the
manager (app/domain/control.py MANAGER_DECIDES) the manager then approves or refuses. Only the
last approving step applies the operation, through the same use case as the direct route, as of
that day. Every step is in the audit trail (app/audit) and any refusal writes nothing."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import write_offs as alimony_write_offs
from app.alimony.repository import AlimonyRepository
from app.alimony.schemas import WriteOffCreate as AlimonyWriteOffCreate
from app.audit import service as audit
from app.audit.service import Who
from app.control.repository import ControlRepository
from app.control.schemas import BODIES, ProposalCreate, ProposalRead
from app.corrections import service as corrections
from app.corrections.repository import CorrectionRepository
from app.corrections.schemas import AmendmentCreate, AnnulmentCreate, ReversalCreate
from app.domain import control
from app.domain.control import Kind, State, Step
from app.domain.money import format_amount
from app.errors import Conflict, Invalid, NotFound
from app.models import ControlProposal
from app.receivables import actions
from app.receivables import service as receivable_service
from app.receivables.schemas import InstalmentPlanCreate, WriteOffCreate
from app.schemas import Schema

_AMOUNT_KEYS = frozenset({"amount", "principal"})


def payload_of(body: Schema) -> dict[str, Any]:
    """The body as JSON its schema takes again: amounts back to "123.45" strings."""

    def back(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: back(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [back(v) for v in value]
        if key in _AMOUNT_KEYS and isinstance(value, int) and not isinstance(value, bool):
            return format_amount(value)
        return value

    dumped: dict[str, Any] = back(body.model_dump(mode="json"))
    return dumped


def body_of(kind: Kind, payload: dict[str, Any]) -> Schema:
    try:
        return BODIES[kind].model_validate(payload)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first.get("loc", ()))
        msg = str(first.get("msg", "")).removeprefix("Value error, ")
        raise Invalid(f"Treść wniosku: {field}: {msg}", field=f"data.{field}") from exc


def read(p: ControlProposal) -> ProposalRead:
    kind = Kind(p.kind)
    return ProposalRead(
        id=p.id,
        kind=kind,
        kind_label=control.KIND_LABELS[kind],
        state=p.state,
        state_label=control.STATE_LABELS[State(p.state)],
        receivable_id=p.receivable_id,
        payment_id=p.payment_id,
        data=p.payload,
        justification=p.justification,
        proposed_by=p.proposed_by,
        proposed_on=p.proposed_on,
        countersigned_by=p.countersigned_by,
        countersigned_on=p.countersigned_on,
        decided_by=p.decided_by,
        decided_on=p.decided_on,
        returned_reason=p.returned_reason,
        effected_on=p.effected_on,
        manager_decides=kind in control.MANAGER_DECIDES,
    )


async def _execute(session: AsyncSession, p: ControlProposal, actor: str, today: date) -> None:
    """The operation itself, by the same use case as its direct route."""
    body = body_of(Kind(p.kind), p.payload)
    rid = p.receivable_id
    match Kind(p.kind):
        case Kind.UMORZENIE:
            assert isinstance(body, WriteOffCreate)
            await actions.write_off(session, rid, body, actor, today)
        case Kind.UMORZENIE_ALIMENTY:
            assert isinstance(body, AlimonyWriteOffCreate)
            receivable = await receivable_service.load(session, rid)
            await alimony_write_offs.decide(session, receivable.debtor_id, body, actor, today)
        case Kind.RATY:
            assert isinstance(body, InstalmentPlanCreate)
            await actions.grant_instalments(session, rid, body, actor, today)
        case Kind.STORNO:
            assert isinstance(body, ReversalCreate)
            assert p.payment_id is not None
            await corrections.reverse_payment(session, p.payment_id, body, actor, today)
        case Kind.ZMIANA:
            assert isinstance(body, AmendmentCreate)
            await corrections.amend(session, rid, body, actor, today)
        case Kind.UCHYLENIE:
            assert isinstance(body, AnnulmentCreate)
            await corrections.annul(session, rid, body, actor, today)


async def _trial(session: AsyncSession, p: ControlProposal, today: date) -> None:
    """Try the operation as of today and undo it: a proposal that would be refused now is refused
    now, with the operation's own message."""
    nested = await session.begin_nested()
    try:
        await _execute(session, p, p.proposed_by, today)
    finally:
        await nested.rollback()  # expires what the trial changed; nothing stays


async def propose(
    session: AsyncSession, data: ProposalCreate, who: Who, today: date
) -> ControlProposal:
    body = body_of(data.kind, data.data)
    receivable_id = await _receivable_of(session, data)
    await receivable_service.load(session, receivable_id)  # 404 for an unknown receivable
    repo = ControlRepository(session)
    for open_one in await repo.listing(control.OPEN_STATES, receivable_id):
        if open_one.kind == data.kind and open_one.payment_id == data.payment_id:
            raise Conflict(
                f"Wniosek nr {open_one.id} o {control.KIND_LABELS[data.kind]} tej należności "
                "czeka już na kontrolę"
            )
    p = ControlProposal(
        kind=data.kind.value,
        state=State.DO_KONTROLI.value,
        receivable_id=receivable_id,
        payment_id=data.payment_id if data.kind is Kind.STORNO else None,
        payload=payload_of(body),
        justification=data.justification.strip(),
        proposed_by=who.actor,
        proposed_on=today,
    )
    await _trial(session, p, today)
    await repo.add(p)
    await audit.record(
        session, who, PROPOSED, _subject(p), kind=p.kind, receivable_id=receivable_id
    )
    return p


async def _receivable_of(session: AsyncSession, data: ProposalCreate) -> int:
    if data.kind is Kind.STORNO:
        if data.payment_id is None:
            raise Invalid("Wskaż wpłatę do storna", field="payment_id")
        payment = await CorrectionRepository(session).payment(data.payment_id, lock=False)
        if payment is None:
            raise NotFound(f"Nie ma wpłaty o identyfikatorze {data.payment_id}")
        if data.receivable_id not in (None, payment.receivable_id):
            raise Conflict("Wskazana wpłata nie należy do tej należności")
        return payment.receivable_id
    if data.kind is Kind.UMORZENIE_ALIMENTY:
        if data.debtor_id is None:
            raise Invalid("Wskaż dłużnika alimentacyjnego", field="debtor_id")
        fund = await AlimonyRepository(session).open_fund_receivable(data.debtor_id)
        if fund is None:
            raise Conflict(f"Dłużnik {data.debtor_id} nie ma otwartej należności funduszu")
        return fund.id
    if data.receivable_id is None:
        raise Invalid("Wskaż należność", field="receivable_id")
    return data.receivable_id


def _subject(p: ControlProposal) -> str:
    return f"wniosek nr {p.id}: {control.KIND_LABELS[Kind(p.kind)]}, należność {p.receivable_id}"


async def step(
    session: AsyncSession,
    proposal_id: int,
    what: Step,
    who: Who,
    today: date,
    reason: str = "",
) -> ControlProposal:
    """Countersign, return, approve or refuse; the operation takes effect on the last yes."""
    p = await ControlRepository(session).get(proposal_id, lock=True)
    if p is None:
        raise NotFound(f"Nie ma wniosku o identyfikatorze {proposal_id}")
    facts = control.Facts(Kind(p.kind), State(p.state), p.proposed_by, p.countersigned_by)
    try:
        outcome = control.advance(facts, what, who.actor, reason)
    except control.Refused as exc:
        raise Conflict(str(exc), state=p.state) from exc
    if what in (Step.KONTRASYGNATA, Step.ZWROT):
        p.countersigned_by, p.countersigned_on = who.actor, today
    else:
        p.decided_by, p.decided_on = who.actor, today
    if what in (Step.ZWROT, Step.ODMOWA):
        p.returned_reason = reason.strip()
    if outcome.takes_effect:
        await _execute(session, p, p.proposed_by, today)
        p.effected_on = today
    p.state = outcome.state.value
    await session.flush()
    await audit.record(
        session,
        who,
        _AUDIT[what],
        _subject(p),
        kind=p.kind,
        receivable_id=p.receivable_id,
        state=p.state,
        reason=p.returned_reason or "",
    )
    if outcome.takes_effect:
        await audit.record(session, who, EFFECTED, _subject(p), kind=p.kind, state=p.state)
    return p


async def listing(
    session: AsyncSession, states: frozenset[str] | None = None, receivable_id: int | None = None
) -> list[ControlProposal]:
    return await ControlRepository(session).listing(states, receivable_id)


async def get(session: AsyncSession, proposal_id: int) -> ControlProposal:
    p = await ControlRepository(session).get(proposal_id)
    if p is None:
        raise NotFound(f"Nie ma wniosku o identyfikatorze {proposal_id}")
    return p


# The audit trail's codes (their labels: app/audit/service.py LABELS).
PROPOSED = "kontrola_wniosek"
EFFECTED = "kontrola_wykonanie"
_AUDIT = {
    Step.KONTRASYGNATA: "kontrola_kontrasygnata",
    Step.ZWROT: "kontrola_zwrot",
    Step.ZATWIERDZENIE: "kontrola_zatwierdzenie",
    Step.ODMOWA: "kontrola_odmowa",
}
