"""Issue 22 item 6: the steps of the accountant's preliminary control (u.f.p. art. 54 ust. 1
pkt 3 and ust. 3-4; the manager's decision on reliefs, u.f.p. art. 64 ust. 1)."""

import pytest

from app.domain.control import Facts, Kind, Refused, State, Step, advance

OPEN = Facts(Kind.UMORZENIE, State.DO_KONTROLI, "spec", None)


@pytest.mark.parametrize(
    ("kind", "after"),
    [
        (Kind.UMORZENIE, State.DO_DECYZJI),
        (Kind.RATY, State.DO_DECYZJI),
        (Kind.ZMIANA, State.DO_DECYZJI),
        (Kind.UCHYLENIE, State.DO_DECYZJI),
        (Kind.STORNO, State.WYKONANY),  # a correction of the books: no decision of the manager
    ],
)
def test_the_countersignature_passes_to_the_manager_where_the_decision_is_theirs(kind, after):
    out = advance(Facts(kind, State.DO_KONTROLI, "spec", None), Step.KONTRASYGNATA, "gk")
    assert (out.state, out.takes_effect) == (after, after is State.WYKONANY)


def test_the_managers_yes_takes_effect_and_no_closes():
    facts = Facts(Kind.UMORZENIE, State.DO_DECYZJI, "spec", "gk")
    assert advance(facts, Step.ZATWIERDZENIE, "kier").takes_effect
    refused = advance(facts, Step.ODMOWA, "kier", "brak przesłanek")
    assert (refused.state, refused.takes_effect) == (State.ODRZUCONY, False)


@pytest.mark.parametrize(
    ("facts", "step", "actor", "reason", "message"),
    [
        (OPEN, Step.KONTRASYGNATA, "spec", "", "Własnego wniosku"),
        (OPEN, Step.ZWROT, "gk", " ", "Podaj powód"),
        (OPEN, Step.ZATWIERDZENIE, "kier", "", "nie można go teraz zatwierdzić"),
        (
            Facts(Kind.UMORZENIE, State.DO_DECYZJI, "spec", "kier"),
            Step.ZATWIERDZENIE,
            "kier",
            "",
            "nie proponował ani nie kontrasygnował",
        ),
        (
            Facts(Kind.STORNO, State.WYKONANY, "spec", "gk"),
            Step.ZWROT,
            "gk",
            "za późno",
            "wykonany",
        ),
    ],
)
def test_refusals(facts, step, actor, reason, message):
    with pytest.raises(Refused, match=message):
        advance(facts, step, actor, reason)
