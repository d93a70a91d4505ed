"""The decision fixing a receivable's amount, and deductions from benefits currently paid
(issue 16 items 8 and 10). Gather → domain (app/domain/enforcement.py) → apply; never commits."""

from __future__ import annotations

from datetime import date

from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import facts as alimony_facts
from app.domain import enforcement, fund_decision
from app.domain.kinds import AllocationRule, KindRules
from app.domain.lifecycle import State
from app.domain.money import format_amount
from app.domain.parameters import ParameterTable
from app.errors import Conflict, Invalid
from app.models import Event, Payment, Receivable
from app.polish import pl_amount
from app.receivables import actions, service
from app.receivables import figures as figures_mod
from app.receivables.repository import ReceivableRepository
from app.receivables.schemas import DecisionCreate, DeductionCreate, PaymentCreate

DECISION = "decyzja"  # the event of a recorded decision (the state does not change)
DEDUCTION = "potracenie"  # Payment.source of a deduction from benefits (otherwise "wplata")


async def record_decision(
    session: AsyncSession, receivable_id: int, data: DecisionCreate, actor: str, today: date
) -> Receivable:
    """Record the decision on the reimbursement (art. 27 u.p.o.u.a. for the fund; art. 23
    u.p.o.u.a., art. 30 u.ś.r.), its delivery and, once known, the day it became final; the
    payment term runs from that day (the decision's own term, or the kind's days). Recorded again
    (an appeal, the finality date learnt later) it replaces the earlier entry while no reminder has
    been issued."""
    receivable = await service.load(session, receivable_id, for_update=True)
    rules = await service.rules_of(session, receivable)
    if not rules.decision_required:
        raise Conflict(
            f"Rodzaj „{rules.label}” nie wymaga decyzji przed egzekucją", field="decision_ref"
        )
    for day, field in (
        (data.issued_on, "issued_on"),
        (data.delivered_on, "delivered_on"),
        (data.final_on, "final_on"),
    ):
        if day is not None:
            service.not_in_future(day, today, field)
    if data.issued_on < receivable.issued_on:
        raise Invalid("Decyzja wcześniejsza niż data wystawienia należności", field="issued_on")
    if receivable.state not in (State.WYSTAWIONA, State.WYMAGALNA):
        raise Conflict(
            f"Decyzję zapisuje się przed upomnieniem i tytułem (stan: „{receivable.state}”)",
            state=receivable.state,
        )
    amount, period = await _decided(session, receivable, rules, data)
    receivable.decision_amount = amount
    receivable.decision_period_from, receivable.decision_period_to = period
    receivable.decision_ref = data.decision_ref
    receivable.decision_issued_on = data.issued_on
    receivable.decision_delivered_on = data.delivered_on
    receivable.decision_final_on = data.final_on
    if data.final_on is not None:
        receivable.payment_term_ends_on = data.pay_by or enforcement.decision_term_end(
            data.final_on, rules.payment_term_days
        )
    elif rules.decision_required and receivable.state == State.WYMAGALNA:
        receivable.payment_term_ends_on = None  # no term runs before the decision is final
    await figures_mod.refresh_limitation(session, receivable, rules)
    final = f", ostateczna {data.final_on.isoformat()}" if data.final_on else ", nieostateczna"
    await ReceivableRepository(session).add(
        Event(
            receivable_id=receivable.id,
            occurred_on=data.final_on or data.delivered_on,
            action=DECISION,
            from_state=receivable.state,
            to_state=receivable.state,
            cause=(
                f"decyzja {data.decision_ref} z {data.issued_on.isoformat()}, doręczona "
                f"{data.delivered_on.isoformat()}{final}{_scope(receivable)}"
            )[:300],
            actor=actor,
        )
    )
    return receivable


def _scope(receivable: Receivable) -> str:
    if receivable.decision_amount is None:
        return ""
    text = f"; kwota {format_amount(receivable.decision_amount)} zł"
    if receivable.decision_period_from and receivable.decision_period_to:
        text += (
            f" (wypłaty {receivable.decision_period_from.isoformat()} –"
            f" {receivable.decision_period_to.isoformat()})"
        )
    return text


async def _decided(
    session: AsyncSession, receivable: Receivable, rules: KindRules, data: DecisionCreate
) -> tuple[int | None, tuple[date | None, date | None]]:
    """The amount the decision fixed and the period of payouts it covers (issue 16 item 8). For
    the alimony fund (the art. 28 kinds) the decision covers the benefits paid out in its period:
    by default from the first payout to the day the decision was issued, the amount their sum;
    an amount given must agree with the payouts to the grosz (app/domain/fund_decision.py)."""
    if rules.allocation_rule is not AllocationRule.ART_28:
        return data.amount, (data.period_from, data.period_to)
    facts = await alimony_facts.facts_of(session, receivable.debtor_id)
    lines = [fund_decision.PayoutLine(p.paid_on, p.amount) for p in facts.payouts]
    if not lines:
        return data.amount, (data.period_from, data.period_to)
    start = data.period_from or min(p.paid_on for p in lines)
    end = data.period_to or data.issued_on
    in_period = [p for p in lines if fund_decision.in_period(p.paid_on, start, end)]
    amount = data.amount if data.amount is not None else sum(p.amount for p in in_period)
    try:
        fund_decision.check_decided_amount(lines, amount, start, end, data.issued_on)
    except fund_decision.DecisionRefused as exc:
        field = "amount" if in_period and end <= data.issued_on else "period_to"
        raise Invalid(str(exc), field=field) from exc
    return amount, (start, end)


async def record_deduction(
    session: AsyncSession, receivable_id: int, data: DeductionCreate, actor: str, today: date
) -> Payment:
    """A deduction from a benefit paid out (art. 30 u.ś.r.: "podlegają potrąceniu z wypłacanych
    świadczeń rodzinnych"): a payment of its own source, within the kind's dated limit (percent
    of the benefit payable, never more than the balance), only on a final decision."""
    receivable = await service.load(session, receivable_id)
    rules = await service.rules_of(session, receivable)
    if rules.deduction_limit_code is None:
        raise Conflict(
            f"Rodzaj „{rules.label}” nie jest ściągany przez potrącenie ze świadczeń",
            field="amount",
        )
    service.not_in_future(data.deducted_on, today, "deducted_on")
    params = await ReceivableRepository(session).parameter_rows()
    percent = ParameterTable.of(rules.deduction_limit_code, params).value_on(data.deducted_on)
    figs = await figures_mod.figures_of(session, receivable, rules, data.deducted_on)
    try:
        enforcement.check_deduction(
            data.amount,
            benefit_paid=data.benefit_amount,
            percent=percent,
            balance=figs.balance,
            decision_final_on=receivable.decision_final_on,
            deducted_on=data.deducted_on,
        )
    except enforcement.DeductionRefused as exc:
        raise Invalid(str(exc), field="amount") from exc
    reference = (f"potrącenie z: {data.benefit} ({pl_amount(data.benefit_amount)})")[:140]
    payment, _created = await actions.record_payment(
        session,
        receivable_id,
        PaymentCreate.model_validate(
            {
                "paid_on": data.deducted_on,
                "amount": format_amount(data.amount),
                "reference": reference,
            }
        ),
        actor,
        today,
        source=DEDUCTION,
    )
    return payment
