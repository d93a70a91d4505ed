"""`windykacja calc …`: the calculator's breakdown as a table on the terminal."""

from __future__ import annotations

import argparse
import asyncio
import sys

from pydantic import ValidationError

from app.calculator import service
from app.calculator.api import rate_text
from app.calculator.schemas import CalculatorRequest
from app.db import make_engine, make_sessionmaker, session_scope
from app.domain.money import format_amount
from app.domain.parameters import MissingParameter
from app.errors import AppError
from app.migrations import upgrade


def _pairs(items: list[str]) -> list[dict[str, str]]:
    out = []
    for item in items:
        day, _, amount = item.partition(":")
        out.append({"date": day, "amount": amount})
    return out


def request_of(args: argparse.Namespace) -> CalculatorRequest:
    body: dict[str, object] = {
        "kind": args.kind,
        "as_of": args.as_of,
        "payments": _pairs(args.payment),
        "reminder_costs": _pairs(args.cost),
    }
    if args.payout:
        body["payouts"] = _pairs(args.payout)
    else:
        body["principal"], body["due_date"] = args.principal, args.due_date
    return CalculatorRequest.model_validate(body)


async def run_calc(args: argparse.Namespace, database_url: str) -> int:
    try:
        request = request_of(args)
    except ValidationError as exc:
        for e in exc.errors():
            message = str(e["msg"]).removeprefix("Value error, ")
            print(f"błąd: {'.'.join(map(str, e['loc']))}: {message}", file=sys.stderr)  # noqa: T201
        return 2
    await asyncio.to_thread(upgrade, database_url)
    engine = make_engine(database_url)
    try:
        async with session_scope(make_sessionmaker(engine)) as session:
            calc = await service.calculate(session, request)
    except AppError as exc:
        print(f"błąd: {exc.field or ''} {exc.detail}", file=sys.stderr)  # noqa: T201
        return 2
    except MissingParameter as exc:  # a rate not in the table for a day asked: never a traceback
        print(f"błąd: {exc}", file=sys.stderr)  # noqa: T201
        return 2
    finally:
        await engine.dispose()
    print(render(request, calc.result, calc.term_note))  # noqa: T201
    return 0


def render(
    request: CalculatorRequest, r: service.BalanceResult, term_note: str | None = None
) -> str:
    lines = [
        f"Rodzaj: {request.kind}    stan na dzień: {request.as_of}",
        *([term_note] if term_note else []),
        "",
        f"{'od':<12}{'do':<12}{'kwota':>14}{'stawka %':>10}{'dni':>6}{'odsetki':>12}",
    ]
    for p in r.rate_periods:
        lines.append(
            f"{p.start.isoformat():<12}{p.end.isoformat():<12}{format_amount(p.principal):>14}"
            f"{rate_text(p.rate_bp):>10}{p.days:>6}{format_amount(p.interest):>12}"
        )
    if r.allocations:
        lines += [
            "",
            f"{'wpłata':<12}{'kwota':>12}{'koszty':>10}{'odsetki':>10}{'należność':>12}{'nadpłata':>10}",
        ]
        for a in r.allocations:
            lines.append(
                f"{a.on.isoformat():<12}{format_amount(a.amount):>12}{format_amount(a.to_costs):>10}"
                f"{format_amount(a.to_interest):>10}{format_amount(a.to_principal):>12}"
                f"{format_amount(a.overpayment):>10}"
            )
    lines += [
        "",
        f"Należność główna do zapłaty: {format_amount(r.principal_remaining):>12}",
        f"Odsetki:                     {format_amount(r.interest_due):>12}",
        f"Koszty upomnienia:           {format_amount(r.costs_due):>12}",
        f"Saldo:                       {format_amount(r.balance):>12}",
        f"Nadpłata:                    {format_amount(r.overpayment):>12}",
        f"Przedawnienie od:            {str(r.time_barred_from or '—'):>12}",
    ]
    return "\n".join(lines)
