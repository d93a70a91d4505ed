"""What gets printed, as bytes: one issued document, the day's reminders in one PDF, the year-end
lists. Shared by the API (app/documents/api.py, app/reports/api.py) and the CLI
(`windykacja print …`); reportlab runs in a worker thread (CPU-bound)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import date
from typing import BinaryIO, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from app.documents import batch, service
from app.errors import NotFound
from app.reports import service as reports

YearEndList = Literal["time-barred", "alimony"]
Format = Literal["pdf", "csv"]
YEAR_END_NAMES: dict[str, str] = {
    "time-barred": "przedawnione",
    "alimony": "umorzenia-alimentacyjne",
}


async def document_pdf(session: AsyncSession, document_id: int) -> tuple[bytes, str]:
    """Any issued document as PDF (wezwanie, upomnienie, tytuł wykonawczy, zawiadomienie) and its
    number."""
    from letters import render

    doc = await service.document(session, document_id)
    if doc.kind == "wezwanie":
        content = await asyncio.to_thread(
            render.render_wezwanie, await service.wezwanie(session, doc)
        )
    elif doc.kind == "upomnienie":
        content = await asyncio.to_thread(
            render.render_upomnienie, await service.upomnienie(session, doc)
        )
    elif doc.kind == "tytul_wykonawczy":
        content = await asyncio.to_thread(render.render_tytul, await service.tytul(session, doc))
    elif doc.kind == "zawiadomienie":
        notice = await service.notice_of_document(session, doc.id)
        data = await service.zawiadomienie(session, notice)
        content = await asyncio.to_thread(render.render_zawiadomienie, data)
    else:
        raise NotFound(f"Dokument {doc.number} nie ma wersji PDF")
    return content, doc.number


async def reminders_pdf(
    session: AsyncSession,
    issued_on: date,
    out: BinaryIO,
    on_progress: Callable[[int, int | None], None] | None = None,
) -> int:
    """Every reminder issued on a day, streamed into one PDF on `out`; how many were written."""
    from letters.batch import render_reminder_batch

    reminders = await batch.reminders_of_day(session, issued_on)
    if not reminders:
        raise NotFound(f"Brak upomnień wystawionych w dniu {issued_on.isoformat()}")
    return await asyncio.to_thread(render_reminder_batch, reminders, out, on_progress)


async def year_end_file(
    session: AsyncSession, which: YearEndList, year: int, fmt: Format
) -> tuple[bytes, str]:
    """A year-end list for the chief accountant as PDF or CSV, and its file name."""
    import letters

    name = f"{YEAR_END_NAMES[which]}-{year}.{fmt}"
    creditor = await service.creditor(session)
    if which == "time-barred":
        rows = await reports.time_barred_rows(session, year)
        if fmt == "csv":
            return letters.csv_time_barred(rows), name
        pdf = await asyncio.to_thread(letters.render_year_end_time_barred, rows, year, creditor)
        return pdf, name
    found = await reports.alimony_rows(session, year)
    if fmt == "csv":
        return letters.csv_alimony(found), name
    pdf = await asyncio.to_thread(letters.render_year_end_alimony, found, year, creditor)
    return pdf, name
