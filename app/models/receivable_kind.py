from __future__ import annotations

from sqlalchemy import Boolean, Integer, String, Text, false, true
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class ReceivableKind(Base):
    """The legal regime of a kind of receivable, as data (see app.domain.kinds)."""

    __tablename__ = "receivable_kind"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    legal_basis: Mapped[str] = mapped_column(Text)
    interest_regime: Mapped[str] = mapped_column(String(64))
    interest_start: Mapped[str] = mapped_column(String(64))
    allocation_rule: Mapped[str] = mapped_column(String(64))
    payment_term_days: Mapped[int] = mapped_column(Integer)
    reminder_term_days: Mapped[int] = mapped_column(Integer)
    reminder_required: Mapped[bool] = mapped_column(Boolean, server_default=true())
    # Issue 16 items 8 and 10 (app.domain.enforcement): a final decision before enforcement, and
    # the dated parameter limiting a deduction from benefits currently paid (None: no deduction).
    decision_required: Mapped[bool] = mapped_column(Boolean, server_default=false())
    deduction_limit_code: Mapped[str | None] = mapped_column(String(64))
    limitation_rule: Mapped[str] = mapped_column(String(64))
    limitation_years: Mapped[int | None] = mapped_column(Integer)
    limitation_interrupted_by_payment: Mapped[bool] = mapped_column(Boolean)
    # Issue 16 item 5: the other events that interrupt or suspend the period, as comma-separated
    # codes of app.domain.kinds.LimitationEvent; and the absolute bar in years on the decision
    # (art. 23 ust. 4 u.p.o.u.a.: none after 10 years from the payout).
    limitation_interrupted_by: Mapped[str] = mapped_column(String(200), server_default="")
    limitation_suspended_by: Mapped[str] = mapped_column(String(200), server_default="")
    decision_bar_years: Mapped[int | None] = mapped_column(Integer)
    # Issue 20 item 3: the organ that decides on a deferral or instalments (OP art. 67a via u.f.p.
    # art. 67), when not the unit itself (seed 003 §4: the Prezydent Miasta for the stay fee); and
    # the dated parameter of the prolongation fee's share of the default-interest rate (OP art. 57
    # §2, art. 56a §1), None: no fee is charged for this kind (OP art. 57 §1: compulsory only for
    # state budget taxes).
    relief_organ: Mapped[str | None] = mapped_column(String(300))
    prolongation_fee_code: Mapped[str | None] = mapped_column(String(64))
    # Where payments of this kind go (NRB), when not the unit's default account.
    bank_account: Mapped[str | None] = mapped_column(String(34))
    # Klasyfikacja budżetowa (rozporządzenie MF z 2.03.2010 w sprawie szczegółowej klasyfikacji
    # dochodów, wydatków …): dział, rozdział, paragraf.
    budget_dzial: Mapped[str | None] = mapped_column(String(3))
    budget_rozdzial: Mapped[str | None] = mapped_column(String(5))
    budget_paragraf: Mapped[str | None] = mapped_column(String(4))
    # Issue 20 item 8: the archival category of the unit's file plan (JRWA): A, B5, B10, BE5, Bc
    # (app/domain/retention.py).
    archival_category: Mapped[str] = mapped_column(String(8), default="B5", server_default="B5")
