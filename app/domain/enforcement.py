"""The road to enforcement as the kind's rules: which legal step comes next for a receivable, and
why a reminder or a title may not be issued yet (issue 16 item 8). Pure: the caller passes the
facts it has read; nothing here knows the database or the clock.

Kinds whose amount is fixed by an administrative decision (KindRules.decision_required) reach
enforcement only on a final decision:

- the alimony fund: the debtor returns the benefits paid out with statutory interest (art. 27
  ust. 1 and 1a of the ustawa z 7.09.2007 o pomocy osobom uprawnionym do alimentów, u.p.o.u.a.);
  the amount is fixed by a decision of the debtor's competent authority (organ właściwy dłużnika:
  the wójt, burmistrz or prezydent miasta of the debtor's residence, art. 2 pkt 9) on the
  reimbursement, issued after the benefit period and obliging the debtor to pay within the term
  it sets (art. 27; e.g. the procedure published by GOPS Modliborzyce: "Po zakończeniu okresu
  świadczeniowego dłużnik alimentacyjny otrzymuje decyzję ustalającą wysokość jego zadłużenia …
  oraz zobowiązującą do zwrotu wskazanej kwoty w określonym terminie",
  https://modliborzyce.pl/gops/2016-02-19-08-43-11/dodatkowe-informacje.html);
- benefits received without right (art. 23 u.p.o.u.a.; art. 30 of the ustawa z 28.11.2003
  o świadczeniach rodzinnych, u.ś.r.): the decision "o ustaleniu i zwrocie" that became final is
  also the anchor of their limitation.

A decision becomes final (ostateczna) when no appeal lies from it: 14 days after its delivery
(KPA art. 129 §2, art. 16 §1) unless appealed, or on the delivery of the appeal authority's
decision. The specialist records that day from the file (an appeal moves it). From then the
decision's payment term runs; after it, the pecuniary obligation is enforced administratively
(u.p.e.a. art. 2 §1 pkt 1 and 2; art. 23 ust. 6 u.p.o.u.a.; art. 30 u.ś.r.) and enforcement needs
a reminder first (u.p.e.a. art. 15 §1: "Wierzyciel … jest obowiązany przesłać zobowiązanemu
upomnienie"), unless the kind is one of the exceptions of the regulation of the Minister of
Finance of 30.10.2014 (KindRules.reminder_required = False). Then the title (u.p.e.a. art. 26,
7 days after the reminder's delivery)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.deadlines import due_from, term_end, title_allowed_from
from app.domain.kinds import KindRules
from app.domain.lifecycle import CLOSED_STATES, State
from app.domain.money import format_amount

# KPA art. 129 §2: an appeal within 14 days of the decision's delivery. With none, the decision is
# final from the day after that term (the term's last day shifted to a working day, KPA art. 57
# §5). Used only to tell the specialist from when to look: the finality date itself is a fact.
APPEAL_DAYS = 14


@dataclass(frozen=True, slots=True)
class EnforcementFacts:
    """What the next step depends on, as of a day."""

    state: State
    decision_ref: str | None = None
    decision_issued_on: date | None = None
    decision_delivered_on: date | None = None
    decision_final_on: date | None = None
    payment_term_ends_on: date | None = None
    demand_issued: bool = True  # a wezwanie do zapłaty exists (receivables created by the form)
    reminder_issued: bool = False
    reminder_term_ends_on: date | None = None


@dataclass(frozen=True, slots=True)
class NextStep:
    code: str  # stable, for the API
    text: str  # Polish, for the card
    basis: str  # the provision it rests on
    from_day: date | None = None  # the first day it may be done, when known


def decision_term_end(final_on: date, days: int) -> date:
    """The decision's payment term when it does not name its own day: `days` days from the day it
    became final (the day itself not counted, OP art. 12 §1 / KPA art. 57 §1; a last day on a
    Saturday or a day off moves to the next working day, art. 12 §5 / art. 57 §5)."""
    return term_end(final_on, days)


def appeal_term_over(delivered_on: date) -> date:
    """The first day a decision delivered on `delivered_on` can be final without an appeal."""
    return term_end(delivered_on, APPEAL_DAYS) + timedelta(days=1)


def _decision_missing(rules: KindRules, f: EnforcementFacts) -> NextStep | None:
    if not rules.decision_required or f.decision_final_on is not None:
        return None
    if f.decision_ref is None:
        return NextStep(
            "decyzja",
            "Zapisz decyzję ustalającą należność i zobowiązującą do zwrotu (numer, data wydania,"
            " doręczenia i dzień, w którym stała się ostateczna); bez ostatecznej decyzji nie ma"
            " upomnienia ani tytułu wykonawczego",
            f"{rules.legal_basis}; u.p.e.a. art. 3 § 1, art. 15 § 1",
        )
    if f.decision_delivered_on is None:
        return NextStep(
            "doreczenie_decyzji",
            f"Zapisz doręczenie decyzji {f.decision_ref}: od niego biegnie termin odwołania",
            "KPA art. 129 § 2",
        )
    return NextStep(
        "decyzja_ostateczna",
        f"Zapisz dzień, w którym decyzja {f.decision_ref} stała się ostateczna (bez odwołania:"
        " po 14 dniach od doręczenia; po odwołaniu: doręczenie decyzji organu odwoławczego)",
        "KPA art. 16 § 1, art. 129 § 2",
        appeal_term_over(f.decision_delivered_on),
    )


def reminder_refusal(rules: KindRules, f: EnforcementFacts, on: date) -> str | None:
    """Why a reminder may not be issued on `on`, in Polish; None when it may."""
    if f.state is not State.WYMAGALNA and f.state is not State.UPOMNIENIE:
        return f"stan „{f.state.value}”: upomnienie tylko dla należności wymagalnej"
    missing = _decision_missing(rules, f)
    if missing is not None:
        return missing.text
    term = f.payment_term_ends_on
    if term is None:
        return "nie zapisano doręczenia wezwania: termin płatności nie biegnie"
    if on <= term:
        return (
            f"termin płatności upływa {term.isoformat()}: upomnienie najwcześniej "
            f"{due_from(term).isoformat()}"
        )
    return None


def next_step(rules: KindRules, f: EnforcementFacts, as_of: date) -> NextStep:
    """The next thing the law requires for this receivable, as the card shows it."""
    if f.state in CLOSED_STATES:
        return NextStep("brak", f"Sprawa zamknięta (stan „{f.state.value}”)", "")
    if f.state is State.RATY:
        return NextStep(
            "raty",
            "Pilnuj terminów rat: niezapłacona rata przywraca postępowanie",
            "OP art. 49; przegląd dzienny",
        )
    if f.state is State.TYTUL_WYKONAWCZY:
        return NextStep(
            "egzekucja",
            "Tytuł wykonawczy wystawiony: przekaż go organowi egzekucyjnemu i zawiadamiaj o"
            " wpłatach",
            "u.p.e.a. art. 26 § 1, art. 26a",
        )
    missing = _decision_missing(rules, f)
    if missing is not None:
        return missing
    term = f.payment_term_ends_on
    if f.state is State.WYSTAWIONA or term is None or as_of <= term:
        if term is None:
            return NextStep(
                "doreczenie_wezwania",
                "Zapisz doręczenie wezwania do zapłaty: od niego biegnie termin płatności",
                "instrukcja § 3.1; OP art. 12",
            )
        return NextStep(
            "termin_platnosci",
            f"Czekaj na upływ terminu płatności ({term.isoformat()}); upomnienie od dnia"
            " następnego",
            "u.p.e.a. art. 15 § 1",
            due_from(term),
        )
    if f.state is State.WYMAGALNA:
        if rules.reminder_required:
            return NextStep(
                "upomnienie",
                "Wystaw upomnienie (7 dni na zapłatę od doręczenia, pod rygorem egzekucji)",
                "u.p.e.a. art. 15 § 1",
                due_from(term),
            )
        return NextStep(
            "tytul",
            "Wystaw tytuł wykonawczy (rodzaj należności nie wymaga upomnienia)",
            "u.p.e.a. art. 26 § 1; rozporządzenie MF z 30.10.2014",
            due_from(term),
        )
    # State.UPOMNIENIE
    if f.reminder_term_ends_on is None:
        return NextStep(
            "doreczenie_upomnienia",
            "Zapisz doręczenie upomnienia: od niego biegnie 7 dni na zapłatę",
            "u.p.e.a. art. 15 § 1",
        )
    allowed = title_allowed_from(f.reminder_term_ends_on)
    if as_of < allowed:
        return NextStep(
            "termin_upomnienia",
            f"Czekaj na upływ 7 dni od doręczenia upomnienia; tytuł wykonawczy od"
            f" {allowed.isoformat()}",
            "u.p.e.a. art. 15 § 1, art. 26 § 1",
            allowed,
        )
    return NextStep(
        "tytul",
        "Wystaw tytuł wykonawczy",
        "u.p.e.a. art. 26 § 1",
        allowed,
    )


# --- deduction from benefits currently paid (potrącenie) ----------------------------------------


class DeductionRefused(ValueError):
    """A deduction the act does not allow; the message is Polish, for the specialist."""


def deduction_limit(benefit_paid: int, percent: int, balance: int) -> int:
    """The most that may be deducted from one payment of a benefit: `percent` % of that payment
    (the dated parameter of the kind, rounded down to the grosz: never more than the act
    allows), and never more than the balance owed on that day."""
    if benefit_paid <= 0:
        raise DeductionRefused(
            "Kwota świadczenia, z którego potrąca się należność, musi być dodatnia"
        )
    return max(0, min(benefit_paid * percent // 100, balance))


def check_deduction(
    amount: int,
    *,
    benefit_paid: int,
    percent: int,
    balance: int,
    decision_final_on: date | None,
    deducted_on: date,
) -> None:
    """Art. 30 u.ś.r. (and art. 23 u.p.o.u.a. for the fund): the amounts "ustalone ostateczną
    decyzją podlegają potrąceniu" from the benefits paid out: only after the decision is final,
    within the limit of deduction_limit."""
    if decision_final_on is None or deducted_on < decision_final_on:
        raise DeductionRefused(
            "Potrącenie dopiero po dniu, w którym decyzja ustalająca należność stała się ostateczna"
        )
    if amount <= 0:
        raise DeductionRefused("Kwota potrącenia musi być dodatnia")
    limit = deduction_limit(benefit_paid, percent, balance)
    if amount > limit:
        raise DeductionRefused(
            f"Potrącenie ponad limit: najwyżej {format_amount(limit)} zł ({percent} % świadczenia"
            f" {format_amount(benefit_paid)} zł, nie więcej niż saldo {format_amount(balance)} zł)"
        )
