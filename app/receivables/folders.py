"""The folders of seed 003 §2.3 as queries over states and flags (views, not domain objects).

The states are those as of today (app.receivables.state_today, issue 19 item 1), as the card
and the lists show them: a file time-barred since the night's sweep is in "przedawnione", not
still among the reminders."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, and_, extract, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.lifecycle import OPEN_STATES, State
from app.models import Debtor, Receivable
from app.receivables.state_today import in_state, open_today, state_today


@dataclass(frozen=True)
class Folder:
    code: str
    label: str


FOLDERS: tuple[Folder, ...] = (
    Folder("do_uzupelnienia", "Akta wymagające uzupełnienia (adres do ustalenia)"),  # a)
    Folder("raty", "Płatności rozłożone na raty"),  # b)
    Folder("upomnienia", "Wystawione i wysłane upomnienia"),  # c)
    Folder("tytuly", "Wysłane tytuły wykonawcze"),  # d)
    Folder("przedawnione", "Należności przedawnione do odpisania"),  # e)
    Folder("niesciagalne", "Należności nieściągalne do umorzenia"),  # f)
    Folder("umorzone", "Sprawy umorzone"),  # g)
    Folder("zaplacone", "Sprawy zapłacone w roku"),  # h) one folder per year
    Folder("bezdomni", "Osoby bezdomne"),  # i)
    Folder("zmarli", "Osoby zmarłe"),  # j)
)
FOLDER_CODES = frozenset(f.code for f in FOLDERS)
_OPEN = [s.value for s in OPEN_STATES]


def _predicate(code: str, year: int, today: date) -> ColumnElement[bool]:
    r, d = Receivable, Debtor
    predicates: Mapping[str, ColumnElement[bool]] = {
        "do_uzupelnienia": and_(d.address_unknown.is_(True), open_today(today)),
        "raty": in_state(State.RATY, today),
        "upomnienia": in_state(State.UPOMNIENIE, today),
        "tytuly": and_(in_state(State.TYTUL_WYKONAWCZY, today), r.uncollectable.is_(False)),
        "przedawnione": in_state(State.PRZEDAWNIONA, today),
        "niesciagalne": and_(r.uncollectable.is_(True), open_today(today)),
        "umorzone": r.state == State.UMORZONA,
        "zaplacone": and_(r.state == State.ZAPLACONA, extract("year", r.closed_on) == year),
        "bezdomni": d.homeless.is_(True),
        "zmarli": d.deceased.is_(True),
    }
    return predicates[code]


async def folder_counts(session: AsyncSession, year: int, today: date) -> dict[str, int]:
    """Counts of every folder in one query (paid ones for `year`), states as of `today`."""
    columns = [func.count().filter(_predicate(f.code, year, today)).label(f.code) for f in FOLDERS]
    stmt = select(*columns).select_from(Receivable).join(Debtor, Debtor.id == Receivable.debtor_id)
    row = (await session.execute(stmt)).one()
    return {f.code: int(getattr(row, f.code)) for f in FOLDERS}


async def folder_list(
    session: AsyncSession,
    code: str,
    year: int,
    today: date,
    *,
    limit: int = 100,
    offset: int = 0,
) -> list[tuple[Receivable, Debtor, str]]:
    """The folder's receivables with their debtor and their state as of `today`."""
    stmt = (
        select(Receivable, Debtor, state_today(today))
        .join(Debtor, Debtor.id == Receivable.debtor_id)
        .where(_predicate(code, year, today))
        .order_by(Debtor.name, Receivable.id)
        .limit(limit)
        .offset(offset)
    )
    return [(r, d, state) for r, d, state in (await session.execute(stmt)).all()]
