"""Polish notation for every message a person reads (issue 19 item 4): dates dd.mm.rrrr, amounts
"1 234,56 zł" and the plural forms of the Polish language (CLDR rules, through babel).

Services, the CLI and the templates all use these, so that a flash message, an event's cause and
a page read the same. The API keeps its machine formats ("123.45", ISO dates)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from babel import Locale

from app.clock import WARSAW
from app.domain.money import format_amount

_PL = Locale("pl")
NBSP = "\u00a0"


def pl_amount(grosze: int | None, unit: bool = True) -> str:
    """12345678 → "123 456,78 zł" (non-breaking thousands separator and space before zł)."""
    if grosze is None:
        return "—"
    text = format_amount(grosze)
    sign, text = ("−", text[1:]) if text.startswith("-") else ("", text)
    whole, frac = text.split(".")
    groups = f"{int(whole):,}".replace(",", NBSP)
    return f"{sign}{groups},{frac}" + (f"{NBSP}zł" if unit else "")


def pl_date(value: date | datetime | None) -> str:
    """05.03.2025; a moment as 05.03.2025 14:07 in Warsaw time."""
    if value is None:
        return "—"
    if isinstance(value, datetime):
        local = value.astimezone(WARSAW) if value.tzinfo else value
        return local.strftime("%d.%m.%Y %H:%M")
    return value.strftime("%d.%m.%Y")


def plural(n: int, one: str, few: str, many: str) -> str:
    """The form of a noun after the number n: 1 należność, 2 należności, 5 należności;
    1 wezwanie, 3 wezwania, 12 wezwań (CLDR plural rules for Polish)."""
    form = _PL.plural_form(n)
    return {"one": one, "few": few}.get(form, many)


def count(n: int, one: str, few: str, many: str) -> str:
    """ "1 należność", "22 należności", "5 wezwań"."""
    return f"{n} {plural(n, one, few, many)}"


# Nouns and participles the messages count, as (one, few, many).
NALEZNOSC = ("należność", "należności", "należności")
ZMIENIONO = ("zmieniono", "zmieniono", "zmieniono")
WEZWANIE = ("wezwanie", "wezwania", "wezwań")
UPOMNIENIE = ("upomnienie", "upomnienia", "upomnień")
DZIEN = ("dzień", "dni", "dni")
POZYCJA = ("pozycja", "pozycje", "pozycji")
WIERSZ = ("wiersz", "wiersze", "wierszy")


def counted(n: int, forms: tuple[str, str, str]) -> str:
    return count(n, *forms)


def labelled(codes: Mapping[str, int], labels: Mapping[str, str]) -> str:
    """{"termin_uplynal": 1, "przedawnienie": 2} → "upływ terminu płatności: 1, przedawnienie: 2"
    (codes without a label are shown as they are)."""
    return ", ".join(f"{labels.get(code, code)}: {n}" for code, n in codes.items())


def first_upper(text: str) -> str:
    """ "rejestr BIG" → "Rejestr BIG": only the first letter; str.capitalize and Jinja's
    capitalize lower the rest ("Rejestr big")."""
    return text[:1].upper() + text[1:]


# Who did it, when it was not a person: the codes stored as actor or triggered_by.
ACTORS = {
    "system:przeglad": "przegląd dzienny (system)",
    "scheduler": "harmonogram",
    "scheduler:catch-up": "harmonogram (nadrobienie po uruchomieniu usługi)",
    "cli": "wiersz poleceń",
}


def actor_label(actor: str | None) -> str:
    return ACTORS.get(actor or "", actor or "—")
