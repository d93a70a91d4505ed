"""Many reminders in one PDF, streamed: memory stays flat however long the batch.

The reminders are read from the iterable a chunk at a time; each chunk is one small reportlab
document, copied to `out` at once by PdfStreamWriter (letters/pdfstream.py) and then dropped. Within
a chunk the legal text every reminder repeats is laid out and stored once (StaticBlock)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sized
from itertools import islice
from typing import BinaryIO

from reportlab.platypus import Flowable, PageBreak

from app.domain.documents import Upomnienie
from letters import upomnienie
from letters.pages import RENDER_LOCK, Callback, make_doc
from letters.pdfstream import PdfStreamWriter

Progress = Callable[[int, int | None], None]
CHUNK = 50  # reminders per piece: bigger pieces repeat the font subsets less, hold more in memory


def render_reminder_batch(
    reminders: Iterable[Upomnienie],
    out: BinaryIO,
    on_progress: Progress | None = None,
    *,
    chunk_size: int = CHUNK,
) -> int:
    """Write every reminder into one PDF on `out` (each starts on a new page) and return how many
    were written. `on_progress(done, total)` is called after each reminder; total is None when the
    iterable has no len(). An empty batch raises ValueError before anything is written."""
    total = len(reminders) if isinstance(reminders, Sized) else None
    source = iter(reminders)
    chunk = list(islice(source, chunk_size))
    if not chunk:
        raise ValueError("Brak upomnień do wydruku")
    writer = PdfStreamWriter(out, title="Upomnienia – wydruk zbiorczy")
    done = 0
    while chunk:

        def tick() -> None:
            nonlocal done
            done += 1
            if on_progress is not None:
                on_progress(done, total)

        writer.append(_render_chunk(chunk, tick))
        chunk = list(islice(source, chunk_size))
    writer.close()
    return done


def _render_chunk(chunk: list[Upomnienie], tick: Callable[[], None]) -> bytes:
    story: list[Flowable] = []
    for i, reminder in enumerate(chunk):
        if i:
            story.append(PageBreak())
        story += upomnienie.story(reminder)
        story.append(Callback(tick))
    buffer = io.BytesIO()
    with RENDER_LOCK:
        make_doc(buffer, title="Upomnienia").build(story)
    return buffer.getvalue()
