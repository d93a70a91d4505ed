"""When a letter is legally delivered: the way it reached the debtor and the facts on the receipt
decide the day every deadline runs from (KPA art. 39–49, 57; ustawa z 18.11.2020 o doręczeniach
elektronicznych, "u.d.e.", art. 41–42). Pure: the periods come in as parameters (dated rows with
their source, migration 2026-12-06-1500), no clock.

Decision on KPA art. 57 §4 and the deemed delivery of art. 44 §4 (researched for issue 17):
art. 44 §4 says the letter is deemed delivered "z upływem ostatniego dnia okresu, o którym mowa
w § 1" – the 14 days the post office keeps the letter. That is a period of storage fixed by the
statute, not a term for a party or the authority to perform an act; art. 57 §4 (a term ending on a
day off or a Saturday ends on the next working day – Saturday added by the amendment in force
since 1.06.2017, after NSA I OPS 1/11 of 15.06.2011) moves the end of terms "do dokonania
czynności", so it does not move the day of the fiction. The deemed day is therefore the 14th day
after the first notice even when that is a Sunday or a holiday. The terms that run FROM the
delivery (7 days of the upomnienie, 14 days of the demand) then end on a working day by their own
rule (OP art. 12 §5, app/domain/deadlines.py). No resolution of the NSA on this exact point was
found in the material reachable here; the card names the deemed day and its basis, so a
specialist can see it. The same holds for the 14 days of u.d.e. art. 42 ust. 2."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Method(StrEnum):
    OSOBISCIE = "osobiscie"  # to the addressee's own hands by our employee (KPA art. 39 §2, 42)
    ZPO = "zpo"  # by post, the addressee signed the return receipt (KPA art. 39, 42 §1)
    DOMOWNIK = "domownik"  # substitute recipient (KPA art. 43)
    AWIZO = "awizo"  # not collected after two notices (KPA art. 44)
    ODMOWA = "odmowa"  # refused (KPA art. 47)
    ZWROT = "zwrot"  # returned, addressee unknown at the address: not delivered
    E_DORECZENIE = "e_doreczenie"  # to the ADE in the BAE register (KPA art. 39; u.d.e. art. 41–42)


class Substitute(StrEnum):
    """Who took the letter in the addressee's absence (KPA art. 43)."""

    DOMOWNIK = "domownik"  # dorosły domownik
    SASIAD = "sasiad"
    DOZORCA = "dozorca"  # dozorca domu (the building manager)


METHOD_LABELS = {
    Method.OSOBISCIE: "do rąk własnych (osobiście)",
    Method.ZPO: "poczta – ZPO podpisane przez adresata",
    Method.DOMOWNIK: "doręczenie zastępcze (domownik, sąsiad, dozorca)",
    Method.AWIZO: "awizo – niepodjęte po dwukrotnym zawiadomieniu",
    Method.ODMOWA: "odmowa przyjęcia",
    Method.ZWROT: "zwrot – adresat nieznany pod adresem",
    Method.E_DORECZENIE: "e-Doręczenie (adres do doręczeń elektronicznych)",
}

SUBSTITUTE_LABELS = {
    Substitute.DOMOWNIK: "dorosły domownik",
    Substitute.SASIAD: "sąsiad",
    Substitute.DOZORCA: "dozorca domu",
}


class DeliveryFactsError(ValueError):
    """The facts given cannot make a delivery of this way; `field` names the one to fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True, slots=True)
class DeliveryFacts:
    """What the receipt (ZPO, the returned envelope, the e-delivery proof) says."""

    method: Method
    signed_on: date | None = None  # osobiscie, zpo, domownik: the date on the receipt
    substitute: Substitute | None = None  # domownik: who took it
    addressee_notified: bool = False  # art. 43: a neighbour or manager → notice left
    first_notice_on: date | None = None  # awizo: the first notice (art. 44 §2)
    second_notice_on: date | None = None  # awizo: the second notice (art. 44 §3)
    refused_on: date | None = None  # odmowa
    returned_on: date | None = None  # zwrot: the day the letter came back
    received_on: date | None = None  # e-doręczenie: odebranie (u.d.e. art. 41 ust. 1 pkt 1)
    arrived_on: date | None = None  # e-doręczenie: wpłynięcie to the ADE (art. 41 ust. 3)


@dataclass(frozen=True, slots=True)
class Periods:
    """The statutory periods, from the parameter table on the day of the delivery."""

    awizo_days: int | None  # KPA art. 44 §1: 14 days of storage
    e_delivery_days: int | None  # u.d.e. art. 41 ust. 1 pkt 3 / art. 42 ust. 2: 14 days; None
    # before the act was in force (5.10.2021)


@dataclass(frozen=True, slots=True)
class Effect:
    """effective_on None: not delivered (zwrot). deemed: a legal fiction, not a signature."""

    effective_on: date | None
    deemed: bool
    basis: str


def effect(facts: DeliveryFacts, periods: Periods) -> Effect:
    """The legally effective day of delivery, or "not delivered"; raises DeliveryFactsError."""
    return _RULES[facts.method](facts, periods)


def _required(value: date | None, field: str, what: str) -> date:
    if value is None:
        raise DeliveryFactsError(field, f"Podaj {what}")
    return value


def _signed(facts: DeliveryFacts, _periods: Periods) -> Effect:
    day = _required(facts.signed_on, "signed_on", "datę doręczenia z potwierdzenia odbioru")
    basis = (
        "KPA art. 42 §1 – doręczenie do rąk adresata, data z potwierdzenia odbioru"
        if facts.method is Method.ZPO
        else "KPA art. 39 §2, art. 42 §1 – doręczenie do rąk własnych przez pracownika"
    )
    return Effect(day, False, basis)


def _substitute(facts: DeliveryFacts, _periods: Periods) -> Effect:
    day = _required(facts.signed_on, "signed_on", "datę doręczenia z potwierdzenia odbioru")
    if facts.substitute is None:
        raise DeliveryFactsError("substitute", "Wskaż, komu doręczono pismo (art. 43 KPA)")
    if facts.substitute is not Substitute.DOMOWNIK and not facts.addressee_notified:
        # KPA art. 43 zd. 2: a delivery to a neighbour or the manager needs the notice.
        raise DeliveryFactsError(
            "addressee_notified",
            "Przy doręczeniu sąsiadowi lub dozorcy adresata zawiadamia się o tym "
            "(art. 43 KPA): potwierdź zawiadomienie",
        )
    who = SUBSTITUTE_LABELS[facts.substitute]
    return Effect(day, False, f"KPA art. 43 – doręczenie zastępcze ({who}) w dniu pokwitowania")


def _awizo(facts: DeliveryFacts, periods: Periods) -> Effect:
    first = _required(facts.first_notice_on, "first_notice_on", "datę pierwszego awizo")
    days = _period(periods.awizo_days, "first_notice_on")
    if facts.second_notice_on is not None and not (
        first < facts.second_notice_on <= first + timedelta(days=days)
    ):
        raise DeliveryFactsError(
            "second_notice_on",
            "Powtórne awizo musi przypadać po pierwszym, w okresie przechowania (art. 44 §3 KPA)",
        )
    # KPA art. 44 §1, §4: 14 days counted from the day after the first notice (KC art. 111 §2
    # through KPA art. 57 §1); delivered with the lapse of the last of them – no shift (above).
    deemed = first + timedelta(days=days)
    return Effect(
        deemed,
        True,
        f"KPA art. 44 §4 – doręczenie zastępcze z upływem {days} dni od pierwszego "
        f"awizo ({first:%d.%m.%Y})",
    )


def _period(days: int | None, field: str) -> int:
    if days is None:
        raise DeliveryFactsError(field, "Ten sposób doręczenia nie był przewidziany w tym dniu")
    return days


def _refused(facts: DeliveryFacts, _periods: Periods) -> Effect:
    day = _required(facts.refused_on, "refused_on", "datę odmowy przyjęcia pisma")
    return Effect(day, True, "KPA art. 47 §2 – pismo uważa się za doręczone w dniu odmowy")


def _returned(facts: DeliveryFacts, _periods: Periods) -> Effect:
    _required(facts.returned_on, "returned_on", "datę zwrotu przesyłki")
    return Effect(None, False, "nie doręczono – adresat nieznany pod adresem; ustalić adres")


def _electronic(facts: DeliveryFacts, periods: Periods) -> Effect:
    arrived, received = facts.arrived_on, facts.received_on
    if arrived is None and received is None:
        raise DeliveryFactsError(
            "received_on", "Podaj datę odebrania albo datę wpłynięcia z dowodu otrzymania"
        )
    if arrived is not None and received is not None and received < arrived:
        raise DeliveryFactsError("received_on", "Odebranie nie może poprzedzać wpłynięcia")
    days = _period(periods.e_delivery_days, "arrived_on" if arrived else "received_on")
    deemed = arrived + timedelta(days=days + 1) if arrived else None
    if received is not None and (deemed is None or received < deemed):
        # u.d.e. art. 41 ust. 1 pkt 1, art. 42 ust. 1 pkt 1: delivered when picked up.
        return Effect(received, False, "u.d.e. art. 42 ust. 1 pkt 1 – odebranie z adresu ADE")
    assert deemed is not None
    assert arrived is not None
    # u.d.e. art. 41 ust. 1 pkt 3, art. 42 ust. 2: not picked up – delivered on the day after
    # the lapse of 14 days from the day it arrived at the ADE.
    return Effect(
        deemed,
        True,
        f"u.d.e. art. 42 ust. 2 – nieodebrane: doręczone w dniu następującym po upływie "
        f"{days} dni od wpłynięcia ({arrived:%d.%m.%Y})",
    )


_RULES = {
    Method.OSOBISCIE: _signed,
    Method.ZPO: _signed,
    Method.DOMOWNIK: _substitute,
    Method.AWIZO: _awizo,
    Method.ODMOWA: _refused,
    Method.ZWROT: _returned,
    Method.E_DORECZENIE: _electronic,
}


def event_dates(facts: DeliveryFacts) -> list[date]:
    """Every date the facts carry: none may precede the letter or follow today (the service
    checks them against both)."""
    return [
        d
        for d in (
            facts.signed_on,
            facts.first_notice_on,
            facts.second_notice_on,
            facts.refused_on,
            facts.returned_on,
            facts.received_on,
            facts.arrived_on,
        )
        if d is not None
    ]


ELECTRONIC, PAPER = "elektroniczny", "papier"


@dataclass(frozen=True, slots=True)
class Route:
    channel: str  # ELECTRONIC | PAPER
    reason: str


def route(ade: str | None, e_delivery_applies: bool) -> Route:
    """The day's letter goes to the debtor's ADE when there is one and public entities deliver
    electronically on that day (u.d.e. art. 155; parameter e_doreczenia_stosowanie); otherwise on
    paper, registered with a return receipt (KPA art. 39 §2)."""
    if ade and e_delivery_applies:
        return Route(ELECTRONIC, "adres do doręczeń elektronicznych w BAE")
    if ade:
        return Route(PAPER, "przed dniem stosowania e-Doręczeń przez podmioty publiczne")
    return Route(PAPER, "brak adresu do doręczeń elektronicznych: list polecony za ZPO")
