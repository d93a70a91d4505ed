"""Flowables the documents share: letterhead, addressee, label/value tables, signature."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.domain.documents import Address, Authority, Creditor, DebtorData, Signatory
from letters.format import esc, identifiers, long_date, nrb
from letters.styles import CELL_SIZE, FONT, FONT_BOLD, GRID, SHADE, Styles


def address_lines(address: Address | None) -> list[str]:
    if address is None:
        return ["adres nieustalony"]
    lines = [address.street, f"{address.postal_code} {address.city}"]
    if address.country and address.country.upper() != "PL":
        lines.append(address.country)
    return lines


def creditor_lines(creditor: Creditor) -> list[str]:
    return [
        creditor.name,
        *address_lines(creditor.address),
        *identifiers(None, creditor.nip, creditor.regon),
    ]


def debtor_lines(debtor: DebtorData) -> list[str]:
    """Name, address and the identifiers known (seed 003 §3.2 c); no empty line for unknown ones."""
    pesel = debtor.pesel if debtor.is_person else None
    return [
        debtor.name,
        *address_lines(debtor.address),
        *identifiers(pesel, debtor.nip, debtor.regon),
    ]


def authority_lines(authority: Authority) -> list[str]:
    return [authority.name, *address_lines(authority.address)]


@lru_cache(maxsize=8192)  # labels and most values repeat from one reminder to the next
def wrap_text(text: str, font: str, size: float, width: float) -> tuple[str, ...]:
    """Break at plain spaces only (a no-break space in "1 234,56 zł" holds); "\n" starts a line."""
    space = stringWidth(" ", font, size)
    out: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        used = 0.0
        for word in paragraph.split(" "):
            w = stringWidth(word, font, size)
            if line and used + space + w > width:
                out.append(" ".join(line))
                line, used = [], 0.0
            used += w + (space if line else 0)
            line.append(word)
        out.append(" ".join(line))
    return tuple(out)


class Lines(Flowable):
    """Lines of plain text (no markup: nothing to escape) wrapped to the width and drawn with one
    text object. A fraction of the cost of a Paragraph: used for addresses, dates and titles."""

    def __init__(
        self,
        lines: Sequence[str],
        *,
        size: float = 9.5,
        bold_first: bool = False,
        bold: bool = False,
        bold_lines: Sequence[int] = (),
        align: str = "left",
        caption: str = "",
    ) -> None:
        super().__init__()
        self.source = list(lines)
        self.bold_lines = (
            set(range(len(self.source))) if bold else {0} if bold_first else set(bold_lines)
        )
        self.size, self.align, self.caption = size, align, caption
        self.rows: list[tuple[str, str, float]] = []

    def _font(self, index: int) -> str:
        return FONT_BOLD if index in self.bold_lines else FONT

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.rows = [(self.caption, FONT, self.size * 0.8)] if self.caption else []
        for i, line in enumerate(self.source):
            font = self._font(i)
            self.rows += [
                (part, font, self.size) for part in wrap_text(line, font, self.size, avail_width)
            ]
        self.width = avail_width
        self.height = sum(size * 1.25 for _t, _f, size in self.rows)
        return self.width, self.height

    def draw(self) -> None:
        text = self.canv.beginText()
        y = self.height
        for line, font, size in self.rows:
            y -= size * 1.25
            width = stringWidth(line, font, size)
            x = {"right": self.width - width, "center": (self.width - width) / 2}.get(self.align, 0)
            text.setTextOrigin(x, y + size * 0.25)
            text.setFont(font, size)
            text.textOut(line)
        self.canv.drawText(text)


class Grid(Flowable):
    """Label | value rows in a ruled table, labels shaded: plain text, drawn directly on the canvas
    (reportlab's Table costs several times more per cell). Splits between rows across pages."""

    PAD, TOP, BOTTOM = 5.0, 2.0, 3.0

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        label_width: float,
        bold_rows: Sequence[int] = (),
        size: float = CELL_SIZE,
    ) -> None:
        super().__init__()
        self.source, self.label_width, self.bold_rows, self.size = (
            list(rows),
            label_width,
            set(bold_rows),
            size,
        )
        self.spaceBefore, self.spaceAfter = 2, 5
        self.cells: list[tuple[tuple[str, ...], tuple[str, ...], str, float]] = []

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        lw, vw, leading = (
            self.label_width - 2 * self.PAD,
            avail_width - self.label_width - 2 * self.PAD,
            self.size * 1.2,
        )
        self.cells = []
        for i, (label, value) in enumerate(self.source):
            font = FONT_BOLD if i in self.bold_rows else FONT
            left, right = (
                wrap_text(label, FONT, self.size, lw),
                wrap_text(value, font, self.size, vw),
            )
            self.cells.append(
                (left, right, font, max(len(left), len(right)) * leading + self.TOP + self.BOTTOM)
            )
        self.width, self.height = avail_width, sum(cell[3] for cell in self.cells)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        used, fit = 0.0, 0
        while fit < len(self.cells) and used + self.cells[fit][3] <= avail_height:
            used += self.cells[fit][3]
            fit += 1
        if fit == 0:
            return []
        bold = sorted(self.bold_rows)
        return [
            Grid(self.source[:fit], self.label_width, [i for i in bold if i < fit], self.size),
            Grid(
                self.source[fit:], self.label_width, [i - fit for i in bold if i >= fit], self.size
            ),
        ]

    def draw(self) -> None:
        canv, lw, leading = self.canv, self.label_width, self.size * 1.2
        canv.saveState()
        canv.setFillColor(SHADE)
        canv.rect(0, 0, lw, self.height, stroke=0, fill=1)
        canv.setFillColor(colors.black)
        text, rules, y = canv.beginText(), [], self.height
        for left, right, font, h in self.cells:
            for column, x, face in ((left, self.PAD, FONT), (right, lw + self.PAD, font)):
                text.setFont(face, self.size)
                for j, line in enumerate(column):
                    text.setTextOrigin(x, y - self.TOP - self.size - j * leading + 1.5)
                    text.textOut(line)
            rules.append((0, y, self.width, y))
            y -= h
        canv.drawText(text)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.4)
        canv.lines(
            [
                *rules,
                (0, 0, self.width, 0),
                (0, 0, 0, self.height),
                (lw, 0, lw, self.height),
                (self.width, 0, self.width, self.height),
            ]
        )
        canv.restoreState()


def two_columns(left: Flowable, right: Flowable, split: float, space: float = 0) -> Table:
    table = Table([[left, right]], colWidths=[f"{split * 100:g}%", f"{(1 - split) * 100:g}%"])
    table.setStyle(
        TableStyle(
            [
                (
                    "FONT",
                    (0, 0),
                    (-1, -1),
                    FONT,
                    9.5,
                ),  # reportlab sets a cell's font even for flowables
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), space),
                ("BOTTOMPADDING", (0, 0), (-1, -1), space),
            ]
        )
    )
    return table


def letterhead(creditor: Creditor, issued_on: date) -> Table:
    """Creditor (name, seat, NIP/REGON) on the left; place and date on the right."""
    right = [f"{creditor.place}, {long_date(issued_on)}"]
    return two_columns(
        Lines(creditor_lines(creditor), bold_first=True), Lines(right, align="right"), 0.6
    )


def addressee(caption: str, lines: Sequence[str]) -> Table:
    """The addressee block, right half of the page (where a window envelope shows it)."""
    return two_columns(
        Spacer(1, 1), Lines(lines, bold_first=True, caption=caption), 0.5, space=3 * mm
    )


def title(text: str, subtitle: str = "") -> Flowable:
    parts: list[Flowable] = [Spacer(1, 2 * mm), Lines([text], size=14, bold=True, align="center")]
    if subtitle:
        parts += [Spacer(1, 1), Lines([subtitle], align="center")]
    return KeepTogether([*parts, Spacer(1, 3 * mm)])


def kv_table(
    rows: Sequence[tuple[str, str]], label_width: float = 62 * mm, bold_rows: Sequence[int] = ()
) -> Grid:
    """Two columns, label shaded on the left; plain text, so user values need no escaping."""
    return Grid(rows, label_width, bold_rows)


def payment_lines(creditor: Creditor) -> str:
    """Where to pay: the creditor's bank account, or its cash desk when it has none."""
    if creditor.bank_account:
        bank = f" ({esc(creditor.bank_name)})" if creditor.bank_name else ""
        account = esc(nrb(creditor.bank_account))
        return f"przelewem na rachunek bankowy wierzyciela nr <b>{account}</b>{bank}"
    return f"w kasie wierzyciela: {esc(creditor.address.one_line())}"


def signature_parts(signatory: Signatory | None, *, unsigned_note: str = "") -> list[Flowable]:
    """Name and position of the person signing (seed 003 §3.2 h), with room for the signature.
    A list, so that a caller can put it inside its own KeepTogether (they do not nest)."""
    if signatory is None:
        return [Paragraph(esc(unsigned_note), Styles.small)] if unsigned_note else []
    lines = Lines(
        ["……………………………………………", signatory.name, signatory.position], bold_lines=(1,), align="right"
    )
    return [
        Spacer(1, 10 * mm),
        lines,
        Lines(["(podpis osoby upoważnionej, pieczęć)"], size=6.5, align="right"),
    ]


def signature(signatory: Signatory | None, *, unsigned_note: str = "") -> Flowable:
    return KeepTogether(signature_parts(signatory, unsigned_note=unsigned_note))


class SectionBar(Flowable):
    """A shaded bar with a bold caption: the part headings of the title (A, B, C …)."""

    def __init__(self, caption: str, size: float = 8.5) -> None:
        super().__init__()
        self.caption, self.size = caption, size
        self.spaceBefore, self.spaceAfter = 5, 0

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.size * 1.9
        return self.width, self.height

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(SHADE)
        self.canv.setStrokeColor(GRID)
        self.canv.setLineWidth(0.4)
        self.canv.rect(0, 0, self.width, self.height, stroke=1, fill=1)
        self.canv.setFillColor(colors.black)
        self.canv.setFont(FONT_BOLD, self.size)
        self.canv.drawString(5, self.size * 0.6, self.caption)
        self.canv.restoreState()


# Where a window envelope shows the address: the common Polish DL envelope (110 × 220 mm) with
# the right-hand window of 90 × 45 mm, 20 mm from the right and 15 mm from the bottom edge, takes
# an A4 folded in three; the top third faces the window, so the address field is 110–200 mm from
# the left edge and 50–95 mm from the top of the page (a C5 envelope with the same window takes
# the A4 folded once). The field holds the name and the address only: never the PESEL.
WINDOW_LEFT, WINDOW_TOP, WINDOW_WIDTH, WINDOW_HEIGHT = 112 * mm, 52 * mm, 86 * mm, 40 * mm


class WindowAddress(Flowable):
    """The addressee printed at the envelope window's place on the page, whatever came before it
    in the flow; the flow continues below the window."""

    def __init__(self, caption: str, lines: Sequence[str], page_height: float, top_margin: float):
        super().__init__()
        self.caption, self.lines = caption, list(lines)
        self.page_height, self.top_margin = page_height, top_margin
        self.block = Lines(self.lines, bold_first=True, caption=caption)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame_height = self.page_height - 2 * self.top_margin
        used_from_top = self.top_margin + frame_height - avail_height
        self.width = avail_width
        self.height = max(0.0, WINDOW_TOP + WINDOW_HEIGHT + 3 * mm - used_from_top)
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        x0, y0 = canv.absolutePosition(0, 0)
        _w, h = self.block.wrapOn(canv, WINDOW_WIDTH, WINDOW_HEIGHT)
        target_y = self.page_height - WINDOW_TOP - h
        self.block.drawOn(canv, WINDOW_LEFT - x0, target_y - y0)


def window_address(caption: str, lines: Sequence[str]) -> WindowAddress:
    from letters.pages import MARGIN

    return WindowAddress(caption, lines, A4[1], MARGIN)


def name_and_address(debtor: DebtorData) -> list[str]:
    """The envelope's address block: no identifiers."""
    return [debtor.name, *address_lines(debtor.address)]


def identifier_line(debtor: DebtorData) -> Flowable:
    pesel = debtor.pesel if debtor.is_person else None
    found = identifiers(pesel, debtor.nip, debtor.regon)
    return Lines(["Zobowiązany – " + ", ".join(found)] if found else [""], size=8.5)
