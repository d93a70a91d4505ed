"""The action forms of the receivable card: each validates its form, calls the same use case as the
API (app.receivables.actions) in a savepoint, and redirects back to the card (303) or shows the card
again with the message next to the field."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile as StarletteUpload

from app.auth.deps import SessionDep
from app.deliveries import service as delivery_service
from app.deps import TodayDep
from app.errors import Conflict, Invalid
from app.files import service as files
from app.receivables import actions, decisions, details
from app.receivables.forms import (
    REPORT_KINDS,
    AuthorityChoiceForm,
    DecisionForm,
    DeductionForm,
    DeliveryForm,
    InstalmentsForm,
    IssueForm,
    PaymentForm,
    PeriodForm,
    ReportForm,
    WriteOffForm,
)
from app.receivables.repository import ReceivableRepository
from app.receivables.web import submit_on_card
from app.titles import service as titles
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
    return await submit_on_card(request, session, receivable_id, today, form_cls, name, use_case)


@router.post("/doreczenie")
async def delivery(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record how the demand or the reminder reached the debtor, with the scan of the receipt."""

    async def use_case(data: DeliveryForm) -> str:
        doc = await ReceivableRepository(session).latest_document(receivable_id, data.document)
        if doc is None:
            raise Conflict(f"Dla tej należności nie wystawiono dokumentu „{data.document}”")
        scan = await _scan(request)
        try:
            done = await delivery_service.record(
                session, doc.id, data.facts(), user.username, today, scan=scan, note=data.note or ""
            )
        except Invalid as exc:  # the form names the receipt's date delivered_on
            raise Invalid(exc.detail, field=_FORM_FIELD.get(exc.field or "", exc.field)) from exc
        what = "wezwania" if data.document == "wezwanie" else "upomnienia"
        if done.term_ends_on is None:
            return f"Zapisano zwrot {what}: nie doręczono. Otwarto zadanie ustalenia adresu."
        day, ends = pl_date(done.delivery.effective_on), pl_date(done.term_ends_on)
        how = "uznane za doręczone" if done.delivery.deemed else "doręczono"
        return f"Zapisano doręczenie {what}: {how} {day}; termin upływa {ends}."

    try:
        return await _submit(
            request, session, receivable_id, today, DeliveryForm, "doreczenie", use_case
        )
    finally:
        await files.close_uploads(request)


_FORM_FIELD = {"signed_on": "delivered_on", "file": "scan"}


async def _scan(request: Request) -> files.Upload | None:
    """The scan sent with the form, if any (an empty file input sends a nameless empty part)."""
    sent = (await request.form()).get("scan")
    if not isinstance(sent, StarletteUpload) or not sent.filename:
        return None
    content = await sent.read(files.MAX_SCAN + 1)
    if len(content) > files.MAX_SCAN:
        raise Invalid(
            f"Skan jest za duży (najwyżej {files.MAX_SCAN // (1024 * 1024)} MB)", field="scan"
        )
    return files.Upload(sent.filename, content)


@router.post("/wplata")
async def payment(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Book a payment."""

    async def use_case(data: PaymentForm) -> str:
        p, created = await actions.record_payment(
            session, receivable_id, data.to_schema(), user.username, today
        )
        if not created:
            return f"Ta wpłata była już zaksięgowana ({zl(p.amount)} z dnia {pl_date(p.paid_on)})."
        return f"Zaksięgowano wpłatę {zl(p.amount)} z dnia {pl_date(p.paid_on)}."

    return await _submit(request, session, receivable_id, today, PaymentForm, "wplata", use_case)


@router.post("/decyzja")
async def decision(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the decision fixing the amount, its delivery and the day it became final."""

    async def use_case(data: DecisionForm) -> str:
        r = await decisions.record_decision(
            session, receivable_id, data.to_schema(), user.username, today
        )
        if r.decision_final_on is None:
            return f"Zapisano decyzję {r.decision_ref}; zapisz, od kiedy jest ostateczna."
        return (
            f"Zapisano decyzję {r.decision_ref}, ostateczną {pl_date(r.decision_final_on)}; "
            f"termin płatności upływa {pl_date(r.payment_term_ends_on)}."
        )

    return await _submit(request, session, receivable_id, today, DecisionForm, "decyzja", use_case)


@router.post("/potracenie")
async def deduction(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Book a deduction from a benefit paid out (art. 30 u.ś.r.)."""

    async def use_case(data: DeductionForm) -> str:
        p = await decisions.record_deduction(
            session, receivable_id, data.to_schema(), user.username, today
        )
        return f"Zaksięgowano potrącenie {zl(p.amount)} z dnia {pl_date(p.paid_on)}."

    return await _submit(
        request, session, receivable_id, today, DeductionForm, "potracenie", use_case
    )


@router.post("/upomnienie")
async def reminder(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Issue an upomnienie."""

    async def use_case(data: IssueForm) -> str:
        doc = await actions.issue_reminder(
            session, receivable_id, data.issued_on, user.username, today
        )
        return f"Wystawiono upomnienie nr {doc.number}."

    return await _submit(request, session, receivable_id, today, IssueForm, "upomnienie", use_case)


@router.post("/tytul")
async def title(
    request: Request,
    receivable_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Issue an executive title."""

    async def use_case(data: IssueForm) -> str:
        doc = await actions.issue_title(
            session, receivable_id, data.issued_on, user.username, today
        )
        return f"Wystawiono tytuł wykonawczy nr {doc.number}."

    return await _submit(request, session, receivable_id, today, IssueForm, "tytul", use_case)


@router.post("/raty")
async def instalments(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record an instalment decision."""

    async def use_case(data: InstalmentsForm) -> str:
        plan = data.to_schema()
        await actions.grant_instalments(session, receivable_id, plan, user.username, today)
        return f"Zapisano decyzję {plan.decision_ref}: {len(plan.instalments)} rat."

    return await _submit(request, session, receivable_id, today, InstalmentsForm, "raty", use_case)


@router.post("/umorzenie")
async def write_off(
    request: Request, receivable_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Record a write-off decision (in full or in part)."""

    async def use_case(data: WriteOffForm) -> str:
        await actions.write_off(session, receivable_id, data.to_schema(), user.username, today)
        return f"Zapisano decyzję o umorzeniu {data.decision_ref}."

    return await _submit(
        request, session, receivable_id, today, WriteOffForm, "umorzenie", use_case
    )


@router.post("/organ")
async def authority_report(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the enforcement authority's answer about the title (seed 003 §3.8): a measure
    applied, an amount recovered, or the title returned as uncollectable."""

    async def use_case(data: ReportForm) -> str:
        if data.reported_on > today:
            raise Invalid("Data z przyszłości", field="reported_on")
        title = await TitleRepository(session).latest_title(receivable_id)
        if title is None:
            raise Conflict("Należność nie ma tytułu wykonawczego")
        await titles.report(
            session,
            title.id,
            data.reported_on,
            data.kind,
            data.amount,
            data.description or "",
            user.username,
        )
        return f"Zapisano informację organu do tytułu {title.number}: {REPORT_KINDS[data.kind]}."

    return await _submit(request, session, receivable_id, today, ReportForm, "organ", use_case)


@router.post("/organ-wlasciwy")
async def choose_authority(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Send the title to another enforcement authority (or back to the territorial one)."""

    async def use_case(data: AuthorityChoiceForm) -> str:
        code = data.authority_code
        await details.choose_authority(session, receivable_id, code, data.reason, user.username)
        return f"Tytuł trafi do organu {code}." if code else "Tytuł trafi do organu właściwego."

    return await _submit(
        request, session, receivable_id, today, AuthorityChoiceForm, "organ_wybor", use_case
    )


@router.post("/okres")
async def period(
    request: Request, receivable_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """The period the receivable is for."""

    async def use_case(data: PeriodForm) -> str:
        reason = data.reason or "uzupełnienie okresu"
        await details.set_period(
            session, receivable_id, data.period_from, data.period_to, reason, user.username
        )
        return (
            f"Zapisano okres należności: {pl_date(data.period_from)} – {pl_date(data.period_to)}."
        )

    return await _submit(request, session, receivable_id, today, PeriodForm, "okres", use_case)
