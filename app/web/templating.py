"""The Jinja2 environment of the web forms: Polish formatting of amounts, dates and states."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from app.auth.roles import ROLE_LABELS
from app.domain.identifiers import mask_pesel
from app.domain.labels import DOCUMENT_LABELS, STATE_LABELS
from app.domain.lifecycle import ACTION_LABELS, Action
from app.polish import actor_label, first_upper, pl_amount, pl_date
from app.web import links
from app.web.session import page_context

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

_ACTIONS = {a.value: label for a, label in ACTION_LABELS.items()} | {
    "wystawienie": "wystawienie",
    "import": "przeniesienie z poprzedniego systemu",  # issue 21 (app/imports/derive.py)
    # issue 20 item 3 (app/deferrals/service.py): the relief case, the state does not change
    "wniosek_o_ulge": "wniosek dłużnika o ulgę",
    "przekazanie_wniosku": "przekazanie wniosku do organu właściwego",
    "odmowa_ulgi": "odmowa ulgi",
}

# Pages carry personal data: never cached, never framed, scripts and styles from this origin only.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def zl(grosze: int | None, unit: bool = True) -> str:
    """12345678 → "123 456,78 zł" (Polish notation, non-breaking thousands separator)."""
    return pl_amount(grosze, unit)


def yes_no(value: object) -> str:
    """An audit value as a person reads it: tak/nie for flags, — for nothing."""
    if value is True:
        return "tak"
    if value is False:
        return "nie"
    return "—" if value in (None, "") else str(value)


def date_field(value: object) -> str:
    """The value of a date field as a person types it: "2025-03-05" (a default, a stored date)
    → "05.03.2025"; anything else (what was typed and refused) as it is."""
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    text = "" if value is None else str(value)
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
    return f"{iso[3]}.{iso[2]}.{iso[1]}" if iso else text


def month_label(value: object) -> str:
    """A month as a Pole writes it: 03.2025 (a Month of the alimony history, or "2025-03")."""
    year, month = getattr(value, "year", None), getattr(value, "month", None)
    if isinstance(year, int) and isinstance(month, int):
        return f"{month:02d}.{year}"
    text = "" if value is None else str(value)
    iso = re.fullmatch(r"(\d{4})-(\d{2})", text)
    return f"{iso[2]}.{iso[1]}" if iso else text


def state_label(code: str | None) -> str:
    return STATE_LABELS.get(code or "", code or "—")


def action_label(code: str) -> str:
    return _ACTIONS.get(code, code)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        zl=zl,
        wielka=first_upper,
        kto=actor_label,
        data=pl_date,
        pole_daty=date_field,
        miesiac=month_label,
        stan=state_label,
        rola=lambda code: ROLE_LABELS.get(code, code),
        czynnosc=action_label,
        pesel_maska=mask_pesel,
        tak_nie=yes_no,
        dokument=lambda k: DOCUMENT_LABELS.get(k, k),
    )
    env.globals.update(Action=Action, links=links)
    return env


templates = Jinja2Templates(env=_environment())


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    ctx = {**page_context(request), "api": links.available(request.app), **context}
    return templates.TemplateResponse(
        request, name, ctx, status_code=status, headers=SECURITY_HEADERS
    )
