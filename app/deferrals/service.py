"""Issue 20 item 3: deferral of the payment term by decision, end to end. The debtor's
application is recorded, referred to the organ competent for the kind (seed 003 §4: the Prezydent
Miasta for the stay fee; the unit itself when the kind names none), and the decision received back
is recorded: granted (the receivable goes to raty under a plan of one instalment, the fee is set,
interest stops for the deferred period, limitation is interrupted or suspended as the kind says,
the enforcement authority is told) or refused. Gather → domain (app/domain/deferral.py) → apply;
never commits."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from app.debtors import service as debtor_service
from app.deferrals.repository import DeferralRepository
from app.deferrals.schemas import ApplicationCreate, DeferralCreate
from app.domain import deferral as rule
from app.domain.kinds import AllocationRule
from app.domain.labels import STATE_LABELS
from app.domain.lifecycle import Action
from app.domain.money import format_amount
from app.domain.parameters import ParameterCode, ParameterTable
from app.domain.workdays import shift_to_working_day
from app.errors import Conflict, Invalid, NotFound
from app.models import Debtor, Deferral, Event, Instalment, Receivable
from app.receivables import actions as receivable_actions
from app.receivables import figures as figures_mod
from app.receivables import service as receivable_service
from app.receivables.repository import ReceivableRepository
from app.receivables.schemas import InstalmentPlanCreate
from app.titles import service as title_service
from app.unit import service as unit_service

if TYPE_CHECKING:
    from letters.przekazanie import Przekazanie

APPLICATION = "wniosek_o_ulge"  # event actions of the case (the state does not change)
REFERRAL = "przekazanie_wniosku"
REFUSAL = "odmowa_ulgi"
UNIT_ITSELF = "kierownik jednostki (wierzyciel)"
_OPEN = ("wystawiona", "wymagalna", "upomnienie", "tytul_wykonawczy")


async def apply(
    session: AsyncSession, receivable_id: int, data: ApplicationCreate, actor: str, today: date
) -> Deferral:
    """Record the debtor's application."""
    receivable = await receivable_service.load(session, receivable_id, for_update=True)
    receivable_service.not_in_future(data.applied_on, today, "applied_on")
    if receivable.state not in _OPEN:
        raise Conflict(
            f"Wniosek o ulgę dotyczy należności niezapłaconej (stan: „{receivable.state}”)",
            state=receivable.state,
        )
    row = Deferral(
        receivable_id=receivable.id,
        relief=data.relief,
        applied_on=data.applied_on,
        reasons=data.reasons,
        created_by=actor,
    )
    session.add(row)
    await session.flush()
    await _event(
        session, receivable, APPLICATION, data.applied_on, actor,
        f"wniosek dłużnika o {_relief(data.relief)} z {data.applied_on.isoformat()}",
    )  # fmt: skip
    return row


async def refer(
    session: AsyncSession, deferral_id: int, referred_on: date, actor: str, today: date
) -> Deferral:
    """Refer the application to the organ competent for the kind (seed 003 §4)."""
    row = await _case(session, deferral_id)
    receivable = await receivable_service.load(session, row.receivable_id, for_update=True)
    receivable_service.not_in_future(referred_on, today, "referred_on")
    organ = await _organ(session, receivable)
    if organ is None:
        raise Conflict(
            "Dla tego rodzaju należności o uldze rozstrzyga sama jednostka: wniosku się nie"
            " przekazuje",
            field="referred_on",
        )
    if row.outcome is not None:
        raise Conflict("Wniosek został już rozpatrzony", field="referred_on")
    if row.applied_on is not None and referred_on < row.applied_on:
        raise Invalid("Przekazanie nie może poprzedzać wniosku", field="referred_on")
    row.organ, row.referred_on = organ, referred_on
    await _event(
        session, receivable, REFERRAL, referred_on, actor,
        f"przekazanie wniosku z {row.applied_on.isoformat() if row.applied_on else '—'}"
        f" do: {organ}",
    )  # fmt: skip
    return row


async def grant(
    session: AsyncSession,
    receivable_id: int,
    data: DeferralCreate,
    actor: str,
    today: date,
    *,
    fund_relief: bool = False,
) -> Deferral:
    """Record the decision deferring the payment term.

    `fund_relief`: the decision is the alimony case's relief (art. 30 ust. 2 u.p.o.u.a., issue 18
    item 7, app/alimony/relief.py), the only way a fund receivable (ART_28) is deferred. It is
    not a tax and u.p.o.u.a. does not refer to the Ordynacja podatkowa for its reliefs, so OP art.
    57 (the prolongation fee) does not apply: no fee, whatever the kind says. Its interest is the
    alimony ledger's (art. 27 u.p.o.u.a., app/receivables/figures.py reads it for ART_28), which
    this row does not stop (see app/alimony/relief.py for the reading)."""
    # Gather.
    receivable = await receivable_service.load(session, receivable_id, for_update=True)
    rules = await receivable_service.rules_of(session, receivable)
    receivable_service.not_in_future(data.decided_on, today, "decided_on")
    row = await _application(session, receivable.id, data.application_id)
    applied_on = row.applied_on if row is not None and row.applied_on else data.applied_on
    new_term = shift_to_working_day(data.new_term)  # OP art. 12 §5
    term = receivable.payment_term_ends_on
    if term is None and fund_relief:
        # A fund receivable has no payment term of its own: the claim is owed from each payout
        # (art. 27 ust. 1 u.p.o.u.a.: interest from the payout), so the term deferred is the day
        # it was recorded as owed.
        term = receivable.issued_on
    if receivable.state not in _OPEN:
        raise Conflict(
            f"Odroczyć można termin należności niezapłaconej i nierozłożonej na raty"
            f" (stan: „{receivable.state}”)",
            state=receivable.state,
        )
    if rules.allocation_rule is AllocationRule.ART_28 and not fund_relief:
        # The fund's receivables are owed payout by payout in the alimony ledger (app/alimony),
        # which has its own reliefs (art. 30 u.p.o.u.a., issue 18): not deferred here.
        raise Conflict(
            "Należności funduszu alimentacyjnego nie odracza się tutaj: ulgi dłużnika"
            " alimentacyjnego zapisuje się w jego sprawie (art. 30 ustawy o pomocy osobom"
            " uprawnionym do alimentów)",
            field="new_term",
        )
    kind = await ReceivableRepository(session).kind(receivable.kind_code)
    assert kind is not None
    params = await ReceivableRepository(session).parameter_rows()
    figs = await figures_mod.figures_of(session, receivable, rules, data.decided_on)
    # Decide.
    try:
        rule.check(term, data.decided_on, new_term, applied_on)
    except rule.DeferralRefused as exc:
        raise Invalid(str(exc), field=exc.field) from exc
    assert term is not None
    first, last = rule.window(term, applied_on, data.decided_on, new_term)
    fee = 0
    if kind.prolongation_fee_code and not data.fee_waived and not fund_relief:
        rate = rule.fee_rate_bp(
            data.decided_on,
            ParameterTable.of(ParameterCode.ODSETKI_ZA_ZWLOKE, params),
            ParameterTable.of(kind.prolongation_fee_code, params),
        )
        fee = rule.prolongation_fee(figs.principal_remaining, first, last, rate)
    # Apply.
    if row is None:
        row = Deferral(
            receivable_id=receivable.id, relief="odroczenie", applied_on=applied_on,
            created_by=actor,
        )  # fmt: skip
        session.add(row)
    row.outcome, row.decided_on, row.decision_ref = "odroczenie", data.decided_on, data.decision_ref
    row.old_term, row.new_term = term, new_term
    row.principal, row.fee = figs.principal_remaining, fee
    row.fee_waived = data.fee_waived if kind.prolongation_fee_code and not fund_relief else None
    row.amount = 0
    await session.flush()
    # What is owed by the new term: the balance on the decision's day with the deferred period
    # without interest and the fee owed (figures.facts_of reads this row).
    after = await figures_mod.figures_of(session, receivable, rules, data.decided_on)
    row.amount = after.balance
    ref = f" {data.decision_ref}" if data.decision_ref else ""
    await receivable_service.move(
        session, receivable, Action.ODROCZENIE, on=data.decided_on, actor=actor,
        cause=(
            f"decyzja{ref} o odroczeniu terminu płatności do {new_term.isoformat()}"
            f"{'' if not fee else f', opłata prolongacyjna {format_amount(fee)} zł'}"
        )[:300],
    )  # fmt: skip
    await title_service.notify(
        session, receivable, "raty", data.decided_on, actor,
        description=(
            f"odroczenie terminu płatności do {new_term.isoformat()} (decyzja{ref})"
            " – zawieszenie postępowania egzekucyjnego"
        )[:300],
    )  # fmt: skip
    await _plan(session, receivable.id, row, today)
    await figures_mod.refresh_limitation(session, receivable, rules)
    return row


async def grant_instalments(
    session: AsyncSession, deferral_id: int, data: InstalmentPlanCreate, actor: str, today: date
) -> Deferral:
    """The organ's decision on an application for instalments, received back: the plan is
    recorded as the card's instalment decision (app/receivables/actions.py: the instalments add
    up to the balance, the sweep watches them, limitation as the kind says) and the application
    is closed with it."""
    row = await _case(session, deferral_id)
    if row.outcome is not None:
        raise Conflict("Wniosek został już rozpatrzony", field="decided_on")
    if row.relief != "raty":
        raise Conflict(
            "Wniosek dotyczy odroczenia terminu: decyzję zapisuje się jako odroczenie",
            field="instalments",
        )
    if row.applied_on is not None and data.decided_on < row.applied_on:
        raise Invalid("Decyzja nie może poprzedzać wniosku", field="decided_on")
    await receivable_actions.grant_instalments(session, row.receivable_id, data, actor, today)
    row.outcome, row.decided_on, row.decision_ref = "raty", data.decided_on, data.decision_ref
    dues = sorted(i.due_on for i in data.instalments)
    row.new_term, row.amount = dues[-1], sum(i.amount for i in data.instalments)
    return row


async def refuse(
    session: AsyncSession, deferral_id: int, decided_on: date, ref: str, actor: str, today: date
) -> Deferral:
    """Record a decision refusing the relief: nothing changes but the case and the history."""
    row = await _case(session, deferral_id)
    receivable = await receivable_service.load(session, row.receivable_id, for_update=True)
    receivable_service.not_in_future(decided_on, today, "decided_on")
    if row.outcome is not None:
        raise Conflict("Wniosek został już rozpatrzony", field="decided_on")
    if row.applied_on is not None and decided_on < row.applied_on:
        raise Invalid("Decyzja nie może poprzedzać wniosku", field="decided_on")
    row.outcome, row.decided_on, row.decision_ref = "odmowa", decided_on, ref
    await _event(
        session, receivable, REFUSAL, decided_on, actor,
        f"odmowa {_relief(row.relief)}{f' (decyzja {ref})' if ref else ''}",
    )  # fmt: skip
    return row


async def cases(session: AsyncSession, receivable_id: int) -> list[Deferral]:
    await receivable_service.load(session, receivable_id)
    return await DeferralRepository(session).of_receivable(receivable_id)


async def organ_of(session: AsyncSession, receivable: Receivable) -> str:
    return await _organ(session, receivable) or UNIT_ITSELF


async def referral_letter(session: AsyncSession, deferral_id: int, today: date) -> Przekazanie:
    """What the printed referral needs: the facts as of the referral (or today)."""
    from letters.przekazanie import Przekazanie

    row = await _case(session, deferral_id)
    receivable = await receivable_service.load(session, row.receivable_id)
    organ = row.organ or await _organ(session, receivable)
    if organ is None or row.applied_on is None:
        raise Conflict("Tego wniosku nie przekazuje się: rozstrzyga sama jednostka")
    rules = await receivable_service.rules_of(session, receivable)
    as_of = row.referred_on or today
    figs = await figures_mod.figures_of(session, receivable, rules, as_of)
    debtor = await session.get(Debtor, receivable.debtor_id)
    assert debtor is not None
    return Przekazanie(
        creditor=await unit_service.creditor(session),
        organ=organ,
        debtor=debtor_service.document_data(debtor),
        receivable_number=receivable.reference or str(receivable.id),
        kind_label=rules.label,
        relief=row.relief,
        applied_on=row.applied_on,
        reasons=row.reasons,
        payment_term_ends_on=receivable.payment_term_ends_on,
        state_label=STATE_LABELS.get(receivable.state, receivable.state),
        principal=figs.principal_remaining,
        interest=figs.interest_due,
        costs=figs.costs_due,
        balance=figs.balance,
        as_of=as_of,
        signatory=await unit_service.signatory(session),
    )


async def _case(session: AsyncSession, deferral_id: int) -> Deferral:
    row = await DeferralRepository(session).get(deferral_id, for_update=True)
    if row is None:
        raise NotFound(f"Nie ma wniosku o ulgę o identyfikatorze {deferral_id}")
    return row


async def _application(
    session: AsyncSession, receivable_id: int, application_id: int | None
) -> Deferral | None:
    repo = DeferralRepository(session)
    if application_id is None:
        return await repo.open_application(receivable_id)
    row = await repo.get(application_id, for_update=True)
    if row is None or row.receivable_id != receivable_id:
        raise Invalid("Wskazany wniosek nie dotyczy tej należności", field="application_id")
    if row.outcome is not None:
        raise Conflict("Wskazany wniosek został już rozpatrzony", field="application_id")
    return row


async def _organ(session: AsyncSession, receivable: Receivable) -> str | None:
    kind = await ReceivableRepository(session).kind(receivable.kind_code)
    return kind.relief_organ if kind is not None else None


async def _plan(session: AsyncSession, receivable_id: int, row: Deferral, today: date) -> None:
    """The deferral as a plan of one instalment: the daily sweep's instalment rule (app/sweeps/
    rules.py) sends the receivable back when the amount is not paid by the new term."""
    for old in await DeferralRepository(session).instalments(receivable_id):
        await session.delete(old)
    await session.flush()
    assert row.decided_on is not None
    assert row.new_term is not None
    assert row.amount is not None
    session.add(
        Instalment(
            receivable_id=receivable_id,
            number=1,
            due_on=row.new_term,
            amount=row.amount,
            decided_on=row.decided_on,
            owed_through=row.amount,
            recorded_on=today,
        )
    )
    await session.flush()


async def _event(
    session: AsyncSession, receivable: Receivable, action: str, on: date, actor: str, cause: str
) -> None:
    await ReceivableRepository(session).add(
        Event(
            receivable_id=receivable.id,
            occurred_on=on,
            action=action,
            from_state=receivable.state,
            to_state=receivable.state,
            cause=cause[:300],
            actor=actor,
        )
    )


def _relief(code: str) -> str:
    return {"odroczenie": "odroczenie terminu płatności", "raty": "rozłożenie na raty"}.get(
        code, code
    )


async def own_case(session: AsyncSession, receivable_id: int, deferral_id: int) -> None:
    row = await DeferralRepository(session).get(deferral_id)
    if row is None or row.receivable_id != receivable_id:
        raise Conflict("Wskazany wniosek nie dotyczy tej należności", field="application_id")
