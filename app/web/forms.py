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
        raise ValueError(_amount_problem(text, value.strip())) from None


def _amount_problem(text: str, typed: str) -> str:
    """Why an amount typed in a form is refused, in the words of the person who typed it."""
    if re.fullmatch(r"\d+\.\d{3,}", text):
        return f"Kwota może mieć najwyżej dwa miejsca po przecinku (wpisano {typed})"
    if re.fullmatch(r"0+(\.0*)?", text):
        return "Kwota musi być większa od zera"
    if text.startswith("-"):
        return "Kwota nie może być ujemna"
    return f"Podaj kwotę w złotych, np. 1 234,56 (wpisano {typed})"


def web_date(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    if not value.strip():
        raise ValueError("To pole jest wymagane")
    text = value.strip()
    dotted = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", text)  # 05.03.2025 typed by hand
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if dotted:
        y, m, d = int(dotted[3]), int(dotted[2]), int(dotted[1])
    elif iso:
        y, m, d = int(iso[1]), int(iso[2]), int(iso[3])
    else:
        raise ValueError(f"Podaj datę w postaci DD.MM.RRRR, np. 05.03.2025 (wpisano {text})")
    try:
        return date(y, m, d)
    except ValueError:
        if 1 <= m <= 12:
            raise ValueError(f"Nie ma dnia {d:02d}.{m:02d}.{y}") from None
        raise ValueError(f"Nie ma miesiąca {m} (wpisano {text})") from None


def query_day(raw: str | None, default: date) -> date:
    """A date of a page's address or GET form (?dzien=05.03.2025, or 2025-03-05 from a link):
    unreadable, the page's own day (the page then shows which day it is)."""
    try:
        return web_date(raw) if raw and raw.strip() else default
    except ValueError:
        return default


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
    "date_parsing": "Podaj datę w postaci DD.MM.RRRR",
    "date_from_datetime_parsing": "Podaj datę w postaci DD.MM.RRRR",
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


# The label of each field as the forms show it, for the error summary above a form (issue 19
# item 4: "the error summary names each field"). A field the map lacks is named by its message.
FIELD_LABELS: dict[str, str] = {
    "address_unknown": "Adres do ustalenia",
    "addressee_notified": "Zawiadomienie adresata",
    "ade": "Adres do doręczeń elektronicznych",
    "ade_checked_on": "Data sprawdzenia w BAE",
    "amount": "Kwota",
    "answered_on": "Data odpowiedzi",
    "arrived_on": "Wpłynięcie na adres ADE",
    "as_of": "Stan na dzień",
    "authority": "Organ",
    "authority_code": "Organ",
    "bank_accounts": "Rachunki bankowe",
    "case_ref": "Znak sprawy",
    "checked_on": "Data sprawdzenia",
    "city": "Miejscowość",
    "claim": "Tytuł należności",
    "code": "Kod",
    "commune": "Gmina",
    "commune_code": "Gmina",
    "communes": "Gminy",
    "creditor_code": "Kod wierzyciela",
    "current_password": "Obecne hasło",
    "day": "Data",
    "death_on": "Data zgonu",
    "deceased": "Zmarły",
    "decided_on": "Data decyzji",
    "decision_final_on": "Data ostateczności decyzji",
    "decision_ref": "Znak decyzji",
    "delivered_on": "Data doręczenia",
    "description": "Opis",
    "document": "Dokument",
    "document_id": "Dokument",
    "due_date": "Termin płatności",
    "entitled": "Osoba uprawniona",
    "file": "Plik",
    "first_name": "Imię",
    "first_notice_on": "Data pierwszego awizo",
    "full_name": "Imię i nazwisko",
    "homeless": "Bezdomny",
    "instalments": "Raty",
    "is_default": "Organ domyślny",
    "issue_date": "Data wystawienia",
    "issued_on": "Data wystawienia",
    "job": "Przegląd",
    "kind": "Rodzaj",
    "last_name": "Nazwisko",
    "method": "Sposób doręczenia",
    "monthly_amount": "Kwota miesięczna",
    "name": "Nazwa",
    "new_password": "Nowe hasło",
    "nip": "NIP",
    "note": "Uwagi",
    "number": "Numer",
    "occurred_on": "Data kontaktu",
    "office_code": "Kod urzędu",
    "paid_on": "Data wpłaty",
    "password": "Hasło",
    "payments": "Wpłaty",
    "payouts": "Wypłaty",
    "period_from": "Okres od",
    "period_to": "Okres do",
    "pesel": "PESEL",
    "place_of_issue": "Miejsce wystawienia",
    "postal_code": "Kod pocztowy",
    "principal": "Kwota należności głównej",
    "reason": "Uzasadnienie",
    "received_on": "Data odebrania",
    "reference": "Numer / tytuł",
    "refused_on": "Data odmowy przyjęcia",
    "regon": "REGON",
    "reminder_costs": "Koszty upomnienia",
    "reported_on": "Data informacji",
    "result": "Wynik",
    "returned_on": "Data zwrotu przesyłki",
    "role": "Rola",
    "scan": "Skan potwierdzenia",
    "scope": "Zakres",
    "second_notice_on": "Data powtórnego awizo",
    "signatory_name": "Podpisujący",
    "signatory_position": "Stanowisko podpisującego",
    "source": "Źródło",
    "started_on": "Data wszczęcia",
    "street": "Ulica i numer",
    "substitute": "Komu doręczono",
    "terc": "Kod TERC",
    "text": "Treść",
    "title": "Tytuł",
    "username": "Login",
    "valid_from": "Obowiązuje od",
}


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

    def label(self, name: str) -> str:
        """The field's name in the error summary ("Data wpłaty: Nie ma dnia 30.02.2025")."""
        return FIELD_LABELS.get(name, "")

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
