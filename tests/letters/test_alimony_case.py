"""The letters of the procedure against an alimony debtor (issue 18; seed 001, annex 9): each PDF
carries its required parts, read back with pypdf."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from letters.alimony_case import CaseLetter, EvasionRow, render
from tests.letters.pdfcheck import fonts, text
from tests.letters.samples import CREDITOR, DEBTOR, SIGNATORY

BASE = CaseLetter(
    kind="wezwanie-na-wywiad",
    creditor=CREDITOR,
    organ="Wójt Gminy Wola Krzysztoporska",
    debtor=DEBTOR,
    issued_on=date(2026, 9, 3),
    case_ref="FA-D/7/2026",
    signatory=SIGNATORY,
)
MONTHS = tuple(
    EvasionRow(f"2026-{m:02d}", 50000, 25000 if m < 10 else 0, m < 10) for m in range(5, 11)
)

COMMON = ["Wójt Gminy Wola Krzysztoporska", "FA-D/7/2026", "Anna Śliwińska"]


def letter(kind: str, **values: str) -> CaseLetter:
    return replace(BASE, kind=kind, values=values)


CASES = [
    (
        # art. 54 § 1 k.p.a.: the organ, whom, in what case, time and place, consequences.
        letter("wezwanie-na-wywiad", when="15.09.2026", place="GOPS, pokój nr 2"),
        [
            "WEZWANIE",
            "osobistego stawiennictwa",
            "15.09.2026",
            "GOPS, pokój nr 2",
            "wywiadu alimentacyjnego",
            "oświadczenia majątkowego",
            "art. 5 ust. 3 ustawy",
            "art. 88 § 1 k.p.a.",
            DEBTOR.name,
        ],
    ),
    (
        letter("pouczenie-big", state="Informacja została przekazana dnia 01.10.2026."),
        [
            "POUCZENIE",
            "dłuższy niż 6 miesięcy",
            "biura informacji gospodarczej",
            "świadczeń z funduszu alimentacyjnego",
            "zaliczek alimentacyjnych",
            "22 kwietnia 2005 r.",
            "art. 8a ust. 1 pkt 1",
            "Informacja została przekazana dnia 01.10.2026.",
        ],
    ),
    (
        letter("zobowiazanie-pup", pup="Powiatowy Urząd Pracy w Piotrkowie", deadline="06.11.2026"),
        [
            "ZOBOWIĄZANIE",
            "art. 5 ust. 2 pkt 1",
            "jako bezrobotny",
            "jako poszukujący pracy",
            "Powiatowy Urząd Pracy w Piotrkowie",
            "06.11.2026",
            "art. 5 ust. 3 ustawy",
        ],
    ),
    (
        replace(
            letter("informacja-pup", duty="zobowiązanie z dnia 23.10.2026"),
            addressee=("Powiatowy Urząd Pracy w Piotrkowie Trybunalskim",),
        ),
        [
            "INFORMACJA",
            "art. 5 ust. 2 pkt 2",
            "aktywizacji zawodowej",
            "Powiatowy Urząd Pracy w Piotrkowie Trybunalskim",
            "44051401359",  # the debtor identified for the PUP
            "zobowiązanie z dnia 23.10.2026",
        ],
    ),
    (
        letter(
            "zawiadomienie-o-wszczeciu",
            ground="a) uniemożliwia przeprowadzenie wywiadu alimentacyjnego",
            description=" Nie wpuścił pracownika.",
        ),
        [
            "ZAWIADOMIENIE",
            "art. 61 § 1 i § 4 k.p.a.",
            "uchylającego się od zobowiązań alimentacyjnych",
            "a) uniemożliwia przeprowadzenie wywiadu alimentacyjnego",
            "Nie wpuścił pracownika.",
            "art. 10 § 1 k.p.a.",
            "art. 5 ust. 3a ustawy",
        ],
    ),
    (
        replace(
            letter(
                "projekt-decyzji-uchylanie",
                ground="a) uniemożliwia przeprowadzenie wywiadu alimentacyjnego",
                description="",
                opened="18.09.2026",
                months_not_met="2026-10",
            ),
            issued_on=date(2026, 11, 2),
            evasion=MONTHS,
        ),
        # k.p.a. art. 107 § 1: organ, date, party, legal basis, decision, reasons (facts and
        # law), appeal, signature with name and position.
        [
            "PROJEKT",
            "Wójt Gminy Wola Krzysztoporska",  # oznaczenie organu
            "2 listopada 2026",  # data wydania
            DEBTOR.name,  # oznaczenie strony
            "art. 5 ust. 3",  # podstawa prawna
            "art. 104",
            "orzekam",  # rozstrzygnięcie
            "uchylającego się od zobowiązań alimentacyjnych",
            "Uzasadnienie faktyczne",
            "Uzasadnienie prawne",
            "art. 5 ust. 3a",
            "2026-10",
            "250,00 zł",
            "odwołanie do samorządowego kolegium odwoławczego",  # pouczenie
            "14 dni",
            "Specjalista ds. administracji i windykacji",  # stanowisko
        ],
    ),
    (
        replace(
            letter(
                "wniosek-o-sciganie",
                decided="02.11.2026",
                delivered="05.11.2026",
                final="20.11.2026",
                cepik="—",
            ),
            addressee=("Prokuratura Rejonowa w Piotrkowie Trybunalskim",),
        ),
        [
            "WNIOSEK O ŚCIGANIE",
            "art. 209 § 1 Kodeksu karnego",
            "art. 5 ust. 3b pkt 1",
            "art. 209 § 2",
            "Prokuratura Rejonowa w Piotrkowie Trybunalskim",
            "02.11.2026",
            "05.11.2026",
            "20.11.2026",
            "odpis ostatecznej decyzji",
        ],
    ),
    (
        replace(
            letter(
                "wniosek-zatrzymanie-prawa-jazdy",
                decided="02.11.2026",
                delivered="05.11.2026",
                final="20.11.2026",
                cepik="23.11.2026",
            ),
            addressee=("Starosta Piotrkowski",),
        ),
        [
            "zatrzymanie prawa jazdy",
            "art. 5 ust. 3b pkt 2",
            "Starosta Piotrkowski",
            "centralnej ewidencji kierowców dnia 23.11.2026",
            "odpis ostatecznej decyzji",
        ],
    ),
    (
        replace(
            letter(
                "wniosek-zwrot-prawa-jazdy",
                requested="23.11.2026",
                reason="dłużnik wywiązywał się w każdym miesiącu w kwocie nie niższej niż 50 %.",
            ),
            addressee=("Starosta Piotrkowski",),
            evasion=MONTHS,
        ),
        [
            "zwrot zatrzymanego prawa jazdy",
            "Starosta Piotrkowski",
            "23.11.2026",
            "nie niższej niż 50 %",
            "2026-05",
        ],
    ),
    (
        replace(
            letter(
                "wniosek-o-podjecie-dzialan",
                trigger="przyznanie świadczenia z funduszu alimentacyjnego",
                opened="01.09.2026",
            ),
            addressee=("Burmistrz (Prezydent) Miasta Piotrków Trybunalski",),
        ),
        [
            "o podjęcie działań wobec dłużnika alimentacyjnego",
            "art. 3 i art. 4",
            "organ właściwy wierzyciela",
            "Burmistrz (Prezydent) Miasta Piotrków Trybunalski",
            "przyznanie świadczenia z funduszu alimentacyjnego",
            "01.09.2026",
            "wywiadu alimentacyjnego",
            "44051401359",
        ],
    ),
    (
        replace(
            letter(
                "informacja-o-dzialaniach",
                trigger="przyznanie świadczenia z funduszu alimentacyjnego",
                opened="01.09.2026",
            ),
            addressee=("Wójt Gminy Wola Krzysztoporska",),
            findings=(
                ("03.09.2026", "Wywiad alimentacyjny (wezwanie)"),
                ("18.09.2026", "Wszczęcie postępowania (uchylanie się)"),
            ),
        ),
        [
            "o działaniach podjętych wobec dłużnika alimentacyjnego",
            "organ właściwy dłużnika",
            "03.09.2026",
            "Wywiad alimentacyjny (wezwanie)",
            "Wszczęcie postępowania (uchylanie się)",
        ],
    ),
]


@pytest.mark.parametrize(("doc", "phrases"), CASES, ids=[c[0].kind for c in CASES])
def test_every_letter_has_its_required_parts(doc: CaseLetter, phrases: list[str]) -> None:
    pdf = render(doc)
    page = text(pdf)
    missing = [p for p in [*COMMON, *phrases] if p not in page]
    assert not missing, f"{doc.kind}: missing {missing}"
    assert all(fonts(pdf).values()), "only embedded fonts (Polish glyphs)"


def test_an_unknown_letter_is_refused() -> None:
    with pytest.raises(KeyError):
        render(letter("list-gonczy"))
