"""Every document the specialist prints, as Polish PDFs (reportlab), plus the year-end CSVs.

Rendered from frozen data (letters/documents.py); nothing here reads the database or the clock.
CPU-bound: call from async code through asyncio.to_thread."""

from letters.batch import render_reminder_batch
from letters.csvs import csv_alimony, csv_time_barred
from letters.decyzja import WriteOffDecision
from letters.documents import AlimonyWriteOffRow, TimeBarredRow
from letters.render import (
    render_register,
    render_tytul,
    render_upomnienie,
    render_wezwanie,
    render_write_off_decision,
    render_year_end_alimony,
    render_year_end_time_barred,
    render_zawiadomienie,
)

__all__ = [
    "AlimonyWriteOffRow",
    "TimeBarredRow",
    "WriteOffDecision",
    "csv_alimony",
    "csv_time_barred",
    "render_register",
    "render_reminder_batch",
    "render_tytul",
    "render_upomnienie",
    "render_wezwanie",
    "render_write_off_decision",
    "render_year_end_alimony",
    "render_year_end_time_barred",
    "render_zawiadomienie",
]
