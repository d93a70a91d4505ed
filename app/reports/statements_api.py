"""The chief accountant's statements over the API (issue 22); amounts as strings "123.45"."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Response

from app.audit.reads import audited
from app.auth.deps import Reader, SessionDep
from app.domain.money import format_amount
from app.domain.statements import Movements
from app.errors import PROBLEM
from app.reports import exports, statements

router = APIRouter(prefix="/api/v1/reports", tags=["reports"])
_ERR: dict[int | str, dict[str, Any]] = {c: {"content": {PROBLEM: {}}} for c in (401, 403, 422)}
AsOf = Annotated[date, Query(description="dzień sprawozdania (RRRR-MM-DD)")]
From = Annotated[date, Query(alias="from", description="pierwszy dzień okresu")]
To = Annotated[date, Query(alias="to", description="ostatni dzień okresu")]


def _movements(m: Movements) -> dict[str, str]:
    return {f: format_amount(getattr(m, f)) for f in Movements.__slots__}


@router.get("/rb-n", responses=_ERR, dependencies=[audited("Rb-N (należności)")])
async def rb_n(session: SessionDep, _user: Reader, as_of: AsOf) -> dict[str, Any]:
    """Rb-N: nominal value of receivables (principal only) and the due part, per kind."""
    found = await statements.rb_n(session, as_of)
    return {
        "as_of": as_of.isoformat(),
        "nominal": format_amount(found.nominal),
        "due": format_amount(found.due),
        "count": found.count,
        "due_count": found.due_count,
        "by_kind": [
            {
                "kind": r.kind_code,
                "label": r.label,
                "dzial": r.dzial,
                "rozdzial": r.rozdzial,
                "paragraf": r.paragraf,
                "count": r.count,
                "nominal": format_amount(r.nominal),
                "due_count": r.due_count,
                "due": format_amount(r.due),
            }
            for r in found.by_kind
        ],
    }


@router.get("/rb-n/receivables", responses=_ERR, dependencies=[audited("Rb-N (wykaz należności)")])
async def rb_n_receivables(
    session: SessionDep,
    _user: Reader,
    as_of: AsOf,
    kind: str | None = None,
    due: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """The receivables behind a Rb-N figure (drill-down): all, or only the due ones."""
    rows = await statements.rb_n_receivables(session, as_of, kind, due, limit, offset)
    return [
        {
            "id": rid,
            "reference": ref,
            "kind": k,
            "debtor": name,
            "issued_on": issued.isoformat(),
            "payment_term_ends_on": term.isoformat() if term else None,
            "state": state,
            "principal": format_amount(principal),
        }
        for rid, ref, k, name, issued, term, state, principal in rows  # type: ignore[misc]
    ]


@router.get("/rb-n.{fmt}", response_class=Response, responses=_ERR,
            dependencies=[audited("Rb-N (eksport)")])  # fmt: skip
async def rb_n_file(
    session: SessionDep, _user: Reader, fmt: Literal["pdf", "xlsx"], as_of: AsOf
) -> Response:
    content, name, media = await exports.rb_n_file(session, as_of, fmt)
    return exports.attachment(content, name, media)


@router.get("/aging", responses=_ERR, dependencies=[audited("struktura wiekowa należności")])
async def aging(session: SessionDep, _user: Reader, as_of: AsOf) -> dict[str, Any]:
    """Due receivables (principal) in the buckets 0–30, 31–90, 91–180, 181–365 days, 1–3 years
    and over 3 years past due, with the split by kind."""
    found = await statements.aging(session, as_of)
    return _aging(found)


def _aging(found: statements.Aging) -> dict[str, Any]:
    return {
        "as_of": found.as_of.isoformat(),
        "buckets": [
            {
                "label": b.label,
                "count": b.count,
                "amount": format_amount(b.amount),
                "by_kind": {
                    k: {"count": c, "amount": format_amount(a)} for k, (c, a) in b.by_kind.items()
                },
            }
            for b in found.buckets
        ],
    }


@router.get(
    "/aging/history", responses=_ERR, dependencies=[audited("struktura wiekowa (historia)")]
)
async def aging_history(
    session: SessionDep,
    _user: Reader,
    until: AsOf,
    months: Annotated[int, Query(ge=1, le=36)] = 12,
) -> list[dict[str, Any]]:
    """The buckets as of each month end up to `until`."""
    return [_aging(a) for a in await statements.aging_history(session, until, months)]


@router.get(
    "/near-limitation", responses=_ERR, dependencies=[audited("należności bliskie przedawnienia")]
)
async def near_limitation(
    session: SessionDep,
    _user: Reader,
    as_of: AsOf,
    months: Annotated[int, Query(ge=1, le=24)] = 6,
) -> list[dict[str, Any]]:
    """Receivables still owing that become time-barred within `months`."""
    rows = await statements.near_limitation(session, as_of, months)
    return [
        {
            "id": rid,
            "reference": ref,
            "kind": k,
            "debtor": name,
            "state": state,
            "time_barred_from": barred.isoformat(),
            "principal": format_amount(principal),
        }
        for rid, ref, k, name, state, barred, principal in rows  # type: ignore[misc]
    ]


@router.get("/turnover", responses=_ERR, dependencies=[audited("obroty i salda")])
async def turnover(
    session: SessionDep,
    _user: Reader,
    start: From,
    end: To,
    kind: str | None = None,
    by: Literal["kind", "debtor", "classification"] = "kind",
    after: Annotated[int | None, Query(ge=0)] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 1000,
) -> dict[str, Any]:
    """Opening balance, charges, payments, write-offs, time-barred, corrections (overpayments)
    and closing balance of [from, to], in total and per kind (or debtor) and component, or per
    budget classification (by=classification: dział, rozdział, paragraf of each component).
    Per debtor the rows come in pages of `limit` debtors (keyset: pass `next_after` as `after`
    for the next page); the totals are always those of the whole register."""
    found = await statements.turnover(
        session,
        start,
        end,
        kind=kind,
        by=by,
        after=after,
        limit=limit if by == "debtor" else None,
    )
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "kind": kind,
        **_movements(found.total),
        "rows": [
            {"key": r.key, "label": r.label, "component": r.component, **_movements(r.movements)}
            for r in found.rows
        ],
        **({"next_after": found.next_after} if by == "debtor" else {}),
    }


@router.get(
    "/turnover.csv",
    response_class=Response,
    responses=_ERR,
    dependencies=[audited("obroty i salda (eksport FK)")],
)
async def turnover_csv(
    session: SessionDep, _user: Reader, start: From, end: To, kind: str | None = None
) -> Response:
    """The turnover as postings for the general ledger (layout: app/reports/exports.py)."""
    content, name = await exports.fk_csv(session, start, end, kind)
    return exports.attachment(content, name, "text/csv; charset=utf-8")


@router.get("/rb-27s", responses=_ERR, dependencies=[audited("Rb-27S")])
async def rb_27s(session: SessionDep, _user: Reader, start: From, end: To) -> dict[str, Any]:
    """Rb-27S per budget classification of each component; alimony-fund money split between the
    state budget (Rb-27ZZ) and the commune."""
    found = await statements.rb_27s(session, start, end)
    return {
        "from": start.isoformat(),
        "to": end.isoformat(),
        "rows": [
            {
                "dzial": r.classification.dzial,
                "rozdzial": r.classification.rozdzial,
                "paragraf": r.classification.paragraf,
                "label": r.label,
                "report": r.report,
                **{f: format_amount(getattr(r.cells, f)) for f in r.cells.__slots__},
            }
            for r in found.rows
        ],
        "unclassified": found.unclassified,
    }
