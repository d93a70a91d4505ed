"""The day's pocztowa książka nadawcza for registered letters with a return receipt (ZPO), and the
address labels for the same letters. The address block is name, street and locality only: never
the PESEL (issue 17 item 3). Pure: frozen rows in, PDF bytes out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from app.domain.documents import Creditor
from letters.blocks import Lines, two_columns, wrap_text
from letters.format import long_date
from letters.lists import Column, table
from letters.pages import RENDER_LOCK, Marker, build_pdf
from letters.styles import FONT, FONT_BOLD, register_fonts

SERVICE = "polecona ZPO (KPA)"


@dataclass(frozen=True, slots=True)
class PostItem:
    document_number: str  # WZ/1/2025
    name: str
    street: str
    postal_code: str
    city: str
    registered_number: str | None = None
    reference: str = ""  # our case number

    def address_lines(self) -> list[str]:
        """The address block of the envelope: no identifiers, ever."""
        return [self.name, self.street, f"{self.postal_code} {self.city}"]


COLUMNS: list[Column[PostItem]] = [
    Column("Adresat (imię i nazwisko lub nazwa)", 52, lambda p: p.name),
    Column("Dokładne miejsce doręczenia", 62, lambda p: f"{p.street}, {p.postal_code} {p.city}"),
    Column("Numer nadawczy", 42, lambda p: p.registered_number or ""),
    Column("Rodzaj przesyłki / usługa", 30, lambda _p: SERVICE),
    Column("Masa (g)", 15, lambda _p: ""),
    Column("Opłata (zł)", 18, lambda _p: ""),
    Column("Uwagi (nasz dokument)", 40, lambda p: f"{p.document_number} {p.reference}".strip()),
]


def book_story(items: Sequence[PostItem], day: date, sender: Creditor) -> list[Flowable]:
    return [
        Marker("", f"Książka nadawcza {day.isoformat()}"),
        two_columns(
            Lines(
                [
                    sender.name,
                    sender.address.street,
                    f"{sender.address.postal_code} {sender.address.city}",
                ],
                bold_first=True,
                caption="Nadawca:",
            ),
            Lines([f"{sender.address.city}, {long_date(day)}"], align="right"),
            0.6,
        ),
        Spacer(1, 4 * mm),
        Lines(["POCZTOWA KSIĄŻKA NADAWCZA"], size=13, bold=True, align="center"),
        Lines(
            [f"przesyłki polecone z potwierdzeniem odbioru nadane w dniu {long_date(day)}"],
            align="center",
        ),
        Spacer(1, 3 * mm),
        table(COLUMNS, list(items)),
        Spacer(1, 4 * mm),
        Lines([f"Razem przesyłek: {len(items)}"], bold=True),
        Spacer(1, 12 * mm),
        two_columns(
            Lines(["……………………………………", "podpis nadawcy"], align="center"),
            Lines(["……………………………………", "podpis przyjmującego, datownik"], align="center"),
            0.5,
        ),
    ]


def render_book(items: Sequence[PostItem], day: date, sender: Creditor) -> bytes:
    return build_pdf(
        book_story(items, day, sender),
        title=f"Książka nadawcza {day.isoformat()}",
        author=sender.name,
        wide=True,
    )


# Address labels: an A4 sheet of 3 × 8 labels 70 × 37 mm (the common office label sheet).
LABEL_W, LABEL_H, COLS, ROWS = 70 * mm, 37 * mm, 3, 8


def render_labels(items: Sequence[PostItem], sender: Creditor) -> bytes:
    with RENDER_LOCK:
        return _render_labels(items, sender)


def _render_labels(items: Sequence[PostItem], sender: Creditor) -> bytes:
    import io

    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle("Etykiety adresowe")
    canvas.setAuthor(sender.name)
    _, height = A4
    for i, item in enumerate(items):
        if i and i % (COLS * ROWS) == 0:
            canvas.showPage()
        col, row = i % COLS, (i // COLS) % ROWS
        _label(canvas, col * LABEL_W, height - (row + 1) * LABEL_H, item)
    if not items:
        canvas.setFont(FONT, 10)
        canvas.drawString(20 * mm, height - 20 * mm, "Brak przesyłek do zaadresowania.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _label(canvas: Canvas, x: float, y: float, item: PostItem) -> None:
    pad, size = 5 * mm, 9.5
    lines = [
        part
        for n, line in enumerate(item.address_lines())
        for part in wrap_text(line, FONT_BOLD if n == 0 else FONT, size, LABEL_W - 2 * pad)
    ][:5]
    top = y + LABEL_H - pad - size
    for n, line in enumerate(lines):
        canvas.setFont(FONT_BOLD if n == 0 else FONT, size)
        canvas.drawString(x + pad, top - n * size * 1.25, line)
    canvas.setFont(FONT, 6)
    canvas.drawString(x + pad, y + pad - 2 * mm, item.document_number)
