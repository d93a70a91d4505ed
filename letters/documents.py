"""What the documents print, as frozen data (STYLE rule 13: render from data, never from the DB).

The letters and the title live in app/domain/documents.py (shared with the TW-1 XML) and are
re-exported here; the year-end list rows are letters-only and defined below. Amounts are integer
grosze; dates are `date`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.documents import (
    Address,
    Authority,
    Creditor,
    DebtorData,
    ReceivableData,
    RegisterEntry,
    ReminderRef,
    Signatory,
    TytulWykonawczy,
    Upomnienie,
    Wezwanie,
    Zawiadomienie,
)

__all__ = [
    "Address",
    "AlimonyWriteOffRow",
    "Authority",
    "Creditor",
    "DebtorData",
    "ReceivableData",
    "RegisterEntry",
    "ReminderRef",
    "Signatory",
    "TimeBarredRow",
    "TytulWykonawczy",
    "Upomnienie",
    "Wezwanie",
    "Zawiadomienie",
]


@dataclass(frozen=True, slots=True)
class TimeBarredRow:
    """One time-barred receivable on the year-end list for the chief accountant (seed 003 §5.3):
    what is to be written off (odpis) and why (the day it became time-barred)."""

    debtor_name: str
    reference: str  # our case number
    kind_label: str
    due_date: date  # the end of the payment term the limitation ran from
    time_barred_on: date  # the first day the receivable was time-barred
    principal: int
    interest: int
    costs: int
    debtor_id: str | None = None  # "PESEL 44051401359" / "NIP …" when known

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.costs


@dataclass(frozen=True, slots=True)
class AlimonyWriteOffRow:
    """One write-off on the year-end alimony list (art. 30 ust. 1 of the act of 7.09.2007 on help
    for persons entitled to alimony: 30 % after 3, 50 % after 5, 100 % after 7 years of effective
    enforcement in monthly amounts not lower than the awarded alimony), split as the accountant
    books it: by claim (art. 28 ust. 1 pkt 1 fund, pkt 2 advances), principal and interest apart.
    Matches app/models/alimony_write_off.py (step → percent, balance_before → balance)."""

    debtor_name: str
    pesel: str | None
    effective_from: date  # the continuous period of effective enforcement
    effective_to: date
    years: int  # 3 | 5 | 7
    percent: int  # 30 | 50 | 100: written off in total
    balance: int  # owed before the write-off, grosze
    write_off: int  # written off by this decision, grosze
    fund_principal: int = 0
    fund_interest: int = 0
    advance_principal: int = 0
    advance_interest: int = 0
    decision_number: str | None = None
    decision_on: date | None = None
    legal_basis: str = "art. 30 ust. 1 u.p.o.u.a."

    def __post_init__(self) -> None:
        parts = (
            self.fund_principal
            + self.fund_interest
            + self.advance_principal
            + self.advance_interest
        )
        if parts and parts != self.write_off:
            raise ValueError(
                f"Umorzenie {self.debtor_name}: części ({parts} gr) nie sumują się do kwoty"
                f" umorzenia ({self.write_off} gr)"
            )
