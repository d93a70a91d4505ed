"""The page of the procedure against an alimony debtor (issue 18): the case with its steps, the
next step and its deadline, the art. 5 ust. 3a check, BIG and the licence conditions, and a form
for each group of steps. Each form runs the same use case as the API, in a savepoint."""

from __future__ import annotations

from datetime import date
from typing import Literal

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import Field
from sqlalchemy.ext.asyncio import AsyncSession

from app.alimony import case as case_service
from app.alimony import service as alimony_service
from app.alimony.case_schemas import CaseCreate, StepCreate
from app.audit.reads import audited
from app.auth.deps import SessionDep
from app.auth.roles import Permission, can
from app.deps import TodayDep
from app.domain import alimony_case as rules
from app.domain.alimony_case import RELIEF_LABELS, STATUS_LABELS, STEP_LABELS, Step
from app.domain.money import format_amount
from app.errors import Conflict, NotFound
from app.web.forms import (
    Day,
    FormState,
    OptionalAmount,
    OptionalDay,
    Text,
    WebForm,
    blank_form,
    submit_action,
)
from app.web.session import Collector, Reader, verify_csrf
from app.web.templating import pl_date, render

router = APIRouter(prefix="/alimenty", dependencies=[Depends(verify_csrf)], include_in_schema=False)


class OpenCaseForm(WebForm):
    trigger: Literal["bezskuteczna_egzekucja", "fundusz_alimentacyjny", "piecza_zastepcza"]
    opened_on: Day
    creditor_commune_terc: str = Field(pattern=r"^[0-9]{7}$")
    debtor_commune_terc: str = Field(pattern=r"^[0-9]{7}$")

    def to_schema(self) -> CaseCreate:
        return CaseCreate.model_validate(self.model_dump())


class StepForm(WebForm):
    """Every step form: `action` is "step" or "step:kind" (the form's select or hidden field)."""

    action: str = Field(min_length=1, max_length=70)
    on: Day
    scheduled_for: OptionalDay = None
    place: Text = Field(default=None, max_length=300)
    family: Text = Field(default=None, max_length=2000)
    income: Text = Field(default=None, max_length=2000)
    health: Text = Field(default=None, max_length=2000)
    reasons: Text = Field(default=None, max_length=2000)
    real_estate: Text = Field(default=None, max_length=2000)
    movables: Text = Field(default=None, max_length=2000)
    savings: Text = Field(default=None, max_length=2000)
    earnings: Text = Field(default=None, max_length=2000)
    liabilities: Text = Field(default=None, max_length=2000)
    description: Text = Field(default=None, max_length=2000)
    addressee: Text = Field(default=None, max_length=500)
    case_ref: Text = Field(default=None, max_length=100)
    amount: OptionalAmount = None
    instalments: int | None = Field(default=None, ge=2, le=120)
    deferred_to: OptionalDay = None
    first_due_on: OptionalDay = None

    def to_schema(self) -> StepCreate:
        step, _, kind = self.action.partition(":")
        values = {k: v for k, v in self.model_dump().items() if v is not None and k != "action"}
        if self.amount is not None:
            values["amount"] = format_amount(self.amount)
        return StepCreate.model_validate({**values, "step": step, "kind": kind})


# The step forms of the page: name → (title, hint, the actions its select offers).
STEP_FORMS: dict[str, tuple[str, str, list[tuple[str, str]]]] = {
    "wezwanie": (
        "Wezwanie na wywiad",
        "Drukuje wezwanie (art. 5 ust. 1 ustawy; art. 54 k.p.a.).",
        [("wywiad:wezwanie", "wezwanie na wywiad")],
    ),
    "wywiad": (
        "Wywiad alimentacyjny",
        "Sytuacja rodzinna, dochodowa i zawodowa; stan zdrowia; przyczyny niełożenia.",
        [("wywiad:przeprowadzony", "wywiad przeprowadzony")],
    ),
    "oswiadczenie": (
        "Oświadczenie majątkowe",
        "Według formularza oświadczenia majątkowego.",
        [("oswiadczenie", "oświadczenie złożone")],
    ),
    "odmowa": (
        "Odmowa lub utrudnianie",
        "Podstawa wszczęcia postępowania (art. 5 ust. 3 ustawy; zał. 9 pkt 4).",
        [(f"odmowa:{g.value}", label) for g, label in rules.GROUND_LABELS.items()],
    ),
    "praca": (
        "Praca (PUP)",
        "Zobowiązanie z terminem rejestracji albo informacja dla PUP (art. 5 ust. 2).",
        [
            ("zobowiazanie_pup", "zobowiązanie do rejestracji w PUP"),
            ("informacja_pup", "informacja dla PUP o potrzebie aktywizacji"),
        ],
    ),
    "uchylanie": (
        "Uznanie za uchylającego się",
        "Wszczęcie z zawiadomieniem; decyzja (blokada 50 % z art. 5 ust. 3a); doręczenie;"
        " ostateczność; uchylenie.",
        [
            ("wszczecie_uchylanie", "wszczęcie postępowania (zawiadomienie)"),
            ("decyzja_uchylanie:wydana", "decyzja wydana (projekt do podpisu)"),
            ("decyzja_uchylanie:doreczona", "decyzja doręczona"),
            ("decyzja_uchylanie:ostateczna", "decyzja ostateczna"),
            ("decyzja_uchylanie:uchylona", "decyzja uchylona"),
        ],
    ),
    "po_decyzji": (
        "Po decyzji ostatecznej",
        "Wniosek o ściganie (art. 209 § 1 k.k.), odpowiedź CEPiK, wnioski do starosty.",
        [
            ("wniosek_o_sciganie", "wniosek o ściganie do prokuratury"),
            ("cepik:posiada", "CEPiK: dłużnik posiada prawo jazdy"),
            ("cepik:nie_posiada", "CEPiK: dłużnik nie posiada prawa jazdy"),
            ("wniosek_prawo_jazdy", "wniosek do starosty o zatrzymanie prawa jazdy"),
            ("wniosek_zwrot_prawa_jazdy:wplaty", "wniosek o zwrot: wpłaty 50 % przez 6 miesięcy"),
            ("wniosek_zwrot_prawa_jazdy:uchylenie", "wniosek o zwrot: decyzja uchylona"),
        ],
    ),
    "big": (
        "Pouczenie o BIG",
        "Zaległości ponad 6 miesięcy: fundusz i zaliczki (ustawa z 22.04.2005).",
        [("pouczenie_big", "pouczenie / informacja o przekazaniu do BIG")],
    ),
    "ulga": (
        "Ulga na wniosek dłużnika",
        "Umorzenie, odroczenie, raty (art. 30 ust. 2 ustawy).",
        [
            ("wniosek_ulga:umorzenie", "wniosek: umorzenie"),
            ("wniosek_ulga:odroczenie", "wniosek: odroczenie terminu"),
            ("wniosek_ulga:raty", "wniosek: raty"),
            ("decyzja_ulga:umorzenie", "decyzja: umorzenie"),
            ("decyzja_ulga:odroczenie", "decyzja: odroczenie terminu"),
            ("decyzja_ulga:raty", "decyzja: raty"),
            ("decyzja_ulga:odmowa", "decyzja: odmowa"),
        ],
    ),
}
TRIGGERS = [(t.value, label) for t, label in rules.TRIGGER_LABELS.items()]
SIGNED = {Step.DECYZJA_UCHYLANIE.value, Step.DECYZJA_ULGA.value}


def _url(debtor_id: int) -> str:
    return f"/alimenty/zobowiazani/{debtor_id}/sprawa"


async def case_page(
    request: Request,
    session: AsyncSession,
    debtor_id: int,
    today: date,
    failed: FormState | None = None,
) -> Response:
    debtor = await alimony_service.debtor_or_404(session, debtor_id)
    forms = {name: blank_form(StepForm, name, on=today.isoformat()) for name in STEP_FORMS}
    forms["sprawa"] = blank_form(
        OpenCaseForm,
        "sprawa",
        opened_on=today.isoformat(),
        debtor_commune_terc=debtor.commune_code or "",
    )
    if failed is not None:
        forms[failed.name] = failed
    found = await case_service.case_or_none(session, debtor_id)
    view = await case_service.view(session, debtor_id, today) if found is not None else None
    return render(
        request,
        "alimony/case.html",
        {
            "debtor": debtor,
            "v": view,
            "forms": forms,
            "failed": failed.name if failed else None,
            "step_forms": STEP_FORMS,
            "triggers": TRIGGERS,
            "trigger_labels": {t.value: label for t, label in rules.TRIGGER_LABELS.items()},
            "step_labels": {s.value: label for s, label in STEP_LABELS.items()},
            "relief_labels": {r.value: label for r, label in RELIEF_LABELS.items()},
            "status_labels": {s.value: label for s, label in STATUS_LABELS.items()},
            "grounds": {g.value: label for g, label in rules.GROUND_LABELS.items()},
            "big_labels": case_service.BIG_ACTION_LABELS,
            "letter_of": case_service.letter_of,
            "today": today,
        },
        failed.status if failed else 200,
    )


@router.get("/zobowiazani/{debtor_id}/sprawa", dependencies=[audited("sprawa alimentacyjna")])
async def case_view(
    request: Request, debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The procedure against the debtor: steps, the next step and its deadline, the forms."""
    return await case_page(request, session, debtor_id, today)


@router.post("/zobowiazani/{debtor_id}/sprawa")
async def open_case(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Open the case on one of the seed's triggers."""
    await alimony_service.debtor_or_404(session, debtor_id)

    async def use_case(data: OpenCaseForm) -> str:
        c = await case_service.open_case(session, debtor_id, data.to_schema(), user.username, today)
        return f"Wszczęto sprawę wobec dłużnika alimentacyjnego z dnia {pl_date(c.opened_on)}."

    async def page(form: FormState) -> Response:
        return await case_page(request, session, debtor_id, today, form)

    return await submit_action(
        request, session, OpenCaseForm, "sprawa", use_case, _url(debtor_id), page
    )


@router.post("/zobowiazani/{debtor_id}/sprawa/kroki/{form_name}")
async def record_step(
    request: Request,
    debtor_id: int,
    form_name: str,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Record a step from one of the page's forms; a refusal shows on that form."""
    if form_name not in STEP_FORMS:
        raise NotFound(f"Nie ma formularza „{form_name}”")
    await alimony_service.debtor_or_404(session, debtor_id)

    async def use_case(data: StepForm) -> str:
        schema = data.to_schema()
        if schema.step in SIGNED and not can(user.role, Permission.SIGN):
            raise Conflict("Decyzję zapisuje osoba z uprawnieniem do podpisu", field="action")
        row = await case_service.record_step(session, debtor_id, schema, user.username, today)
        label = STEP_LABELS[Step(row.step)]
        return f"Zapisano: {label} z dnia {pl_date(row.done_on)}."

    async def page(form: FormState) -> Response:
        return await case_page(request, session, debtor_id, today, form)

    return await submit_action(
        request, session, StepForm, form_name, use_case, _url(debtor_id), page
    )
