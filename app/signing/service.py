"""The unit's certificate and the signed documents: the title XML (its form version, TW-1(5)
today) and the notices, XAdES-signed with the active certificate."""

from __future__ import annotations

import asyncio

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from app.config import Settings
from app.errors import Conflict, Invalid
from app.models import UnitCertificate
from app.signing import keystore, xades
from app.titles import service as titles


async def upload(
    session: AsyncSession, data: bytes, password: str, actor: str, settings: Settings
) -> UnitCertificate:
    try:
        opened = keystore.open_pkcs12(data, password)
    except keystore.KeystoreError as exc:
        raise Invalid(str(exc), field="file") from None
    await session.execute(update(UnitCertificate).values(active=False))
    row = UnitCertificate(
        subject=opened.certificate.subject.rfc4514_string()[:500],
        serial=format(opened.certificate.serial_number, "x")[:100],
        not_before=opened.not_before,
        not_after=opened.not_after,
        fingerprint=opened.fingerprint,
        pkcs12=data,
        password_sealed=keystore.seal(password, settings.secret_key),
        active=True,
        created_by=actor,
    )
    session.add(row)
    await session.flush()
    return row


async def active_row(session: AsyncSession) -> UnitCertificate | None:
    stmt = select(UnitCertificate).where(UnitCertificate.active.is_(True))
    return await session.scalar(stmt.order_by(UnitCertificate.id.desc()).limit(1))


async def opened(session: AsyncSession, settings: Settings) -> keystore.Opened:
    row = await session.scalar(
        select(UnitCertificate)
        .where(UnitCertificate.active.is_(True))
        .options(undefer(UnitCertificate.pkcs12), undefer(UnitCertificate.password_sealed))
        .order_by(UnitCertificate.id.desc())
        .limit(1)
    )
    if row is None:
        raise Conflict("Brak certyfikatu jednostki: administrator wgrywa plik PKCS#12")
    try:
        password = keystore.unseal(row.password_sealed, settings.secret_key)
        return keystore.open_pkcs12(row.pkcs12, password)
    except keystore.KeystoreError as exc:
        raise Conflict(str(exc)) from None


async def sign(session: AsyncSession, document: bytes, settings: Settings) -> bytes:
    key = await opened(session, settings)
    return await asyncio.to_thread(xades.sign, document, key)


async def signed_title(session: AsyncSession, document_id: int, settings: Settings) -> bytes:
    return await sign(session, await titles.title_xml(session, document_id), settings)


async def signed_notice(session: AsyncSession, notice_id: int, settings: Settings) -> bytes:
    return await sign(session, await titles.notice_xml(session, notice_id), settings)
