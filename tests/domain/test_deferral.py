"""Issue 20 item 3: the deferral's pure rules (app/domain/deferral.py), worked out by hand.

The fee: rozporządzenie MF z 22.08.2005 (t.j. Dz.U. 2021 poz. 703) §3: OP = K × L × S / 365,
rounded to full złoty (OP art. 63 §1); §11 pkt 1-2, §12 ust. 2: L from the day after the term or
the application to the deferred term inclusive; S = the reduced default-interest rate in force on
the decision's day (OP art. 57 §2-3, art. 56a §1: 50 %)."""

from datetime import date

import pytest

from app.domain import deferral as d
from app.domain.instalments import PaymentMade
from app.domain.lifecycle import Action, IllegalTransition, State, transition
from app.domain.parameters import ParameterRow, ParameterTable

ZWLOKA = ParameterTable.of(
    "odsetki_za_zwloke",
    [
        ParameterRow("odsetki_za_zwloke", date(2016, 1, 1), 800),
        ParameterRow("odsetki_za_zwloke", date(2023, 10, 5), 1450),
        ParameterRow("odsetki_za_zwloke", date(2025, 5, 8), 1400),
    ],
)
SHARE = ParameterTable.of(
    "oplata_prolongacyjna_udzial",
    [ParameterRow("oplata_prolongacyjna_udzial", date(2016, 1, 1), 5000)],
)


def test_the_window_runs_from_the_day_after_the_application_of_arrears():
    # Term 2024-03-15 ran out; application 2024-04-10 (arrears, §11 pkt 2): 2024-04-11..07-31.
    assert d.window(date(2024, 3, 15), date(2024, 4, 10), date(2024, 5, 6), date(2024, 7, 31)) == (
        date(2024, 4, 11),
        date(2024, 7, 31),
    )


def test_the_window_of_a_term_deferred_before_it_ran_out_starts_after_that_term():
    # Application 2024-03-01 before the term 2024-03-15 (§11 pkt 1): from 2024-03-16.
    assert d.window(date(2024, 3, 15), date(2024, 3, 1), date(2024, 3, 10), date(2024, 6, 28))[
        0
    ] == date(2024, 3, 16)
    # No application recorded: the decision's day stands for it.
    assert d.window(date(2024, 3, 15), None, date(2024, 5, 6), date(2024, 7, 31))[0] == date(
        2024, 5, 7
    )


def test_the_fee_is_k_times_l_times_half_the_rate_on_the_decision_day():
    # 14.50 % on 2024-05-06 → S = 7.25 %; 1000.00 × 112 days × 7.25 % / 365 = 22.2466 → 22 zł.
    rate = d.fee_rate_bp(date(2024, 5, 6), ZWLOKA, SHARE)
    assert rate[0] / rate[1] == 725
    assert d.prolongation_fee(100_000, date(2024, 4, 11), date(2024, 7, 31), rate) == 2200
    # 2016-01-08 onwards at 8 % the MF published 4 % (M.P. 2016 poz. 20): 8 % × 50 %.
    assert d.fee_rate_bp(date(2016, 2, 1), ZWLOKA, SHARE) == (800 * 5000, 10_000)
    # 250.00 × 30 days × 4 % / 365 = 0.8219 → 1 zł (art. 63 §1: from 50 gr up).
    rate16 = d.fee_rate_bp(date(2016, 2, 1), ZWLOKA, SHARE)
    assert d.prolongation_fee(25_000, date(2016, 2, 2), date(2016, 3, 2), rate16) == 100
    # The rate of the decision's day counts for the whole period (OP art. 57 §3), even across
    # the change of 2025-05-08: 1000.00 × 61 days × 7.25 % / 365 = 12.12 → 12 zł.
    rate25 = d.fee_rate_bp(date(2025, 5, 1), ZWLOKA, SHARE)
    assert d.prolongation_fee(100_000, date(2025, 5, 2), date(2025, 7, 1), rate25) == 1200


@pytest.mark.parametrize(
    ("term", "decided", "new", "applied", "field"),
    [
        (None, date(2024, 5, 6), date(2024, 7, 31), None, "new_term"),
        (date(2024, 3, 15), date(2024, 5, 6), date(2024, 5, 6), None, "new_term"),
        (date(2024, 3, 15), date(2024, 3, 1), date(2024, 3, 15), None, "new_term"),
        (date(2024, 3, 15), date(2024, 5, 6), date(2024, 7, 31), date(2024, 5, 7), "applied_on"),
    ],
)
def test_what_no_deferral_can_be_is_refused(term, decided, new, applied, field):
    with pytest.raises(d.DeferralRefused) as exc:
        d.check(term, decided, new, applied)
    assert exc.value.field == field


def test_zero_rate_on_the_window_and_the_own_rate_after():
    table = d.without_interest(ZWLOKA, [(date(2024, 4, 11), date(2024, 7, 31))])
    assert table.value_on(date(2024, 4, 10)) == 1450
    assert table.value_on(date(2024, 4, 11)) == 0
    assert table.value_on(date(2024, 7, 31)) == 0
    assert table.value_on(date(2024, 8, 1)) == 1450
    # A rate change inside the window resumes at its own value after it.
    t2 = d.without_interest(ZWLOKA, [(date(2025, 5, 1), date(2025, 6, 30))])
    assert (t2.value_on(date(2025, 5, 8)), t2.value_on(date(2025, 7, 1))) == (0, 1400)
    assert t2.value_on(date(2025, 4, 30)) == 1450


def test_a_deferral_is_kept_until_its_term_passes_unpaid():
    fact = d.Deferral(date(2024, 5, 6), date(2024, 7, 31), date(2024, 4, 10), 103_200, 2200)
    assert d.kept(fact, [], date(2024, 7, 31))  # the term's own day is still in time
    assert not d.kept(fact, [], date(2024, 8, 1))
    assert d.kept(fact, [PaymentMade(date(2024, 7, 31), 103_200)], date(2024, 9, 1))
    # A payment before the decision does not count for it (app/domain/instalments.py).
    assert not d.kept(fact, [PaymentMade(date(2024, 5, 5), 103_200)], date(2024, 8, 1))


@pytest.mark.parametrize(
    "state", [State.WYSTAWIONA, State.WYMAGALNA, State.UPOMNIENIE, State.TYTUL_WYKONAWCZY]
)
def test_a_deferral_suspends_like_instalments_and_a_miss_returns_as_due(state):
    t = transition(state, Action.ODROCZENIE, on=date(2024, 5, 6), cause="decyzja", actor="u")
    assert t.to_state == State.RATY
    back = transition(
        State.RATY, Action.RATA_NIEZAPLACONA, on=date(2024, 8, 1), cause="", actor="sweep",
        state_before_instalments=state,
    )  # fmt: skip
    # OP art. 49 §2: the original term is the payment term again; it has passed, so a term
    # deferred before it ran out (wystawiona) comes back as due (wymagalna).
    assert back.to_state == (State.WYMAGALNA if state == State.WYSTAWIONA else state)


def test_no_deferral_of_a_closed_or_instalment_receivable():
    for state in (State.RATY, State.ZAPLACONA, State.PRZEDAWNIONA, State.ANULOWANA):
        with pytest.raises(IllegalTransition):
            transition(state, Action.ODROCZENIE, on=date(2024, 5, 6), cause="", actor="u")
