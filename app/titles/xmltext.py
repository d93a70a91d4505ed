"""Small helpers shared by the XML builders: clean text, add elements, serialise."""

from __future__ import annotations

import re
from datetime import date

from lxml import etree

from app.domain.money import format_amount

# XML 1.0 §2.2 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
# Everything else (C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot appear even escaped.
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SPACES = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line: characters XML 1.0 forbids removed, runs of whitespace made one space."""
    # Fast path (most values): printable means no control character, no surrogate, no U+FFFE/F.
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return _SPACES.sub(" ", _FORBIDDEN.sub("", text)).strip()


def clean_block(text: str) -> str:
    """Multi-line text: forbidden characters removed, line breaks kept."""
    return _FORBIDDEN.sub("", text).replace("\r\n", "\n").strip()


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A child element; text and attributes are cleaned to one line (lxml escapes &, <, > and
    quotes on output)."""
    child = etree.SubElement(parent, tag, {name: clean(value) for name, value in attrs.items()})
    if text is not None:
        child.text = clean(text)
    return child


def amount(value: int) -> str:
    return format_amount(value)


def day(value: date) -> str:
    return value.isoformat()


def percent(basis_points: int) -> str:
    """1150 → "11.50" (rates are basis points of a percent)."""
    return f"{basis_points // 100}.{basis_points % 100:02d}"


def to_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
