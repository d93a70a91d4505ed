from __future__ import annotations

from fastapi import APIRouter, UploadFile

from app.auth.deps import Collector, Reader, SessionDep
from app.deliveries import service
from app.deliveries.repository import DeliveryRepository
from app.deliveries.schemas import DeliveryIn, DeliveryRead
from app.deps import TodayDep
from app.errors import PROBLEM, Invalid
from app.files import service as files

router = APIRouter(prefix="/api/v1", tags=["deliveries"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404, 409, 413, 422)}


async def read_upload(upload: UploadFile, limit: int, field: str) -> files.Upload:
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise Invalid(f"Plik jest za duży (najwyżej {limit // (1024 * 1024)} MB)", field=field)
    return files.Upload(upload.filename or field, content)


@router.post("/documents/{document_id}/deliveries", status_code=201, responses=_ERR)  # type: ignore[arg-type]
async def record_delivery(
    document_id: int, body: DeliveryIn, session: SessionDep, user: Collector, today: TodayDep
) -> DeliveryRead:
    """Record how a demand or a reminder reached the debtor; answers the legally effective day."""
    done = await service.record(
        session, document_id, body.facts(), user.username, today, note=body.note
    )
    return DeliveryRead.of(
        done.delivery,
        term_ends_on=done.term_ends_on,
        address_search_id=done.search.id if done.search else None,
    )


@router.get("/documents/{document_id}/deliveries", responses=_ERR)  # type: ignore[arg-type]
async def document_deliveries(
    document_id: int, session: SessionDep, _user: Reader
) -> list[DeliveryRead]:
    """Every recorded delivery of a document, oldest first (the latest one counts)."""
    await service.deliverable(session, document_id)
    rows = await service.history(session, [document_id])
    scans = await DeliveryRepository(session).scans(
        [d.scan_file_id for d in rows if d.scan_file_id]
    )
    return [DeliveryRead.of(d, scans.get(d.scan_file_id or 0)) for d in rows]


@router.put("/deliveries/{delivery_id}/scan", responses=_ERR)  # type: ignore[arg-type]
async def attach_scan(
    delivery_id: int, file: UploadFile, session: SessionDep, user: Collector
) -> DeliveryRead:
    """The scan of the return receipt (PDF, PNG or JPEG, at most 5 MB), kept with its SHA-256."""
    upload = await read_upload(file, files.MAX_SCAN, "file")
    d = await service.attach_scan(session, delivery_id, upload, user.username)
    scans = await DeliveryRepository(session).scans([d.scan_file_id or 0])
    return DeliveryRead.of(d, scans.get(d.scan_file_id or 0))
