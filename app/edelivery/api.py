from __future__ import annotations

from fastapi import APIRouter, UploadFile

from app.auth.deps import Collector, SessionDep, SettingsDep
from app.deliveries.api import read_upload
from app.deliveries.schemas import DeliveryRead
from app.deps import TodayDep
from app.edelivery import service
from app.errors import PROBLEM, Invalid
from app.files import service as files
from app.schemas import DateIn, Schema

router = APIRouter(prefix="/api/v1/e-deliveries", tags=["e-Doręczenia"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 413, 422)}


class DispatchIn(Schema):
    date: DateIn


class SentRead(Schema):
    document_id: int
    message_id: str
    address: str
    status: str


class DispatchRead(Schema):
    provider: str
    sent: list[SentRead]
    package_url: str | None


@router.post("/dispatch", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def dispatch(
    body: DispatchIn, session: SessionDep, user: Collector, settings: SettingsDep, today: TodayDep
) -> DispatchRead:
    """Send the day's letters to debtors with an ADE (manual channel: a ZIP to upload by hand)."""
    if body.date > today:
        raise Invalid("Data z przyszłości", field="date")
    done = await service.dispatch_day(session, body.date, user.username, settings)
    return DispatchRead(
        provider=service.provider(settings).name,
        sent=[
            SentRead(
                document_id=r.document_id or 0,
                message_id=r.message_id,
                address=r.address,
                status=r.status,
            )
            for r in done.rows
        ],
        package_url=f"/api/v1/files/{done.package.id}" if done.package else None,
    )


@router.post("/proofs", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def import_proof(
    file: UploadFile, session: SessionDep, user: Collector, today: TodayDep
) -> DeliveryRead:
    """Import a proof of e-delivery (UPD): it sets the letter's delivery by u.d.e. art. 42."""
    upload = await read_upload(file, files.MAX_PROOF, "file")
    done = await service.import_proof(session, upload, user.username, today)
    return DeliveryRead.of(done.delivery, term_ends_on=done.term_ends_on)


@router.post("/collect", responses=_ERR)  # type: ignore[arg-type]
async def collect(
    session: SessionDep, user: Collector, settings: SettingsDep, today: TodayDep
) -> list[DeliveryRead]:
    """Import the proofs the provider holds (an API adapter; the manual channel has none)."""
    done = await service.collect(session, user.username, today, settings)
    return [DeliveryRead.of(d.delivery, term_ends_on=d.term_ends_on) for d in done]
