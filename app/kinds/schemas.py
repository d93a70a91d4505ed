"""The kinds of receivables as data (issue 14 item 2). KindFields is the ONE declaration of what a
kind has and an admin may set: the API (KindCreate / KindUpdate / KindRead), the service (which
copies every field onto the row) and the admin's form (one input per field, its label the field's
title) all read it. To add a field: a column on receivable_kind (migration + model) and a line
here. `json_schema_extra={"regime": True}` marks the fields that decide money or deadlines: they
cannot change once the kind has receivables (a new kind is made instead)."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from app.domain.identifiers import valid_nrb
from app.domain.kinds import (
    AllocationRule,
    InterestRegime,
    InterestStart,
    LimitationEvent,
    LimitationRule,
)
from app.domain.retention import CATEGORY_PATTERN, DEFAULT_CATEGORY
from app.models import ReceivableKind
from app.schemas import Schema

REGIME = {"regime": True}

# Polish names of the rules' codes, for the form's lists and the kinds page.
CHOICES: dict[str, str] = {
    InterestRegime.ODSETKI_ZA_ZWLOKE: "odsetki za zwłokę (Ordynacja podatkowa art. 53–56)",
    InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE: "odsetki ustawowe za opóźnienie (KC art. 481)",
    InterestRegime.BRAK: "bez odsetek",
    InterestStart.DAY_AFTER_DUE: "od dnia po terminie płatności",
    InterestStart.DAY_AFTER_PAYOUT: "od dnia po wypłacie świadczenia (art. 27 ust. 1a u.p.o.u.a.)",
    InterestStart.FIRST_OF_NEXT_MONTH: "od 1. dnia miesiąca po wypłacie (art. 23 ust. 7)",
    AllocationRule.OP_PROPORTIONAL: "koszty upomnienia, potem proporcjonalnie (OP art. 55 § 2)",
    AllocationRule.KC_451: "koszty, odsetki, należność główna (KC art. 451)",
    AllocationRule.ART_28: "kolejność art. 28 ustawy o pomocy osobom uprawnionym do alimentów",
    AllocationRule.KC_451_TRANCHES: (
        "każda wypłata osobno, najstarsza najpierw; w niej koszty, odsetki, należność główna"
        " (KC art. 451 § 1 i 3)"
    ),
    LimitationRule.NONE: "nie przedawnia się",
    LimitationRule.YEARS_FROM_TERM: "lata od upływu terminu płatności (instrukcja § 5)",
    LimitationRule.OP_ART_70: "5 lat od końca roku upływu terminu (OP art. 70)",
    LimitationRule.YEARS_FROM_DECISION: "lata od uprawomocnienia decyzji (art. 23 ust. 5)",
}


def _blank(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _digits(n: str) -> str:
    return rf"^\d{{{n}}}$"


Account = Annotated[
    str | None, BeforeValidator(_blank), AfterValidator(lambda v: v and valid_nrb(v))
]
Optional = BeforeValidator(_blank)

EVENT_LABELS: dict[str, str] = {
    LimitationEvent.PARTIAL_PAYMENT: "wpłata częściowa",
    LimitationEvent.DEFERRAL: "odroczenie terminu płatności",
    LimitationEvent.INSTALMENTS: "rozłożenie na raty",
    LimitationEvent.ENFORCEMENT_MEASURE: "środek egzekucyjny, o którym dłużnik został powiadomiony",
}
_EVENT_CODES = ", ".join(e.value for e in LimitationEvent)


def events_of(text: str | None) -> frozenset[LimitationEvent]:
    """The stored comma-separated codes as a set (the column is '' when none)."""
    return frozenset(LimitationEvent(c) for c in (text or "").split(",") if c)


def _events(value: Any) -> str:
    """'raty, odroczenie' or ['raty', 'odroczenie'] → 'odroczenie,raty' (sorted, no repeats)."""
    if value is None:
        return ""
    items = value.replace(";", ",").split(",") if isinstance(value, str) else list(value)
    codes = {str(i).strip() for i in items if str(i).strip()}
    unknown = sorted(codes - {e.value for e in LimitationEvent})
    if unknown:
        raise ValueError(f"Nieznane zdarzenie {unknown[0]!r} (dozwolone: {_EVENT_CODES})")
    return ",".join(sorted(codes))


Events = Annotated[str, BeforeValidator(_events)]
CHOICES.update(EVENT_LABELS)


class KindFields(Schema):
    label: str = Field(min_length=1, max_length=200, title="Nazwa rodzaju")
    legal_basis: str = Field(
        min_length=1,
        max_length=2000,
        title="Podstawa prawna",
        json_schema_extra={"widget": "textarea"},
    )
    interest_regime: InterestRegime = Field(title="Odsetki", json_schema_extra=REGIME)
    interest_start: InterestStart = Field(
        default=InterestStart.DAY_AFTER_DUE, title="Odsetki biegną", json_schema_extra=REGIME
    )
    allocation_rule: AllocationRule = Field(title="Zaliczanie wpłat", json_schema_extra=REGIME)
    payment_term_days: int = Field(
        default=14,
        ge=1,
        le=365,
        title="Termin płatności (dni od doręczenia)",
        json_schema_extra=REGIME,
    )
    reminder_term_days: int = Field(
        default=7,
        ge=1,
        le=365,
        title="Termin z upomnienia (dni od doręczenia)",
        json_schema_extra=REGIME,
    )
    reminder_required: bool = Field(
        default=True, title="Tytuł wykonawczy tylko po upomnieniu", json_schema_extra=REGIME
    )
    decision_required: bool = Field(
        default=False,
        title="Egzekucja dopiero po ostatecznej decyzji (termin płatności od jej ostateczności)",
        json_schema_extra=REGIME,
    )
    deduction_limit_code: Annotated[str | None, Optional] = Field(
        default=None,
        max_length=64,
        pattern=r"^[a-z0-9_]+$",
        title="Potrącenie ze świadczeń: kod parametru limitu w % (puste: bez potrąceń)",
        json_schema_extra=REGIME,
    )
    limitation_rule: LimitationRule = Field(title="Przedawnienie", json_schema_extra=REGIME)
    limitation_years: int | None = Field(
        default=None, ge=1, le=30, title="Lata do przedawnienia", json_schema_extra=REGIME
    )
    limitation_interrupted_by_payment: bool = Field(
        default=False, title="Wpłata częściowa przerywa przedawnienie", json_schema_extra=REGIME
    )
    limitation_interrupted_by: Events = Field(
        default="",
        title=f"Przerywają przedawnienie (kody po przecinku: {_EVENT_CODES})",
        json_schema_extra=REGIME,
    )
    limitation_suspended_by: Events = Field(
        default="",
        title="Zawieszają przedawnienie (kody po przecinku, jak wyżej)",
        json_schema_extra=REGIME,
    )
    decision_bar_years: int | None = Field(
        default=None,
        ge=1,
        le=30,
        title="Decyzji nie wydaje się po latach od wypłaty (art. 23 ust. 4: 10)",
        json_schema_extra=REGIME,
    )
    # Issue 20 item 3: who decides on a deferral or instalments (seed 003 §4), and whether the
    # prolongation fee of OP art. 57 is charged (the dated parameter of its share of the rate).
    relief_organ: Annotated[str | None, Optional] = Field(
        default=None,
        max_length=300,
        title="Organ rozstrzygający o odroczeniu i ratach (puste: sama jednostka)",
    )
    prolongation_fee_code: Annotated[str | None, Optional] = Field(
        default=None,
        max_length=64,
        pattern=r"^[a-z0-9_]+$",
        title="Opłata prolongacyjna: kod parametru (oplata_prolongacyjna_udzial; puste: bez)",
    )
    bank_account: Account = Field(
        default=None, title="Rachunek bankowy dla wpłat (gdy inny niż rachunek jednostki)"
    )
    budget_dzial: Annotated[str | None, Optional] = Field(
        default=None, pattern=_digits("3"), title="Klasyfikacja budżetowa: dział (3 cyfry)"
    )
    budget_rozdzial: Annotated[str | None, Optional] = Field(
        default=None, pattern=_digits("5"), title="Rozdział (5 cyfr)"
    )
    budget_paragraf: Annotated[str | None, Optional] = Field(
        default=None, pattern=r"^\d{3,4}$", title="Paragraf (3 cyfry, z czwartą: 4)"
    )
    archival_category: Annotated[str, BeforeValidator(lambda v: v or DEFAULT_CATEGORY)] = Field(
        default=DEFAULT_CATEGORY,
        pattern=CATEGORY_PATTERN,
        title="Kategoria archiwalna akt wg JRWA jednostki (A, B5, B10, BE5, Bc)",
    )

    @model_validator(mode="after")
    def _consistent(self) -> KindFields:
        years_needed = self.limitation_rule in (
            LimitationRule.YEARS_FROM_TERM,
            LimitationRule.YEARS_FROM_DECISION,
        )
        if years_needed and self.limitation_years is None:
            raise ValueError("Podaj liczbę lat do przedawnienia dla wybranej reguły")
        both = events_of(self.limitation_interrupted_by) & events_of(self.limitation_suspended_by)
        if both:
            name = EVENT_LABELS[min(both)]
            raise ValueError(f"Zdarzenie „{name}” nie może jednocześnie przerywać i zawieszać")
        dzial, rozdzial = self.budget_dzial, self.budget_rozdzial
        if dzial and rozdzial and not rozdzial.startswith(dzial):
            raise ValueError("Rozdział klasyfikacji budżetowej zaczyna się od numeru działu")
        return self


def regime_fields() -> list[str]:
    return [
        name
        for name, f in KindFields.model_fields.items()
        if isinstance(f.json_schema_extra, dict) and f.json_schema_extra.get("regime")
    ]


class KindCreate(KindFields):
    code: str = Field(
        pattern=r"^[a-z][a-z0-9_]{1,63}$",
        title="Kod",
        description="małe litery, cyfry i podkreślenia, np. oplata_dps",
    )


class KindUpdate(KindFields):
    pass


class KindRead(KindFields):
    code: str
    in_use: bool = Field(description="czy są należności tego rodzaju")

    @classmethod
    def of(cls, kind: ReceivableKind, in_use: bool) -> KindRead:
        data = {name: getattr(kind, name) for name in KindFields.model_fields}
        return cls.model_validate({**data, "code": kind.code, "in_use": in_use})
