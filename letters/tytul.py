"""Tytuł wykonawczy on the TW-1 model (rozporządzenie MFFiPR z 12.01.2021, t.j. Dz.U. 2022
poz. 1856), paper version: the original and the copy for the debtor ("odpis dla zobowiązanego") in
one PDF, from the same TytulWykonawczy the TW-1(5) XML is built from (app/titles/tw1_5.py).

Part letters follow what the official TW-1(5) pouczenie refers to – part A is the debtor(s), part D
the receivable and the document it comes from ("część D poz. 3–5") – with B (spouse) and C (partners
of a partnership) marked "nie dotyczy". The letters E (creditor) and F (enforcement authority) are
ours: the full TW-1(5) paper layout was not available (see /work/shared/xsd/NOTES.md §4).

Research of 2026-12-06 for the layout in force since 25.03.2024 (załącznik nr 1 to Dz.U. 2024
poz. 431), with the `search` tool; the layout (part letters, position numbers, headings) was NOT
found, so this printout keeps its own letters and is not claimed to follow the annex:
- pages: "TW-1 wzór 2024 objaśnienia", "tytuł wykonawczy TW-1 część A dane wierzyciela pozycje
  2024", "Dz.U. 2024 poz. 431 wzory tytułów wykonawczych", "TW-1(7) … pozycje formularza",
  "OBJAŚNIENIA DOTYCZĄCE SPORZĄDZANIA TYTUŁU WYKONAWCZEGO (TW-1) … 2023 r. poz. 2505",
  "… osoba upoważniona … numer referencyjny … część", "Podręcznik użytkownika aplikacji eTW
  formularz TW-1(7)"; docs: "eTW TW-1(7) schemat"; issues: "TW-1 tytuł wykonawczy 2024";
  find_string (code): "TW-1(7)", "Dz.U. 2024 poz. 431" – no hits.
- Found: the text of § 1–2 of Dz.U. 2024 poz. 431 without its annexes (infor.pl,
  DZU.2024.082.0000431): § 2 lets the 2021 forms be used for 12 months without their klauzula
  parts; the MF portal for creditors (is-szczecin.pl/egzadm, news of 2024-10-22): WORKING schemas
  TW-1(7), TW-3(3), ZZ-1(2), ZZ-2(2) made on the 2024 forms, "not final"; gazetaprawna.pl
  (9329634, 9471325): the 2024 forms add data identifying the debtor, the person authorised to act
  for the creditor, and reference numbers given by the IT system, and drop the klauzula; art. 27
  § 1 u.p.e.a. as in force from 25.03.2024 (inforlex.pl). The only position-numbered TW-1 layout
  found is the old TW-1(3) of 2017 (an e-service form, e-obywatel.ozimek.pl/wif/form/new/113:
  header 1–6, A dłużnik A.1 poz. 1–22, B małżonek, C wspólnicy, D zobowiązany u którego powstał
  obowiązek, E należność …) – superseded twice, so not used here.
- Not printed for want of the annex: the reference number of the IT system (its position and
  wording are unknown; the eTW gives it after the handoff)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer

from app.domain.documents import Address, DebtorData, TytulWykonawczy
from app.domain.identifiers import IdentifierError, birth_date, valid_pesel
from letters.blocks import (
    Lines,
    SectionBar,
    authority_lines,
    kv_table,
    signature_parts,
    two_columns,
)
from letters.format import amount_zl, day, identifier_pairs, nrb, percent, period
from letters.pages import Marker
from letters.styles import Styles
from letters.textblocks import paragraphs

COPIES = ("ORYGINAŁ", "ODPIS DLA ZOBOWIĄZANEGO")
# The paper form in force since 25.03.2024: załącznik nr 1 do rozporządzenia Ministra Finansów z
# 19.03.2024 w sprawie wzorów tytułów wykonawczych stosowanych w egzekucji administracyjnej
# (Dz.U. 2024 poz. 431); its § 2 allowed the 2021 forms (Dz.U. 2022 poz. 1856) for 12 months
# only. What the 2024 model changed (after the u.p.e.a. amendment of 9.03.2023, Dz.U. 2023
# poz. 556, in force 25.03.2024; sources in /work/shared/xsd/NOTES.md [S9][S17][S20]): no
# klauzula of the enforcement authority; the debtor's father's and mother's names and birth date
# "o ile są znane" (art. 27 § 1 pkt 2 lit. a); the person authorised to act for the creditor with
# name and position (art. 27 § 1 pkt 7). Its exact graphic layout (position numbers) was not
# reachable here: the parts keep the TW-1 letters A–F of this printout, and each art. 27 item
# has its row. The XML stays TW-1(5) until MF publishes the final TW-1(7) schema
# (app/titles/forms.py, one registry entry).
PAPER_FORM = "wzór: zał. nr 1 do rozp. MF z 19.03.2024 (Dz.U. 2024 poz. 431)"


def _address(address: Address | None) -> str:
    return "adres nieustalony" if address is None else address.one_line()


def debtor_rows(d: DebtorData) -> list[tuple[str, str]]:
    """Part A: only the identifiers the creditor knows are printed (art. 27 § 1 pkt 2)."""
    rows = [
        (
            "Rodzaj zobowiązanego",
            "osoba fizyczna" if d.is_person else "podmiot niebędący osobą fizyczną",
        ),
        ("Rodzaj odpowiedzialności", "zobowiązany – odpowiedzialność własna"),
        ("Imię i nazwisko" if d.is_person else "Nazwa", d.name),
        ("Adres miejsca zamieszkania" if d.is_person else "Adres siedziby", _address(d.address)),
    ]
    pesel = d.pesel if d.is_person else None
    if d.is_person:
        # art. 27 § 1 pkt 2 lit. a u.p.e.a. (from 25.03.2024): "o ile są znane wierzycielowi".
        rows += [("Imię ojca", "nieznane wierzycielowi"), ("Imię matki", "nieznane wierzycielowi")]
    rows += identifier_pairs(pesel, d.nip, d.regon)
    if pesel:
        try:
            rows.append(("Data urodzenia", day(birth_date(valid_pesel(pesel)))))
        except IdentifierError:
            pass  # an invalid PESEL still prints as given; only the birth date from it is left out
    return rows


def receivable_rows(t: TytulWykonawczy) -> list[tuple[str, str]]:
    """Part D: the legal basis, the obligation and the amounts as of the title's date."""
    r = t.receivable
    kind = f"{r.kind_label} (kod: {r.legal_basis_code})" if r.legal_basis_code else r.kind_label
    rows = [
        ("Akt normatywny", r.legal_basis),
        ("Rodzaj należności pieniężnej", kind),
        ("Obowiązek wynika z", f"{r.decision} ({r.title})" if r.decision else r.title),
    ]
    if t.reminder is not None:
        delivered = (
            day(t.reminder.delivered_on) if t.reminder.delivered_on else "brak daty doręczenia"
        )
        rows += [
            ("Upomnienie", f"nr {t.reminder.number} z dnia {day(t.reminder.issued_on)}"),
            ("Data doręczenia upomnienia", delivered),
            ("Koszty upomnienia", amount_zl(r.costs)),
        ]
    rows += [
        ("Kwota należności pieniężnej", amount_zl(r.principal)),
        ("Okres, którego dotyczy należność", period(r.period_from, r.period_to)),
        ("Termin płatności", day(r.due_date)),
    ]
    if r.interest_kind.strip():
        rows += [
            ("Rodzaj odsetek", r.interest_kind),
            (
                "Stawka odsetek (na dzień wystawienia)",
                f"{percent(r.interest_rate_bp)} w stosunku rocznym",
            ),
            ("Data, od której nalicza się odsetki", day(r.interest_from)),
            (f"Kwota odsetek na dzień {day(t.issued_on)}", amount_zl(r.interest_amount)),
        ]
    else:
        rows.append(("Odsetki", "nie nalicza się"))
    rows += [
        ("Odpowiedzialność majątkiem wspólnym", "nie"),
        ("Obowiązek ściśle związany z osobą", "nie"),
    ]
    return rows


def creditor_rows(t: TytulWykonawczy) -> list[tuple[str, str]]:
    c = t.creditor
    rows = [("Nazwa", c.name), ("Adres siedziby", c.address.one_line())]
    rows += [
        (label, value)
        for label, value in (
            ("NIP", c.nip),
            ("REGON", c.regon),
            ("Kod wierzyciela", c.creditor_code),
        )
        if value
    ]
    if c.bank_account:
        bank = f" ({c.bank_name})" if c.bank_name else ""
        rows.append(("Rachunek bankowy wierzyciela", nrb(c.bank_account) + bank))
    # art. 27 § 1 pkt 7 u.p.e.a.: the person authorised to act for the creditor (2024 model).
    rows += [
        ("Osoba upoważniona do działania w imieniu wierzyciela", t.signatory.name),
        ("Stanowisko służbowe", t.signatory.position),
    ]
    return rows


def authority_rows(t: TytulWykonawczy) -> list[tuple[str, str]]:
    a = t.authority
    rows = [("Nazwa", a.name), ("Adres", a.address.one_line())]
    return rows + ([("Kod urzędu", a.office_code)] if a.office_code else [])


def _copy(t: TytulWykonawczy, mark: str) -> list[Flowable]:
    return [
        Marker(mark, f"Tytuł wykonawczy nr {t.number} – {mark.lower()}"),
        two_columns(
            Lines(
                [
                    "TW-1",
                    "TYTUŁ WYKONAWCZY",
                    "stosowany w egzekucji należności pieniężnych",
                    PAPER_FORM,
                    f"postać elektroniczna: {t.form_version}",
                ],
                size=11,
                bold_lines=(0, 1),
            ),
            Lines(authority_lines(t.authority), bold_first=True, caption="Organ egzekucyjny:"),
            0.5,
        ),
        *paragraphs("tytul_naglowek.txt", style=Styles.small),
        kv_table(
            [
                ("1. Numer tytułu wykonawczego", t.number),
                ("2. Data wystawienia", day(t.issued_on)),
                ("3. Rodzaj dokumentu", "tytuł wykonawczy"),
            ],
            bold_rows=(0,),
        ),
        SectionBar("A. DANE ZOBOWIĄZANEGO"),
        kv_table(debtor_rows(t.debtor)),
        SectionBar("B. DANE MAŁŻONKA ZOBOWIĄZANEGO – nie dotyczy"),
        SectionBar("C. DANE WSPÓLNIKÓW SPÓŁKI NIEPOSIADAJĄCEJ OSOBOWOŚCI PRAWNEJ – nie dotyczy"),
        SectionBar("D. DANE DOTYCZĄCE NALEŻNOŚCI PIENIĘŻNEJ"),
        kv_table(receivable_rows(t)),
        SectionBar("E. DANE WIERZYCIELA I WNIOSEK O WSZCZĘCIE EGZEKUCJI ADMINISTRACYJNEJ"),
        kv_table(creditor_rows(t)),
        KeepTogether(
            [
                Spacer(1, 4),
                *paragraphs("tytul_wniosek.txt"),
                *signature_parts(t.signatory),
            ]
        ),
        SectionBar("F. ORGAN EGZEKUCYJNY"),
        kv_table(authority_rows(t)),
        Spacer(1, 6),
        # Not a StaticBlock: a title is printed alone, and plain paragraphs may split across pages.
        *paragraphs("tytul_pouczenie.txt", style=Styles.fine, heading=Styles.section_small),
    ]


def story(t: TytulWykonawczy) -> list[Flowable]:
    out: list[Flowable] = []
    for i, mark in enumerate(COPIES):
        if i:
            out.append(PageBreak())
        out += _copy(t, mark)
    return out
