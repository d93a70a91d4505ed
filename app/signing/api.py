from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Form, Response, UploadFile

from app.auth.deps import Admin, Reader, SessionDep, SettingsDep
from app.errors import PROBLEM, Conflict, Invalid
from app.schemas import Schema
from app.signing import keystore, service

router = APIRouter(prefix="/api/v1", tags=["signing"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 413, 422)}
XML = "application/xml"


class CertificateRead(Schema):
    subject: str
    serial: str
    not_before: datetime
    not_after: datetime
    fingerprint: str
    created_by: str


def _read(row: object) -> CertificateRead:
    return CertificateRead.model_validate(row, from_attributes=True)


@router.post("/signing/certificate", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def upload_certificate(
    file: UploadFile,
    password: Annotated[str, Form(max_length=200)],
    session: SessionDep,
    user: Admin,
    settings: SettingsDep,
) -> CertificateRead:
    """Upload the unit's PKCS#12 (.p12/.pfx) and its password; the password is kept sealed."""
    data = await file.read(keystore.MAX_PKCS12 + 1)
    if len(data) > keystore.MAX_PKCS12:
        raise Invalid("Plik certyfikatu jest za duży (najwyżej 64 KB)", field="file")
    return _read(await service.upload(session, data, password, user.username, settings))


@router.get("/signing/certificate", responses=_ERR)  # type: ignore[arg-type]
async def certificate(session: SessionDep, _user: Reader) -> CertificateRead:
    """The active certificate's subject, validity and fingerprint (never the key or password)."""
    row = await service.active_row(session)
    if row is None:
        raise Conflict("Brak certyfikatu jednostki")
    return _read(row)


@router.get("/titles/{document_id}/signed.xml", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def signed_title(
    document_id: int, session: SessionDep, _user: Reader, settings: SettingsDep
) -> Response:
    """The title's XML with the unit's XAdES signature, for the eTW upload."""
    content = await service.signed_title(session, document_id, settings)
    return Response(content, media_type=XML)


@router.get("/notices/{notice_id}/signed.xml", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def signed_notice(
    notice_id: int, session: SessionDep, _user: Reader, settings: SettingsDep
) -> Response:
    """The notice's XML with the unit's XAdES signature."""
    return Response(await service.signed_notice(session, notice_id, settings), media_type=XML)
