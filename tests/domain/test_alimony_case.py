"""The procedure against an alimony debtor (seed 001, annex 9; u.p.o.u.a. art. 3–5, 8, 8a;
art. 209 k.k.): which step may follow which, the next step and its deadline (k.p.a. art. 57), and
the bar of art. 5 ust. 3a."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from app.domain.alimony_case import (
    CaseFacts,
    DecisionStage,
    EvasionBarred,
    Ground,
    IllegalStep,
    Licence,
    ReturnReason,
    Status,
    Step,
    StepRecord,
    Terms,
    Trigger,
    check_step,
    final_from,
    kpa_month_term_end,
    kpa_term_end,
    licence_return_reasons,
    next_step,
    next_steps,
)
from app.domain.alimony_history import Month, MonthRecord, evasion_decision_check

OPENED = date(2026, 10, 1)


def case(*steps: StepRecord) -> CaseFacts:
    return CaseFacts(Trigger.FUNDUSZ_ALIMENTACYJNY, OPENED, "1061092", "1061092", steps)


def rec(step: Step, on: date, kind: str = "", due: date | None = None) -> StepRecord:
    return StepRecord(step, on, kind, due)


# --- k.p.a. art. 57 around holidays --------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        # 24.04.2026 + 7 days = Friday 1 May (holiday), 2 May Saturday, 3 May Sunday and holiday:
        # art. 57 § 4 k.p.a. moves the end to Monday 4 May.
        (date(2026, 4, 24), 7, date(2026, 5, 4)),
        # 10.12.2026 + 14 = Thursday 24 December: Wigilia is a day off from 2025, then 25, 26 and
        # Sunday 27: the appeal term ends Monday 28 December 2026.
        (date(2026, 12, 10), 14, date(2026, 12, 28)),
        # A plain Tuesday stays.
        (date(2026, 4, 28), 7, date(2026, 5, 5)),
    ],
)
def test_day_terms_end_on_a_working_day(start: date, days: int, end: date) -> None:
    assert kpa_term_end(start, days) == end


def test_month_terms_end_on_the_corresponding_day_or_the_month_end() -> None:
    # art. 57 § 3 k.p.a.: 1.10.2026 + 1 month = 1 November (Sunday, All Saints) → Monday 2.11.
    assert kpa_month_term_end(date(2026, 10, 1), 1) == date(2026, 11, 2)
    # 31.01.2027 + 1 month: February has no 31st → 28.02.2027, a Sunday → Monday 1.03.2027.
    assert kpa_month_term_end(date(2027, 1, 31), 1) == date(2027, 3, 1)


def test_the_decision_is_final_the_day_after_the_appeal_term() -> None:
    # Delivered 10.12.2026; 14 days (art. 129 § 2 k.p.a.) end 28.12 (holidays above): final 29.12.
    assert final_from(date(2026, 12, 10)) == date(2026, 12, 29)


# --- the next step -------------------------------------------------------------------------------


def test_a_new_case_waits_for_the_summons_within_a_month() -> None:
    n = next_step(case())
    assert n is not None
    assert (n.step, n.kind, n.due_on) == (Step.WYWIAD, "wezwanie", date(2026, 11, 2))
    assert n.status(date(2026, 11, 2)) is Status.DUE
    assert n.status(date(2026, 11, 3)) is Status.OVERDUE


def test_after_the_summons_the_interview_is_due_on_its_day() -> None:
    n = next_step(case(rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20))))
    assert n is not None
    assert (n.step, n.kind, n.due_on) == (Step.WYWIAD, "przeprowadzony", date(2026, 10, 20))


def test_after_the_interview_the_statement_and_the_big_pouczenie_are_due_the_same_day() -> None:
    held = rec(Step.WYWIAD, date(2026, 10, 20), "przeprowadzony")
    steps = next_steps(case(held))
    assert [(n.step, n.due_on) for n in steps] == [
        (Step.OSWIADCZENIE, date(2026, 10, 20)),
        (Step.POUCZENIE_BIG, date(2026, 10, 20)),
    ]


def test_the_pup_information_follows_the_obligation_and_registration_is_awaited() -> None:
    c = case(
        rec(Step.WYWIAD, date(2026, 10, 20), "przeprowadzony"),
        rec(Step.OSWIADCZENIE, date(2026, 10, 20)),
        rec(Step.POUCZENIE_BIG, date(2026, 10, 20)),
        # Friday 24.04 would hit May Day; here 23.10.2026 (Friday) + 7 = Friday 30.10.
        rec(Step.ZOBOWIAZANIE_PUP, date(2026, 10, 23)),
    )
    steps = next_steps(c)
    assert [(n.step, n.due_on, n.waiting) for n in steps] == [
        (Step.INFORMACJA_PUP, date(2026, 10, 30), False),
        # 23.10 + 14 = 6.11.2026 (Friday)
        (Step.ODMOWA, date(2026, 11, 6), True),
    ]
    assert steps[1].status(date(2026, 12, 1)) is Status.WAITING


def test_the_decision_path_to_the_requests_after_it_is_final() -> None:
    base = (
        rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20)),
        rec(Step.ODMOWA, date(2026, 10, 20), Ground.WYWIAD),
    )
    n = next_step(case(*base))
    assert n is not None
    # 20.10 + 7 = 27.10.2026 (Tuesday)
    assert (n.step, n.due_on) == (Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 27))
    opened = (*base, rec(Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 26)))
    n = next_step(case(*opened))
    assert n is not None
    # art. 35 § 3 k.p.a.: 26.10 + 1 month = 26.11.2026 (Thursday)
    assert (n.step, n.kind, n.due_on) == (Step.DECYZJA_UCHYLANIE, "wydana", date(2026, 11, 26))
    issued = (*opened, rec(Step.DECYZJA_UCHYLANIE, date(2026, 11, 20), "wydana"))
    n = next_step(case(*issued))
    assert n is not None
    assert n.waiting
    assert n.kind == "doreczona"
    delivered = (*issued, rec(Step.DECYZJA_UCHYLANIE, date(2026, 12, 10), "doreczona"))
    n = next_step(case(*delivered))
    assert n is not None
    assert (n.kind, n.due_on) == ("ostateczna", date(2026, 12, 29))
    final = (*delivered, rec(Step.DECYZJA_UCHYLANIE, date(2026, 12, 29), "ostateczna"))
    steps = next_steps(case(*final))
    # 29.12 + 7 = 5.01.2027 (Tuesday; 6.01 is Epiphany, not reached)
    assert [(n.step, n.due_on) for n in steps] == [
        (Step.WNIOSEK_O_SCIGANIE, date(2027, 1, 5)),
        (Step.CEPIK, date(2027, 1, 5)),
    ]
    # CEPiK answered 30.12.2026 that the debtor holds a licence: + 7 = 6.01.2027, Epiphany → 7.01
    answered = (*final, rec(Step.CEPIK, date(2026, 12, 30), Licence.POSIADA))
    steps = next_steps(case(*answered))
    assert (Step.WNIOSEK_PRAWO_JAZDY, date(2027, 1, 7)) in [(n.step, n.due_on) for n in steps]


# --- which step may follow which -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "new", "reason"),
    [
        ((), rec(Step.OSWIADCZENIE, OPENED), "wywiad"),
        ((), rec(Step.INFORMACJA_PUP, OPENED), "PUP"),
        ((), rec(Step.WSZCZECIE_UCHYLANIE, OPENED), "odmowy"),
        ((), rec(Step.DECYZJA_UCHYLANIE, OPENED, "wydana"), "wszczęcie"),
        ((), rec(Step.WNIOSEK_O_SCIGANIE, OPENED), "ostateczna"),
        ((), rec(Step.ODMOWA, OPENED, Ground.REJESTRACJA), "Zobowiązanie"),
        ((), rec(Step.DECYZJA_ULGA, OPENED, "raty"), "wniosku"),
        ((), rec(Step.CEPIK, OPENED, "posiada"), "ostateczna"),
        ((), rec(Step.WYWIAD, OPENED, "nieznany"), "nieznany rodzaj"),
        ((), rec(Step.WYWIAD, date(2026, 9, 30), "wezwanie"), "wcześniejsza"),
        (
            (
                rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20)),
                rec(Step.ODMOWA, date(2026, 10, 20), Ground.WYWIAD),
                rec(Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 26)),
                rec(Step.DECYZJA_UCHYLANIE, date(2026, 11, 20), "wydana"),
            ),
            rec(Step.DECYZJA_UCHYLANIE, date(2026, 11, 19), "doreczona"),
            "wcześniejsza niż poprzednia",
        ),
    ],
)
def test_a_step_out_of_order_is_refused_with_its_reason(
    steps: tuple[StepRecord, ...], new: StepRecord, reason: str
) -> None:
    with pytest.raises(IllegalStep, match=reason):
        check_step(case(*steps), new)


def _paid(amounts: list[int]) -> tuple[MonthRecord, ...]:
    """500.00 zł awarded a month, May–October 2026, with the given payments in grosze."""
    return tuple(MonthRecord(Month(2026, 5 + i), 50000, a) for i, a in enumerate(amounts))


def test_the_decision_is_barred_by_six_months_of_half_the_alimony() -> None:
    """u.p.o.u.a. art. 5 ust. 3a: 250.00 of 500.00 in each of May–October 2026 bars the decision on
    23.11.2026; 249.99 in August lifts the bar."""
    c = case(
        rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20)),
        rec(Step.ODMOWA, date(2026, 10, 20), Ground.WYWIAD),
        rec(Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 26)),
    )
    issue = rec(Step.DECYZJA_UCHYLANIE, date(2026, 11, 23), "wydana")
    barred = evasion_decision_check(_paid([25000] * 6), date(2026, 11, 23))
    with pytest.raises(EvasionBarred) as err:
        check_step(c, issue, barred)
    assert [str(m) for m in err.value.months] == [f"2026-{m:02d}" for m in range(5, 11)]
    assert "2026-05" in str(err.value)
    assert "2026-10" in str(err.value)
    free = evasion_decision_check(_paid([25000, 25000, 25000, 24999, 25000, 25000]), issue.on)
    check_step(c, issue, free)  # no exception
    assert licence_return_reasons(c, barred) == (ReturnReason.WPLATY,)
    assert licence_return_reasons(c, free) == ()


def test_the_licence_request_needs_the_cepik_answer() -> None:
    final = case(
        rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20)),
        rec(Step.ODMOWA, date(2026, 10, 20), Ground.WYWIAD),
        rec(Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 26)),
        rec(Step.DECYZJA_UCHYLANIE, date(2026, 11, 20), DecisionStage.WYDANA),
        rec(Step.DECYZJA_UCHYLANIE, date(2026, 12, 10), DecisionStage.DORECZONA),
        rec(Step.DECYZJA_UCHYLANIE, date(2026, 12, 29), DecisionStage.OSTATECZNA),
        rec(Step.CEPIK, date(2026, 12, 30), Licence.NIE_POSIADA),
    )
    with pytest.raises(IllegalStep, match="prawa jazdy"):
        check_step(final, rec(Step.WNIOSEK_PRAWO_JAZDY, date(2027, 1, 4)))


def test_the_terms_come_from_the_parameter_table() -> None:
    """Terms is filled from the dated parameters (migration i18_alimony_case): a unit that sends
    its letters within 10 days instead of 7 sees the later deadline. Refusal on Tuesday
    20.10.2026 + 10 days = Friday 30.10.2026."""
    refused = (
        rec(Step.WYWIAD, date(2026, 10, 5), "wezwanie", date(2026, 10, 20)),
        rec(Step.ODMOWA, date(2026, 10, 20), Ground.WYWIAD),
    )
    slow = replace(case(*refused), terms=Terms(letter_days=10))
    n = next_step(slow)
    assert n is not None
    assert (n.step, n.due_on) == (Step.WSZCZECIE_UCHYLANIE, date(2026, 10, 30))
