"""Whom to report to a credit bureau (BIG) and to the Krajowy Rejestr Zadłużonych (KRZ), and whom to
take off: art. 8a ust. 1 of the ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do
alimentów (u.p.o.u.a.).

BIG, art. 8a ust. 1 pkt 1; seed 001, annex 8: information "o zobowiązaniu lub zobowiązaniach
dłużnika alimentacyjnego wynikających z tytułów, o których mowa w art. 28 ust. 1 pkt 1 i 2,
w razie powstania zaległości za okres dłuższy niż 6 miesięcy" (fund and advance receivables only).
Annex 9 pt 7: the debtor is told that the information has been passed on, so every BIG entry also
means a notice.

KRZ, art. 8a ust. 1 pkt 2; seed 000: persons "wobec których toczy się egzekucja należności budżetu
państwa powstałych z tytułu świadczeń wypłacanych w przypadku bezskuteczności egzekucji alimentów"
(= świadczenia z funduszu alimentacyjnego, art. 1 ust. 1 pkt 2), i.e. fund receivables under
enforcement. DOMAIN.md adds "arrears over 3 months"; KRZ_ARREARS_MONTHS keeps that as a parameter.

"Arrears older than N months" means: the oldest unpaid tranche's due date lies more than N months
before as_of, N months counted as KC art. 112 counts them. A fund tranche is due on the day it was
paid out (interest — the delay — runs from the next day, art. 27 ust. 1a). Due 15 January: on
15 July the arrears are exactly 6 months old, from 16 July "longer than 6 months".

Once entered, a debtor stays while anything is owed on the register's claims (and, for KRZ, while
enforcement is under way), even if the oldest unpaid tranche becomes younger than N months: the
register follows the debt, and entering and removing the same person month by month would serve
nobody. A changed amount is an update.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from app.domain.alimony_claims import ClaimType
from app.domain.alimony_history import add_months
from app.domain.documents import DebtorData
from app.domain.money import Grosze

ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"
BIG_ARREARS_MONTHS = 6  # art. 8a ust. 1 pkt 1: "za okres dłuższy niż 6 miesięcy"
KRZ_ARREARS_MONTHS = 3  # DOMAIN.md "arrears over 3 months"; the statute names no period for OPS


class Register(StrEnum):
    BIG = "big"
    KRZ = "krz"


class RemovalReason(StrEnum):
    SPLATA = "splata"  # nothing owed: paid
    UMORZENIE = "umorzenie"  # nothing owed: written off
    EGZEKUCJA_ZAKONCZONA = "egzekucja_zakonczona"  # KRZ only: enforcement no longer under way


@dataclass(frozen=True, slots=True)
class Arrear:
    """What is left unpaid of one tranche (see alimony_claims.outstanding_tranches)."""

    claim: ClaimType
    due_on: date
    principal: Grosze
    interest: Grosze = 0


@dataclass(frozen=True, slots=True)
class DebtorArrears:
    """The facts about one debtor that both registers read, gathered by the service."""

    debtor_id: str
    debtor: DebtorData  # name, PESEL, address: what the register's form asks for
    arrears: tuple[Arrear, ...] = ()
    in_big: bool = False
    big_amount: Grosze | None = None  # the amount last reported
    in_krz: bool = False
    krz_amount: Grosze | None = None
    enforcement_pending: bool = False  # egzekucja należności funduszu toczy się
    enforcement_authority: str | None = None  # organ egzekucyjny, for the KRZ form
    written_off: bool = False  # the balance was cleared by umorzenie, not by payment


@dataclass(frozen=True, slots=True)
class RegisterEntry:
    debtor_id: str
    debtor: DebtorData
    amount: Grosze  # principal + interest owed on the register's claims as of as_of
    oldest_due_on: date
    legal_basis: str
    enforcement_authority: str | None
    missing: tuple[str, ...]  # form fields we do not have: "pesel", "address"


@dataclass(frozen=True, slots=True)
class RegisterRemoval:
    debtor_id: str
    debtor: DebtorData
    reason: RemovalReason


@dataclass(frozen=True, slots=True)
class RegisterPlan:
    register: Register
    as_of: date
    enter: tuple[RegisterEntry, ...]  # for BIG: report, and send the debtor the notice
    update: tuple[RegisterEntry, ...]  # still listed, amount changed
    remove: tuple[RegisterRemoval, ...]
    keep: tuple[str, ...]  # debtor ids listed and unchanged


@dataclass(frozen=True, slots=True)
class _Rule:
    register: Register
    claims: frozenset[ClaimType]
    months: int
    needs_enforcement: bool
    legal_basis: str


def oldest_due_on(arrears: Iterable[Arrear]) -> date | None:
    return min((a.due_on for a in arrears if a.principal + a.interest > 0), default=None)


def arrears_older_than(arrears: Iterable[Arrear], months: int, as_of: date) -> bool:
    oldest = oldest_due_on(arrears)
    return oldest is not None and as_of > add_months(oldest, months)


def _missing(debtor: DebtorData) -> tuple[str, ...]:
    fields = {"pesel": debtor.pesel, "address": debtor.address}
    return tuple(name for name, value in fields.items() if not value)


def _listed(rule: _Rule, facts: DebtorArrears) -> tuple[bool, Grosze | None]:
    if rule.register is Register.BIG:
        return facts.in_big, facts.big_amount
    return facts.in_krz, facts.krz_amount


def _removal_reason(rule: _Rule, facts: DebtorArrears, owed: Grosze) -> RemovalReason | None:
    if owed == 0:
        return RemovalReason.UMORZENIE if facts.written_off else RemovalReason.SPLATA
    if rule.needs_enforcement and not facts.enforcement_pending:
        return RemovalReason.EGZEKUCJA_ZAKONCZONA
    return None


def _entry(
    rule: _Rule, facts: DebtorArrears, mine: Sequence[Arrear], owed: Grosze
) -> RegisterEntry:
    oldest = oldest_due_on(mine)
    if oldest is None:  # unreachable: callers pass owed > 0
        raise ValueError("Brak zaległości do zgłoszenia")
    authority = facts.enforcement_authority if rule.needs_enforcement else None
    return RegisterEntry(
        facts.debtor_id,
        facts.debtor,
        owed,
        oldest,
        rule.legal_basis,
        authority,
        _missing(facts.debtor),
    )


def _plan(rule: _Rule, debtors: Iterable[DebtorArrears], as_of: date) -> RegisterPlan:
    enter: list[RegisterEntry] = []
    update: list[RegisterEntry] = []
    remove: list[RegisterRemoval] = []
    keep: list[str] = []
    for facts in debtors:
        mine = [a for a in facts.arrears if a.claim in rule.claims]
        owed = sum(a.principal + a.interest for a in mine)
        listed, listed_amount = _listed(rule, facts)
        reason = _removal_reason(rule, facts, owed)
        if listed and reason is not None:
            remove.append(RegisterRemoval(facts.debtor_id, facts.debtor, reason))
        elif listed and owed == listed_amount:
            keep.append(facts.debtor_id)
        elif listed:
            update.append(_entry(rule, facts, mine, owed))
        elif reason is None and arrears_older_than(mine, rule.months, as_of):
            enter.append(_entry(rule, facts, mine, owed))
    return RegisterPlan(
        rule.register, as_of, tuple(enter), tuple(update), tuple(remove), tuple(keep)
    )


def big_plan(
    debtors: Iterable[DebtorArrears], as_of: date, *, months: int = BIG_ARREARS_MONTHS
) -> RegisterPlan:
    rule = _Rule(
        Register.BIG,
        frozenset({ClaimType.FUNDUSZ_ALIMENTACYJNY, ClaimType.ZALICZKA_ALIMENTACYJNA}),
        months,
        needs_enforcement=False,
        legal_basis=f"art. 8a ust. 1 pkt 1 {ACT}",
    )
    return _plan(rule, debtors, as_of)


def krz_plan(
    debtors: Iterable[DebtorArrears], as_of: date, *, months: int = KRZ_ARREARS_MONTHS
) -> RegisterPlan:
    rule = _Rule(
        Register.KRZ,
        frozenset({ClaimType.FUNDUSZ_ALIMENTACYJNY}),
        months,
        needs_enforcement=True,
        legal_basis=f"art. 8a ust. 1 pkt 2 {ACT}",
    )
    return _plan(rule, debtors, as_of)
