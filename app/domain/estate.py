"""Issue 20 item 7: the debtor's death, the estate, its heirs, and the write-off for lack of an
estate. Pure: dates and grosze in, decisions out.

The law, for the non-tax budget receivables of public law (u.f.p. art. 60) this system collects:
- u.f.p. art. 67 ust. 1 sends what the act does not regulate to Dział III of the Ordynacja
  podatkowa, which holds art. 97-98: the heirs take over the deceased's property rights and
  duties (OP art. 97 § 1), and their liability follows the Kodeks cywilny on accepting an estate
  and on the liability for its debts (OP art. 98 § 1).
- KC art. 922: the debts pass to the heirs with the estate. KC art. 1030: before the acceptance
  the heir is liable with the estate only. KC art. 1031 § 2: an acceptance with the benefit of
  inventory (since 18.10.2015 also the default, art. 1015 § 2) limits it to the value of the
  estate's assets. KC art. 1034 § 1: until the estate is divided the heirs are liable jointly
  (solidarnie) for the estate's debts; § 2: after the division each is liable in proportion to
  their share.
- While no heir is known, nobody can be served: the automatic steps (reminders, titles in
  batches) pause; they resume once an heir is established (as OP art. 201 § 1 pkt 1 and
  art. 205a § 1 pkt 1 suspend and resume proceedings on a party's death).
- The write-off of a deceased debtor's receivable ex officio, in full: u.f.p. art. 64 ust. 1
  pkt 1 in connection with art. 56 ust. 1 pkt 1 ("osoba fizyczna zmarła, nie pozostawiając
  żadnego majątku albo pozostawiła majątek niepodlegający egzekucji na podstawie odrębnych
  przepisów, albo pozostawiła przedmioty codziennego użytku domowego, których łączna wartość nie
  przekracza kwoty 6000 zł"). Not OP art. 59, which only lists the ways an obligation ends;
  OP art. 67d (umorzenie z urzędu) does not apply where u.f.p. art. 64 regulates it (art. 67
  ust. 1: only "nieuregulowanych w niniejszej ustawie"). Source of the wording: the RIO stance
  published at gov.legalis.pl ("Brak możliwości automatycznego umorzenia należności z powodu
  śmierci właściciela pojazdu"), quoting u.f.p. art. 56 ust. 1 and art. 64 ust. 1. The 6000 zł is
  the dated parameter spadek_przedmioty_codziennego_uzytku.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

WRITE_OFF_BASIS = (
    "art. 64 ust. 1 pkt 1 w związku z art. 56 ust. 1 pkt 1 ustawy z dnia 27 sierpnia 2009 r. "
    "o finansach publicznych"
)
LIABILITY_BASIS = (
    "art. 97 § 1 i art. 98 § 1 Ordynacji podatkowej w związku z art. 67 ust. 1 ustawy o finansach "
    "publicznych; art. 922, 1030, 1031 § 2 i 1034 Kodeksu cywilnego"
)


class Ground(StrEnum):
    """u.f.p. art. 56 ust. 1 pkt 1: the three cases of a deceased natural person."""

    BRAK_MAJATKU = "brak_majatku"
    MAJATEK_WOLNY_OD_EGZEKUCJI = "majatek_wolny_od_egzekucji"
    PRZEDMIOTY_CODZIENNEGO_UZYTKU = "przedmioty_codziennego_uzytku"


GROUND_LABELS = {
    Ground.BRAK_MAJATKU: "zobowiązany zmarł, nie pozostawiając żadnego majątku",
    Ground.MAJATEK_WOLNY_OD_EGZEKUCJI: (
        "zobowiązany zmarł, pozostawiając majątek niepodlegający egzekucji"
    ),
    Ground.PRZEDMIOTY_CODZIENNEGO_UZYTKU: (
        "zobowiązany zmarł, pozostawiając jedynie przedmioty codziennego użytku domowego"
    ),
}


def death_error(died_on: date, today: date, born_on: date | None = None) -> str | None:
    """Why a date of death cannot be recorded, or None."""
    if died_on > today:
        return f"Data zgonu {died_on.isoformat()} jest późniejsza niż dzisiejsza"
    if born_on is not None and died_on < born_on:
        return "Data zgonu wcześniejsza niż data urodzenia z numeru PESEL"
    return None


def pause_reason(died_on: date, heirs: int) -> str | None:
    """The receivable's paused_reason while it follows the estate and no heir is known."""
    if heirs:
        return None
    return (
        f"zobowiązany zmarł {died_on.strftime('%d.%m.%Y')}: należność dochodzona od spadku, "
        "do ustalenia spadkobierców"
    )


def combine(*reasons: str | None) -> str | None:
    """Several pauses at once (a dispute and the estate): all shown, None when none."""
    parts = [r for r in reasons if r]
    return "; ".join(parts)[:200] if parts else None


@dataclass(frozen=True, slots=True)
class HeirShare:
    heir_id: int
    share: Fraction  # the heir's share in the estate (postanowienie / akt poświadczenia)


def shares_error(shares: Sequence[Fraction]) -> str | None:
    """The shares of all heirs are each in (0, 1] and sum to at most the whole estate."""
    if any(s <= 0 or s > 1 for s in shares):
        return "Udział spadkobiercy musi być ułamkiem z przedziału (0, 1]"
    if sum(shares, Fraction(0)) > 1:
        return "Suma udziałów spadkobierców przekracza całość spadku"
    return None


def liability(balance: int, heirs: Sequence[HeirShare], divided: bool) -> dict[int, int]:
    """What each heir can be asked for of a balance (grosze). Until the division of the estate
    every heir is liable for the whole (KC art. 1034 § 1, solidarnie); after it, in proportion to
    their share (§ 2): share × balance, the grosze left by rounding down going to the largest
    remainders first (then the lower id), so the parts of the whole estate add up to the balance."""
    if not divided:
        return {h.heir_id: balance for h in heirs}
    exact = {h.heir_id: h.share * balance for h in heirs}
    parts = {k: int(v) for k, v in exact.items()}
    whole = sum((h.share for h in heirs), Fraction(0)) == 1
    if whole:
        left = balance - sum(parts.values())
        order = sorted(exact, key=lambda k: (-(exact[k] - parts[k]), k))
        for k in order[:left]:
            parts[k] += 1
    return parts


def write_off_error(
    ground: Ground,
    died_on: date | None,
    decided_on: date,
    household_value: int | None,
    threshold: int,
) -> str | None:
    """Why the write-off for lack of an estate cannot be decided, or None (u.f.p. art. 56 ust. 1
    pkt 1): the debtor must be dead before the decision, and household items only up to the
    threshold (6000 zł)."""
    if died_on is None:
        return "Umorzenie z powodu braku spadku: najpierw odnotuj zgon zobowiązanego z datą"
    if decided_on < died_on:
        return "Data decyzji wcześniejsza niż data zgonu zobowiązanego"
    if ground == Ground.PRZEDMIOTY_CODZIENNEGO_UZYTKU:
        if household_value is None:
            return "Podaj łączną wartość przedmiotów codziennego użytku domowego"
        if household_value > threshold:
            return (
                "Wartość przedmiotów codziennego użytku przekracza próg art. 56 ust. 1 pkt 1 "
                "u.f.p.: umorzenie z tej przyczyny jest niedopuszczalne"
            )
    return None
