"""Rate tables for domain tests, read from the seed migration: one source of truth for the rows."""

from __future__ import annotations

import importlib.util
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from app.domain.kinds import (
    AllocationRule,
    InterestRegime,
    InterestStart,
    KindRules,
    LimitationRule,
)
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable

VERSIONS = Path(__file__).resolve().parents[2] / "alembic" / "versions"
# The data migrations that seed the parameter table, in order: 0002 (from 2016) and i16a's rate
# history (from 2005, issue 16), which also replaces some of 0002's rows (its REMOVED).
MIGRATIONS = ("2026-11-23-0930_parameters_seed.py", "2026-12-06-1300_rate_history.py")


def _module(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name.removesuffix(".py"), VERSIONS / name)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@cache
def seed_rows() -> tuple[ParameterRow, ...]:
    """The parameter rows the migrations leave in the database, keyed as the table is
    (code, valid_from): a later migration's row replaces an earlier one's."""
    rows: dict[tuple[str, date], ParameterRow] = {}
    for name in MIGRATIONS:
        module = _module(name)
        for code, day, *_ in getattr(module, "REMOVED", ()):
            rows.pop((code, day), None)
        for r in module.ROWS:
            row = ParameterRow(str(r["code"]), r["valid_from"], int(r["value"]), str(r["source"]))
            rows[(row.code, row.valid_from)] = row
    return tuple(rows.values())


@cache
def table(code: ParameterCode) -> ParameterTable:
    return ParameterTable.of(code.value, seed_rows())


def flat(code: str, value: int, since: date = date(2000, 1, 1)) -> ParameterTable:
    """A one-row table, for cases whose arithmetic should not depend on the rate history."""
    return ParameterTable.of(code, [ParameterRow(code, since, value)])


ZWLOKA = ParameterCode.ODSETKI_ZA_ZWLOKE
USTAWOWE = ParameterCode.ODSETKI_USTAWOWE_ZA_OPOZNIENIE
PROG = ParameterCode.PROG_ODSETEK

OPLATA_POBYT = KindRules(
    code="oplata_pobyt",
    label="opłata za pobyt",
    legal_basis="seed 003",
    interest_regime=InterestRegime.ODSETKI_ZA_ZWLOKE,
    interest_start=InterestStart.DAY_AFTER_DUE,
    allocation_rule=AllocationRule.OP_PROPORTIONAL,
    payment_term_days=14,
    reminder_term_days=7,
    limitation_rule=LimitationRule.YEARS_FROM_TERM,
    limitation_years=3,
    limitation_interrupted_by_payment=True,
)

FUNDUSZ = KindRules(
    code="fundusz_alimentacyjny",
    label="należności z funduszu alimentacyjnego",
    legal_basis="ustawa o pomocy osobom uprawnionym do alimentów art. 27",
    interest_regime=InterestRegime.ODSETKI_USTAWOWE_ZA_OPOZNIENIE,
    interest_start=InterestStart.DAY_AFTER_PAYOUT,
    allocation_rule=AllocationRule.ART_28,
    payment_term_days=14,
    reminder_term_days=7,
    limitation_rule=LimitationRule.NONE,
    limitation_years=None,
    limitation_interrupted_by_payment=False,
)
