"""The legal regime of a receivable kind, as data (table `receivable_kind`, seeded by migration)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.parameters import ParameterCode


class InterestRegime(StrEnum):
    ODSETKI_ZA_ZWLOKE = "odsetki_za_zwloke"  # OP art. 53–56 via u.f.p. art. 60, 67
    ODSETKI_USTAWOWE_ZA_OPOZNIENIE = "odsetki_ustawowe_za_opoznienie"  # KC art. 481
    BRAK = "brak"


class InterestStart(StrEnum):
    DAY_AFTER_DUE = "day_after_due"  # OP art. 53 §1 / KC art. 481 §1
    DAY_AFTER_PAYOUT = (
        "day_after_payout"  # ustawa o pomocy osobom uprawnionym do alimentów art. 27 ust. 1a
    )
    FIRST_OF_NEXT_MONTH = "first_of_next_month"  # art. 23 ust. 7 (świadczenia nienależnie pobrane)


class AllocationRule(StrEnum):
    OP_PROPORTIONAL = "op_proportional"  # OP art. 62 §1a, then art. 55 §2
    KC_451 = "kc_451"  # costs, interest, principal
    ART_28 = "art_28"  # between the alimony fund's claims, art. 28; KC 451 within a claim
    # Several payouts in one receivable (art. 23 u.p.o.u.a., issue 16 item 4): each payout is a
    # debt of its own; a payment goes to the oldest first (KC art. 451 §3) and within it to costs,
    # interest, principal (KC art. 451 §1).
    KC_451_TRANCHES = "kc_451_tranches"


class LimitationRule(StrEnum):
    NONE = "none"
    YEARS_FROM_TERM = (
        "years_from_term"  # N years from the day the payment term ran out (seed 003 §5)
    )
    OP_ART_70 = "op_art_70"  # 5 years from the end of the calendar year of the term (OP art. 70 §1)
    YEARS_FROM_DECISION = (
        "years_from_decision"  # art. 23 ust. 5: 3 years from the decision being final
    )


class LimitationEvent(StrEnum):
    """Events that may interrupt or suspend the limitation period; which do is the kind's data."""

    PARTIAL_PAYMENT = "wplata_czesciowa"  # seed 003 §5.2 (stay fee)
    DEFERRAL = "odroczenie"  # art. 23 ust. 3 pkt 1 u.p.o.u.a.; OP art. 70 §2 pkt 1 (suspends)
    INSTALMENTS = "raty"  # art. 23 ust. 3 pkt 2 u.p.o.u.a.; OP art. 70 §2 pkt 1 (suspends)
    # A measure applied and notified to the debtor: art. 23 ust. 3 pkt 3 u.p.o.u.a.; OP art. 70 §4.
    ENFORCEMENT_MEASURE = "srodek_egzekucyjny"


@dataclass(frozen=True, slots=True)
class KindRules:
    code: str
    label: str
    legal_basis: str
    interest_regime: InterestRegime
    interest_start: InterestStart
    allocation_rule: AllocationRule
    payment_term_days: int
    reminder_term_days: int
    limitation_rule: LimitationRule
    limitation_years: int | None
    limitation_interrupted_by_payment: bool
    # Enforcement without a prior reminder only in the cases of rozporządzenie MF z 30.10.2014.
    reminder_required: bool = True
    # Issue 16 item 5: the events that interrupt the period (a new full period runs from the next
    # day) and those that suspend it (it does not run while they last), besides the part payment
    # of limitation_interrupted_by_payment; and the absolute bar: no decision establishing the
    # receivable once more than N years have passed since the payout (art. 23 ust. 4 u.p.o.u.a.).
    limitation_interrupted_by: frozenset[LimitationEvent] = frozenset()
    limitation_suspended_by: frozenset[LimitationEvent] = frozenset()
    decision_bar_years: int | None = None
    # Enforcement only on a final decision fixing the amount; the payment term runs from its
    # finality (app/domain/enforcement.py: art. 27 and 23 u.p.o.u.a., art. 30 u.ś.r.).
    decision_required: bool = False
    # The dated parameter (percent of one payment of a benefit) limiting a deduction from benefits
    # currently paid (potrącenie); None: the kind is not recovered by deduction.
    deduction_limit_code: str | None = None

    @property
    def interrupting(self) -> frozenset[LimitationEvent]:
        if self.limitation_interrupted_by_payment:
            return self.limitation_interrupted_by | {LimitationEvent.PARTIAL_PAYMENT}
        return self.limitation_interrupted_by


# The dated rate table each interest regime reads (OP art. 56 §1; KC art. 481 §2).
RATE_CODE: dict[InterestRegime, ParameterCode] = {
    InterestRegime.ODSETKI_ZA_ZWLOKE: ParameterCode.ODSETKI_ZA_ZWLOKE,
    InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE: ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
}
