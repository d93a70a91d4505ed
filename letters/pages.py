"""Page templates: A4 (portrait or landscape), the copy marker ("ORYGINAŁ", "KOPIA", "ODPIS DLA
ZOBOWIĄZANEGO") in the top corner and a footer naming the document and the page within it.

A document's story starts each copy with `Marker(...)`; the page decoration reads the marker the
story last passed, so a copy that runs to a second page carries its mark there too."""

from __future__ import annotations

import io
import threading
from collections.abc import Callable
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from letters.styles import FONT, FONT_BOLD, register_fonts

MARGIN = 18 * mm


class Marker(Flowable):
    """Zero-size: marks the start of a copy (or of one document in a batch) for the pages."""

    def __init__(self, mark: str, label: str) -> None:
        super().__init__()
        self.mark = mark
        self.label = label

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv: Any = self.canv
        canv.letters_mark = self.mark
        canv.letters_label = self.label
        canv.letters_first_page = canv.getPageNumber()


class Callback(Flowable):
    """Zero-size: calls `action` when the story reaches it (a batch reports progress this way)."""

    def __init__(self, action: Callable[[], None]) -> None:
        super().__init__()
        self.action = action

    def wrap(self, _avail_width: float, _avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.action()


def _decorate(canv: Canvas, doc: BaseDocTemplate) -> None:
    state: Any = canv
    mark = getattr(state, "letters_mark", "")
    label = getattr(state, "letters_label", "")
    page = canv.getPageNumber() - getattr(state, "letters_first_page", 1) + 1
    width, _height = doc.pagesize
    canv.saveState()
    if mark:
        canv.setFont(FONT_BOLD, 9)
        canv.drawRightString(width - doc.rightMargin, doc.pagesize[1] - 11 * mm, mark)
    canv.setFont(FONT, 7)
    canv.drawString(doc.leftMargin, 10 * mm, label)
    canv.drawRightString(width - doc.rightMargin, 10 * mm, f"strona {page}")
    canv.restoreState()


def make_doc(out: BinaryIO, *, title: str, author: str = "", wide: bool = False) -> BaseDocTemplate:
    register_fonts()
    size = landscape(A4) if wide else A4
    doc = BaseDocTemplate(
        out,
        pagesize=size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        creator="Windykacja (letters)",
        invariant=1,  # same data → same bytes: no timestamp or random id in the file
        pageCompression=1,
        lang="pl-PL",
        initialFontName=FONT,  # else every page names Helvetica, a font with no Polish letters
        initialFontSize=9.5,
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=_decorate)])
    return doc


# reportlab's TTFont objects are process-wide and keep each document's font subsets in a dict
# they mutate while text is drawn; two documents rendered at once in threads (the API renders in
# asyncio.to_thread) can corrupt each other's subsets (an IndexError, or a wrong glyph). Every
# rendering of a whole document takes this lock. Rendering is pure Python under the GIL, so the
# lock costs no parallelism that existed.
RENDER_LOCK = threading.RLock()


def build_pdf(story: list[Flowable], *, title: str, author: str = "", wide: bool = False) -> bytes:
    buffer = io.BytesIO()
    with RENDER_LOCK:
        make_doc(buffer, title=title, author=author, wide=wide).build(story)
    return buffer.getvalue()


Layout = tuple[str, float, list[tuple[Flowable, float, float]]]  # form name, height, placed parts


class StaticBlock(Flowable):
    """A block that reads the same wherever it appears (a reminder's pouczenie, a creditor's
    letterhead): laid out once per PDF, drawn once as a form XObject and referenced on every later
    page. In a batch of 1,000 reminders this turns 1,000 layouts of the same legal text into one.

    `key` must name the content exactly (template and every value in it); `make` builds the
    flowables. The block does not split across pages: keep it shorter than a page."""

    def __init__(self, key: tuple[object, ...], make: Callable[[], list[Flowable]]) -> None:
        super().__init__()
        self.key = key
        self.make = make

    def _layout(self, width: float) -> Layout:
        canv: Any = self.canv
        cache: dict[tuple[tuple[object, ...], float], Layout] = canv.__dict__.setdefault(
            "letters_blocks", {}
        )
        if (self.key, width) not in cache:
            placed: list[tuple[Flowable, float, float]] = []
            y = 0.0
            for flowable in self.make():
                _w, h = flowable.wrapOn(canv, width, 10_000)
                y += flowable.getSpaceBefore() if placed else 0
                placed.append((flowable, y, h))
                y += h + flowable.getSpaceAfter()
            cache[(self.key, width)] = (f"LettersBlock{len(cache)}", y, placed)
        return cache[(self.key, width)]

    def wrap(self, avail_width: float, _avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self._layout(avail_width)[1]
        return self.width, self.height

    def draw(self) -> None:
        canv: Any = self.canv
        name, height, placed = self._layout(self.width)
        drawn = canv.__dict__.setdefault("letters_forms", set())
        if name not in drawn:
            canv.beginForm(name, 0, 0, self.width, height)
            for flowable, top, h in placed:
                flowable.drawOn(canv, 0, height - top - h)
            canv.endForm()
            drawn.add(name)
        canv.doForm(name)
