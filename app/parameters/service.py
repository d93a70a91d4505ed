"""Keeping the rate table current (issue 16 item 2): the NBP archive import, the administrator's
"stopy sprawdzone na dzień …", and whether the dashboard must warn. Gather → decide
(app.domain.rates.plan_import) → apply; never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.parameters import LABELS
from app.domain.rates import ImportPlan, pct, plan_import
from app.errors import Invalid
from app.models import Parameter, RateCheck
from app.parameters.nbp import NbpFileError, parse_archive
from app.parameters.repository import ParameterRepository
from app.polish import WIERSZ, counted


@dataclass(frozen=True)
class ImportResult:
    plan: ImportPlan
    file_name: str

    @property
    def summary(self) -> str:
        """One Polish line for the CLI, the flash message and the log."""
        p = self.plan
        added = ", ".join(
            f"{LABELS.get(r.code, r.code)} od {r.valid_from:%d.%m.%Y}: {pct(r.value)}"
            for r in p.added
        )
        latest = f"{p.latest:%d.%m.%Y}" if p.latest else "—"
        text = (
            f"Plik {self.file_name}: {p.decisions} decyzji NBP objętych tabelą (ostatnia"
            f" {latest}); dodano {counted(len(p.added), WIERSZ)}" + (f" ({added})" if added else "")
        )
        if p.conflicts:
            text += "; NIEZGODNE z tabelą (nie zmieniono): " + ", ".join(
                f"{LABELS.get(c.code, c.code)} od {c.valid_from:%d.%m.%Y}:"
                f" w tabeli {pct(c.stored)}, z pliku {pct(c.derived)}"
                for c in p.conflicts
            )
        return text + "."


async def import_archive(
    session: AsyncSession, content: bytes, file_name: str, actor: str, today: date
) -> ImportResult:
    """Add the rows the NBP archive file implies and the table lacks, each with its source; rows
    that disagree are reported, never rewritten. Idempotent: a second import adds nothing."""
    try:
        archive = parse_archive(content)
    except NbpFileError as exc:
        raise Invalid(str(exc), field="file") from exc
    repo = ParameterRepository(session)
    plan = plan_import(archive.decisions, await repo.rows())
    published = archive.published_on.isoformat() if archive.published_on else "brak"
    await repo.add(
        Parameter(
            code=r.code,
            valid_from=r.valid_from,
            value=r.value,
            unit="bp",
            source=(
                f"[NBP] import pliku archiwum stóp procentowych NBP {file_name!r}"
                f" (data_publikacji {published}), obowiazuje_od={r.valid_from.isoformat()};"
                f" {r.basis}; zaimportował {actor} {today.isoformat()}"
            ),
            created_by=actor,
        )
        for r in plan.added
    )
    return ImportResult(plan, file_name)


async def confirm_rates(
    session: AsyncSession, checked_on: date, note: str, actor: str, today: date
) -> RateCheck:
    """Record "stopy sprawdzone na dzień …" (never for a day to come)."""
    if checked_on > today:
        raise Invalid("Stopy można potwierdzić najpóźniej na dziś", field="checked_on")
    return await ParameterRepository(session).add_check(checked_on, note.strip(), actor)


@dataclass(frozen=True)
class Freshness:
    latest_rate: date | None  # the newest rate row's valid_from
    latest_check: date | None  # the newest "stopy sprawdzone na dzień …"
    checked_by: str | None
    days: int  # the allowed age (settings.rates_check_days)
    stale: bool

    @property
    def latest(self) -> date | None:
        return max((d for d in (self.latest_rate, self.latest_check) if d), default=None)


async def freshness(session: AsyncSession, today: date, days: int) -> Freshness:
    """Stale when neither a rate row nor a check is newer than `days` days."""
    repo = ParameterRepository(session)
    rate = await repo.latest_rate_day()
    check = await repo.latest_check()
    checked = check.checked_on if check else None
    newest = max((d for d in (rate, checked) if d), default=None)
    stale = newest is None or newest < today - timedelta(days=days)
    return Freshness(rate, checked, check.created_by if check else None, days, stale)
