from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class AlimonyAllocation(Base):
    """The part of one recovery applied to one claim in the order of art. 28 u.p.o.u.a. (within
    the claim: costs, interest, principal). Derived from the facts: the service rewrites a
    debtor's rows whenever a payout, recovery or write-off of that debtor is recorded."""

    __tablename__ = "alimony_allocation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    recovery_id: Mapped[int] = mapped_column(ForeignKey("alimony_recovery.id"), index=True)
    claim: Mapped[str] = mapped_column(String(32))  # ClaimType value
    regime: Mapped[str] = mapped_column(String(16))  # Art28Regime: art_28_ust_1 | art_28_ust_2
    to_costs: Mapped[int] = mapped_column(BigInteger)
    to_interest: Mapped[int] = mapped_column(BigInteger)
    to_principal: Mapped[int] = mapped_column(BigInteger)
