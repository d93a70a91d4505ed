from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Response, UploadFile
from pydantic import Field

from app.auth.deps import Collector, Reader, SessionDep, SettingsDep
from app.deliveries.api import read_upload
from app.deps import TodayDep
from app.errors import PROBLEM
from app.files import service as files
from app.handoffs import service
from app.models import ElectronicDispatch
from app.schemas import Schema

router = APIRouter(prefix="/api/v1/handoffs", tags=["titles"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 413, 422)}


class SendIn(Schema):
    address: str = Field(min_length=1, max_length=40, description="ADE organu egzekucyjnego")


class DispatchRead(Schema):
    handoff_id: int
    provider: str
    address: str
    message_id: str
    sent_on: date
    status: str
    package_url: str | None
    upo_url: str | None

    @classmethod
    def of(cls, d: ElectronicDispatch) -> DispatchRead:
        return cls(
            handoff_id=d.handoff_id or 0,
            provider=d.provider,
            address=d.address,
            message_id=d.message_id,
            sent_on=d.sent_on,
            status=d.status,
            package_url=f"/api/v1/files/{d.package_file_id}" if d.package_file_id else None,
            upo_url=f"/api/v1/files/{d.proof_file_id}" if d.proof_file_id else None,
        )


@router.get("/{handoff_id}/package.zip", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def package(
    handoff_id: int, session: SessionDep, _user: Reader, settings: SettingsDep
) -> Response:
    """The handoff's files XAdES-signed (batch, titles, notices) in one ZIP, for upload by hand."""
    name, content = await service.package(session, handoff_id, settings)
    return Response(
        content,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.post("/{handoff_id}/send", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def send(
    handoff_id: int,
    body: SendIn,
    session: SessionDep,
    user: Collector,
    settings: SettingsDep,
    today: TodayDep,
) -> DispatchRead:
    """Send the signed handoff package through the e-delivery provider to the authority's ADE."""
    d = await service.send(session, handoff_id, body.address, user.username, today, settings)
    return DispatchRead.of(d)


@router.post("/{handoff_id}/upo", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def upo(
    handoff_id: int, file: UploadFile, session: SessionDep, user: Collector, today: TodayDep
) -> DispatchRead:
    """Keep the authority's UPO (XML or PDF) with the handoff."""
    upload = await read_upload(file, files.MAX_PROOF, "file")
    return DispatchRead.of(
        await service.import_upo(session, handoff_id, upload, user.username, today)
    )
