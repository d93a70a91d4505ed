"""Base schema: strict, rejects NUL characters (a fuzzer must never reach the database with them);
amounts travel as "123.45" strings, dates as ISO YYYY-MM-DD."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    WithJsonSchema,
    model_validator,
)

from app.domain.money import AmountError, format_amount, parse_amount


class Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _reject_nul_characters(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for key, value in data.items():
                if isinstance(value, str) and "\x00" in value:
                    raise ValueError(f"{key}: niedozwolony znak NUL")
        return data


def _amount(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, str):
        raise ValueError('Kwota musi być tekstem w postaci "123.45"')
    try:
        return parse_amount(value)
    except AmountError as exc:
        raise ValueError(str(exc)) from exc


def _amount_or_zero(value: Any) -> int:
    if value == "0.00" or value == "0":
        return 0
    return _amount(value)


def _strict_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError("Data musi mieć postać RRRR-MM-DD")
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad_date(value)
    except ValueError as exc:
        raise ValueError(f"Nieprawidłowa data {value!r} (oczekiwano RRRR-MM-DD)") from exc


def _bad_date(value: str) -> date:
    raise ValueError(value)


# Issue 15 item 11: a day the unit's records can hold. The złoty was redenominated on 1995-01-01
# (ustawa z 7.07.1994 o denominacji złotego, Dz.U. 1994 nr 84 poz. 386): no receivable in PLN is
# older. 2099-12-31 lies beyond every term the statutes set; 9999-12-31 was accepted before.
EARLIEST_DAY = date(1995, 1, 1)
LATEST_DAY = date(2099, 12, 31)


def day_problem(day: date) -> str | None:
    if day < EARLIEST_DAY or day > LATEST_DAY:
        return (
            f"Data {day:%d.%m.%Y} poza dopuszczalnym zakresem "
            f"({EARLIEST_DAY:%d.%m.%Y} – {LATEST_DAY:%d.%m.%Y})"
        )
    return None


def _plausible_date(value: Any) -> date:
    day = _strict_date(value)
    if problem := day_problem(day):
        raise ValueError(problem)
    return day


# In JSON an amount is a string of złoty with two decimals, never a number (a float would lose
# grosze): OpenAPI says so, though the value inside is integer grosze.
def _amount_schema(pattern: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "string",
            "pattern": pattern,
            "examples": ["123.45"],
            "description": 'kwota w złotych jako tekst z kropką, np. "123.45"',
        }
    )


_AMOUNT_IN = _amount_schema(r"^(0|[1-9][0-9]{0,11})(\.[0-9]{1,2})?$")  # app.domain.money
AmountIn = Annotated[int, BeforeValidator(_amount), _AMOUNT_IN]
AmountInOrZero = Annotated[int, BeforeValidator(_amount_or_zero), _AMOUNT_IN]
AmountOut = Annotated[
    int,
    PlainSerializer(format_amount, return_type=str),
    _amount_schema(r"^-?[0-9]+\.[0-9]{2}$"),
]
DateIn = Annotated[date, BeforeValidator(_strict_date)]
PlausibleDate = Annotated[date, BeforeValidator(_plausible_date)]
