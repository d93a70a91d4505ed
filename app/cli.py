"""`windykacja serve | migrate | sweep --as-of YYYY-MM-DD [--job daily|year_end|archive]`."""

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
    sweep = sub.add_parser("sweep", help="uruchom zadanie (domyślnie przegląd dzienny) na dzień")
    sweep.add_argument("--as-of", type=date.fromisoformat, default=None)
    sweep.add_argument("--job", choices=["daily", "year_end", "archive"], default="daily")
    calc = sub.add_parser("calc", help="kalkulator odsetek, rozliczenia wpłat i przedawnienia")
    calc.add_argument("--kind", default="oplata_pobyt")
    calc.add_argument("--principal", help="kwota główna, np. 1000.00")
    calc.add_argument("--due-date", help="ostatni dzień terminu płatności RRRR-MM-DD")
    calc.add_argument("--payout", action="append", default=[], metavar="DATA:KWOTA")
    calc.add_argument("--payment", action="append", default=[], metavar="DATA:KWOTA")
    calc.add_argument(
        "--cost",
        action="append",
        default=[],
        metavar="DATA:KWOTA",
        help="koszty upomnienia (data doręczenia:kwota)",
    )
    calc.add_argument("--as-of", required=True)
    args = parser.parse_args(argv)
    settings = get_settings()
    if args.command == "migrate":
        upgrade(settings.database_url)
        return 0
    if args.command == "serve":
        return _serve(args.host, args.port, scheduler=not args.no_scheduler)
    if args.command == "calc":
        from app.calculator.cli import run_calc

        return asyncio.run(run_calc(args, settings.database_url))
    if args.command == "sweep":
        return asyncio.run(_sweep(args.job, args.as_of or warsaw_today()))
    return 2


def _serve(host: str, port: int, *, scheduler: bool) -> int:
    import uvicorn

    from app.main import create_app

    settings = get_settings().model_copy(update={"scheduler_enabled": scheduler})
    upgrade(settings.database_url)
    # No access log: URLs may carry a searched PESEL or name in the query string.
    uvicorn.run(create_app(settings), host=host, port=port, access_log=False)
    return 0


async def _sweep(job_name: str, as_of: date) -> int:
    """One job by hand, with a progress bar on stderr; a failure is recorded and exits 1."""
    from app.db import make_engine, make_sessionmaker
    from app.sweeps.schemas import Job
    from scheduler.jobs import Outcome, run_job

    settings = get_settings()
    await asyncio.to_thread(upgrade, settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        done = await run_job(
            make_sessionmaker(engine),
            Job(job_name),
            as_of,
            "cli",
            attempts=1,
            progress=_progress_bar,
        )
    finally:
        await engine.dispose()
    if done.result is None:
        sys.stderr.write(f"Zadanie {job_name} na dzień {as_of}: {_OUTCOMES[done.outcome]}\n")
        return 0 if done.outcome is Outcome.ALREADY_DONE else 1
    sys.stdout.write(
        f"Zadanie {job_name} na dzień {as_of}: zmieniono {done.result.rows_changed} "
        f"należności ({done.result.details})\n"
    )
    return 0


_OUTCOMES = {
    "already_done": "już wykonane",
    "busy": "wykonywane właśnie w innej instancji usługi",
    "failed": "błąd (zapisany w historii przeglądów: GET /api/v1/sweeps)",
}


def _progress_bar(done: int, total: int, step: str, width: int = 30) -> None:
    filled = width * done // total
    end = "\n" if done == total else ""
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {step:<20}{end}")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
