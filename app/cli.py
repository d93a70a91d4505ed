"""`windykacja serve | migrate | sweep --as-of YYYY-MM-DD`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import date

from app.clock import warsaw_today
from app.config import get_settings
from app.migrations import upgrade


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="windykacja", description="Windykacja należności")
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="zastosuj migracje i uruchom serwer")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--no-scheduler", action="store_true", help="bez harmonogramu zadań")
    sub.add_parser("migrate", help="zastosuj migracje bazy danych")
    sweep = sub.add_parser("sweep", help="uruchom przegląd dzienny na dzień")
    sweep.add_argument("--as-of", type=date.fromisoformat, default=None)
    calc = sub.add_parser("calc", help="kalkulator odsetek, rozliczenia wpłat i przedawnienia")
    calc.add_argument("--kind", default="oplata_pobyt")
    calc.add_argument("--principal", help="kwota główna, np. 1000.00")
    calc.add_argument("--due-date", help="ostatni dzień terminu płatności RRRR-MM-DD")
    calc.add_argument("--payout", action="append", default=[], metavar="DATA:KWOTA")
    calc.add_argument("--payment", action="append", default=[], metavar="DATA:KWOTA")
    calc.add_argument("--cost", action="append", default=[], metavar="DATA:KWOTA",
                      help="koszty upomnienia (data doręczenia:kwota)")
    calc.add_argument("--as-of", required=True)
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        upgrade(settings.database_url)
        return 0
    if args.command == "serve":
        return _serve(args.host, args.port)
    if args.command == "calc":
        from app.calculator.cli import run_calc

        return asyncio.run(run_calc(args, settings.database_url))
    if args.command == "sweep":
        return asyncio.run(_sweep(args.as_of or warsaw_today()))
    return 2


def _serve(host: str, port: int) -> int:
    import uvicorn

    from app.main import create_app

    upgrade(get_settings().database_url)
    uvicorn.run(create_app(), host=host, port=port)
    return 0


async def _sweep(as_of: date) -> int:
    from app.db import make_engine, make_sessionmaker, session_scope
    from app.sweeps.service import run_daily

    settings = get_settings()
    upgrade_in_thread = asyncio.to_thread(upgrade, settings.database_url)
    await upgrade_in_thread
    engine = make_engine(settings.database_url)
    async with session_scope(make_sessionmaker(engine)) as session:
        result = await run_daily(session, as_of, "cli")
    await engine.dispose()
    print(f"Przegląd na dzień {as_of}: zmieniono {result.rows_changed} należności "  # noqa: T201
          f"({', '.join(f'{k}: {v}' for k, v in result.changed.items())})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
