"""Alimony pages: the overview (who qualifies for an art. 30 write-off, the fund's debtors, the
year-end list), the debtor's alimony card (awards, payouts, recoveries, the monthly history as a
table and a chart, the balance by claim, the art. 5 ust. 3a check, the write-off draft) with its
forms, and the BIG and KRZ lists. Each form runs the same use case as the API, in a savepoint."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import entry_forms, registers, service, write_offs
from app.alimony.forms import (
    CLAIM_LABELS,
    PAYOUT_CLAIMS,
    REGISTER_LABELS,
    REMOVAL_LABELS,
    SOURCE_LABELS,
    AlimonyWriteOffForm,
    AwardForm,
    EnforcementForm,
    PayoutForm,
    RecoveryForm,
    SubmissionForm,
)
from app.alimony.repository import AlimonyRepository
from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.domain.alimony import Register
from app.errors import Invalid, NotFound
from app.web.forms import (
    FormState,
    WebForm,
    attempt,
    blank_form,
    read_form,
    see_other,
    submit_action,
    web_date,
)
from app.web.session import Collector, Reader, Signer, flash, verify_csrf
from app.web.templating import pl_date, render, zl

router = APIRouter(prefix="/alimenty", dependencies=[Depends(verify_csrf)], include_in_schema=False)
F = TypeVar("F", bound=WebForm)
CHART_MONTHS = 24  # the chart shows the last two years; the table shows every month

# form name → its class: the debtor's alimony card shows them all (write-off: for signers)
FORMS: dict[str, type[WebForm]] = {
    "zasadzone": AwardForm,
    "wyplata": PayoutForm,
    "wyegzekwowane": RecoveryForm,
    "egzekucja": EnforcementForm,
    "umorzenie": AlimonyWriteOffForm,
}


def _as_of(request: Request, today: date) -> tuple[date, str | None]:
    """The "stan na dzień" of a list page (?dzien=), today when absent; a bad or future date is
    told, and today is used."""
    raw = request.query_params.get("dzien", "").strip()
    if not raw:
        return today, None
    try:
        day = web_date(raw)
    except ValueError as exc:
        return today, f"Nieprawidłowa data „{raw}”: {exc}. Pokazano stan na dziś."
    if day > today:
        return today, "Stan można pokazać najwyżej na dziś. Pokazano stan na dziś."
    return day, None


# --- overview ------------------------------------------------------------------------------------


@router.get("")
async def overview(
    request: Request, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The fund's debtors, who qualifies for a write-off as of a day, links to the lists."""
    as_of, warning = _as_of(request, today)
    repo = AlimonyRepository(session)
    candidates = await write_offs.eligible(session, as_of)
    ids = await repo.alimony_debtor_ids(as_of)
    debtors = await repo.debtors(sorted(set(ids) | {c.debtor_id for c in candidates}))
    return render(
        request,
        "alimony/index.html",
        {
            "as_of": as_of,
            "warning": warning,
            "candidates": candidates,
            "debtors": debtors,
            "fund_debtors": [debtors[i] for i in ids],
            "year": as_of.year - 1 if as_of.month < 12 else as_of.year,
            "registers": REGISTER_LABELS,
        },
    )


# --- the debtor's alimony card -------------------------------------------------------------------


def _blank_forms(today: date) -> dict[str, FormState]:
    day = today.isoformat()
    return {
        "zasadzone": blank_form(AwardForm, "zasadzone", valid_from=day),
        "wyplata": blank_form(PayoutForm, "wyplata", paid_on=day, claim="fund"),
        "wyegzekwowane": blank_form(
            RecoveryForm, "wyegzekwowane", received_on=day, source="egzekucja_sadowa"
        ),
        "egzekucja": blank_form(EnforcementForm, "egzekucja", started_on=day),
        "umorzenie": blank_form(AlimonyWriteOffForm, "umorzenie", decided_on=day),
    }


def chart(months: list[Any]) -> dict[str, Any]:
    """Bars for the last CHART_MONTHS months: awarded (outline) and recovered (filled), scaled
    to the largest amount; effective months are marked. Pure arithmetic for an inline SVG."""
    shown = months[-CHART_MONTHS:]
    top = max([1] + [max(m.awarded, m.recovered) for m in shown])
    height, width = 120, 22
    bars = []
    for i, m in enumerate(shown):
        a = round(m.awarded * height / top)
        r = round(m.recovered * height / top)
        bars.append(
            {
                "x": i * width,
                "awarded_y": height - a,
                "awarded_h": a,
                "recovered_y": height - r,
                "recovered_h": r,
                "effective": m.effective,
                "label": f"{m.month.month:02d}.{m.month.year}",
                "title": f"{m.month.month:02d}.{m.month.year}: zasądzone {zl(m.awarded)}, "
                f"wyegzekwowane {zl(m.recovered)}"
                + (" — miesiąc skuteczny" if m.effective else ""),
            }
        )
    return {"bars": bars, "height": height, "width": width * max(1, len(shown)), "step": width}


async def card_page(
    request: Request,
    session: AsyncSession,
    debtor_id: int,
    today: date,
    failed: FormState | None = None,
) -> Response:
    debtor = await service.debtor_or_404(session, debtor_id)
    repo = AlimonyRepository(session)
    facts = await service.facts_of(session, debtor_id)  # gathered once for the whole card
    rows = await repo.parameter_rows()
    eng = await service.fund_engine(session, rows)
    history = service.history_of(facts, eng, today)
    evasion = registers.evasion_of(facts, rows, today)
    draft = write_offs.draft_of(debtor, facts, rows, eng, today)
    forms = _blank_forms(today)
    if draft is not None:
        forms["umorzenie"].values["step"] = str(draft.draft.step)
    if failed is not None:
        forms[failed.name] = failed
    allocated: dict[int, list[Any]] = {}
    for a in facts.allocations:
        allocated.setdefault(a.recovery_id, []).append(a)
    return render(
        request,
        "alimony/debtor.html",
        {
            "debtor": debtor,
            "facts": facts,
            "h": history,
            "months": list(reversed(history.months)),
            "chart": chart(list(history.months)),
            "evasion": evasion,
            "evasion_basis": registers.EVASION_BASIS,
            "draft": draft,
            "enforcements": await repo.enforcements([debtor_id]),
            "allocated": allocated,
            "forms": forms,
            "failed": failed.name if failed else None,
            "claims": CLAIM_LABELS,
            "sources": SOURCE_LABELS,
            "payout_claims": PAYOUT_CLAIMS,
            # issue 19 item 3: the entries with their correction forms, the corrections made
            **await entry_forms.context(session, debtor_id, today, failed),
        },
        failed.status if failed else 200,
    )


@router.get("/zobowiazani/{debtor_id}", dependencies=[audited("karta alimentacyjna")])
async def card(
    request: Request, debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The debtor's alimony card as of today."""
    return await card_page(request, session, debtor_id, today)


async def _submit(
    request: Request,
    session: AsyncSession,
    debtor_id: int,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
) -> Response:
    await service.debtor_or_404(session, debtor_id)

    async def card(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    back = f"/alimenty/zobowiazani/{debtor_id}"
    return await submit_action(request, session, form_cls, name, use_case, back, card)


@router.post("/zobowiazani/{debtor_id}/zasadzone")
async def award(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record the awarded monthly alimony, or its change by the court, from a date."""

    async def use_case(data: AwardForm) -> str:
        a = await service.record_award(session, debtor_id, data.to_schema(), user.username)
        return (
            f"Zapisano alimenty zasądzone od {pl_date(a.valid_from)}: "
            f"{zl(a.monthly_amount)} miesięcznie."
        )

    return await _submit(request, session, debtor_id, today, AwardForm, "zasadzone", use_case)


@router.post("/zobowiazani/{debtor_id}/wyplaty")
async def payout(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record a benefit payout (or an advance): it creates or extends the fund receivable."""

    async def use_case(data: PayoutForm) -> str:
        p = await service.record_payout(session, debtor_id, data.to_schema(), user.username, today)
        return (
            f"Zapisano wypłatę z dnia {pl_date(p.paid_on)}: {zl(p.amount)} "
            f"({PAYOUT_CLAIMS[data.claim]}); odsetki biegną od dnia następnego."
        )

    return await _submit(request, session, debtor_id, today, PayoutForm, "wyplata", use_case)


@router.post("/zobowiazani/{debtor_id}/wyegzekwowane")
async def recovery(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record money recovered from the debtor; it is applied in the order of art. 28."""

    async def use_case(data: RecoveryForm) -> str:
        r = await service.record_recovery(
            session, debtor_id, data.to_schema(), user.username, today
        )
        extra = f"; nadpłata {zl(r.overpayment)}" if r.overpayment else ""
        return (
            f"Zapisano kwotę wyegzekwowaną {pl_date(r.received_on)}: {zl(r.amount)}, "
            f"zaliczoną w kolejności art. 28{extra}."
        )

    return await _submit(
        request, session, debtor_id, today, RecoveryForm, "wyegzekwowane", use_case
    )


@router.post("/zobowiazani/{debtor_id}/egzekucje")
async def enforcement(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record enforcement of the fund's claims under way (the KRZ entry needs it)."""

    async def use_case(data: EnforcementForm) -> str:
        e = await service.record_enforcement(
            session, debtor_id, data.to_schema(), user.username, today
        )
        return f"Zapisano egzekucję prowadzoną przez {e.authority} od {pl_date(e.started_on)}."

    return await _submit(request, session, debtor_id, today, EnforcementForm, "egzekucja", use_case)


@router.post("/zobowiazani/{debtor_id}/umorzenie")
async def write_off(
    request: Request, debtor_id: int, session: SessionDep, user: Signer, today: TodayDep
) -> Response:
    """Record an art. 30 write-off decision; it lowers the balance of the fund receivable."""

    async def use_case(data: AlimonyWriteOffForm) -> str:
        made = await write_offs.decide(session, debtor_id, data.to_schema(), user.username, today)
        return (
            f"Zapisano decyzję {made.write_off.decision_ref}: umorzono "
            f"{zl(made.write_off.amount)} (łącznie {data.step} %); "
            f"saldo {zl(made.balance)}."
        )

    return await _submit(
        request, session, debtor_id, today, AlimonyWriteOffForm, "umorzenie", use_case
    )


# --- BIG and KRZ ---------------------------------------------------------------------------------


def _register(name: str) -> Register:
    try:
        return Register(name)
    except ValueError:
        raise NotFound(f"Nie ma rejestru „{name}” (są rejestry BIG i KRZ)") from None


async def _register_page(
    request: Request,
    session: AsyncSession,
    register: Register,
    as_of: date,
    form: FormState,
    warning: str | None = None,
) -> Response:
    made = await registers.plan(session, register, as_of)
    return render(
        request,
        "alimony/register.html",
        {
            "p": made.plan,
            "register": register,
            "label": REGISTER_LABELS[register],
            "as_of": as_of,
            "warning": warning,
            "form": form,
            "reasons": REMOVAL_LABELS,
        },
        form.status,
    )


@router.get("/rejestry/{register}")
async def register_list(
    request: Request, register: str, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """Whom to enter in, update in and remove from BIG or KRZ as of a day."""
    which = _register(register)
    as_of, warning = _as_of(request, today)
    form = blank_form(SubmissionForm, "przekazanie", as_of=as_of.isoformat())
    return await _register_page(request, session, which, as_of, form, warning)


@router.post("/rejestry/{register}/przekazanie")
async def submit_register(
    request: Request, register: str, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Record that the list as of a day was passed to its register."""
    which = _register(register)
    form, data = await read_form(request, SubmissionForm, "przekazanie")
    if data is not None:

        async def work() -> Response:
            if data.as_of > today:
                raise Invalid("Nie można przekazać wykazu na dzień z przyszłości", field="as_of")
            made = await registers.submit(session, which, data.as_of, user.username)
            p = made.plan
            flash(
                request,
                f"Zapisano przekazanie do {which.value.upper()} na dzień {pl_date(data.as_of)}: "
                f"wpisy {len(p.enter)}, aktualizacje {len(p.update)}, usunięcia {len(p.remove)}.",
            )
            return see_other(f"/alimenty/rejestry/{which.value}?dzien={data.as_of.isoformat()}")

        if done := await attempt(session, form, work):
            return done
    return await _register_page(request, session, which, today, form)
