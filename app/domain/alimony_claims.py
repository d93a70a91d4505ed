"""The alimony fund's claims against a debtor: tranches from payouts, and how money recovered from
the debtor is split between the claims in the order of art. 28 of the ustawa z dnia 7 września
2007 r. o pomocy osobom uprawnionym do alimentów (u.p.o.u.a.).

Art. 28 ust. 1 (benefits are being paid), as seed 001, annex 9, "Kolejność zaspokojenia" quotes it
(OCR corrected):
"W okresie, w którym osoba uprawniona otrzymuje świadczenia z funduszu alimentacyjnego, z kwoty
uzyskanej w drodze egzekucji od dłużnika alimentacyjnego organ prowadzący postępowanie egzekucyjne
zaspokaja w następującej kolejności:
 1) należności z tytułu wypłaconych osobie uprawnionej świadczeń z funduszu alimentacyjnego – do
    całkowitego zaspokojenia,
 2) należności powstałe z tytułu wypłaconych osobie uprawnionej zaliczek alimentacyjnych – do ich
    całkowitego zaspokojenia,
 3) należności wierzyciela alimentacyjnego – do ich całkowitego zaspokojenia,
 4) należności likwidatora funduszu alimentacyjnego powstałe z tytułu świadczeń alimentacyjnych
    wypłaconych na podstawie ustawy z dnia 18 lipca 1974 r. o funduszu alimentacyjnym – do ich
    całkowitego zaspokojenia"
– all of it after the enforcement costs (k.p.c. art. 1025 § 1 pkt 1), which the bailiff deducts
before the money reaches us: `amount` here is net of them.

Art. 28 ust. 2 (payouts have stopped and the fund's claims are not yet satisfied) puts the alimony
creditor's alimony up to the monthly awarded amount first, then the fund, the advances, the rest of
the creditor's claims and the 1974 fund (the MPiPS reading published by LEX/prawo.pl: "wierzyciel
ma prawo w pierwszej kolejności otrzymać od dłużnika alimenty do wysokości zasądzonych miesięcznie
świadczeń"). The seed does not quote ust. 2; ART_28_ORDER keeps the order as data so a correction
is one line. Check it against the consolidated text in ISAP before production.

Within one claim: costs, interest, then principal (KC art. 451 § 1, allocate_kc_451). Between
several receivables of the same claim type: the oldest due first (KC art. 451 § 3).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType

from app.domain.alimony_history import RecoverySource
from app.domain.allocation import Allocation, allocate_kc_451
from app.domain.money import Grosze


class ClaimType(StrEnum):
    FUNDUSZ_ALIMENTACYJNY = "fundusz_alimentacyjny"  # art. 28 ust. 1 pkt 1
    ZALICZKA_ALIMENTACYJNA = "zaliczka_alimentacyjna"  # art. 28 ust. 1 pkt 2 (ustawa z 22.04.2005)
    # art. 28 ust. 1 pkt 3: the alimony creditor's own claims; ust. 2 splits them into the current
    # alimony (up to the monthly awarded amount) and the rest, so they are two types here.
    WIERZYCIEL_BIEZACE = "wierzyciel_biezace"
    WIERZYCIEL_POZOSTALE = "wierzyciel_pozostale"
    FUNDUSZ_1974 = "fundusz_alimentacyjny_1974"  # art. 28 ust. 1 pkt 4: likwidator funduszu


# Polish labels of the claims, as the pages and the decision name them.
CLAIM_LABELS: dict[ClaimType, str] = {
    ClaimType.FUNDUSZ_ALIMENTACYJNY: "świadczenia z funduszu alimentacyjnego"
    " (art. 28 ust. 1 pkt 1)",
    ClaimType.ZALICZKA_ALIMENTACYJNA: "zaliczka alimentacyjna (art. 28 ust. 1 pkt 2)",
    ClaimType.WIERZYCIEL_BIEZACE: "wierzyciel — alimenty bieżące (art. 28 ust. 1 pkt 3)",
    ClaimType.WIERZYCIEL_POZOSTALE: "wierzyciel — pozostałe (art. 28 ust. 1 pkt 3)",
    ClaimType.FUNDUSZ_1974: "fundusz alimentacyjny z 1974 r. (art. 28 ust. 1 pkt 4)",
}

# Claims held by the alimony creditor, not by a public authority.
CREDITOR_CLAIMS = frozenset({ClaimType.WIERZYCIEL_BIEZACE, ClaimType.WIERZYCIEL_POZOSTALE})
# art. 30 ust. 1: "należności, o których mowa w art. 28 ust. 1 pkt 1, 2 i 4"
WRITE_OFF_CLAIMS = frozenset(
    {ClaimType.FUNDUSZ_ALIMENTACYJNY, ClaimType.ZALICZKA_ALIMENTACYJNA, ClaimType.FUNDUSZ_1974}
)


# --- payouts → tranches ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Payout:
    paid_on: date
    amount: Grosze
    entitled: str  # osoba uprawniona
    claim: ClaimType = ClaimType.FUNDUSZ_ALIMENTACYJNY


@dataclass(frozen=True, slots=True)
class FundTranche:
    """One principal tranche of the debtor's receivable; the interest engine takes (amount,
    interest_from) and runs odsetki ustawowe za opóźnienie (KC art. 481) from interest_from."""

    claim: ClaimType
    entitled: str
    paid_on: date  # also the day the tranche is due: the delay runs from the next day
    amount: Grosze
    interest_from: date | None  # None: no interest is charged on this tranche


def tranche_of(payout: Payout, *, advance_interest: bool = False) -> FundTranche:
    """art. 27 ust. 1 and 1a; seed 001, annex 9: the debtor returns the benefits "łącznie z
    odsetkami ustawowymi za opóźnienie. Odsetki są naliczane od pierwszego dnia następującego po
    dniu wypłaty świadczenia z funduszu alimentacyjnego, do dnia ich całkowitej spłaty."
    Advances (zaliczki) carry interest only when the unit says so (advance_interest): art. 27 does
    not speak of them and we found no rule to quote."""
    if payout.amount <= 0:
        raise ValueError("Kwota wypłaty musi być dodatnia")
    if payout.claim is ClaimType.FUNDUSZ_ALIMENTACYJNY or (
        payout.claim is ClaimType.ZALICZKA_ALIMENTACYJNA and advance_interest
    ):
        interest_from: date | None = payout.paid_on + timedelta(days=1)
    elif payout.claim is ClaimType.ZALICZKA_ALIMENTACYJNA:
        interest_from = None
    else:
        raise ValueError(f"Wypłata tytułu {payout.claim.value} nie tworzy należności organu")
    return FundTranche(payout.claim, payout.entitled, payout.paid_on, payout.amount, interest_from)


def tranches_from_payouts(
    payouts: Iterable[Payout], *, advance_interest: bool = False
) -> tuple[FundTranche, ...]:
    ordered = sorted(payouts, key=lambda p: p.paid_on)
    return tuple(tranche_of(p, advance_interest=advance_interest) for p in ordered)


def outstanding_tranches(
    tranches: Sequence[FundTranche], principal_repaid: Grosze
) -> tuple[FundTranche, ...]:
    """What is left of each tranche after `principal_repaid` of principal was repaid, the oldest
    tranche first (KC art. 451 § 3: "na poczet najdawniej wymagalnego"). Paid-off tranches drop
    out."""
    if principal_repaid > sum(t.amount for t in tranches):
        raise ValueError("Spłacony kapitał przekracza sumę wypłat")
    left = principal_repaid
    remaining = []
    for tranche in sorted(tranches, key=lambda t: t.paid_on):
        paid = min(left, tranche.amount)
        left -= paid
        if paid < tranche.amount:
            remaining.append(replace(tranche, amount=tranche.amount - paid))
    return tuple(remaining)


# --- art. 28: recovered money between the claims --------------------------------------------------


class Art28Regime(StrEnum):
    UST_1 = "art_28_ust_1"  # the entitled person receives benefits from the fund
    UST_2 = "art_28_ust_2"  # payouts have stopped


_F, _Z = ClaimType.FUNDUSZ_ALIMENTACYJNY, ClaimType.ZALICZKA_ALIMENTACYJNA
_WB, _WP = ClaimType.WIERZYCIEL_BIEZACE, ClaimType.WIERZYCIEL_POZOSTALE
ART_28_ORDER: Mapping[Art28Regime, tuple[ClaimType, ...]] = MappingProxyType(
    {
        # ust. 1 pkt 1, 2, 3, 4 (pkt 3 as a whole: current alimony, then the rest)
        Art28Regime.UST_1: (_F, _Z, _WB, _WP, ClaimType.FUNDUSZ_1974),
        # ust. 2: current alimony up to the monthly award, fund, advances, rest, 1974 fund
        Art28Regime.UST_2: (_WB, _F, _Z, _WP, ClaimType.FUNDUSZ_1974),
    }
)


@dataclass(frozen=True, slots=True)
class BenefitPeriod:
    """A period in which the entitled person receives benefits from the fund (end inclusive)."""

    start: date
    end: date | None = None  # None: still being paid


def art_28_regime(on: date, benefit_periods: Iterable[BenefitPeriod]) -> Art28Regime:
    """ust. 1 "w okresie, w którym osoba uprawniona otrzymuje świadczenia"; otherwise ust. 2."""
    for period in benefit_periods:
        if period.start <= on and (period.end is None or on <= period.end):
            return Art28Regime.UST_1
    return Art28Regime.UST_2


@dataclass(frozen=True, slots=True)
class ClaimDue:
    """What one receivable still asks for on the recovery date. For WIERZYCIEL_BIEZACE under
    ust. 2, principal_due is what is left of this month's awarded alimony."""

    claim: ClaimType
    costs_due: Grosze
    interest_due: Grosze
    principal_due: Grosze
    ref: str = ""  # the receivable's id, carried through to the result
    due_on: date | None = None  # orders receivables of one claim type (KC art. 451 § 3)

    def __post_init__(self) -> None:
        if min(self.costs_due, self.interest_due, self.principal_due) < 0:
            raise ValueError("Należność nie może być ujemna")


@dataclass(frozen=True, slots=True)
class ClaimAllocation:
    claim: ClaimType
    ref: str
    allocation: Allocation  # amount = what this receivable got; its overpayment is always 0


@dataclass(frozen=True, slots=True)
class RecoveryAllocation:
    on: date
    amount: Grosze
    source: RecoverySource
    regime: Art28Regime
    claims: tuple[ClaimAllocation, ...]  # in the order they were satisfied
    overpayment: Grosze  # more than every claim asked for: returned to the debtor or held

    def applied_to(self, claim: ClaimType) -> Grosze:
        return sum(c.allocation.amount for c in self.claims if c.claim is claim)


def _ordered(
    claims: Sequence[ClaimDue], regime: Art28Regime, source: RecoverySource
) -> list[ClaimDue]:
    order = ART_28_ORDER[regime]
    # A voluntary payment into the unit's account is not "kwota uzyskana z egzekucji" (art. 28) and
    # cannot discharge what the debtor owes the alimony creditor; it goes to the public claims only.
    eligible = [
        (i, c)
        for i, c in enumerate(claims)
        if not (source is RecoverySource.WPLATA_DOBROWOLNA and c.claim in CREDITOR_CLAIMS)
    ]
    eligible.sort(key=lambda ic: (order.index(ic[1].claim), ic[1].due_on or date.min, ic[0]))
    return [c for _, c in eligible]


def allocate_art_28(
    amount: Grosze,
    *,
    on: date,
    claims: Sequence[ClaimDue],
    regime: Art28Regime,
    source: RecoverySource = RecoverySource.EGZEKUCJA_SADOWA,
) -> RecoveryAllocation:
    """Each claim in art. 28 order to its full satisfaction ("do ich całkowitego zaspokojenia"),
    within it KC art. 451. The parts and the overpayment always add up to `amount`."""
    if amount < 0:
        raise ValueError("Kwota wyegzekwowana nie może być ujemna")
    remaining = amount
    parts: list[ClaimAllocation] = []
    for due in _ordered(claims, regime, source):
        split = allocate_kc_451(
            remaining,
            on=on,
            costs_due=due.costs_due,
            interest_due=due.interest_due,
            principal_due=due.principal_due,
        )
        applied = replace(split, amount=remaining - split.overpayment, overpayment=0)
        parts.append(ClaimAllocation(due.claim, due.ref, applied))
        remaining = split.overpayment
    return RecoveryAllocation(on, amount, source, regime, tuple(parts), remaining)
