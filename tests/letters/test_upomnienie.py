"""The reminder carries every element a)–h) of seed 003 §3.2 (rozporządzenie MFFiPR z 4.12.2020,
Dz.U. 2020 poz. 2194), read back from the PDF's text."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.documents import Creditor
from letters import render_upomnienie
from tests.letters import samples
from tests.letters.pdfcheck import fonts, page_texts, text

U = samples.UPOMNIENIE


@pytest.fixture(scope="module")
def printed() -> str:
    return text(render_upomnienie(U))


@pytest.mark.parametrize(
    "phrase",
    [
        # a) number and date of issue
        "UPOMNIENIE nr UP/17/2026",
        "z dnia 23 listopada 2026 r.",
        # b) creditor's name and seat
        "Centrum Wsparcia dla Osób w Kryzysie we Włocławku",
        "ul. Okrężna 2",
        # c) debtor's name, address and the identifier the creditor knows (Polish letters intact)
        "Łukasz Zażółć Gęślą Jaźń",
        "ul. Długa 5 m. 3 87-800 Włocławek",
        "PESEL: 44051401359",
        # d) kind, amount and period of the receivable
        "Opłata za pobyt w centrum wsparcia dla osób w kryzysie",
        "Okres, którego dotyczy należność 28.02.2026",
        "Kwota należności głównej 123,45 zł",
        # d) kind, amount and rate of interest as of the issue date; the rate for further interest
        "Rodzaj odsetek odsetki za zwłokę, naliczane od dnia 31.03.2026",
        "12,00 zł",
        "10,50% w stosunku rocznym",
        "Dalsze odsetki za zwłokę od kwoty należności głównej (123,45 zł) należy obliczyć od dnia"
        " 24.11.2026",
        # d) how to pay and the cost of the reminder
        "rachunek bankowy wierzyciela nr 12 1020 1026 0000 1502 0123 4567",
        "Koszty upomnienia 16,00 zł",
        # the total, in figures and in words
        "151,45 zł",
        "sto pięćdziesiąt jeden złotych 45/100",
        # e) demand to pay within 7 days of delivery under threat of enforcement
        "w terminie 7 dni od dnia doręczenia niniejszego upomnienia",
        "z zagrożeniem skierowania sprawy na drogę postępowania egzekucyjnego",
        # f) enforcement costs
        "opłaty manipulacyjnej w wysokości 100 zł oddzielnie od każdego tytułu wykonawczego",
        "opłaty egzekucyjnej",
        "art. 64 § 4 lub § 5 u.p.e.a.",
        "wydatków egzekucyjnych poniesionych przez organ egzekucyjny",
        "opłaty za czynności egzekucyjne",
        # g) art. 15 § 1a and 36 § 4 u.p.e.a.
        "Pouczenia, o których mowa w art. 15 § 1a i art. 36 § 4 u.p.e.a.",
        "zarzutu w sprawie egzekucji administracyjnej",
        "zawiadomić wierzyciela o zmianie adresu miejsca zamieszkania lub siedziby",
        "doręczenie pisma pod dotychczasowym adresem jest skuteczne",
        # h) the signatory's name and position
        "Anna Śliwińska",
        "Specjalista ds. administracji i windykacji",
    ],
)
def test_every_required_element_is_printed(printed: str, phrase: str) -> None:
    assert phrase in printed


def test_the_font_is_embedded_dejavu_and_no_base14_font_is_used() -> None:
    found = fonts(render_upomnienie(U))
    assert found, "no font in the PDF"
    assert all("DejaVuSans" in name for name in found), found
    assert all(found.values()), f"a font without /FontFile2: {found}"


def test_capital_polish_letters_survive_extraction() -> None:
    debtor = replace(samples.DEBTOR, name=f"{samples.CAPITALS} {samples.POLISH.upper()}")
    assert f"{samples.CAPITALS} ZAŻÓŁĆ GĘŚLĄ JAŹŃ" in text(
        render_upomnienie(replace(U, debtor=debtor))
    )


def test_a_debtor_with_no_pesel_nip_or_regon_still_prints_without_empty_identifier_lines() -> None:
    printed = text(render_upomnienie(replace(U, debtor=samples.DEBTOR_NO_IDS)))
    assert "Jan Bezimienny" in printed
    assert "ul. Żabia 1" in printed
    assert "PESEL" not in printed
    assert printed.count("NIP:") == 1  # the creditor's
    assert printed.count("REGON:") == 1
    assert "None" not in printed


def test_a_debtor_with_no_known_address_prints_that_it_is_unknown() -> None:
    homeless = replace(samples.DEBTOR_NO_IDS, address=None)
    assert "adres nieustalony" in text(render_upomnienie(replace(U, debtor=homeless)))


def test_user_text_with_markup_characters_prints_as_written() -> None:
    creditor = Creditor(name='Gmina A & B <Centrum> "Ośrodek"', address=samples.CREDITOR.address)
    debtor = replace(samples.DEBTOR, name="Kowalski & Syn <sp. j.>")
    printed = text(render_upomnienie(replace(U, creditor=creditor, debtor=debtor)))
    assert (
        'wierzyciel – Gmina A & B <Centrum> "Ośrodek" – upomina' in printed
    )  # through a Paragraph
    assert "Kowalski & Syn <sp. j.>" in printed  # through plain lines


def test_a_creditor_without_a_bank_account_is_paid_at_its_cash_desk() -> None:
    creditor = replace(samples.CREDITOR, bank_account=None, bank_name=None)
    assert "w kasie wierzyciela: ul. Okrężna 2, 87-800 Włocławek" in text(
        render_upomnienie(replace(U, creditor=creditor))
    )


def test_a_receivable_without_interest_says_so_and_gives_no_rate() -> None:
    no_interest = replace(U.receivable, interest_kind="", interest_amount=0, interest_rate_bp=0)
    printed = text(render_upomnienie(replace(U, receivable=no_interest)))
    assert "Odsetki nie nalicza się" in printed
    assert "Dalsze" not in printed
    assert "139,45 zł" in printed  # 123,45 + 16,00


def test_an_automatically_generated_reminder_has_no_signature_line() -> None:
    printed = text(render_upomnienie(replace(U, signatory=None)))
    assert "Upomnienie wygenerowane automatycznie" in printed
    assert "podpis osoby upoważnionej" not in printed


def test_rendering_is_deterministic_and_starts_on_page_one() -> None:
    first, second = render_upomnienie(U), render_upomnienie(U)
    assert first == second
    assert "UPOMNIENIE nr UP/17/2026" in page_texts(first)[0]
