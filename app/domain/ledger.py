"""The running account of one receivable's tranches under each interest regime.

Internal to compute_balance (balance.py): these classes mutate their own working state while the
payments are replayed in date order, and never escape the call. Days are ordinals
(date.toordinal()); amounts are integer grosze; interest is an exact fraction over DENOMINATOR
until the statutory rounding.

Tranches are settled oldest first (by first day of interest): OP art. 62 §1 (the earliest due
arrears first) and KC art. 451 §3 (the debt that became due first).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from app.domain.allocation import split_op_55
from app.domain.interest import DENOMINATOR, DatedSchedule, RatePeriod, kc_interest, rate_periods
from app.domain.money import Grosze, zloty_half_up


class Item:
    """One tranche while it is being settled."""

    __slots__ = ("carried", "first", "index", "principal", "settled")

    def __init__(self, index: int, first: int, principal: Grosze) -> None:
        self.index = index
        self.first = first  # first day of interest still to be computed (ordinal)
        self.principal = principal
        self.carried = 0  # interest fixed earlier and still unpaid (no interest runs on it)
        self.settled = 0  # OP: Σ interest numerators of the parts already paid (see _op_due)


@dataclass
class Outstanding:
    principal: Grosze = 0
    interest_due: Grosze = 0
    interest_carried: Grosze = 0
    interest_not_charged: Grosze = 0
    periods: list[RatePeriod] = field(default_factory=list)


class OpLedger:
    """Odsetki za zwłokę (OP art. 53–56, 63, via u.f.p. art. 60 and 67) with the proportional
    allocation of OP art. 55 §2. `rates` None means the kind charges no interest."""

    def __init__(
        self, items: list[Item], rates: DatedSchedule | None, threshold: DatedSchedule | None
    ) -> None:
        self.items = items
        self.rates = rates
        self.threshold = threshold

    def _op_due(self, item: Item, day: int) -> tuple[Grosze, Grosze, int]:
        """(charged, accrued, weight) of the interest on the item's unpaid principal, from its
        ORIGINAL first day to `day`: accrued is rounded to full złoty (OP art. 63 §1), charged is
        accrued or 0 under OP art. 54 §1 pkt 5 (not charged when it does not exceed 3 × the
        registered-letter fee, 8.70 zł).

        The threshold is compared with the interest BEFORE the rounding of art. 63 §1: "odsetek
        za zwłokę nie nalicza się, jeżeli wysokość odsetek nie przekraczałaby" the threshold, so
        interest that is not charged is never rounded; only interest above it arises and is then
        rounded. 8.70 zł is not charged, 8.71 zł is, as 9 zł; 8.55 zł is not charged, although it
        would round to 9 zł. Sources: the Ministry of Finance's own calculator
        (finanse.mf.gov.pl/pit/kalkulator-odsetek: "Odsetek za zwłokę nie nalicza się, jeżeli
        wysokość odsetek nie przekraczałaby trzykrotności …", stated as a condition on the
        interest as computed), and the practice it is read with (pit.pl, "Odsetki minimalne":
        "odsetki w kwocie 8,70 zł … nie należy jej w ogóle pobierać i zaokrąglać. W przypadku
        odsetek w kwocie 8,71 zł dochodzi do zaokrąglenia w górę, tzn. odsetki wynoszą 9 zł").
        The other reading (round first, 8.50 zł → 9 zł > 8.70 zł) charges interest the statute
        says is not charged; in doubt the rule favours the debtor (OP art. 2a).

        The threshold is tested on the interest of the WHOLE arrears: the interest that arose on
        the parts already paid (settled) plus the interest on the unpaid part. So once interest on
        a part has been charged, later parts are charged too, however small (WSA w Gdańsku,
        I SA/Gd 626/17: "zaległością podatkową jest cała kwota niezapłaconego podatku, a nie każda
        wpłacana częściowa wpłata"). A part paid while the whole was still under the threshold
        stays settled without interest."""
        if self.rates is None or item.principal == 0 or day < item.first:
            return 0, 0, 0
        weight = self.rates.weight(item.first, day)
        num = item.principal * weight
        accrued = zloty_half_up(num, DENOMINATOR)
        assert self.threshold is not None  # _ledger in balance.py checks it
        if item.settled + num > self.threshold.value_at(day) * DENOMINATOR:
            return accrued, accrued, weight
        return 0, accrued, weight

    def pay(self, day: int, amount: Grosze) -> tuple[Grosze, Grosze, Grosze]:
        """(to_interest, to_principal, rest) of what is left of a payment after costs."""
        to_interest = to_principal = 0
        for item in self.items:
            if amount == 0:
                break
            if item.carried:
                paid = min(amount, item.carried)
                item.carried -= paid
                to_interest, amount = to_interest + paid, amount - paid
            if item.principal == 0 or amount == 0:
                continue
            charged, _, weight = self._op_due(item, day)
            ii, pp = split_op_55(amount, interest_due=charged, principal_due=item.principal)
            item.settled += pp * weight
            if pp == item.principal:  # principal cleared: interest not covered stays due
                item.carried += charged - ii
            item.principal -= pp
            to_interest, to_principal, amount = (
                to_interest + ii,
                to_principal + pp,
                amount - ii - pp,
            )
        return to_interest, to_principal, amount

    def outstanding(self, day: int, *, detail: bool) -> Outstanding:
        out = Outstanding()
        for item in self.items:
            charged, accrued, _ = self._op_due(item, day)
            out.principal += item.principal
            out.interest_carried += item.carried
            out.interest_due += item.carried + charged
            out.interest_not_charged += accrued - charged
            if detail and self.rates is not None and item.principal and day >= item.first:
                out.periods += rate_periods(
                    item.principal, item.first, day, self.rates, tranche=item.index
                )
        return out


class KcLedger:
    """Odsetki ustawowe za opóźnienie (KC art. 481 §2), payments to costs, interest, principal
    (KC art. 451 §1). At each payment the interest accrued so far is fixed (each rate period
    rounded to the grosz) and interest on the principal then runs again from the next day, as the
    public calculators do. No interest runs on unpaid interest (KC art. 482 §1: only from the day a
    claim is brought, which is not this engine's concern)."""

    def __init__(
        self, items: list[Item], rates: DatedSchedule | None, *, by_tranche: bool = False
    ) -> None:
        self.items = items
        self.rates = rates
        # AllocationRule.KC_451_TRANCHES: each tranche is a debt of its own (a payout returned
        # under art. 23 u.p.o.u.a.), so a payment settles the oldest tranche in full, its interest
        # then its principal (KC art. 451 §1), before the next one (KC art. 451 §3).
        self.by_tranche = by_tranche

    def _fix_interest(self, day: int) -> None:
        rates = self.rates
        if rates is None:
            return
        for item in self.items:
            if item.principal and day >= item.first:
                item.carried += kc_interest(item.principal, item.first, day, rates)
                item.first = day + 1

    def pay(self, day: int, amount: Grosze) -> tuple[Grosze, Grosze, Grosze]:
        self._fix_interest(day)
        if self.by_tranche:
            return self._pay_by_tranche(amount)
        to_interest = to_principal = 0
        for item in self.items:  # KC art. 451 §1: interest (all tranches, oldest first) …
            if item.carried and to_interest < amount:
                paid = min(amount - to_interest, item.carried)
                item.carried -= paid
                to_interest += paid
        amount -= to_interest
        for item in self.items:  # … then principal, oldest first (KC art. 451 §3)
            if to_principal == amount:
                break
            paid = min(amount - to_principal, item.principal)
            item.principal -= paid
            to_principal += paid
        return to_interest, to_principal, amount - to_principal

    def _pay_by_tranche(self, amount: Grosze) -> tuple[Grosze, Grosze, Grosze]:
        to_interest = to_principal = 0
        for item in self.items:  # oldest first (items_of), interest before principal
            if amount == 0:
                break
            paid = min(amount, item.carried)
            item.carried -= paid
            to_interest, amount = to_interest + paid, amount - paid
            paid = min(amount, item.principal)
            item.principal -= paid
            to_principal, amount = to_principal + paid, amount - paid
        return to_interest, to_principal, amount

    def outstanding(self, day: int, *, detail: bool) -> Outstanding:
        out = Outstanding()
        for item in self.items:
            out.principal += item.principal
            out.interest_carried += item.carried
            out.interest_due += item.carried
            if self.rates is None or not item.principal or day < item.first:
                continue
            if detail:  # the same per-period rounding, row by row
                rows = rate_periods(item.principal, item.first, day, self.rates, tranche=item.index)
                out.periods += rows
                out.interest_due += sum(row.interest for row in rows)
            else:
                out.interest_due += kc_interest(item.principal, item.first, day, self.rates)
        return out


def items_of(tranches: Iterable[tuple[date, Grosze]]) -> list[Item]:
    """Items ordered oldest first; `index` keeps the caller's order for the breakdown."""
    items = [Item(i, start.toordinal(), amount) for i, (start, amount) in enumerate(tranches)]
    if len(items) > 1:
        items.sort(key=_FIRST_DAY)
    return items


_FIRST_DAY = attrgetter("first")
