"""Helpers for the letters tests: extract a PDF's text, list its fonts, write page 1 as PNG."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "letters"


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf), strict=True)


def page_texts(pdf: bytes) -> list[str]:
    return [normalise(page.extract_text()) for page in reader(pdf).pages]


def text(pdf: bytes) -> str:
    """All pages, no-break spaces and line breaks folded to single spaces: a phrase that wraps at
    the end of a line still matches."""
    return " ".join(page_texts(pdf))


def normalise(value: str) -> str:
    return re.sub(r"\s+", " ", value.replace("\u00a0", " ")).strip()


def fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont → whether its file is embedded (/FontFile2), over every page and form XObject."""
    found: dict[str, bool] = {}

    def visit(resources: DictionaryObject | None) -> None:
        if not resources:
            return
        for font in (resources.get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            found[str(font["/BaseFont"])] = bool(
                descriptor and "/FontFile2" in descriptor.get_object()
            )
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader(pdf).pages:
        visit(page.get("/Resources"))
    return found


def save_png(pdf: bytes, name: str) -> Path:
    """Page 1 as PNG in test-artifacts/letters/ for a person to look at (poppler's pdftoppm)."""
    tool = shutil.which("pdftoppm")
    if tool is None:
        pytest.skip("pdftoppm (Debian package poppler-utils) is not installed: no PNG preview")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(pdf)
    target = ARTIFACTS / name
    subprocess.run(
        [
            tool,
            "-png",
            "-r",
            "80",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(ARTIFACTS / f"{name}.pdf"),
            str(target),
        ],
        check=True,
    )
    return target.with_suffix(".png")
