"""Instalment plans: when an instalment counts as missed (niezapłacenie raty w terminie).

The rule. Instalments are granted by decision (OP art. 67a §1 pkt 2; OP dział III applies to
non-tax budget receivables such as the stay fee through u.f.p. art. 67 §1). Each instalment's due
date is a new payment term (OP art. 49 §1). "Jeżeli w terminie określonym w decyzji podatnik […]
nie zapłacił którejkolwiek z rat […], terminem płatności […] zaległości podatkowej objętej […]
ratą staje się odpowiednio termin określony w art. 47 § 1–3" (OP art. 49 §2). So the amount is
again overdue from the old term, and the suspended enforcement is resumed. Seed 003 §3.7 tells
the specialist to notify the enforcement authority ("wznowienie postępowania egzekucyjnego, gdy
zobowiązany nie wywiązuje się z ustalonych zobowiązań"). The lifecycle (DOMAIN.md) sends the
receivable back to the state it had before the instalments.

Precisely, and in the same form as the set-based SQL in app/sweeps/rules.py: instalment k, with
due date d_k, is missed as of `as_of` when
  * d_k < as_of: its last day has passed (the payment day counts, OP art. 60 §1: a payment on d_k
    itself is in time; paid_on is the day the specialist records from the statement), and
  * the payments with decided_on <= paid_on <= d_k add up to less than the instalments due up to
    and including d_k (a cumulative test: an overpaid earlier instalment covers a later one, and a
    late payment does not cure an instalment already missed).
decided_on is the date of the plan's decision (the latest `raty` event). The earliest missed
instalment is the one reported; the receivable goes back from the day after its due date.

The due dates are used as stored. A due date on a Saturday or a day off would move to the next
working day (OP art. 12 §5): the plan should store the shifted dates, as the payment and reminder
terms are stored shifted (see the report of issue 7).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.alimony_history import add_months  # KC art. 112, months
from app.domain.money import Grosze


@dataclass(frozen=True, slots=True)
class InstalmentDue:
    number: int
    due_on: date
    amount: Grosze


@dataclass(frozen=True, slots=True)
class InstalmentPlan:
    decided_on: date
    instalments: tuple[InstalmentDue, ...]


@dataclass(frozen=True, slots=True)
class PaymentMade:
    paid_on: date
    amount: Grosze


@dataclass(frozen=True, slots=True)
class MissedInstalment:
    number: int
    due_on: date

    @property
    def resumed_on(self) -> date:
        """The day the receivable goes back: the day after the missed instalment's last day."""
        return self.due_on + timedelta(days=1)


def missed_instalment(
    plan: InstalmentPlan, payments: Iterable[PaymentMade], as_of: date
) -> MissedInstalment | None:
    """The earliest instalment missed as of `as_of`, or None while the plan is kept."""
    counted = [p for p in payments if p.paid_on >= plan.decided_on]
    owed = 0
    for inst in sorted(plan.instalments, key=lambda i: (i.due_on, i.number)):
        if inst.due_on >= as_of:
            return None
        owed += inst.amount
        paid = sum(p.amount for p in counted if p.paid_on <= inst.due_on)
        if paid < owed:
            return MissedInstalment(inst.number, inst.due_on)
    return None


def equal_plan(total: Grosze, count: int, first_due: date) -> list[tuple[date, Grosze]]:
    """A relief decision granting `count` instalments of the balance on its day (art. 30 ust. 2
    u.p.o.u.a., issue 18 item 7): equal monthly instalments from `first_due`, each rounded down
    to the grosz, the last one making up the remainder (so that the plan adds up to the balance,
    as an instalment plan must; 1000.00 in 3: 333.33, 333.33, 333.34). The month's day is kept,
    or the month's last day when it has none (KC art. 112); a due day on a Saturday or a day off
    moves when the plan is recorded (OP art. 12 § 5)."""
    if count < 1 or total <= 0:
        raise ValueError("Plan rat wymaga dodatniej kwoty i co najmniej jednej raty")
    if total < count:
        raise ValueError(f"Kwota {total} gr nie daje się rozłożyć na {count} rat")
    base = total // count
    amounts = [base] * (count - 1) + [total - base * (count - 1)]
    return [(add_months(first_due, n), amount) for n, amount in enumerate(amounts)]
