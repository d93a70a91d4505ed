"""How a payment is split between costs, interest and principal: one function per strategy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.money import Grosze, grosze_half_up


@dataclass(frozen=True, slots=True)
class Allocation:
    on: date
    amount: Grosze
    to_costs: Grosze
    to_interest: Grosze
    to_principal: Grosze
    overpayment: Grosze  # never lost: kept for refund or a later receivable
    reference: str | None = None  # the payment's own reference (bank statement line), if any


def allocate_kc_451(
    amount: Grosze, *, on: date, costs_due: Grosze, interest_due: Grosze, principal_due: Grosze
) -> Allocation:
    """KC art. 451 §1 zd. 2: what is paid goes first to costs, then to interest due, then to the
    principal; whatever is left is an overpayment."""
    to_costs = min(amount, costs_due)
    to_interest = min(amount - to_costs, interest_due)
    to_principal = min(amount - to_costs - to_interest, principal_due)
    rest = amount - to_costs - to_interest - to_principal
    return Allocation(on, amount, to_costs, to_interest, to_principal, rest)


def allocate_op_55(
    amount: Grosze, *, on: date, costs_due: Grosze, interest_due: Grosze, principal_due: Grosze
) -> Allocation:
    """One arrears under the Ordynacja podatkowa: the reminder costs first (OP art. 62 §1a), then
    proportionally between the arrears and its interest (OP art. 55 §2), see split_op_55.
    `interest_due` is the interest on the whole arrears on the payment day, already rounded to full
    złoty and already 0 when it does not exceed the threshold of OP art. 54 §1 pkt 5."""
    to_costs = min(amount, costs_due)
    to_interest, to_principal = split_op_55(
        amount - to_costs, interest_due=interest_due, principal_due=principal_due
    )
    rest = amount - to_costs - to_interest - to_principal
    return Allocation(on, amount, to_costs, to_interest, to_principal, rest)


def split_op_55(
    amount: Grosze, *, interest_due: Grosze, principal_due: Grosze
) -> tuple[Grosze, Grosze]:
    """(to_interest, to_principal) of `amount` for one arrears, OP art. 55 §2.

    A payment that covers the arrears with its interest pays both in full; the caller keeps the
    rest. Otherwise the payment is split "w stosunku, w jakim, w dniu wpłaty, pozostaje kwota
    zaległości do kwoty odsetek": to_interest = amount × I / (A + I), with I the interest on the
    whole arrears A on that day (the interest as charged: rounded to full złoty, OP art. 63 §1,
    and 0 under the threshold of art. 54 §1 pkt 5). Since interest is linear in
    the amount, this is the interest of the part of the arrears that is paid, so the unpaid part
    keeps accruing from the ORIGINAL due date and nothing is charged twice.

    Rounding (OP art. 63 §3): the split of a payment is not rounded to full złoty; to_interest is
    computed in grosze, half up (money.grosze_half_up), and to_principal = amount − to_interest,
    so the split always sums exactly to the payment. Example: 1,000.00 due 2024-03-15, 300.00 paid
    on 2024-05-10 with 22 zł of interest on the whole that day: 300 × 22 / 1,022 = 6.4579 → 6.46
    to interest, 293.54 to principal, 706.46 left. The result is kept within what is due:
    to_interest ≤ I and to_principal ≤ A.
    """
    if amount >= principal_due + interest_due:
        return interest_due, principal_due
    to_interest = grosze_half_up(amount * interest_due, principal_due + interest_due)
    to_interest = max(amount - principal_due, min(to_interest, interest_due, amount), 0)
    return to_interest, amount - to_interest
