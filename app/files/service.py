"""Evidence files (scans of receipts, e-delivery proofs, UPOs, packages): checked by their content,
stored with their SHA-256, served back byte for byte."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass

from fastapi import Request
from PIL import Image, UnidentifiedImageError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer
from starlette.datastructures import UploadFile as StarletteUpload

from app.errors import Invalid, NotFound
from app.models import StoredFile

# A scan of a return receipt is one or two pages: 5 MB holds a 300 dpi colour PDF comfortably.
MAX_SCAN = 5 * 1024 * 1024
MAX_PROOF = 2 * 1024 * 1024
SCAN_TYPES = ("application/pdf", "image/png", "image/jpeg")
_NAME = re.compile(r"[^\w.\- ]+")


@dataclass(frozen=True, slots=True)
class Upload:
    name: str
    content: bytes


def sniff(content: bytes) -> str | None:
    """The media type by the file's own bytes, never by its name or the browser's word."""
    if content.startswith(b"%PDF-"):
        return "application/pdf"
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if content.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if content.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return "application/xml"
    return None


def check_scan(upload: Upload, field: str = "scan") -> str:
    """A scan is a PDF or a PNG/JPEG image, at most MAX_SCAN bytes; else Invalid, nothing kept."""
    if not upload.content:
        raise Invalid("Plik skanu jest pusty", field=field)
    if len(upload.content) > MAX_SCAN:
        raise Invalid(f"Skan jest za duży (najwyżej {MAX_SCAN // (1024 * 1024)} MB)", field=field)
    kind = sniff(upload.content)
    if kind not in SCAN_TYPES:
        raise Invalid("Skan musi być plikiem PDF, PNG albo JPEG", field=field)
    if kind == "application/pdf" and b"%%EOF" not in upload.content[-2048:]:
        raise Invalid("Plik PDF jest niekompletny (brak znacznika końca)", field=field)
    if kind != "application/pdf":
        _check_image(upload.content, field)
    return kind


def _check_image(content: bytes, field: str) -> None:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Invalid("Obraz jest uszkodzony albo nie jest obrazem", field=field) from None


def safe_name(name: str, default: str) -> str:
    cleaned = _NAME.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).strip(" .")
    return (cleaned or default)[:200]


async def store(
    session: AsyncSession, kind: str, upload: Upload, media_type: str, actor: str | None
) -> StoredFile:
    stored = StoredFile(
        kind=kind,
        name=safe_name(upload.name, kind),
        media_type=media_type,
        size=len(upload.content),
        sha256=hashlib.sha256(upload.content).hexdigest(),
        content=upload.content,
        created_by=actor,
    )
    session.add(stored)
    await session.flush()
    return stored


async def get(session: AsyncSession, file_id: int) -> StoredFile:
    found = await session.get(StoredFile, file_id, options=[undefer(StoredFile.content)])
    if found is None:
        raise NotFound(f"Nie ma pliku o identyfikatorze {file_id}")
    return found


async def close_uploads(request: Request) -> None:
    """Close the files of a multipart form read by hand (FastAPI closes only those it parses into
    parameters); a refused form must not leave its temporary files open."""
    for value in (await request.form()).values():
        if isinstance(value, StarletteUpload):
            await value.close()
