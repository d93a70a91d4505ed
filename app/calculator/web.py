"""The calculator page over the money engine (app.calculator.service): interest, allocation of
payments, balance and limitation for facts typed in. Nothing is written, so the form is a GET."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field, ValidationError, field_validator

from app.auth.deps import SessionDep
from app.calculator import service
from app.calculator.schemas import CalculatorRequest
from app.deps import TodayDep
from app.domain.money import format_amount
from app.domain.parameters import MissingParameter
from app.errors import Invalid
from app.receivables import service as receivable_service
from app.web.forms import (
    Day,
    FormState,
    OptionalAmount,
    OptionalDay,
    WebForm,
    blank_form,
    web_amount,
    web_date,
)
from app.web.session import Reader, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/kalkulator", dependencies=[Depends(verify_csrf)], include_in_schema=False
)
_LINE = re.compile(r"^\s*(\S+)\s+(.+?)\s*$")


def dated_amounts(text: str) -> list[tuple[date, int]]:
    """One "date amount" per line, e.g. "2025-05-05 100,00"; the message names the line."""
    rows = []
    for n, line in enumerate((x for x in text.splitlines() if x.strip()), start=1):
        match = _LINE.match(line)
        try:
            if not match:
                raise ValueError("podaj datę i kwotę, np. 2025-05-05 100,00")
            rows.append((web_date(match[1]), web_amount(match[2])))
        except ValueError as exc:
            raise ValueError(f"Wiersz {n}: {exc}") from None
    return rows


class CalculatorForm(WebForm):
    kind: str = Field(min_length=1, max_length=64)
    principal: OptionalAmount = None
    due_date: OptionalDay = None
    payouts: str = Field(default="", max_length=50_000)
    payments: str = Field(default="", max_length=50_000)
    reminder_costs: str = Field(default="", max_length=5_000)
    decision_final_on: OptionalDay = None
    as_of: Day

    @field_validator("payouts", "payments", "reminder_costs")
    @classmethod
    def _lines(cls, v: str) -> str:
        dated_amounts(v)
        return v

    def to_schema(self) -> CalculatorRequest:
        def rows(text: str) -> list[dict[str, Any]]:
            return [{"date": d, "amount": format_amount(a)} for d, a in dated_amounts(text)]

        return CalculatorRequest.model_validate(
            {
                "kind": self.kind,
                "due_date": self.due_date,
                "decision_final_on": self.decision_final_on,
                "principal": format_amount(self.principal) if self.principal is not None else None,
                "payouts": rows(self.payouts),
                "payments": rows(self.payments),
                "reminder_costs": rows(self.reminder_costs),
                "as_of": self.as_of,
            }
        )


@router.get("")
async def calculator(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """Interest, allocation, balance and limitation for typed-in facts (as of a date)."""
    kinds = await receivable_service.kinds(session)
    values = {k: v for k, v in request.query_params.items() if k in CalculatorForm.model_fields}
    if not values:
        form = blank_form(
            CalculatorForm, "kalkulator", kind="oplata_pobyt", as_of=today.isoformat()
        )
        return render(
            request, "calculator/index.html", {"form": form, "kinds": kinds, "result": None}
        )
    form, calc = FormState("kalkulator", tuple(CalculatorForm.model_fields), values), None
    try:
        calc = await service.calculate(session, CalculatorForm.model_validate(values).to_schema())
    except ValidationError as exc:
        form.add_validation(exc)
    except (Invalid, MissingParameter) as exc:
        field = (getattr(exc, "field", None) or "").split(".")[0] or None
        form.add(field, getattr(exc, "detail", str(exc)))
        form.status = 422
    return render(
        request,
        "calculator/index.html",
        {
            "form": form,
            "kinds": kinds,
            "result": calc.result if calc else None,
            "term_note": calc.term_note if calc else None,
        },
        form.status,
    )
