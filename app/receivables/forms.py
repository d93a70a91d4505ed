"""The receivable forms of the web pages; each turns into the API schema its use case takes."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from app.deliveries.schemas import facts_from
from app.domain.delivery import DeliveryFacts
from app.domain.money import format_amount
from app.receivables.schemas import (
    DecisionCreate,
    DeductionCreate,
    DeliveryCreate,
    InstalmentPlanCreate,
    PaymentCreate,
    ReceivableCreate,
    WriteOffCreate,
)
from app.web.forms import (
    Amount,
    Check,
    Day,
    OptionalAmount,
    OptionalDay,
    Text,
    WebForm,
    web_amount,
    web_date,
)
from app.web.templating import zl


class ReceivableForm(WebForm):
    kind: str = Field(min_length=1, max_length=64)
    principal: Amount
    title: str = Field(min_length=1, max_length=500)
    issue_date: Day
    period_from: OptionalDay = None
    period_to: OptionalDay = None
    reference: Text = Field(default=None, max_length=64)
    decision_final_on: OptionalDay = None
    # Issue 16 item 4: the payouts an art. 23 receivable covers, one a line: "2024-01-10 500,00".
    payouts: Text = Field(default=None, max_length=10_000)

    @field_validator("payouts")
    @classmethod
    def _payouts(cls, v: str | None, info: ValidationInfo) -> str | None:
        if not v or not v.strip():
            return None
        total = 0
        for n, line in enumerate((x for x in v.splitlines() if x.strip()), start=1):
            match = _LINE.match(line)
            if not match:
                raise ValueError(f"Wiersz {n}: podaj datę wypłaty i kwotę, np. 2024-01-10 500,00")
            try:
                web_date(match[1])
                total += web_amount(match[2])
            except ValueError as exc:
                raise ValueError(f"Wiersz {n}: {exc}") from None
        principal = info.data.get("principal")
        if principal is not None and total != principal:
            raise ValueError(
                f"Suma wypłat {zl(total)} różni się od kwoty należności {zl(principal)}"
            )
        return v

    def tranches(self) -> list[dict[str, object]] | None:
        if not self.payouts:
            return None
        pairs = [_LINE.match(x) for x in self.payouts.splitlines() if x.strip()]
        return [
            {"paid_out_on": web_date(m[1]), "amount": format_amount(web_amount(m[2]))}
            for m in pairs
            if m
        ]

    @field_validator("period_to")
    @classmethod
    def _period(cls, v: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("period_from")
        if v and start and v < start:
            raise ValueError("Koniec okresu wcześniejszy niż jego początek")
        return v

    def to_schema(self, debtor_id: int) -> ReceivableCreate:
        data = self.model_dump(exclude={"payouts"}) | {
            "debtor_id": debtor_id,
            "principal": format_amount(self.principal),
            "tranches": self.tranches(),
        }
        return ReceivableCreate.model_validate(data)


class DeliveryForm(WebForm):
    """The way the letter reached the debtor and the dates its rule needs (app/domain/delivery.py);
    `delivered_on` is the date on the receipt (signed_on), `scan` only names the file field."""

    document: Literal["wezwanie", "upomnienie"]
    method: Literal["osobiscie", "zpo", "domownik", "awizo", "odmowa", "zwrot", "e_doreczenie"] = (
        "zpo"
    )
    delivered_on: OptionalDay = None
    substitute: Literal["domownik", "sasiad", "dozorca"] | None = None
    addressee_notified: Check = False
    first_notice_on: OptionalDay = None
    second_notice_on: OptionalDay = None
    refused_on: OptionalDay = None
    returned_on: OptionalDay = None
    arrived_on: OptionalDay = None
    received_on: OptionalDay = None
    note: Text = Field(default=None, max_length=2000)
    scan: Text = None

    @field_validator("substitute", mode="before")
    @classmethod
    def _blank_substitute(cls, v: object) -> object:
        return v or None

    def to_schema(self) -> DeliveryCreate:
        return DeliveryCreate(document=self.document, delivered_on=self.delivered_on)

    def facts(self) -> DeliveryFacts:
        return facts_from(self.model_dump() | {"signed_on": self.delivered_on})


class PaymentForm(WebForm):
    paid_on: Day
    amount: Amount
    reference: Text = Field(default=None, max_length=140)

    def to_schema(self) -> PaymentCreate:
        return PaymentCreate.model_validate(
            self.model_dump() | {"amount": format_amount(self.amount)}
        )


class IssueForm(WebForm):
    issued_on: Day


_LINE = re.compile(r"^\s*(\S+)\s+(.+?)\s*$")


class InstalmentsForm(WebForm):
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)
    instalments: str = Field(min_length=1, max_length=10_000)

    @field_validator("instalments")
    @classmethod
    def _lines(cls, v: str) -> str:
        for n, line in enumerate((x for x in v.splitlines() if x.strip()), start=1):
            match = _LINE.match(line)
            if not match:
                raise ValueError(f"Wiersz {n}: podaj termin i kwotę, np. 2026-12-15 100,00")
            try:
                web_date(match[1])
                web_amount(match[2])
            except ValueError as exc:
                raise ValueError(f"Wiersz {n}: {exc}") from None
        return v

    def plan(self) -> list[tuple[date, int]]:
        pairs = [_LINE.match(x) for x in self.instalments.splitlines() if x.strip()]
        return [(web_date(m[1]), web_amount(m[2])) for m in pairs if m]

    def to_schema(self) -> InstalmentPlanCreate:
        rows = [{"due_on": d, "amount": format_amount(a)} for d, a in self.plan()]
        return InstalmentPlanCreate.model_validate(
            {"decided_on": self.decided_on, "decision_ref": self.decision_ref, "instalments": rows}
        )


class WriteOffForm(WebForm):
    decided_on: Day
    decision_ref: str = Field(min_length=1, max_length=100)
    scope: Literal["calosc", "czesc"] = "calosc"
    amount: OptionalAmount = None

    @field_validator("amount")
    @classmethod
    def _amount_for_part(cls, v: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("scope") == "czesc" and v is None:
            raise ValueError("Przy umorzeniu części podaj kwotę")
        return v

    def to_schema(self) -> WriteOffCreate:
        full = self.scope == "calosc"
        amount = None if full or self.amount is None else format_amount(self.amount)
        return WriteOffCreate.model_validate(
            {
                "decided_on": self.decided_on,
                "decision_ref": self.decision_ref,
                "full": full,
                "amount": amount,
            }
        )


REPORT_KINDS = {
    "srodek": "zastosowano środek egzekucyjny",
    "wyegzekwowano": "wyegzekwowano kwotę",
    "zwrot_nieegzekwowalny": "zwrot tytułu — egzekucja bezskuteczna",
}


class WriteOffProposalForm(WriteOffForm):
    """Issue 22 item 6: the write-off proposed to the chief accountant's control (app/control)."""

    justification: Text = Field(default=None, max_length=500)


class ReportForm(WebForm):
    """The enforcement authority's answer about the title (seed 003 §3.8)."""

    reported_on: Day
    kind: Literal["srodek", "wyegzekwowano", "zwrot_nieegzekwowalny"]
    amount: OptionalAmount = None
    description: Text = Field(default=None, max_length=2000)

    @field_validator("amount", mode="after")
    @classmethod
    def _amount_when_recovered(cls, v: int | None, info: ValidationInfo) -> int | None:
        if info.data.get("kind") == "wyegzekwowano" and v is None:
            raise ValueError("Podaj wyegzekwowaną kwotę")
        return v

    model_config = WebForm.model_config | {"validate_default": True}


class AuthorityChoiceForm(WebForm):
    """Another enforcement authority for the title than the territorial one, and why."""

    authority_code: Text = Field(default=None, max_length=20)
    reason: str = Field(min_length=3, max_length=500)


class PeriodForm(WebForm):
    """The period the receivable is for (the title states it: u.p.e.a. art. 27 § 1 pkt 3)."""

    period_from: Day
    period_to: Day
    reason: Text = Field(default=None, max_length=500)


class DecisionForm(WebForm):
    """The decision fixing the amount (issue 16 item 8): the API's DecisionCreate."""

    decision_ref: str = Field(min_length=1, max_length=100)
    issued_on: Day
    delivered_on: Day
    final_on: OptionalDay = None
    pay_by: OptionalDay = None
    amount: OptionalAmount = None
    period_from: OptionalDay = None
    period_to: OptionalDay = None

    def to_schema(self) -> DecisionCreate:
        amount = None if self.amount is None else format_amount(self.amount)
        return DecisionCreate.model_validate(self.model_dump() | {"amount": amount})


class DeductionForm(WebForm):
    """A deduction from a benefit paid out (issue 16 item 10): the API's DeductionCreate."""

    deducted_on: Day
    amount: Amount
    benefit_amount: Amount
    benefit: str = Field(min_length=1, max_length=100)

    def to_schema(self) -> DeductionCreate:
        return DeductionCreate.model_validate(
            self.model_dump()
            | {
                "amount": format_amount(self.amount),
                "benefit_amount": format_amount(self.benefit_amount),
            }
        )
