"""The procedure against an alimony debtor in JSON (issue 18): opening the case, a step, the case
with its steps, the next step and its deadline. Dates ISO, amounts "123.45"."""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import Field

from app.alimony.schemas import EvasionMonthRead
from app.schemas import AmountIn, AmountOut, PlausibleDate, Schema

TriggerName = Literal["bezskuteczna_egzekucja", "fundusz_alimentacyjny", "piecza_zastepcza"]
StepName = Literal[
    "wywiad",
    "oswiadczenie",
    "odmowa",
    "zobowiazanie_pup",
    "informacja_pup",
    "wszczecie_uchylanie",
    "decyzja_uchylanie",
    "wniosek_o_sciganie",
    "cepik",
    "wniosek_prawo_jazdy",
    "wniosek_zwrot_prawa_jazdy",
    "pouczenie_big",
    "wniosek_ulga",
    "decyzja_ulga",
]
Terc = Field(pattern=r"^[0-9]{7}$", description="Kod TERC gminy (7 cyfr)")
Text = Field(default="", max_length=2000)


class CaseCreate(Schema):
    trigger: TriggerName
    opened_on: PlausibleDate
    creditor_commune_terc: str = Terc
    debtor_commune_terc: str = Terc


class StepCreate(Schema):
    """One step; `kind` is its variant: wywiad — wezwanie | przeprowadzony; odmowa — the seed's
    ground a | c | d | e; decyzja_uchylanie — wydana | doreczona | ostateczna | uchylona; cepik —
    posiada | nie_posiada; wniosek_zwrot_prawa_jazdy — wplaty | uchylenie; wniosek_ulga —
    umorzenie | odroczenie | raty; decyzja_ulga — the same or odmowa."""

    step: StepName
    on: PlausibleDate
    kind: str = Field(default="", max_length=32)
    scheduled_for: PlausibleDate | None = Field(default=None, description="Termin wywiadu")
    place: str = Field(default="", max_length=300, description="Miejsce wywiadu")
    # wywiad przeprowadzony (seed 001, zał. 9 pkt 2 a–c)
    family: str = Text
    income: str = Text
    health: str = Text
    reasons: str = Text
    # oświadczenie majątkowe
    real_estate: str = Text
    movables: str = Text
    savings: str = Text
    earnings: str = Text
    liabilities: str = Text
    # odmowa, uzasadnienie, adresat, sygnatura
    description: str = Text
    addressee: str = Field(default="", max_length=500)
    case_ref: str = Field(default="", max_length=100)
    # ulga (art. 30 ust. 2)
    amount: AmountIn | None = None
    instalments: int | None = Field(default=None, ge=2, le=120)
    deferred_to: PlausibleDate | None = None
    first_due_on: PlausibleDate | None = Field(
        default=None, description="Termin pierwszej raty (puste: miesiąc po decyzji)"
    )

    def details(self) -> dict[str, Any]:
        skip = {"step", "on", "kind", "scheduled_for"}
        out: dict[str, Any] = {}
        for name, value in self.model_dump().items():
            if name in skip or value in (None, ""):
                continue
            out[name] = value.isoformat() if isinstance(value, date) else value
        return out


class StepRead(Schema):
    id: int
    step: str
    label: str
    on: date
    kind: str
    due_on: date | None
    details: dict[str, Any]
    letter: str | None = Field(description="Adres PDF pisma, gdy krok ma pismo")


class NextRead(Schema):
    step: str
    kind: str
    label: str
    due_on: date | None
    status: str  # do_zrobienia | po_terminie | oczekuje
    basis: str


class EvasionBrief(Schema):
    as_of: date
    decision_barred: bool
    months: list[EvasionMonthRead]


class BigRead(Schema):
    entry_id: int | None
    entered_on: date | None
    amount: AmountOut | None
    action: str  # what the BIG plan asks today: wpisac | aktualizowac | usunac | bez_zmian | brak


class DeferralRead(Schema):
    """A deferral granted by a relief decision (art. 30 ust. 2): recorded on the case; the
    receivable lifecycle has no deferral yet, so the fund receivable is not changed by it."""

    decided_on: date
    decision_ref: str
    deferred_to: date


class CaseRead(Schema):
    id: int
    debtor_id: int
    trigger: str
    opened_on: date
    creditor_commune_terc: str
    debtor_commune_terc: str
    communes_differ: bool
    steps: list[StepRead]
    next_step: NextRead | None
    pending: list[NextRead]
    evasion: EvasionBrief
    licence_return_conditions: list[str]
    big: BigRead
    deferral: DeferralRead | None = None
