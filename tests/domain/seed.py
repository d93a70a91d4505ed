"""Rate tables for domain tests, read from the seed migration: one source of truth for the rows."""

from __future__ import annotations

import importlib.util
from datetime import date
from functools import cache
from pathlib import Path

from app.domain.kinds import (
    AllocationRule,
    InterestRegime,
    InterestStart,
    KindRules,
    LimitationRule,
)
from app.domain.parameters import ParameterCode, ParameterRow, ParameterTable

MIGRATION = (
    Path(__file__).resolve().parents[2]
    / "alembic"
    / "versions"
    / "2026-11-23-0930_parameters_seed.py"
)


@cache
def seed_rows() -> tuple[ParameterRow, ...]:
    spec = importlib.util.spec_from_file_location("parameters_seed", MIGRATION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(
        ParameterRow(str(r["code"]), r["valid_from"], int(r["value"]), str(r["source"]))
        for r in module.ROWS
    )


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
