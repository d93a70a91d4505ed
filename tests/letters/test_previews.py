"""Page 1 of every document as PNG in test-artifacts/letters/ (gitignored), for a person to look at.
Skips, saying why, where poppler-utils' pdftoppm is not installed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

import pytest

import letters
from tests.letters import samples
from tests.letters.pdfcheck import save_png

DOCUMENTS: dict[str, Callable[[], bytes]] = {
    "wezwanie": lambda: letters.render_wezwanie(samples.WEZWANIE),
    "upomnienie": lambda: letters.render_upomnienie(samples.UPOMNIENIE),
    "upomnienie_bez_identyfikatorow": lambda: letters.render_upomnienie(
        replace(samples.UPOMNIENIE, debtor=samples.DEBTOR_NO_IDS, signatory=None)
    ),
    "tytul_wykonawczy": lambda: letters.render_tytul(samples.TYTUL),
    "zawiadomienie": lambda: letters.render_zawiadomienie(samples.ZAWIADOMIENIE),
    "ewidencja": lambda: letters.render_register(
        samples.REGISTER, creditor=samples.CREDITOR, as_of=date(2026, 12, 31)
    ),
    "przedawnione": lambda: letters.render_year_end_time_barred(
        samples.TIME_BARRED, 2025, samples.CREDITOR
    ),
    "alimenty": lambda: letters.render_year_end_alimony(samples.ALIMONY, 2026, samples.CREDITOR),
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_page_one_renders_to_png(name: str) -> None:
    png = save_png(DOCUMENTS[name](), name)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000  # not a blank page
