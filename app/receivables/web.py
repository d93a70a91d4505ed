"""Receivable pages: the card as of today with its action forms, the audit trail, the folders,
and the form that registers a receivable for a debtor."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.corrections import views as correction_views
from app.corrections.forms import AmendmentForm, AnnulmentForm, ReversalForm
from app.debtors import service as debtor_service
from app.deliveries import views as delivery_views
from app.deps import TodayDep
from app.domain import control
from app.domain.delivery import METHOD_LABELS
from app.domain.lifecycle import CLOSED_STATES, State
from app.errors import NotFound
from app.receivables import audit, details, folders, service
from app.receivables.forms import (
    AuthorityChoiceForm,
    DecisionForm,
    DeductionForm,
    DeliveryForm,
    InstalmentsForm,
    IssueForm,
    PaymentForm,
    PeriodForm,
    ReceivableForm,
    ReportForm,
    WriteOffForm,
    WriteOffProposalForm,
)
from app.receivables.repository import ReceivableRepository
from app.unit import authorities
from app.web.forms import (
    FormState,
    WebForm,
    attempt,
    blank_form,
    read_form,
    see_other,
    submit_action,
)
from app.web.session import Collector, Reader, Viewer, flash, verify_csrf
from app.web.templating import render

router = APIRouter(dependencies=[Depends(verify_csrf)], include_in_schema=False)

# form name → its class; the card shows the ones the state allows (see available_forms)
ACTION_FORMS: dict[str, type[WebForm]] = {
    "doreczenie": DeliveryForm,
    "wplata": PaymentForm,
    "upomnienie": IssueForm,
    "tytul": IssueForm,
    "raty": InstalmentsForm,
    "umorzenie": WriteOffForm,
    "wniosek_umorzenie": WriteOffProposalForm,
    "organ": ReportForm,
    "organ_wybor": AuthorityChoiceForm,
    "okres": PeriodForm,
    "decyzja": DecisionForm,
    "potracenie": DeductionForm,
}
# The receivable's data mended before its title (app/receivables/details.py).
DETAIL_FORMS = ("okres", "organ_wybor")


def available_forms(card: service.Card, viewer: Viewer) -> list[str]:
    """The action forms that make sense now (issue 19 item 1: the next step's, for the state as
    of today, Card.state), of those the lifecycle allows and the role may use."""
    state, allowed, fit = card.state, set(card.allowed_actions), card.step.forms
    shown = []
    if viewer.can("collect"):
        if state in (State.WYSTAWIONA, State.UPOMNIENIE) and "doreczenie" in fit:
            shown.append("doreczenie")
        shown += [
            name
            for name, action in (
                ("wplata", "zaplata"),
                ("upomnienie", "upomnienie"),
                ("tytul", "tytul_wykonawczy"),
                ("raty", "raty"),
            )
            if action in allowed and name in fit
        ]
        if state == State.TYTUL_WYKONAWCZY:
            shown.append("organ")  # the enforcement authority's answers about the title
        # Issue 16 items 8 and 10: the decision before enforcement; deductions from benefits.
        if card.rules.decision_required and state in (State.WYSTAWIONA, State.WYMAGALNA):
            shown.append("decyzja")
        if card.rules.deduction_limit_code and "zaplata" in allowed:
            shown.append("potracenie")
    # Issue 22 item 6: a write-off is proposed to the chief accountant's control (app/control);
    # the direct form (route /umorzenie) is no longer on the card.
    if viewer.can("collect") and allowed & {"umorzenie", "umorzenie_czesciowe"}:
        shown.append("wniosek_umorzenie")
    titled = any(d.kind == "tytul_wykonawczy" for d in card.documents)
    if viewer.can("collect") and not titled and state not in CLOSED_STATES:
        shown += DETAIL_FORMS
    return shown


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _blank_forms(card: service.Card, today: date) -> dict[str, FormState]:
    iso = today.isoformat()
    document = "upomnienie" if card.state == State.UPOMNIENIE else "wezwanie"
    defaults = {
        "doreczenie": {"document": document},
        "wplata": {"paid_on": iso},
        "upomnienie": {"issued_on": iso},
        "tytul": {"issued_on": iso},
        "raty": {"decided_on": iso},
        "umorzenie": {"decided_on": iso, "scope": "calosc"},
        "wniosek_umorzenie": {"decided_on": iso, "scope": "calosc"},
        "organ": {"reported_on": iso, "kind": "srodek"},
        "organ_wybor": {"authority_code": card.receivable.authority_code or ""},
        "decyzja": {
            "decision_ref": card.receivable.decision_ref or "",
            "issued_on": _iso(card.receivable.decision_issued_on),
            "delivered_on": _iso(card.receivable.decision_delivered_on),
            "final_on": _iso(card.receivable.decision_final_on),
        },
        "potracenie": {"deducted_on": iso},
        "okres": {
            "period_from": _iso(card.receivable.period_from),
            "period_to": _iso(card.receivable.period_to),
        },
    }
    return {name: blank_form(cls, name, **defaults[name]) for name, cls in ACTION_FORMS.items()}


# Issue 22 item 6: corrections proposed to the chief accountant's control (app/control/web.py),
# under the same conditions as their direct forms, with the same fields.
PROPOSED_CORRECTIONS: dict[str, type[WebForm]] = {
    "storno": ReversalForm,
    "zmiana_decyzji": AmendmentForm,
    "uchylenie": AnnulmentForm,
}


def _proposal_forms(
    card: service.Card,
    viewer: Viewer,
    corrections: dict[str, Any],
    forms: dict[str, FormState],
    failed: FormState | None,
) -> list[str]:
    if not viewer.can("collect"):
        return []
    allowed = set(card.allowed_actions)
    shown = []
    for name, cls in PROPOSED_CORRECTIONS.items():
        if name not in allowed or (name == "storno" and not corrections["payments"]):
            continue
        key = f"wniosek_{name}"
        defaults = corrections["forms"][name].values if name in corrections["forms"] else {}
        forms[key] = blank_form(cls, key, **{k: v for k, v in defaults.items() if v})
        if failed is not None and failed.name == key:
            forms[key] = failed
        shown.append(key)
    return shown


async def card_page(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    today: date,
    failed: FormState | None = None,
) -> Response:
    card = await service.card(session, receivable_id, today)
    forms = _blank_forms(card, today)
    if failed is not None:
        forms[failed.name] = failed
    viewer: Viewer = request.state.viewer
    deliveries = await delivery_views.of_card(session, [d.id for d in card.documents])
    listed = [a for a, _communes in await authorities.listing(session)]
    # Issue 20: the corrections' own block of the card (app/corrections/views.py).
    corrections = await correction_views.block(session, card, viewer, today, failed)
    proposed = _proposal_forms(card, viewer, corrections, forms, failed)
    return render(
        request,
        "receivables/card.html",
        {
            "deliveries": deliveries,
            "methods": [(m.value, label) for m, label in METHOD_LABELS.items()],
            "card": card,
            "r": card.receivable,
            "f": card.figures,
            "debtor": card.debtor,
            "ledger": await audit.ledger(session, card),
            "forms": forms,
            "shown": available_forms(card, viewer) + corrections["shown"] + proposed,
            "corr": corrections,
            "failed": failed.name if failed else None,
            "competent": await details.authority_of(session, card.receivable, card.debtor),
            "authority_options": [("", "właściwy dla gminy zobowiązanego / domyślny")]
            + [(a.code, f"{a.name} ({a.code})") for a in listed],
            "authority_names": {a.code: a.name for a in listed},
            "changes": await details.changes(session, receivable_id),
            "proposals": await ReceivableRepository(session).proposals(receivable_id),
            "control_kinds": control.KIND_LABELS,
            "control_states": control.STATE_LABELS,
        },
        failed.status if failed else 200,
    )


@router.get("/naleznosci/{receivable_id}", dependencies=[audited("karta należności")])
async def card(
    request: Request, receivable_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The receivable card as of today, with the actions its state allows."""
    return await card_page(request, session, receivable_id, today)


@router.get("/naleznosci/{receivable_id}/historia", dependencies=[audited("historia należności")])
async def history(
    request: Request, receivable_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """Who did what and when on this receivable."""
    c = await service.card(session, receivable_id, today)
    entries = await audit.trail(session, receivable_id)
    return render(
        request,
        "receivables/history.html",
        {"r": c.receivable, "debtor": c.debtor, "entries": entries},
    )


@router.get("/teczki/{code}")
async def folder(
    request: Request,
    code: str,
    session: SessionDep,
    _user: Reader,
    today: TodayDep,
    year: int | None = None,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> Response:
    """The receivables in one folder of seed 003 §2.3."""
    found = next((f for f in folders.FOLDERS if f.code == code), None)
    if found is None:
        raise NotFound(f"Nie ma teczki „{code}”")
    page = 100
    rows = await folders.folder_list(
        session, code, year or today.year, today, limit=page + 1, offset=offset
    )
    return render(
        request,
        "receivables/folder.html",
        {
            "folder": found,
            "rows": rows[:page],
            "year": year or today.year,
            "offset": offset,
            "more": len(rows) > page,
            "page": page,
        },
    )


def _new_page(request: Request, debtor: object, form: FormState, kinds: list[object]) -> Response:
    return render(
        request,
        "receivables/new.html",
        {"debtor": debtor, "form": form, "kinds": kinds},
        form.status,
    )


@router.get("/zobowiazani/{debtor_id}/naleznosci/nowa")
async def new_form(
    request: Request, debtor_id: int, session: SessionDep, _user: Collector, today: TodayDep
) -> Response:
    """The form to register a receivable for a debtor."""
    debtor = await debtor_service.get(session, debtor_id)
    form = blank_form(
        ReceivableForm, "naleznosc", kind="oplata_pobyt", issue_date=today.isoformat()
    )
    return _new_page(request, debtor, form, list(await service.kinds(session)))


@router.post("/zobowiazani/{debtor_id}/naleznosci/nowa")
async def create(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Register a receivable; its wezwanie do zapłaty is issued with it."""
    debtor = await debtor_service.get(session, debtor_id)
    form, data = await read_form(request, ReceivableForm, "naleznosc")
    if data is not None:

        async def work() -> Response:
            r = await service.create(session, data.to_schema(debtor_id), user.username, today)
            flash(request, "Zarejestrowano należność i wystawiono wezwanie do zapłaty.")
            return see_other(f"/naleznosci/{r.id}")

        if done := await attempt(session, form, work):
            return done
        debtor = await debtor_service.get(session, debtor_id)
    return _new_page(request, debtor, form, list(await service.kinds(session)))


F = TypeVar("F", bound=WebForm)


async def submit_on_card(
    request: Request,
    session: AsyncSession,
    receivable_id: int,
    today: date,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
    anchor: str = "",
) -> Response:
    """A form of the receivable card: done, back to the card (at `anchor`); refused, the card
    again with the form's errors and what was typed."""

    async def card(form: FormState) -> Response:
        return await card_page(request, session, receivable_id, today, form)

    back = f"/naleznosci/{receivable_id}{anchor}"
    return await submit_action(request, session, form_cls, name, use_case, back, card)
