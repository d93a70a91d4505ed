from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, Integer, LargeBinary, String, false
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, CreatedAt


class UnitCertificate(CreatedAt, Base):
    """The unit's signing certificate (PKCS#12) uploaded by the admin. The file's password is
    kept only encrypted with a key derived from the application's secret key (app/signing);
    it is never logged nor returned."""

    __tablename__ = "unit_certificate"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subject: Mapped[str] = mapped_column(String(500))
    serial: Mapped[str] = mapped_column(String(100))
    not_before: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    not_after: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    fingerprint: Mapped[str] = mapped_column(String(64))  # SHA-256 of the certificate (DER)
    pkcs12: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    password_sealed: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    active: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_by: Mapped[str] = mapped_column(String(64))
