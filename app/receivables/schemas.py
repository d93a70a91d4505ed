from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import Field, model_validator

from app.schemas import AmountIn, AmountOut, PlausibleDate, Schema
from app.unit.schemas import AuthorityCode

INSTALMENT_YEARS = 10


class TrancheIn(Schema):
    paid_out_on: PlausibleDate = Field(description="dzień wypłaty świadczenia")
    amount: AmountIn


class TrancheRead(Schema):
    number: int
    paid_out_on: date
    amount: AmountOut
    interest_from: date = Field(description="pierwszy dzień odsetek od tej wypłaty")


class ReceivableCreate(Schema):
    debtor_id: int
    kind: str = Field(min_length=1, max_length=64)
    principal: AmountIn
    title: str = Field(min_length=1, max_length=500, description="Za co (np. pobyt w dniu …)")
    issue_date: PlausibleDate
    period_from: PlausibleDate | None = None
    period_to: PlausibleDate | None = None
    reference: str | None = Field(default=None, max_length=64)
    decision_final_on: PlausibleDate | None = None
    authority_code: AuthorityCode | None = Field(
        default=None,
        description="organ egzekucyjny wskazany ręcznie (GET /api/v1/authorities); "
        "domyślnie organ właściwy dla gminy zobowiązanego",
    )
    tranches: list[TrancheIn] | None = Field(
        default=None,
        min_length=1,
        max_length=240,
        description="wypłaty objęte należnością (świadczenia nienależnie pobrane, art. 23 "
        "u.p.o.u.a.): każda z własną kwotą i początkiem odsetek; principal = ich suma",
    )

    @model_validator(mode="after")
    def _period(self) -> ReceivableCreate:
        if self.period_from and self.period_to and self.period_to < self.period_from:
            raise ValueError("Okres: data końcowa wcześniejsza niż początkowa")
        if self.tranches:
            total = sum(t.amount for t in self.tranches)
            if total != self.principal:
                raise ValueError(
                    f"Kwota należności ({self.principal / 100:.2f}) różni się od sumy wypłat "
                    f"({total / 100:.2f})"
                )
            late = [t.paid_out_on for t in self.tranches if t.paid_out_on > self.issue_date]
            if late:
                raise ValueError(
                    f"Wypłata z dnia {late[0].isoformat()} jest późniejsza niż data wystawienia"
                )
        return self


class AuthorityChoice(Schema):
    authority_code: AuthorityCode | None = Field(
        description="organ egzekucyjny; null: organ właściwy dla gminy zobowiązanego"
    )
    reason: str = Field(min_length=3, max_length=500, description="dlaczego inny organ")


class PeriodUpdate(Schema):
    period_from: PlausibleDate
    period_to: PlausibleDate
    reason: str = Field(default="uzupełnienie okresu", min_length=3, max_length=500)


class AuthorityRef(Schema):
    code: str | None
    name: str | None
    why: str


class DeliveryCreate(Schema):
    document: Literal["wezwanie", "upomnienie"]
    delivered_on: PlausibleDate


class PaymentCreate(Schema):
    paid_on: PlausibleDate
    amount: AmountIn
    reference: str | None = Field(default=None, max_length=140)


class IssueCreate(Schema):
    issued_on: PlausibleDate


class InstalmentIn(Schema):
    due_on: PlausibleDate
    amount: AmountIn


class InstalmentPlanCreate(Schema):
    decided_on: PlausibleDate
    decision_ref: str = Field(min_length=1, max_length=100)
    instalments: list[InstalmentIn] = Field(min_length=1, max_length=120)

    @model_validator(mode="after")
    def _within_the_horizon(self) -> InstalmentPlanCreate:
        # Issue 15 item 11: an instalment due 9999-12-31 suspended collection for ever. At most
        # 120 monthly instalments are taken, so no term lies further than ten years away.
        day = self.decided_on
        year = day.year + INSTALMENT_YEARS
        horizon = day.replace(year=year, day=min(day.day, 28 if day.month == 2 else 31))
        late = [i.due_on for i in self.instalments if i.due_on > horizon]
        if late:
            raise ValueError(
                f"Termin raty {late[0].isoformat()} późniejszy niż {INSTALMENT_YEARS} lat od "
                f"decyzji (najpóźniej {horizon.isoformat()})"
            )
        return self


class WriteOffCreate(Schema):
    decided_on: PlausibleDate
    decision_ref: str = Field(min_length=1, max_length=100)
    full: bool = True
    amount: AmountIn | None = None

    @model_validator(mode="after")
    def _amount_for_partial(self) -> WriteOffCreate:
        if not self.full and self.amount is None:
            raise ValueError("Przy umorzeniu części podaj kwotę (amount)")
        return self


class DecisionCreate(Schema):
    """The decision fixing the amount (kinds with decision_required, issue 16 item 8)."""

    decision_ref: str = Field(min_length=1, max_length=100, description="numer (znak) decyzji")
    issued_on: PlausibleDate = Field(description="data wydania decyzji")
    delivered_on: PlausibleDate = Field(description="data doręczenia decyzji dłużnikowi")
    final_on: PlausibleDate | None = Field(
        default=None,
        description="dzień, w którym decyzja stała się ostateczna (puste: jeszcze nie jest)",
    )
    pay_by: PlausibleDate | None = Field(
        default=None,
        description="termin zapłaty z decyzji; puste: liczba dni rodzaju od dnia ostateczności",
    )
    # Issue 16 item 8: what the decision fixed. For the alimony fund: the benefits paid out in the
    # period (empty: from the first payout to the day the decision was issued; the amount: their
    # sum, checked to the grosz).
    amount: AmountIn | None = Field(default=None, description="kwota ustalona decyzją")
    period_from: PlausibleDate | None = Field(
        default=None, description="pierwszy dzień okresu wypłat objętych decyzją"
    )
    period_to: PlausibleDate | None = Field(
        default=None, description="ostatni dzień okresu wypłat objętych decyzją"
    )

    @model_validator(mode="after")
    def _order(self) -> DecisionCreate:
        if self.delivered_on < self.issued_on:
            raise ValueError("Doręczenie decyzji wcześniejsze niż jej wydanie")
        if self.final_on is not None and self.final_on < self.delivered_on:
            raise ValueError("Decyzja nie staje się ostateczna przed jej doręczeniem")
        if self.pay_by is not None and (self.final_on is None or self.pay_by < self.final_on):
            raise ValueError("Termin zapłaty z decyzji nie wcześniej niż dzień jej ostateczności")
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise ValueError("Początek okresu objętego decyzją jest późniejszy niż jego koniec")
        return self


class DeductionCreate(Schema):
    """A deduction from a benefit currently paid (potrącenie, art. 30 u.ś.r.; issue 16 item 10)."""

    deducted_on: PlausibleDate = Field(description="dzień wypłaty świadczenia, z którego potrącono")
    amount: AmountIn = Field(description="kwota potrącona")
    benefit_amount: AmountIn = Field(description="kwota świadczenia przysługująca do wypłaty")
    benefit: str = Field(
        min_length=1, max_length=100, description="jakie świadczenie i za jaki miesiąc"
    )


class EnforcementStepRead(Schema):
    """Issue 16 item 8: the next step on the legal road to enforcement (decision, its delivery
    and finality, the payment term, the reminder, the title), with its basis."""

    code: str
    text: str
    basis: str
    from_day: date | None


class DocumentRead(Schema):
    id: int
    kind: str
    number: str
    issued_on: date
    delivered_on: date | None
    costs: AmountOut


class EventRead(Schema):
    occurred_on: date
    action: str
    from_state: str | None
    to_state: str
    cause: str
    actor: str


class IssuedRead(Schema):
    id: int
    number: str
    kind: str
    issued_on: date
    receivable_state: str


class PaymentRead(Schema):
    id: int
    paid_on: date
    amount: AmountOut
    reference: str | None
    receivable_state: str
    balance: AmountOut
    overpayment: AmountOut


class NextStepRead(Schema):
    """Issue 19 item 1: what may be done now, from or by when, and why."""

    what: str
    why: str
    when: date | None
    when_label: str


class ReceivableRead(Schema):
    id: int
    debtor_id: int
    kind: str
    reference: str | None
    title: str
    state: str  # as stored (the nightly sweep persists the moves time makes)
    state_as_of: str  # as of `as_of`, derived from the same facts (issue 19 item 1)
    next_step: NextStepRead
    as_of: date
    issue_date: date
    period_from: date | None
    period_to: date | None
    principal: AmountOut
    principal_remaining: AmountOut
    interest_due: AmountOut
    costs_due: AmountOut
    balance: AmountOut
    overpayment: AmountOut
    payment_term_ends_on: date | None
    due_from: date | None
    reminder_term_ends_on: date | None
    title_allowed_from: date | None
    time_barred_from: date | None
    costs_time_barred_from: date | None = Field(
        description="od kiedy przedawnione są koszty upomnienia (u.p.e.a. art. 15 § 3c)"
    )
    tranches: list[TrancheRead]
    decision_ref: str | None = None
    decision_issued_on: date | None = None
    decision_delivered_on: date | None = None
    decision_final_on: date | None = None
    decision_amount: AmountOut | None = None
    decision_period_from: date | None = None
    decision_period_to: date | None = None
    payouts_after_decision: AmountOut | None = Field(
        default=None,
        description="wypłaty z funduszu po okresie objętym decyzją: wymagają nowej decyzji",
    )
    enforcement_step: EnforcementStepRead | None = None
    # Issue 20: why the automatic steps are paused (an open dispute), None when they run.
    paused_reason: str | None = None
    enforcement_suspended_on: date | None = None
    authority: AuthorityRef
    allowed_actions: list[str]
    documents: list[DocumentRead]
    events: list[EventRead]
