"""The vendored font and the paragraph styles every document shares.

The 14 built-in PDF fonts have no ą ę ł ń ś ź ż; DejaVu Sans (letters/fonts/, licence beside it) has
them all and is embedded, subset, in every PDF."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
GRID = colors.HexColor("#808080")
SHADE = colors.HexColor("#ececec")
CELL_SIZE = 8.5


@cache
def register_fonts() -> None:
    """Idempotent: reportlab keeps fonts in a process-wide registry."""
    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(FONTS_DIR / "DejaVuSans-Bold.ttf")))
    # <b> inside a Paragraph picks the bold face; there is no oblique face, so <i> stays upright.
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD
    )


def _style(name: str, size: float, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "bulletFontName": FONT,
        "fontSize": size,
        "leading": size * 1.25,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]  # reportlab takes **kw untyped


# Plain Flate-compressed streams: the ASCII85 layer reportlab adds by default only makes files 25 %
# bigger and, without the optional C accelerator, costs ~6 ms of pure Python per reminder.
rl_config.useA85 = 0
register_fonts()  # Paragraphs resolve their font when built, before any document exists


class Styles:
    """Paragraph styles, built once (ParagraphStyle objects are read-only in use)."""

    body = _style("body", 9.5, alignment=TA_JUSTIFY, spaceAfter=3)
    small = _style("small", 7.8, alignment=TA_JUSTIFY, spaceAfter=2)
    fine = _style("fine", 7, alignment=TA_JUSTIFY, spaceAfter=1.5)
    small_bullet = _style("small_bullet", 7.8, leftIndent=10, bulletIndent=2, spaceAfter=1)
    bullet = _style("bullet", 9.5, leftIndent=12, bulletIndent=3, spaceAfter=1)
    cell = _style("cell", CELL_SIZE)
    cell_bold = _style("cell_bold", CELL_SIZE, fontName=FONT_BOLD)
    cell_right = _style("cell_right", CELL_SIZE, alignment=TA_RIGHT)
    cell_small = _style("cell_small", 7.2)
    cell_small_right = _style("cell_small_right", 7.2, alignment=TA_RIGHT)
    cell_small_bold = _style("cell_small_bold", 7.2, fontName=FONT_BOLD)
    head = _style("head", 9.5, leading=12)
    head_bold = _style("head_bold", 10.5, fontName=FONT_BOLD, leading=13)
    right = _style("right", 9.5, alignment=TA_RIGHT)
    title = _style(
        "title", 14, fontName=FONT_BOLD, alignment=TA_CENTER, spaceBefore=6, spaceAfter=2
    )
    subtitle = _style("subtitle", 9.5, alignment=TA_CENTER, spaceAfter=8)
    section = _style("section", 9.5, fontName=FONT_BOLD, spaceBefore=7, spaceAfter=3)
    section_small = _style("section_small", 8.2, fontName=FONT_BOLD, spaceBefore=5, spaceAfter=2)
    strong = _style("strong", 9.5, fontName=FONT_BOLD, alignment=TA_JUSTIFY, spaceAfter=3)
    marker = _style("marker", 10, fontName=FONT_BOLD, alignment=TA_RIGHT)
    footer = _style("footer", 7)
