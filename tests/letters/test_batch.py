"""Batch printing: many reminders as one PDF, streamed to the output as it is rendered."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import replace

import pytest

from app.domain.documents import Upomnienie
from letters import render_reminder_batch, render_upomnienie
from tests.letters import samples
from tests.letters.pdfcheck import fonts, normalise, reader


def reminders(n: int) -> list[Upomnienie]:
    return [replace(samples.UPOMNIENIE, number=f"UP/{i}/2026") for i in range(1, n + 1)]


def test_fifty_reminders_make_one_pdf_with_every_page_and_report_progress() -> None:
    batch = reminders(50)
    calls: list[tuple[int, int | None]] = []
    out = io.BytesIO()
    assert render_reminder_batch(batch, out, lambda done, total: calls.append((done, total))) == 50
    pdf = out.getvalue()
    pages_each = len(reader(render_upomnienie(batch[0])).pages)
    pages = reader(pdf).pages  # strict=True: the streamed cross-reference table must be exact
    assert len(pages) == 50 * pages_each
    assert calls == [(i, 50) for i in range(1, 51)]
    for i in (1, 25, 50):  # each reminder starts on its own page, in order
        first = normalise(pages[(i - 1) * pages_each].extract_text())
        assert f"UPOMNIENIE nr UP/{i}/2026" in first
        assert "Łukasz Zażółć Gęślą Jaźń" in first
    assert "Pouczenie" in normalise(pages[-1].extract_text())  # the shared block survives the copy
    assert all("DejaVuSans" in name and embedded for name, embedded in fonts(pdf).items())


def test_a_generator_is_consumed_lazily_and_written_as_it_goes() -> None:
    out = io.BytesIO()
    written_when_pulled: list[int] = []

    def source() -> Iterator[Upomnienie]:
        for reminder in reminders(30):
            written_when_pulled.append(len(out.getvalue()))
            yield reminder

    calls: list[tuple[int, int | None]] = []
    count = render_reminder_batch(source(), out, lambda d, t: calls.append((d, t)), chunk_size=10)
    assert count == 30
    assert calls[-1] == (30, None)  # a generator has no len(): total unknown
    assert (
        written_when_pulled[10] > 10_000
    )  # the first ten were in the output before the 11th was read
    assert written_when_pulled[20] > written_when_pulled[10]
    assert len(reader(out.getvalue()).pages) == 30 * len(
        reader(render_upomnienie(reminders(1)[0])).pages
    )


def test_a_batch_of_one_and_a_batch_of_none() -> None:
    out = io.BytesIO()
    assert render_reminder_batch(reminders(1), out) == 1
    assert len(reader(out.getvalue()).pages) >= 1
    empty = io.BytesIO()
    with pytest.raises(ValueError, match="Brak upomnień"):
        render_reminder_batch([], empty)
    assert empty.getvalue() == b""


def test_reminders_with_different_fees_and_creditors_keep_their_own_text() -> None:
    other = replace(
        samples.UPOMNIENIE,
        number="UP/99/2026",
        handling_fee=12_000,
        creditor=replace(samples.CREDITOR, name="Miejski Ośrodek Pomocy Rodzinie"),
    )
    out = io.BytesIO()
    render_reminder_batch([samples.UPOMNIENIE, other], out)
    text = " ".join(normalise(p.extract_text()) for p in reader(out.getvalue()).pages)
    assert "opłaty manipulacyjnej w wysokości 100 zł" in text
    assert "opłaty manipulacyjnej w wysokości 120 zł" in text
    assert "wierzyciel – Miejski Ośrodek Pomocy Rodzinie – upomina" in text


def test_rendering_in_threads_gives_the_same_bytes_as_in_turn() -> None:
    """The API renders in asyncio.to_thread: concurrent documents must not disturb each other
    (fonts, the text-wrap cache and the shared blocks are process-wide or per document)."""
    from concurrent.futures import ThreadPoolExecutor

    batch = reminders(8)
    in_turn = [render_upomnienie(r) for r in batch]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(render_upomnienie, batch))
    assert together == in_turn
