"""Issue 22 item 6: the chief accountant's preliminary control (kontrola wstępna) of a write-off,
a relief decision and a correction of the books, decided as data.

u.f.p. (ustawa z 27.08.2009 o finansach publicznych) art. 54 ust. 1 pkt 3: the chief accountant
carries out "dokonywanie wstępnej kontroli zgodności operacji gospodarczych i finansowych z planem
finansowym" and "kompletności i rzetelności dokumentów dotyczących operacji gospodarczych i
finansowych"; art. 54 ust. 3: the countersignature (kontrasygnata) is the proof of that control;
art. 54 ust. 4: a chief accountant who refuses tells the manager in writing with the reasons, and
the manager may order the operation in writing (hence "returned" is not the end: the specialist may
propose again, and the manager's decision is recorded as its own step).

Who decides after the countersignature:
- umorzenie_art30: the organ's decision on the alimony debtor's write-off (u.p.o.u.a. art. 30
  ust. 1, "organ właściwy wierzyciela"), signed by the manager or an authorised person;
- umorzenie, raty (ulgi): u.f.p. art. 64 ust. 1 (and art. 55-59, 60): the decision on a relief
  in non-tax public-law receivables belongs to the manager of the unit (kierownik jednostki);
- zmiana decyzji, uchylenie decyzji: an administrative decision of the organ (KPA art. 155/154,
  signed by the manager or an authorised person, KPA art. 268a);
- storno (a correction of the books): an entry of the accounts, no administrative decision;
  the countersignature makes it effective (ustawa o rachunkowości art. 25 ust. 1 pkt 1: a
  correction by a reversing entry, made by the accounting staff).

Pure: no DB, no clock. The service gathers the proposal's state and the actors and calls these.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    UMORZENIE = "umorzenie"  # write-off decision (in full or in part)
    UMORZENIE_ALIMENTY = "umorzenie_art30"  # alimony debtor, art. 30 ust. 1 u.p.o.u.a.
    RATY = "raty"  # relief: instalments (u.f.p. art. 56)
    STORNO = "storno"  # reversal of a payment
    ZMIANA = "zmiana_decyzji"  # amended decision (new principal)
    UCHYLENIE = "uchylenie"  # annulled decision


class State(StrEnum):
    DO_KONTROLI = "do_kontroli"  # proposed, waiting for the chief accountant
    ZWROCONY = "zwrocony"  # returned by the accountant with a reason (closed)
    DO_DECYZJI = "do_decyzji"  # countersigned, waiting for the manager's decision
    ODRZUCONY = "odrzucony"  # the manager refused (closed)
    WYKONANY = "wykonany"  # took effect


class Step(StrEnum):
    KONTRASYGNATA = "kontrasygnata"
    ZWROT = "zwrot"
    ZATWIERDZENIE = "zatwierdzenie"  # the manager's decision: yes
    ODMOWA = "odmowa"  # the manager's decision: no


KIND_LABELS = {
    Kind.UMORZENIE: "umorzenie należności",
    Kind.UMORZENIE_ALIMENTY: "umorzenie należności dłużnika alimentacyjnego (art. 30 u.p.o.u.a.)",
    Kind.RATY: "rozłożenie na raty (ulga)",
    Kind.STORNO: "storno wpłaty (korekta ksiąg)",
    Kind.ZMIANA: "zmiana decyzji (korekta należności)",
    Kind.UCHYLENIE: "uchylenie decyzji (korekta należności)",
}
STATE_LABELS = {
    State.DO_KONTROLI: "do kontroli głównego księgowego",
    State.ZWROCONY: "zwrócony przez głównego księgowego",
    State.DO_DECYZJI: "do decyzji kierownika",
    State.ODRZUCONY: "odmowa kierownika",
    State.WYKONANY: "wykonany",
}

# Where the decision belongs to the manager after the countersignature (see the module's text).
MANAGER_DECIDES: frozenset[Kind] = frozenset(
    {Kind.UMORZENIE, Kind.UMORZENIE_ALIMENTY, Kind.RATY, Kind.ZMIANA, Kind.UCHYLENIE}
)
OPEN_STATES: frozenset[State] = frozenset({State.DO_KONTROLI, State.DO_DECYZJI})


class Refused(Exception):
    """A step not allowed in this state or by this person; the message is Polish."""


@dataclass(frozen=True)
class Facts:
    kind: Kind
    state: State
    proposed_by: str
    countersigned_by: str | None


@dataclass(frozen=True)
class Outcome:
    state: State
    takes_effect: bool  # apply the proposed operation now


_FROM: dict[Step, State] = {
    Step.KONTRASYGNATA: State.DO_KONTROLI,
    Step.ZWROT: State.DO_KONTROLI,
    Step.ZATWIERDZENIE: State.DO_DECYZJI,
    Step.ODMOWA: State.DO_DECYZJI,
}


def advance(facts: Facts, step: Step, actor: str, reason: str = "") -> Outcome:
    """The proposal's next state after `step` by `actor`, or Refused.

    Segregation of duties: the one who proposed does not countersign their own proposal (the
    control would be no control), and the manager does not decide on a proposal they countersigned
    themselves (u.f.p. art. 54 ust. 1 pkt 3 gives the control to the chief accountant, art. 53
    ust. 1 the responsibility to the manager: two persons)."""
    if facts.state is not _FROM[step]:
        raise Refused(
            f"Wniosek jest w stanie „{STATE_LABELS[facts.state]}”: nie można go teraz {_VERB[step]}"
        )
    if step in (Step.ZWROT, Step.ODMOWA) and len(reason.strip()) < 3:
        raise Refused("Podaj powód (co najmniej 3 znaki)")
    if step in (Step.KONTRASYGNATA, Step.ZWROT) and actor == facts.proposed_by:
        raise Refused("Własnego wniosku nie kontroluje się: kontrasygnuje inna osoba")
    if step in (Step.ZATWIERDZENIE, Step.ODMOWA) and actor in (
        facts.proposed_by,
        facts.countersigned_by,
    ):
        raise Refused("Decyzję podejmuje kierownik, który nie proponował ani nie kontrasygnował")
    if step is Step.ZWROT:
        return Outcome(State.ZWROCONY, False)
    if step is Step.ODMOWA:
        return Outcome(State.ODRZUCONY, False)
    if step is Step.KONTRASYGNATA and facts.kind in MANAGER_DECIDES:
        return Outcome(State.DO_DECYZJI, False)
    return Outcome(State.WYKONANY, True)


_VERB = {
    Step.KONTRASYGNATA: "kontrasygnować",
    Step.ZWROT: "zwrócić",
    Step.ZATWIERDZENIE: "zatwierdzić",
    Step.ODMOWA: "odrzucić",
}
