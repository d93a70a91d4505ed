"""Legal text blocks: Jinja2 templates in letters/texts/ (Polish), rendered to Paragraphs.

Template format, kept small on purpose: a blank line ends a paragraph; a line starting with "- "
is a bullet item; "| " and "|| " are lines of their own, indented one or two steps (numbered points
such as "1)" and "a)"); "## " starts a section heading. Markup such as <b> may be written in the
template; every {{ value }} is escaped for reportlab markup (finalize) unless passed as
markupsafe.Markup, so a debtor called "A & B <sp. z o.o.>" prints as written. Jinja comments
({# … #}) cite the source of each text and are not printed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph

from letters.format import esc
from letters.styles import Styles

TEXTS_DIR = Path(__file__).resolve().parent / "texts"


def _escape(value: object) -> str:
    """Every {{ value }} is user data unless the caller marked it Markup (escaped already)."""
    return str(value) if isinstance(value, Markup) else esc(value)


@cache
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEXTS_DIR),
        autoescape=False,  # output is reportlab markup, not HTML: finalize escapes instead
        finalize=_escape,
        undefined=StrictUndefined,
        trim_blocks=False,  # the newline after a tag stays: no blank line (paragraph end) is lost
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def text(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)


def blocks(source: str) -> Iterator[tuple[str, str]]:
    """(kind, markup) for each paragraph ("p"), bullet item ("li"), indented line ("l1", "l2") and
    heading ("h") of a rendered block. An indented line continues the bullet item above it."""
    for chunk in re.split(r"\n\s*\n", source.strip()):
        items: list[list[str]] = []
        for raw in chunk.splitlines():
            line = raw.strip()
            if not line:
                continue
            if line.startswith("- "):
                items.append(["li", line[2:]])
            elif line.startswith(("| ", "|| ")):
                level, rest = line.split(" ", 1)
                items.append([f"l{len(level)}", rest])
            elif line.startswith("## "):
                items.append(["h", line[3:]])
            elif items and (items[-1][0] == "p" or (items[-1][0] == "li" and raw[:1].isspace())):
                items[-1][1] += " " + line
            else:
                items.append(["p", line])
        yield from ((kind, markup) for kind, markup in items)


@cache
def _indented(style: ParagraphStyle, level: int) -> ParagraphStyle:
    return ParagraphStyle(
        f"{style.name}_l{level}", parent=style, leftIndent=10 * level, spaceAfter=0.5
    )


def paragraphs(
    name: str,
    *,
    style: ParagraphStyle = Styles.body,
    bullet: ParagraphStyle = Styles.bullet,
    heading: ParagraphStyle = Styles.section,
    **context: Any,
) -> list[Flowable]:
    styles = {
        "p": style,
        "li": bullet,
        "h": heading,
        "l1": _indented(style, 1),
        "l2": _indented(style, 2),
    }
    out: list[Flowable] = []
    for kind, markup in blocks(text(name, **context)):
        out.append(Paragraph(markup, styles[kind], bulletText="–" if kind == "li" else None))
    return out
