"""The alimony card's correction forms (issue 19 item 3): correct or reverse a payout, a
recovery, an award or an enforcement with a reason, and record the end of an enforcement. Each
runs app.alimony.corrections in a savepoint; a refusal shows the card again with the form open
and its message, nothing written."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.alimony import bulk, corrections
from app.alimony.entry_forms import form_name
from app.alimony.forms import (
    CORRECTION_FORMS,
    PAYOUT_CLAIMS,
    SOURCE_LABELS,
    EnforcementEndForm,
    ReversalForm,
)
from app.alimony.web import card_page
from app.auth.deps import SessionDep
from app.deps import TodayDep
from app.domain.alimony_import import MAX_LINES
from app.errors import AppError, NotFound
from app.web.forms import FormState, see_other, submit_action
from app.web.session import Collector, flash, verify_csrf
from app.web.templating import pl_date, render, zl

router = APIRouter(prefix="/alimenty", dependencies=[Depends(verify_csrf)], include_in_schema=False)


def _card_url(debtor_id: int) -> str:
    return f"/alimenty/zobowiazani/{debtor_id}#wpisy"


def _entry(entry: str) -> str:
    if entry not in CORRECTION_FORMS:
        raise NotFound(f"Nie ma takiego rodzaju wpisów: „{entry}”")
    return entry


@router.post("/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/korekta")
async def correct(
    request: Request,
    debtor_id: int,
    entry: str,
    entry_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Correct an entry (its date and amount; an enforcement's authority and case number)."""
    form_cls = CORRECTION_FORMS[_entry(entry)]

    async def use_case(data: Any) -> str:
        change = corrections.Change(
            reason=data.reason,
            on=data.on,
            amount=getattr(data, "amount", None),
            authority=getattr(data, "authority", None),
            case_ref=getattr(data, "case_ref", None),
        )
        made = await corrections.amend(
            session, debtor_id, entry, entry_id, change, data.reason, user.username, today
        )
        return f"Poprawiono wpis: {made.before} → {made.after}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("k", entry, entry_id)
    return await submit_action(
        request, session, form_cls, name, use_case, _card_url(debtor_id), page
    )


@router.post("/zobowiazani/{debtor_id}/wpisy/{entry}/{entry_id}/wycofanie")
async def reverse(
    request: Request,
    debtor_id: int,
    entry: str,
    entry_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Reverse an entry made in error; the reason and the entry stay in the history."""
    _entry(entry)

    async def use_case(data: ReversalForm) -> str:
        made = await corrections.amend(
            session, debtor_id, entry, entry_id, None, data.reason, user.username, today
        )
        return f"Wycofano wpis: {made.before}. Powód: {made.reason}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("s", entry, entry_id)
    return await submit_action(
        request, session, ReversalForm, name, use_case, _card_url(debtor_id), page
    )


@router.post("/zobowiazani/{debtor_id}/egzekucje/{enforcement_id}/zakonczenie")
async def end_enforcement(
    request: Request,
    debtor_id: int,
    enforcement_id: int,
    session: SessionDep,
    user: Collector,
    today: TodayDep,
) -> Response:
    """Record that an enforcement ended (KRZ: it no longer counts as under way)."""

    async def use_case(data: EnforcementEndForm) -> str:
        await corrections.end_enforcement(
            session,
            debtor_id,
            enforcement_id,
            data.ended_on,
            data.reason or "zakończenie egzekucji",
            user.username,
            today,
        )
        return f"Zapisano zakończenie egzekucji z dniem {pl_date(data.ended_on)}."

    async def page(form: FormState) -> Response:
        return await card_page(request, session, debtor_id, today, form)

    name = form_name("z", "egzekucja", enforcement_id)
    return await submit_action(
        request, session, EnforcementEndForm, name, use_case, _card_url(debtor_id), page
    )


# --- bulk entry: paste or upload, check, then save -----------------------------------------------

MAX_UPLOAD = 2 * 1024 * 1024
BULK_KINDS = {"wyplata": "wypłaty świadczeń", "wyegzekwowane": "kwoty wyegzekwowane"}


def _decode(content: bytes) -> str:
    """The benefits systems export UTF-8 or, on older Windows set-ups, Windows-1250."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1250", errors="replace")


async def _bulk_values(request: Request) -> tuple[dict[str, str], list[str]]:
    raw = await request.form()
    values = {
        k: v.replace("\x00", "")  # never to the database (PostgreSQL refuses NUL in text)
        for k, v in raw.items()
        if isinstance(v, str) and k != "csrf_token"
    }
    errors = []
    upload = raw.get("plik")
    if upload is not None and not isinstance(upload, str):
        # A browser sends the file field empty when no file was chosen: closed either way.
        content = await upload.read(MAX_UPLOAD + 1) if upload.filename else b""
        await upload.close()
        if len(content) > MAX_UPLOAD:
            errors.append("Plik jest większy niż 2 MB: podziel go na części.")
        elif upload.filename:
            values["text"] = _decode(content).replace("\x00", "")
    if values.get("kind") not in BULK_KINDS:
        values["kind"] = "wyplata"
    if values.get("claim") not in PAYOUT_CLAIMS:
        values["claim"] = "fund"
    if values.get("source") not in {s.value for s in SOURCE_LABELS}:
        values["source"] = "egzekucja_sadowa"
    return values, errors


def _bulk_page(
    request: Request,
    values: dict[str, str],
    checked: bulk.Preview | None = None,
    errors: list[str] | None = None,
    status: int = 200,
) -> Response:
    return render(
        request,
        "alimony/bulk.html",
        {
            "v": values,
            "checked": checked,
            "errors": errors or [],
            "kinds": BULK_KINDS,
            "payout_claims": PAYOUT_CLAIMS,
            "sources": [(s.value, label) for s, label in SOURCE_LABELS.items()],
            "max_lines": MAX_LINES,
        },
        status,
    )


@router.get("/wpis-zbiorczy")
async def bulk_form(request: Request, _user: Collector) -> Response:
    """Paste lines or upload the benefits system's CSV: PESEL or case number, date, amount."""
    return _bulk_page(request, {"kind": "wyplata", "claim": "fund", "source": "egzekucja_sadowa"})


@router.post("/wpis-zbiorczy")
async def bulk_check(
    request: Request, session: SessionDep, _user: Collector, today: TodayDep
) -> Response:
    """Read the lines and show each with its debtor or its errors; nothing is saved."""
    values, errors = await _bulk_values(request)
    if errors:
        return _bulk_page(request, values, None, errors, 422)
    checked = await bulk.preview(session, values.get("text", ""), today)
    return _bulk_page(request, values, checked, status=200 if checked.ok else 422)


@router.post("/wpis-zbiorczy/zapis")
async def bulk_save(
    request: Request, session: SessionDep, user: Collector, today: TodayDep
) -> Response:
    """Save every checked line (all or nothing) and go back to the alimony overview."""
    values, errors = await _bulk_values(request)
    if errors:
        return _bulk_page(request, values, None, errors, 422)
    kind: bulk.Kind = "wyplata" if values["kind"] == "wyplata" else "wyegzekwowane"
    detail = values["claim"] if kind == "wyplata" else values["source"]
    try:
        async with session.begin_nested():
            done = await bulk.save(
                session, values.get("text", ""), kind, detail, user.username, today
            )
    except AppError as exc:
        checked = await bulk.preview(session, values.get("text", ""), today)
        return _bulk_page(request, values, checked, [exc.detail], exc.status)
    saved = len(done.rows)
    flash(
        request,
        f"Zapisano {BULK_KINDS[kind]}: {saved} (razem {zl(done.total)}) dla "
        + ", ".join(sorted({r.debtor.name for r in done.rows if r.debtor})[:10])
        + ("…" if len({r.debtor.id for r in done.rows if r.debtor}) > 10 else "")
        + ".",
    )
    return see_other("/alimenty")
