"""Debtor pages: search, card with the receivables as of today, add and edit forms."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.audit.reads import audited
from app.auth.deps import SessionDep, who
from app.debtors import service
from app.debtors.forms import DebtorForm
from app.debtors.schemas import DebtorCreate, DebtorUpdate
from app.deps import TodayDep
from app.models import Debtor
from app.notes import service as note_service
from app.notes.forms import NoteForm
from app.notes.schemas import NOTE_KINDS
from app.overpayments import service as overpayment_service
from app.polish import pl_date
from app.receivables import service as receivable_service
from app.teryt import service as teryt
from app.teryt.service import Commune
from app.web.forms import FormState, attempt, blank_form, read_form, see_other
from app.web.session import Collector, Reader, flash, verify_csrf
from app.web.templating import render

router = APIRouter(
    prefix="/zobowiazani", dependencies=[Depends(verify_csrf)], include_in_schema=False
)
# The service names the address as one field; the form has three (and the commune).
_ALIASES = {"address": "street", "commune_code": "commune"}


@router.get("")
async def search(request: Request, session: SessionDep, _user: Reader, q: str = "") -> Response:
    """Search debtors by name, PESEL or NIP (PESEL masked)."""
    found = await service.search(session, q)
    return render(request, "debtors/search.html", {"q": q, "debtors": found})


def _form_page(request: Request, form: FormState, debtor_id: int | None = None) -> Response:
    return render(request, "debtors/form.html", {"form": form, "debtor_id": debtor_id}, form.status)


@router.get("/nowy")
async def new_form(request: Request, _user: Collector) -> Response:
    """The form to add a debtor."""
    return _form_page(request, blank_form(DebtorForm, "zobowiazany"))


@router.post("/nowy")
async def create(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Add a debtor."""
    form, data = await read_form(request, DebtorForm, "zobowiazany")
    if data is not None:

        async def work() -> Response:
            commune = await teryt.pick(session, data.commune, data.commune_code)
            schema = data.to_schema(DebtorCreate, commune)
            debtor = await service.create(session, schema, user.username, today)
            flash(request, f"Dodano zobowiązanego: {debtor.name}.")
            return see_other(f"/zobowiazani/{debtor.id}")

        if done := await attempt(session, form, work, _ALIASES):
            return done
    return _form_page(request, form)


@router.get("/{debtor_id}", dependencies=[audited("karta zobowiązanego")])
async def card(
    request: Request, debtor_id: int, session: SessionDep, _user: Reader, today: TodayDep
) -> Response:
    """The debtor with all receivables and their balances as of today."""
    return await _card_page(request, session, debtor_id, today)


async def _card_page(
    request: Request,
    session: SessionDep,
    debtor_id: int,
    today: date,
    note_form: FormState | None = None,
) -> Response:
    debtor = await service.get(session, debtor_id)
    rows = await receivable_service.of_debtor(session, debtor_id, today)
    total = sum(f.balance for _, f in rows)
    context = {
        "debtor": debtor,
        "commune": await teryt.commune(session, debtor.commune_code),
        "candidates": await _candidates(session, debtor),
        "rows": rows,
        "total": total,
        "changes": await service.changes(session, debtor_id),
        "labels": service.AUDITED,
        # Issue 20: the debtor's overpayments with what is left to refund or set off.
        "overpayments": await overpayment_service.of_debtor(session, debtor_id),
        # Issue 19 item 1: each receivable's state as of today, as its card shows it.
        "state_of": lambda r: receivable_service.state_today(r, today),
        "notes": await note_service.of_debtor(session, debtor_id),
        "note_kinds": list(NOTE_KINDS.items()),
        "note_labels": NOTE_KINDS,
        "note_form": note_form
        or blank_form(NoteForm, "notatka", kind="telefon", occurred_on=today.isoformat()),
    }
    status = note_form.status if note_form else 200
    return render(request, "debtors/card.html", context, status)


@router.post("/{debtor_id}/notatki", dependencies=[audited("karta zobowiązanego")])
async def add_note(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Write down a contact with the debtor (a call, a visit, a letter) or a note."""
    await service.get(session, debtor_id)  # 404 before reading the form
    form, data = await read_form(request, NoteForm, "notatka")
    if data is not None:

        async def work() -> Response:
            note = await note_service.add(
                session, debtor_id, data.to_schema(), who(request, user), today
            )
            when = pl_date(note.occurred_on)
            flash(request, f"Zapisano wpis: {NOTE_KINDS[note.kind]} z dnia {when}.")
            return see_other(f"/zobowiazani/{debtor_id}#notatki")

        if done := await attempt(session, form, work):
            return done
    return await _card_page(request, session, debtor_id, today, form)


async def _candidates(session: SessionDep, debtor: Debtor) -> tuple[Commune, ...]:
    """When the commune could not be told from the city: the communes it may be."""
    if debtor.commune_code or debtor.commune or not debtor.city:
        return ()
    return (await teryt.resolve_city(session, debtor.city)).candidates


@router.get("/{debtor_id}/edycja")
async def edit_form(
    request: Request, debtor_id: int, session: SessionDep, _user: Collector
) -> Response:
    """The form to edit a debtor."""
    debtor = await service.get(session, debtor_id)
    values = DebtorForm.values_of(debtor, await teryt.commune(session, debtor.commune_code))
    form = FormState("zobowiazany", tuple(DebtorForm.model_fields), values)
    return _form_page(request, form, debtor_id)


@router.post("/{debtor_id}/edycja")
async def update(
    request: Request, debtor_id: int, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Save a debtor's changes; what the form does not show stays as it was."""
    current = await service.get(session, debtor_id)  # 404 before reading the form
    form, data = await read_form(request, DebtorForm, "zobowiazany")
    if data is not None:

        async def work() -> Response:
            keep = data.keeps_commune(current)
            commune = None if keep else await teryt.pick(session, data.commune, data.commune_code)
            schema = data.to_schema(DebtorUpdate, commune, keep=keep)
            debtor = await service.update(session, debtor_id, schema, user.username, today)
            flash(request, f"Zapisano zmiany: {debtor.name}.")
            return see_other(f"/zobowiazani/{debtor_id}")

        if done := await attempt(session, form, work, _ALIASES):
            return done
    return _form_page(request, form, debtor_id)
