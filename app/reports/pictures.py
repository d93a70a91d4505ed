"""Issue 22 item 5 (the gaps): the dashboard's pictures – the portfolio by state and by aging
bucket – and the titles at each enforcement authority with what it recovered, drawn on the
server (letters/charts.py) as SVG images: no CDN, readable without JavaScript."""

from __future__ import annotations

from base64 import b64encode
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.labels import STATE_LABELS
from app.models import Authority, Document, EnforcementReport, Receivable
from app.reports import statements
from app.reports.repository import StatementRepository

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing


@dataclass(frozen=True)
class AuthorityTitles:
    code: str
    name: str
    titles: int
    principal: int  # grosze: principal of the receivables the titles were issued for
    recovered: int  # grosze the authority reported as recovered (seed 003 §3.8)


async def titles_at_authorities(session: AsyncSession) -> list[AuthorityTitles]:
    """Per authority: titles issued, their receivables' principal, and the amounts it reported
    recovered; two grouped statements joined by the authority's code (no fan-out)."""
    d, r, e = Document, Receivable, EnforcementReport
    titles = (
        select(d.scope.label("code"), func.count().label("n"), func.sum(r.principal).label("p"))
        .join(r, r.id == d.receivable_id)
        .where(d.kind == "tytul_wykonawczy")
        .group_by(d.scope)
        .subquery("titles")
    )
    recovered = (
        select(d.scope.label("code"), func.sum(e.amount).label("got"))
        .join(d, d.id == e.title_document_id)
        .where(e.kind == "wyegzekwowano")
        .group_by(d.scope)
        .subquery("recovered")
    )
    stmt = (
        select(
            titles.c.code,
            func.coalesce(Authority.name, titles.c.code),
            titles.c.n,
            titles.c.p,
            func.coalesce(recovered.c.got, 0),
        )
        .outerjoin(recovered, recovered.c.code == titles.c.code)
        .outerjoin(Authority, Authority.code == titles.c.code)
        .order_by(titles.c.code)
    )
    rows = (await session.execute(stmt)).all()
    return [AuthorityTitles(c, n, int(k), int(p or 0), int(g or 0)) for c, n, k, p, g in rows]


def _uri(drawing: object, caption: str, key: str) -> tuple[str, str]:
    from letters.charts import svg

    data = b64encode(svg(drawing, caption, key).encode()).decode()  # type: ignore[arg-type]
    return caption, "data:image/svg+xml;base64," + data


TITLES_CAPTION = "Tytuły u organów egzekucyjnych i co wyegzekwowały (zł)"


def titles_drawing(rows: list[AuthorityTitles]) -> Drawing:
    """The same drawing on the pages (as SVG) and in the quarterly PDF."""
    from letters.charts import bar_chart

    return bar_chart(
        TITLES_CAPTION,
        [r.name[:28] for r in rows],
        [
            ("Należność główna na tytułach", [r.principal for r in rows]),
            ("Wyegzekwowano", [r.recovered for r in rows]),
        ],
    )


def titles_picture(rows: list[AuthorityTitles]) -> tuple[str, str]:
    return _uri(titles_drawing(rows), TITLES_CAPTION, "tytuly")


async def dashboard_charts(session: AsyncSession, as_of: date) -> list[tuple[str, str]]:
    """(caption, data: URI): the portfolio by state, by aging bucket, and the titles."""
    from letters.charts import bar_chart

    aging = await statements.aging(session, as_of)  # refreshes the book of payments first
    by_state = await StatementRepository(session).by_state(as_of)
    state_caption = "Portfel według stanu sprawy (należność główna, zł)"
    aging_caption = "Należności wymagalne według okresu po terminie (zł)"
    return [
        _uri(
            bar_chart(
                state_caption,
                [STATE_LABELS.get(s, s) for s, _, _ in by_state],
                [("Należność główna", [int(a) for _, _, a in by_state])],
            ),
            state_caption,
            "stan",
        ),
        _uri(
            bar_chart(
                aging_caption,
                [b.label for b in aging.buckets],
                [("Należność główna", [b.amount for b in aging.buckets])],
            ),
            aging_caption,
            "wiek",
        ),
        titles_picture(await titles_at_authorities(session)),
    ]
