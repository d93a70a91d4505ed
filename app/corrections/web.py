"""Issue 20: the correction forms of the receivable card. Each validates its form, calls the same
use case as the API in a savepoint and redirects back to the card (303), or shows the card again
with the message next to the field, nothing written."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.deps import SessionDep
from app.corrections import disputes, enforcement, service
from app.corrections.forms import (
    AmendmentForm,
    AnnulmentForm,
    DisputeForm,
    DisputeResolveForm,
    EnforcementActForm,
    RefundForm,
    ReversalForm,
    SetOffForm,
    WithdrawalForm,
)
from app.corrections.repository import CorrectionRepository
from app.deps import TodayDep
from app.errors import Conflict
from app.overpayments import service as overpayments
from app.overpayments.repository import OverpaymentRepository
from app.receivables.web import submit_on_card
from app.titles.repository import TitleRepository
from app.web.forms import WebForm
from app.web.session import Collector, Signer, verify_csrf
from app.web.templating import pl_date, zl

router = APIRouter(
    prefix="/naleznosci/{receivable_id}",
    dependencies=[Depends(verify_csrf)],
    include_in_schema=False,
)
F = TypeVar("F", bound=WebForm)


async def _submit(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
) -> Response:
    return await submit_on_card(
        request, session, receivable_id, today, form_cls, name, use_case, "#korekty-sekcja"
    )


async def _own_payment(session: AsyncSession, receivable_id: int, payment_id: int) -> None:
    payment = await CorrectionRepository(session).payment(payment_id)
    if payment is None or payment.receivable_id != receivable_id:
        raise Conflict("Wskazana wpłata nie należy do tej należności")


async def _title_id(session: AsyncSession, receivable_id: int) -> int:
    title = await TitleRepository(session).latest_title(receivable_id)
    if title is None:
        raise Conflict("Należność nie ma tytułu wykonawczego")
    return title.id


async def _own_overpayment(session: AsyncSession, receivable_id: int, overpayment_id: int) -> None:
    row = await OverpaymentRepository(session).get(overpayment_id)
    if row is None or row.receivable_id != receivable_id:
        raise Conflict("Wskazana nadpłata nie dotyczy tej należności")


@router.post("/storno")
async def reversal(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Reverse a payment (storno)."""

    async def use_case(data: ReversalForm) -> str:
        await _own_payment(session, receivable_id, data.payment_id)
        done = await service.reverse_payment(
            session, data.payment_id, data.to_schema(), user.username, today
        )
        p = done.payment
        extra = " Pozycja wyciągu wróciła do dopasowania." if done.bank_line else ""
        extra += " Przygotowano zawiadomienie dla organu egzekucyjnego." if done.notice else ""
        return f"Wycofano wpłatę {zl(p.amount)} z dnia {pl_date(p.paid_on)}.{extra}"

    return await _submit(request, session, receivable_id, today, ReversalForm, "storno", use_case)


@router.post("/zmiana-decyzji")
async def amendment(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Record an amended decision."""

    async def use_case(data: AmendmentForm) -> str:
        await service.amend(session, receivable_id, data.to_schema(), user.username, today)
        return f"Zapisano zmianę decyzji: należność główna {zl(data.principal)}."

    return await _submit(
        request, session, receivable_id, today, AmendmentForm, "zmiana_decyzji", use_case
    )


@router.post("/uchylenie")
async def annulment(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Record an annulled decision."""

    async def use_case(data: AnnulmentForm) -> str:
        await service.annul(session, receivable_id, data.to_schema(), user.username, today)
        return "Zapisano uchylenie decyzji: należność anulowana, wpłaty stały się nadpłatą."

    return await _submit(
        request, session, receivable_id, today, AnnulmentForm, "uchylenie", use_case
    )


@router.post("/wycofanie-tytulu")
async def withdrawal(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Withdraw the executive title."""

    async def use_case(data: WithdrawalForm) -> str:
        title_id = await _title_id(session, receivable_id)
        await enforcement.withdraw(session, title_id, data.to_schema(), user.username, today)
        return "Wycofano tytuł wykonawczy; zawiadomienie czeka na przekazanie organowi."

    return await _submit(
        request, session, receivable_id, today, WithdrawalForm, "wycofanie", use_case
    )


@router.post("/egzekucja")
async def enforcement_act(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the authority's suspension, resumption or end of the enforcement."""

    async def use_case(data: EnforcementActForm) -> str:
        title_id = await _title_id(session, receivable_id)
        await enforcement.record_act(session, title_id, data.to_schema(), user.username, today)
        return "Zapisano czynność organu egzekucyjnego."

    return await _submit(
        request, session, receivable_id, today, EnforcementActForm, "egzekucja", use_case
    )


@router.post("/spor")
async def dispute(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record objections or a court challenge."""

    async def use_case(data: DisputeForm) -> str:
        d = await disputes.open_dispute(
            session, receivable_id, data.to_schema(), user.username, today
        )
        due = (
            f" Postanowienie wierzyciela do {pl_date(d.answer_due_on)}." if d.answer_due_on else ""
        )
        return f"Zapisano; czynności automatyczne wstrzymane.{due}"

    return await _submit(request, session, receivable_id, today, DisputeForm, "spor", use_case)


@router.post("/spor-rozstrzygniety")
async def dispute_resolved(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record how a dispute ended."""

    async def use_case(data: DisputeResolveForm) -> str:
        d = await CorrectionRepository(session).dispute(data.dispute_id)
        if d is None or d.receivable_id != receivable_id:
            raise Conflict("Wskazany spór nie dotyczy tej należności")
        await disputes.resolve(session, data.dispute_id, data.to_schema(), user.username, today)
        return "Zapisano rozstrzygnięcie."

    return await _submit(
        request, session, receivable_id, today, DisputeResolveForm, "spor_koniec", use_case
    )


@router.post("/nadplata-zwrot")
async def refund(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Refund an overpayment."""

    async def use_case(data: RefundForm) -> str:
        await _own_overpayment(session, receivable_id, data.overpayment_id)
        await overpayments.refund(
            session, data.overpayment_id, data.to_schema(), user.username, today
        )
        return "Zapisano zwrot nadpłaty."

    return await _submit(
        request, session, receivable_id, today, RefundForm, "nadplata_zwrot", use_case
    )


@router.post("/nadplata-zaliczenie")
async def set_off(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Set an overpayment off against another receivable of the debtor."""

    async def use_case(data: SetOffForm) -> str:
        await _own_overpayment(session, receivable_id, data.overpayment_id)
        await overpayments.set_off(
            session, data.overpayment_id, data.to_schema(), user.username, today
        )
        return f"Zaliczono nadpłatę na należność nr {data.receivable_id}."

    return await _submit(
        request, session, receivable_id, today, SetOffForm, "nadplata_zaliczenie", use_case
    )
