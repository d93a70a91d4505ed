"""An uploaded portfolio (one ZIP of the CSV sheets, or one XLSX workbook) spooled to a temporary
file in bounded chunks: never whole in memory, refused past MAX_UPLOAD (app/limits.py lets these
paths through up to the same ceiling)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.datastructures import UploadFile

from app.errors import Invalid
from app.limits import IMPORT_BODY

MAX_UPLOAD = IMPORT_BODY
CHUNK = 1024 * 1024


@asynccontextmanager
async def spooled(upload: object) -> AsyncIterator[Path]:
    if not isinstance(upload, UploadFile) or not upload.filename:
        raise Invalid("Wybierz plik ZIP z arkuszami CSV albo skoroszyt XLSX", field="file")
    if upload.filename.lower().endswith((".xls", ".ods")):
        raise Invalid(
            "Ten format skoroszytu nie jest obsługiwany: zapisz go jako XLSX (Excel 2007+)",
            field="file",
        )
    fd, name = tempfile.mkstemp(prefix="windykacja-import-", suffix=".zip")
    path = Path(name)
    try:
        size = 0
        with os.fdopen(fd, "wb") as f:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > MAX_UPLOAD:
                    raise Invalid(
                        f"Plik jest za duży (najwyżej {MAX_UPLOAD // 1024**2} MB)", field="file"
                    )
                f.write(chunk)
        yield path
    finally:
        path.unlink(missing_ok=True)
