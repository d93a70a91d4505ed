from __future__ import annotations

from fastapi import APIRouter, Response

from app.auth.deps import Reader, SessionDep
from app.errors import PROBLEM
from app.files import service

router = APIRouter(prefix="/api/v1", tags=["files"])
_ERR = {code: {"content": {PROBLEM: {}}} for code in (401, 403, 404)}


def file_response(name: str, media_type: str, content: bytes, sha256: str) -> Response:
    disposition = "inline" if media_type in service.SCAN_TYPES else "attachment"
    return Response(
        content,
        media_type=media_type,
        headers={
            "Content-Disposition": f'{disposition}; filename="{name}"',
            "X-Content-SHA256": sha256,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
        },
    )


@router.get("/files/{file_id}", response_class=Response, responses=_ERR)  # type: ignore[arg-type]
async def get_file(file_id: int, session: SessionDep, _user: Reader) -> Response:
    """A stored evidence file (scan, proof, UPO, package) as it was received, with its SHA-256."""
    f = await service.get(session, file_id)
    return file_response(f.name, f.media_type, f.content, f.sha256)
