"""Charts of the chief accountant's quarter (issue 22 item 5), drawn once with reportlab's graphics
(a dependency already, maintained with reportlab itself) and rendered two ways from the same
Drawing: inline SVG for the web page (server-side, no script, no CDN) and a flowable in the
quarterly PDF. Amounts are integer grosze; the axes show złoty."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reportlab.graphics import renderSVG
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from letters.format import amount
from letters.styles import FONT, FONT_BOLD

PALETTE = (colors.HexColor("#1f5f8b"), colors.HexColor("#d98c1f"), colors.HexColor("#4c8c4a"))
WIDTH, HEIGHT = 520, 240


def _zl(value: float) -> str:
    return amount(int(round(value)))[:-3]  # whole złoty on the axis (the tables carry grosze)


def bar_chart(
    title: str,
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    money: bool = True,
) -> Drawing:
    """Vertical bars, one group per category and one bar per series, with a legend."""
    d = Drawing(WIDTH, HEIGHT)
    d.add(String(10, HEIGHT - 16, title, fontName=FONT_BOLD, fontSize=10))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 70, 45, WIDTH - 90, HEIGHT - 95
    chart.data = [list(values) or [0] for _, values in series] or [[0]]
    chart.categoryAxis.categoryNames = list(categories) or [""]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.angle = 30 if len(categories) > 6 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(categories) > 6 else "n"
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max([max(v) for _, v in series if v] or [0])
    chart.valueAxis.valueMax = max(top * 1.1, 100 if money else 1)
    chart.valueAxis.labelTextFormat = _zl if money else "%d"
    for i in range(len(chart.data)):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    d.add(chart)
    if len(series) > 1:
        legend = Legend()
        legend.x, legend.y = WIDTH - 200, HEIGHT - 12
        legend.fontName, legend.fontSize = FONT, 8
        legend.columnMaximum, legend.deltax = 1, 90
        legend.alignment = "right"
        legend.colorNamePairs = [
            (PALETTE[i % len(PALETTE)], name) for i, (name, _) in enumerate(series)
        ]
        d.add(legend)
    return d


_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)


def svg(drawing: Drawing, label: str, key: str) -> str:
    """Inline SVG markup (no XML prologue), titled for screen readers; `key` keeps the ids of
    several charts on one page apart."""
    text = renderSVG.drawToString(drawing)
    text = _PROLOGUE.sub("", text, count=1)
    text = text.replace('id="clip"', f'id="clip-{key}"').replace("url(#clip)", f"url(#clip-{key})")
    text = text.replace('id="group"', f'id="group-{key}"')
    text = text.replace("<title>...</title>", f"<title>{_attr(label)}</title>")
    return text.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


MONTHS = ("sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru")


def quarter_drawings(
    aging: Sequence[tuple[str, int]],
    by_state: Sequence[tuple[str, int]],
    months: Sequence[tuple[int, int, int, int]],
    recovery: Sequence[tuple[str, int]],
) -> list[tuple[str, str, Drawing]]:
    """(key, caption, drawing) of the quarter's four charts: aging (label, principal); the
    portfolio by state (label, principal); per month (year, month, charges, money received); the
    recovery rate by kind (label, basis points)."""
    return [
        (
            "wiek",
            "Należności wymagalne według okresu po terminie (zł)",
            bar_chart(
                "Należności wymagalne według okresu po terminie (zł)",
                [label for label, _ in aging],
                [("Należność główna", [v for _, v in aging])],
            ),
        ),
        (
            "stan",
            "Portfel według stanu sprawy (należność główna, zł)",
            bar_chart(
                "Portfel według stanu sprawy (należność główna, zł)",
                [label for label, _ in by_state],
                [("Należność główna", [v for _, v in by_state])],
            ),
        ),
        (
            "miesiace",
            "Przypisy i wpłaty miesięcznie (zł)",
            bar_chart(
                "Przypisy i wpłaty miesięcznie (zł)",
                [f"{MONTHS[m - 1]} {y % 100:02d}" for y, m, _, _ in months],
                [("Przypisy", [c for *_, c, _ in months]), ("Wpłaty", [p for *_, p in months])],
            ),
        ),
        (
            "sciagalnosc",
            "Ściągalność od początku roku według rodzaju (%)",
            bar_chart(
                "Ściągalność od początku roku według rodzaju (%)",
                [label for label, _ in recovery],
                [("Wpłacono z należnego (%)", [bp // 100 for _, bp in recovery])],
                money=False,
            ),
        ),
    ]
