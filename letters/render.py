"""Document → PDF bytes, rendered from the frozen data in letters/documents.py: no DB, no clock."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from app.domain.documents import (
    Creditor,
    RegisterEntry,
    TytulWykonawczy,
    Upomnienie,
    Wezwanie,
    Zawiadomienie,
)
from letters import decyzja, lists, tytul, upomnienie, wezwanie, zawiadomienie
from letters.documents import AlimonyWriteOffRow, TimeBarredRow
from letters.pages import build_pdf


def render_upomnienie(u: Upomnienie) -> bytes:
    return build_pdf(upomnienie.story(u), title=f"Upomnienie nr {u.number}", author=u.creditor.name)


def render_wezwanie(w: Wezwanie) -> bytes:
    """Original and copy in one PDF, each starting on its own page."""
    return build_pdf(
        wezwanie.story(w), title=f"Wezwanie do zapłaty nr {w.number}", author=w.creditor.name
    )


def render_tytul(t: TytulWykonawczy) -> bytes:
    """TW-1 on paper: the original and the copy for the debtor in one PDF."""
    return build_pdf(
        tytul.story(t), title=f"Tytuł wykonawczy nr {t.number}", author=t.creditor.name
    )


def render_zawiadomienie(z: Zawiadomienie) -> bytes:
    """Raises ValueError for a change code it does not know (zawiadomienie.CHANGES)."""
    return build_pdf(
        zawiadomienie.story(z), title=f"Zawiadomienie nr {z.number}", author=z.creditor.name
    )


def render_write_off_decision(w: decyzja.WriteOffDecision) -> bytes:
    """The draft of an art. 30 write-off decision for an alimony debtor."""
    return build_pdf(
        decyzja.story(w), title="Projekt decyzji o umorzeniu należności", author=w.creditor.name
    )


def render_register(
    entries: Iterable[RegisterEntry], *, creditor: Creditor | None = None, as_of: date | None = None
) -> bytes:
    """The register of executive titles (landscape), in the order given, with totals."""
    story = lists.register_story(list(entries), creditor, as_of)
    return build_pdf(story, title="Ewidencja tytułów wykonawczych", wide=True)


def render_year_end_time_barred(
    rows: Iterable[TimeBarredRow], year: int, creditor: Creditor
) -> bytes:
    story = lists.time_barred_story(list(rows), year, creditor)
    return build_pdf(
        story, title=f"Należności przedawnione – {year}", author=creditor.name, wide=True
    )


def render_year_end_alimony(
    rows: Iterable[AlimonyWriteOffRow], year: int, creditor: Creditor
) -> bytes:
    story = lists.alimony_story(list(rows), year, creditor)
    return build_pdf(
        story,
        title=f"Umorzenia należności alimentacyjnych – {year}",
        author=creditor.name,
        wide=True,
    )
