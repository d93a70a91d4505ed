"""Form plumbing (STYLE rule 13): a Pydantic …Form validates `await request.form()`; on an error the
page is rendered again with the message next to the field and the values as typed, nothing written;
on success a 303 redirect (post/redirect/get)."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BeforeValidator, ConfigDict, ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.money import AmountError, parse_amount
from app.domain.parameters import MissingParameter
from app.errors import Conflict, Incomplete, Invalid
from app.schemas import Schema
from app.titles.xsd import XmlValidationError
from app.web.session import flash

TOP = "__top__"
F = TypeVar("F", bound="WebForm")


class WebForm(Schema):
    """Rejects NUL like every schema; ignores the CSRF token and the submit button."""

    model_config = ConfigDict(extra="ignore")


def _blank(value: Any) -> Any:
    return (value.strip() or None) if isinstance(value, str) else value


def web_amount(value: Any) -> Any:
    # People type "1 234,56": spaces and a decimal comma are fine in a form.
    if not isinstance(value, str):
        return value
    if not value.strip():
        raise ValueError("To pole jest wymagane")
    text = re.sub(r"[\s\u00a0]", "", value).removesuffix("zł").replace(",", ".")
    try:
        return parse_amount(text)
    except AmountError:
        raise ValueError("Podaj kwotę w złotych większą od zera, np. 123,45") from None


def web_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value.strip():
        raise ValueError("To pole jest wymagane")
    text = value.strip()
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)  # 05.03.2025 typed by hand
    try:
        return (
            date(int(match[3]), int(match[2]), int(match[1])) if match else date.fromisoformat(text)
        )
    except ValueError:
        raise ValueError("Podaj datę w postaci RRRR-MM-DD lub DD.MM.RRRR") from None


def _check(value: Any) -> bool:
    return value in ("on", "1", "true", "tak", True)


Text = Annotated[str | None, BeforeValidator(_blank)]
Amount = Annotated[int, BeforeValidator(web_amount)]
OptionalAmount = Annotated[int | None, BeforeValidator(lambda v: web_amount(_blank(v)))]
Day = Annotated[date, BeforeValidator(web_date)]
OptionalDay = Annotated[date | None, BeforeValidator(lambda v: web_date(_blank(v)))]
Check = Annotated[bool, BeforeValidator(_check)]


_MESSAGES = {
    "missing": "To pole jest wymagane",
    "string_type": "To pole jest wymagane",
    "int_type": "To pole jest wymagane",
    "date_type": "To pole jest wymagane",
    "int_parsing": "Podaj liczbę całkowitą",
    "date_parsing": "Podaj datę w postaci RRRR-MM-DD",
    "date_from_datetime_parsing": "Podaj datę w postaci RRRR-MM-DD",
    "bool_parsing": "Nieprawidłowa wartość",
    "literal_error": "Wybierz jedną z podanych wartości",
    "enum": "Wybierz jedną z podanych wartości",
}


def polish_message(error: Mapping[str, Any]) -> str:
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    if kind == "value_error" and str(ctx.get("error", "")):
        return str(ctx["error"])
    if kind == "string_too_short":
        return (
            "To pole jest wymagane"
            if ctx.get("min_length") == 1
            else f"Za krótkie: co najmniej {ctx.get('min_length')} znaków"
        )
    if kind == "string_too_long":
        return f"Za długie: najwyżej {ctx.get('max_length')} znaków"
    if kind == "string_pattern_mismatch":
        return "Nieprawidłowy format"
    return _MESSAGES.get(kind, "Nieprawidłowa wartość")


@dataclass
class FormState:
    """What a form shows: the values as typed, an error per field, errors for the whole form."""

    name: str
    fields: tuple[str, ...]
    values: dict[str, str] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    top: list[str] = field(default_factory=list)
    # Missing data a document needs, each with the page that mends it (app.errors.Incomplete).
    fixes: list[dict[str, str]] = field(default_factory=list)
    status: int = 200

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.top or self.fixes)

    @property
    def focus(self) -> str | None:
        """The field to put the cursor in: the first one with an error."""
        return next(
            (f for f in self.fields if f in self.errors), self.fields[0] if self.top else None
        )

    def id(self, name: str) -> str:
        return f"{self.name}-{name}"

    def value(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    def add(self, name: str | None, message: str) -> None:
        if name in self.fields and name not in self.errors:
            self.errors[name] = message
        elif name not in self.fields:
            self.top.append(message)

    def add_validation(
        self, exc: ValidationError, aliases: Mapping[str, str] | None = None
    ) -> None:
        for e in exc.errors():
            loc = [str(p) for p in e["loc"]]
            name = (aliases or {}).get(loc[0], loc[0]) if loc else None
            self.add(name, polish_message(e))
        self.status = 422


def blank_form(form: type[WebForm], name: str, **values: str) -> FormState:
    return FormState(name, tuple(form.model_fields), dict(values))


async def read_form(request: Request, form: type[F], name: str) -> tuple[FormState, F | None]:
    raw = await request.form()
    values = {k: v for k, v in raw.items() if isinstance(v, str) and k != "csrf_token"}
    state = FormState(name, tuple(form.model_fields), values)
    try:
        return state, form.model_validate(values)
    except ValidationError as exc:
        state.add_validation(exc)
        return state, None


async def attempt(
    session: AsyncSession,
    state: FormState,
    work: Callable[[], Awaitable[Response]],
    aliases: Mapping[str, str] | None = None,
) -> Response | None:
    """Run the use case in a savepoint; on a refusal roll it back, put the message on the form."""
    try:
        async with session.begin_nested():
            return await work()
    except Incomplete as exc:
        state.add(None, exc.detail)
        state.fixes = exc.missing
        state.status = exc.status
    except (Invalid, Conflict) as exc:
        field = (exc.field or "").split(".")[0] or None  # "payments.0.date" → the payments field
        state.add((aliases or {}).get(field or "", field), exc.detail)
        state.status = exc.status
    except XmlValidationError as exc:  # a document the XSD refuses: a message, never raw JSON
        state.add(None, f"Dokument XML niezgodny ze schematem: {exc}")
        state.status = 409
    except ValidationError as exc:  # the API schema the form is turned into
        state.add_validation(exc, aliases)
    except MissingParameter as exc:
        state.add(None, str(exc))
        state.status = 422
    except IntegrityError:
        state.add(
            None,
            "Baza danych odrzuciła zapis (np. powtórzony numer lub sygnatura). "
            "Sprawdź dane i spróbuj ponownie.",
        )
        state.status = 409
    return None


def see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


async def submit_action(
    request: Request,
    session: AsyncSession,
    form_cls: type[F],
    name: str,
    use_case: Callable[[F], Awaitable[str]],
    back_to: str,
    page: Callable[[FormState], Awaitable[Response]],
) -> Response:
    """An action form of a card: validate → run the use case in a savepoint → 303 to `back_to`
    with the use case's message; or `page` (the card again) with the form's errors, nothing
    written."""
    form, data = await read_form(request, form_cls, name)
    if data is not None:

        async def work() -> Response:
            flash(request, await use_case(data))
            return see_other(back_to)

        if done := await attempt(session, form, work):
            return done
    return await page(form)
