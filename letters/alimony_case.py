"""The letters of the procedure against an alimony debtor (issue 18; seed 001, annex 9;
u.p.o.u.a. art. 5, 8a; art. 209 k.k.), rendered from frozen data (CaseLetter): the summons to the
interview, the BIG pouczenie, the obligation to register at the PUP, the information to the PUP,
the notice of opening proceedings, the draft decision with the parts of k.p.a. art. 107 § 1, the
request to prosecute, and the requests to the starosta to retain and to return the licence."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from app.domain.documents import Creditor, DebtorData, Signatory
from letters.blocks import addressee, debtor_lines, kv_table, letterhead, signature, title
from letters.format import amount_zl, day, esc
from letters.pages import Marker, build_pdf
from letters.styles import Styles
from letters.textblocks import paragraphs

ACT = "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów"


@dataclass(frozen=True, slots=True)
class EvasionRow:
    month: str  # "2026-05"
    awarded: int  # grosze
    paid: int
    met: bool


@dataclass(frozen=True, slots=True)
class CaseLetter:
    """What one letter of the case prints. `kind` is the letter's name (app/alimony/case.py
    LETTERS); `values` the step's dates and texts already worded; `addressee` the lines of the
    office written to (PUP, prokuratura, starosta), empty for letters to the debtor."""

    kind: str
    creditor: Creditor
    organ: str  # "Wójt Gminy Wola Krzysztoporska": the organ właściwy dłużnika
    debtor: DebtorData
    issued_on: date
    case_ref: str
    signatory: Signatory | None
    addressee: tuple[str, ...] = ()
    values: dict[str, str] = field(default_factory=dict)
    evasion: tuple[EvasionRow, ...] = ()
    findings: tuple[tuple[str, str], ...] = ()  # (date, what was done) the letter lists


TITLES: dict[str, tuple[str, str]] = {
    "wezwanie-na-wywiad": ("WEZWANIE", "do stawienia się na wywiad alimentacyjny"),
    "pouczenie-big": (
        "POUCZENIE",
        "o przekazaniu informacji o zobowiązaniach do biura informacji gospodarczej",
    ),
    "zobowiazanie-pup": (
        "ZOBOWIĄZANIE",
        "do zarejestrowania się w powiatowym urzędzie pracy",
    ),
    "informacja-pup": (
        "INFORMACJA",
        "o potrzebie aktywizacji zawodowej dłużnika alimentacyjnego",
    ),
    "zawiadomienie-o-wszczeciu": ("ZAWIADOMIENIE", "o wszczęciu postępowania administracyjnego"),
    "projekt-decyzji-uchylanie": (
        "DECYZJA",
        "w sprawie uznania dłużnika alimentacyjnego za uchylającego się od zobowiązań"
        " alimentacyjnych",
    ),
    "wniosek-o-sciganie": ("WNIOSEK O ŚCIGANIE", "za przestępstwo z art. 209 § 1 Kodeksu karnego"),
    "wniosek-zatrzymanie-prawa-jazdy": ("WNIOSEK", "o zatrzymanie prawa jazdy"),
    "wniosek-zwrot-prawa-jazdy": ("WNIOSEK", "o zwrot zatrzymanego prawa jazdy"),
    "wniosek-o-podjecie-dzialan": ("WNIOSEK", "o podjęcie działań wobec dłużnika alimentacyjnego"),
    "informacja-o-dzialaniach": (
        "INFORMACJA",
        "o działaniach podjętych wobec dłużnika alimentacyjnego",
    ),
}


def _evasion_table(rows: Sequence[EvasionRow]) -> Flowable:
    return kv_table(
        [
            (
                r.month,
                f"bieżące alimenty {amount_zl(r.awarded)}, wpłacono {amount_zl(r.paid)}"
                f" – {'co najmniej 50 %' if r.met else 'poniżej 50 %'}",
            )
            for r in rows
        ]
        or [("—", "—")]
    )


def _context(c: CaseLetter) -> dict[str, str]:
    return {
        "act": ACT,
        "organ": c.organ,
        "debtor": c.debtor.name,
        "case_ref": c.case_ref,
        **c.values,
    }


def _debtor_table(c: CaseLetter) -> Flowable:
    return kv_table([("Dłużnik alimentacyjny", "; ".join(debtor_lines(c.debtor)))])


def _wezwanie(c: CaseLetter) -> list[Flowable]:
    return paragraphs("ac_wezwanie_wywiad.txt", **_context(c))


def _big(c: CaseLetter) -> list[Flowable]:
    return paragraphs("ac_pouczenie_big.txt", basis=f"art. 8a ust. 1 pkt 1 {ACT}", **_context(c))


def _zobowiazanie(c: CaseLetter) -> list[Flowable]:
    return paragraphs("ac_zobowiazanie_pup.txt", **_context(c))


def _informacja(c: CaseLetter) -> list[Flowable]:
    return [*paragraphs("ac_informacja_pup.txt", **_context(c)), _debtor_table(c)]


def _zawiadomienie(c: CaseLetter) -> list[Flowable]:
    return paragraphs("ac_zawiadomienie_wszczecie.txt", **_context(c))


def _decyzja(c: CaseLetter) -> list[Flowable]:
    return [
        *paragraphs("ac_decyzja_uchylanie.txt", **_context(c)),
        Paragraph(esc("Wpłaty w ostatnich 6 miesiącach (art. 5 ust. 3a ustawy)"), Styles.section),
        _evasion_table(c.evasion),
    ]


def _sciganie(c: CaseLetter) -> list[Flowable]:
    return [*paragraphs("ac_wniosek_sciganie.txt", **_context(c)), _debtor_table(c)]


def _prawo_jazdy(c: CaseLetter) -> list[Flowable]:
    return [*paragraphs("ac_wniosek_prawo_jazdy.txt", **_context(c)), _debtor_table(c)]


def _zwrot(c: CaseLetter) -> list[Flowable]:
    out = [*paragraphs("ac_wniosek_zwrot.txt", **_context(c)), _debtor_table(c)]
    if c.evasion:
        out += [
            Paragraph(esc("Wpłaty w ostatnich 6 miesiącach"), Styles.section),
            _evasion_table(c.evasion),
        ]
    return out


def _wniosek_organ(c: CaseLetter) -> list[Flowable]:
    return [*paragraphs("ac_wniosek_organ.txt", **_context(c)), _debtor_table(c)]


def _informacja_organ(c: CaseLetter) -> list[Flowable]:
    return [
        *paragraphs("ac_informacja_organ.txt", **_context(c)),
        kv_table(list(c.findings) or [("—", "nie podjęto jeszcze czynności")]),
        _debtor_table(c),
    ]


BODIES: dict[str, Callable[[CaseLetter], list[Flowable]]] = {
    "wezwanie-na-wywiad": _wezwanie,
    "pouczenie-big": _big,
    "zobowiazanie-pup": _zobowiazanie,
    "informacja-pup": _informacja,
    "zawiadomienie-o-wszczeciu": _zawiadomienie,
    "projekt-decyzji-uchylanie": _decyzja,
    "wniosek-o-sciganie": _sciganie,
    "wniosek-zatrzymanie-prawa-jazdy": _prawo_jazdy,
    "wniosek-zwrot-prawa-jazdy": _zwrot,
    "wniosek-o-podjecie-dzialan": _wniosek_organ,
    "informacja-o-dzialaniach": _informacja_organ,
}
# Letters to an office, not to the debtor.
TO_OFFICE = {
    "informacja-pup",
    "wniosek-o-sciganie",
    "wniosek-zatrzymanie-prawa-jazdy",
    "wniosek-zwrot-prawa-jazdy",
    "wniosek-o-podjecie-dzialan",
    "informacja-o-dzialaniach",
}


def story(c: CaseLetter) -> list[Flowable]:
    """Raises KeyError for a letter it does not know."""
    body = BODIES[c.kind]
    heading, subtitle = TITLES[c.kind]
    draft = c.kind == "projekt-decyzji-uchylanie"
    if c.kind in TO_OFFICE:
        to = addressee("Adresat:", list(c.addressee) or ["……………………………………………"])
    else:
        to = addressee("Strona (dłużnik alimentacyjny):", debtor_lines(c.debtor))
    out: list[Flowable] = [
        Marker("", heading.title()),
        letterhead(c.creditor, c.issued_on),
        Paragraph(esc(f"Organ: {c.organ}. Znak sprawy: {c.case_ref}"), Styles.small),
    ]
    if draft:
        out.append(Paragraph("PROJEKT – do podpisu przez osobę upoważnioną", Styles.small))
    out += [to, title(heading, subtitle), *body(c)]
    out.append(signature(c.signatory))
    if draft:
        out += paragraphs("decyzja_pouczenie.txt")
    return out


def render(c: CaseLetter) -> bytes:
    heading, subtitle = TITLES[c.kind]
    return build_pdf(story(c), title=f"{heading.title()} {subtitle}", author=c.creditor.name)


def when(d: date) -> str:
    return day(d)
