"""`windykacja serve | migrate | sweep --as-of YYYY-MM-DD [--job daily|year_end|archive] | calc … |
print document ID | print reminders --issued-on YYYY-MM-DD | print year-end --year YYYY … |
rates import FILE | backup [DIR] | restore FILE [--force] | teryt import FILE [--force] |
import PATH [--dry-run] | export DIR`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import BinaryIO

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
    _print_parser(sub)
    from app.parameters import cli as rates_cli

    rates_cli.add_parser(sub)
    _backup_parsers(sub)
    from app.imports import cli as imports_cli

    imports_cli.add_parsers(sub)
    teryt = sub.add_parser("teryt", help="rejestr TERYT (gminy)")
    teryt_sub = teryt.add_subparsers(dest="teryt_command", required=True)
    teryt_import = teryt_sub.add_parser(
        "import", help="wczytaj plik TERC (albo SIMC) z GUS, CSV lub XML"
    )
    teryt_import.add_argument("file", type=Path)
    teryt_import.add_argument(
        "--force", action="store_true", help="także plik starszy niż wczytany"
    )
    args = parser.parse_args(argv)
    try:
        settings = get_settings()
    except ValueError as exc:  # pydantic's ValidationError: a setting production refuses
        sys.stderr.write(f"Błędne ustawienia: {exc}\n")
        return 2
    if args.command == "migrate":
        upgrade(settings.database_url)
        return 0
    if args.command == "serve":
        from app.secret_key import KeyFileError

        try:
            return _serve(args.host, args.port, scheduler=not args.no_scheduler)
        except (ValueError, KeyFileError) as exc:  # a setting refused, an unusable key file
            sys.stderr.write(f"Błędne ustawienia: {exc}\n")
            return 2
    if args.command == "calc":
        from app.calculator.cli import run_calc

        return asyncio.run(run_calc(args, settings.database_url))
    if args.command == "sweep":
        today = warsaw_today()
        if args.as_of is not None and args.as_of > today:
            # As the API and the forms: a sweep is never for a day to come (app/sweeps/rules.py,
            # window, relies on it), and nothing is run or recorded.
            sys.stderr.write(
                "Przeglądu nie można uruchomić na dzień z przyszłości "
                f"({args.as_of}; dziś {today})\n"
            )
            return 2
        return asyncio.run(_sweep(args.job, args.as_of or today))
    if args.command == "print":
        return asyncio.run(_print(args))
    if args.command == "rates":
        return asyncio.run(rates_cli.run(args, settings.database_url))
    if args.command in ("backup", "restore"):
        from app.backup.cli import run

        return asyncio.run(run(args, settings))
    if args.command in ("import", "export"):
        return asyncio.run(imports_cli.run(args, settings))
    if args.command == "teryt":
        from app.teryt.cli import run_import

        return asyncio.run(run_import(args.file, settings.database_url, force=args.force))
    return 2


def _backup_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = sub.add_parser("backup", help="kopia zapasowa całej bazy danych do katalogu")
    backup.add_argument(
        "directory", nargs="?", help="katalog kopii (domyślnie WINDYKACJA_BACKUP_DIR)"
    )
    restore = sub.add_parser(
        "restore", help="przywróć bazę danych z kopii zapasowej (przy zatrzymanej usłudze)"
    )
    restore.add_argument("file", help="plik kopii (.sqlite3 albo .pgdump)")
    restore.add_argument(
        "--force",
        action="store_true",
        help="zastąp bazę, która nie jest pusta (jej zawartość najpierw zapisana jako kopia)",
    )


def _print_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    out_help = "plik wynikowy (domyślnie nazwa dokumentu w bieżącym katalogu; - = stdout)"
    printing = sub.add_parser("print", help="wydruki: dokument, upomnienia z dnia, wykazy roczne")
    what = printing.add_subparsers(dest="what", required=True)
    doc = what.add_parser(
        "document", help="wydany dokument (wezwanie, upomnienie, tytuł …) jako PDF"
    )
    doc.add_argument("document_id", type=int)
    doc.add_argument("-o", "--output", help=out_help)
    rem = what.add_parser("reminders", help="wszystkie upomnienia wystawione w dniu, jeden PDF")
    rem.add_argument("--issued-on", type=date.fromisoformat, default=None, help="domyślnie dziś")
    rem.add_argument("-o", "--output", help=out_help)
    year = what.add_parser("year-end", help="wykaz na koniec roku dla głównego księgowego")
    year.add_argument("--year", type=int, required=True)
    year.add_argument("--list", choices=["time-barred", "alimony"], default="time-barred")
    year.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    year.add_argument("-o", "--output", help=out_help)


async def _print(args: argparse.Namespace) -> int:
    """Print to a file (or stdout with -o -); a refusal (no such document, nothing issued that
    day) is one Polish line on stderr and exit code 1, nothing written."""
    from app.db import make_engine, make_sessionmaker
    from app.documents import printing
    from app.domain.parameters import MissingParameter
    from app.errors import AppError
    from app.polish import pl_date
    from app.unit.setup import first_start

    settings = get_settings()
    await asyncio.to_thread(upgrade, settings.database_url)
    engine = make_engine(settings.database_url)
    try:
        async with make_sessionmaker(engine)() as session:
            await first_start(session, settings)
            await session.commit()
            if args.what == "document":
                content, number = await printing.document_pdf(session, args.document_id)
                return _write(content, args.output or number.replace("/", "-") + ".pdf")
            if args.what == "year-end":
                content, name = await printing.year_end_file(
                    session, args.list, args.year, args.format
                )
                return _write(content, args.output or name)
            day = args.issued_on or warsaw_today()
            path = args.output or f"upomnienia-{day.isoformat()}.pdf"

            def progress(done: int, total: int | None) -> None:
                _progress_bar(done, total or done, "upomnienia")

            with _output(path) as out:  # streamed: memory stays flat however long the batch
                count = await printing.reminders_pdf(session, day, out, progress)
            sys.stderr.write(f"Upomnienia z dnia {pl_date(day)}: {count}\n")
            return 0
    except AppError as exc:
        sys.stderr.write(f"{exc.detail}\n")
        return 1
    except MissingParameter as exc:  # a rate or cost missing for the document's date
        sys.stderr.write(f"{exc}\n")
        return 1
    finally:
        await engine.dispose()


@contextmanager
def _output(path: str) -> Iterator[BinaryIO]:
    """stdout for "-"; otherwise a .part file renamed to `path` only when everything was written,
    so a failure never leaves a half-written file under the name."""
    if path == "-":
        yield sys.stdout.buffer
        sys.stdout.flush()
        return
    target = Path(path)
    partial = target.with_name(target.name + ".part")
    try:
        with partial.open("wb") as out:
            yield out
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
    sys.stderr.write(f"Zapisano {target} ({target.stat().st_size} B)\n")


def _write(content: bytes, path: str) -> int:
    with _output(path) as out:
        out.write(content)
    return 0


def _serve(host: str, port: int, *, scheduler: bool) -> int:
    import uvicorn

    from app.logs import configure
    from app.main import create_app
    from app.serving import serving_settings

    settings = serving_settings(get_settings(), host)
    settings = settings.model_copy(update={"scheduler_enabled": scheduler})
    configure(settings.log_level)
    upgrade(settings.database_url)
    # No access log: URLs may carry a searched PESEL or name in the query string.
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        access_log=False,
        log_level=settings.log_level.lower(),
        log_config=None,  # keep app.logs.configure's handler and filters
    )
    return 0


async def _sweep(job_name: str, as_of: date) -> int:
    """One job by hand, with a progress bar on stderr; a failure is recorded and exits 1."""
    from app.db import make_engine, make_sessionmaker
    from app.polish import first_upper, pl_date
    from app.sweeps import service as sweep_service
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
    day = pl_date(as_of)
    name = first_upper(sweep_service.JOB_NAMES.get(job_name, job_name))
    if done.result is None:
        sys.stderr.write(f"{name} na dzień {day}: {_OUTCOMES[done.outcome]}\n")
        if done.error:
            sys.stderr.write(f"{done.error}\n")
        return 0 if done.outcome is Outcome.ALREADY_DONE else 1
    sys.stdout.write(
        f"{name} na dzień {day}: "
        f"{sweep_service.changed_text(done.result.rows_changed)} "
        f"({sweep_service.details_text(done.result.details)})\n"
    )
    return 0


_OUTCOMES = {
    "already_done": "już wykonane",
    "busy": "wykonywane właśnie w innej instancji usługi",
    "failed": "błąd (zapisany w historii przeglądów: GET /api/v1/sweeps)",
}


def _progress_bar(done: int, total: int, step: str, width: int = 30) -> None:
    from app.sweeps.service import DETAIL_LABELS

    filled = width * done // total
    end = "\n" if done == total else ""
    label = DETAIL_LABELS.get(step, step)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {label:<30}{end}")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
