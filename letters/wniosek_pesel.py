"""Wniosek o udostępnienie danych jednostkowych z rejestru mieszkańców oraz rejestru PESEL: the
request a returned letter leads to (issue 17 item 5).

Legal basis: ustawa z 24.09.2010 o ewidencji ludności, art. 46 ust. 1 (data for public units in
the scope their statutory tasks need, free of charge), art. 47 ust. 1–1a (a written request to one
organ of any commune); the form: rozporządzenie Ministra Cyfryzacji z 14.07.2022 w sprawie
określenia wzorów wniosków o udostępnienie danych z rejestru mieszkańców i rejestru PESEL
(Dz.U. 2022 poz. 1493), załącznik nr 1. The graphic layout of that annex was not reachable here:
the printout follows its title and the parts the regulation and art. 47 require (applicant, legal
basis, the person the request concerns with the data identifying them, the data requested, the
way of answering, date and signature), in that order, with the tick boxes filled.

Research of 2026-12-06 (`search` tool): the regulation is confirmed – rozporządzenie Ministra
Cyfryzacji z 14.07.2022 (Dz.U. 2022 poz. 1493), issued under art. 52 of the ustawa o ewidencji
ludności, in force from 14.07.2022; załącznik nr 1 = the request for unit data (jednostkowe) from
the rejestr mieszkańców and rejestr PESEL, nr 2 and 3 = teletransmission requests (e-pik.pl,
gov.legalis.pl; BIP cards of Konin and Jaktorów cite it as the form in use; it replaced
Dz.U. 2018 poz. 2523 and Dz.U. 2011 nr 243 poz. 1450). Art. 47 ust. 1 (written request, signed
by hand or with a qualified / trusted / personal signature) and ust. 1a (one organ of any
commune): prawnik.cc. The annex's own fields and their numbering were NOT found (queries: "wzór
wniosku o udostępnienie danych z rejestru PESEL rozporządzenie art. 46", "Dz.U. 2022 poz. 1493
załącznik nr 1 …", "WNIOSEK O UDOSTĘPNIENIE DANYCH JEDNOSTKOWYCH … instrukcja wypełniania",
"ZAŁĄCZNIK Nr 1 WZÓR …"; find_string "2022 poz. 1493", "DANYCH JEDNOSTKOWYCH Z REJESTRU
MIESZKAŃCÓW" – no hits); the printout is therefore not claimed to reproduce the annex. A commune's
card (bip.goldap.pl) asks, beyond the name, for the parents' names, the date and place of birth,
the PESEL or the ID card number to identify the person sought; the PESEL and the birth date are
printed here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import Flowable, Spacer

from app.domain.documents import Creditor, Signatory
from letters.blocks import Lines, SectionBar, kv_table, signature, two_columns
from letters.format import day, long_date
from letters.pages import Marker, build_pdf

TITLE = "WNIOSEK O UDOSTĘPNIENIE DANYCH JEDNOSTKOWYCH Z REJESTRU MIESZKAŃCÓW ORAZ REJESTRU PESEL"
TICK, EMPTY = "[X]", "[  ]"


@dataclass(frozen=True, slots=True)
class PeselRequest:
    number: str  # our case mark, e.g. "UA/3/2025"
    issued_on: date
    applicant: Creditor
    signatory: Signatory
    commune_office: str  # the organ of the commune the request goes to
    last_name: str
    first_name: str
    pesel: str | None
    birth_date: date | None
    last_address: str
    purpose: str  # the public task the data are needed for


def _tick(on: bool) -> str:
    return TICK if on else EMPTY


def story(r: PeselRequest) -> list[Flowable]:
    a = r.applicant
    person = [
        ("Nazwisko", r.last_name),
        ("Imię (imiona)", r.first_name),
        ("Numer PESEL", r.pesel or "—"),
        ("Data urodzenia", day(r.birth_date) if r.birth_date else "—"),
        ("Ostatni znany adres", r.last_address),
    ]
    scope = [
        (_tick(True), "adres zameldowania na pobyt stały"),
        (_tick(True), "adres zameldowania na pobyt czasowy"),
        (_tick(True), "data zgonu (jeżeli osoba zmarła)"),
        (_tick(False), "inne dane"),
    ]
    return [
        Marker("", f"Wniosek PESEL {r.number}"),
        two_columns(
            Lines([a.name, a.address.street, f"{a.address.postal_code} {a.address.city}"]),
            Lines(
                [f"{a.address.city}, {long_date(r.issued_on)}", f"znak: {r.number}"], align="right"
            ),
            0.6,
        ),
        Spacer(1, 6),
        Lines([r.commune_office], bold=True, caption="Organ gminy (art. 47 ust. 1a ustawy):"),
        Spacer(1, 6),
        Lines([TITLE], size=11, bold=True, align="center"),
        Lines(
            [
                "(wzór: załącznik nr 1 do rozporządzenia Ministra Cyfryzacji z 14.07.2022, "
                "Dz.U. 2022 poz. 1493)"
            ],
            size=7.5,
            align="center",
        ),
        SectionBar("1. DANE WNIOSKODAWCY"),
        kv_table(
            [
                ("Nazwa", a.name),
                ("Adres siedziby", a.address.one_line()),
                *(("NIP", a.nip),) * bool(a.nip),
                *(("REGON", a.regon),) * bool(a.regon),
            ]
        ),
        SectionBar("2. PODSTAWA PRAWNA UDOSTĘPNIENIA DANYCH"),
        kv_table(
            [
                (
                    _tick(True),
                    "art. 46 ust. 1 ustawy z dnia 24 września 2010 r. o ewidencji ludności – "
                    "samorządowa jednostka organizacyjna, w zakresie niezbędnym do realizacji "
                    "zadań publicznych określonych w odrębnych przepisach",
                ),
                (_tick(False), "art. 46 ust. 2 pkt 1 – interes prawny"),
                (_tick(False), "art. 46 ust. 2 pkt 3 – interes faktyczny"),
            ],
            label_width=40,
        ),
        kv_table([("Zadanie publiczne, do którego dane są niezbędne", r.purpose)]),
        SectionBar("3. DANE OSOBY, KTÓREJ DOTYCZY WNIOSEK"),
        kv_table(person),
        SectionBar("4. ZAKRES WNIOSKOWANYCH DANYCH"),
        kv_table(scope, label_width=40),
        SectionBar("5. SPOSÓB PRZEKAZANIA DANYCH"),
        kv_table(
            [
                (_tick(True), "na piśmie, na adres wnioskodawcy"),
                (_tick(False), "w postaci elektronicznej, na adres do doręczeń elektronicznych"),
            ],
            label_width=40,
        ),
        Lines(
            [
                "Udostępnienie danych podmiotom, o których mowa w art. 46 ust. 1 ustawy, "
                "jest nieodpłatne."
            ],
            size=8,
        ),
        signature(r.signatory),
    ]


def render(r: PeselRequest) -> bytes:
    return build_pdf(
        story(r), title=f"Wniosek o udostępnienie danych – {r.number}", author=r.applicant.name
    )
